"""The rule coverage report of the acceptance pack, as a pytest plugin.

At collection it records each scenario with its tags; as tests run it records their
outcome (pytest_runtest_logreport); at the end it prints a table per rule and brand
(pytest_terminal_summary) and writes `coverage.html` and `coverage.json` to
test-results/acceptance/ (or the directory of `--acceptance-report`).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest

from tests.acceptance.rules import APPLIES, BRANDS, Rule, load_rules, tag_kinds

ORDER = {"failed": 0, "error": 1, "xpassed": 2, "skipped": 3, "xfailed": 4, "passed": 5}


@dataclass
class ScenarioRun:
    nodeid: str
    name: str
    feature: str
    tags: frozenset[str]
    outcome: str = "not run"
    duration: float = 0.0

    @property
    def rules(self) -> set[str]:
        return tag_kinds(self.tags)[0]

    @property
    def brands(self) -> set[str]:
        return tag_kinds(self.tags)[2]

    @property
    def faqs(self) -> list[str]:
        return sorted(t.removeprefix("faq-") for t in tag_kinds(self.tags)[1])


@dataclass
class RuleLine:
    rule: Rule
    runs: dict[str, list[ScenarioRun]] = field(default_factory=dict)  # by brand

    def status(self, brand: str) -> str:
        runs = self.runs.get(brand, [])
        if brand not in APPLIES.get(self.rule.id, BRANDS):
            return "n/a"
        if not runs:
            return "MISSING"
        passed = sum(r.outcome == "passed" for r in runs)
        return f"{passed}/{len(runs)}"


def scenario_of(item: pytest.Item) -> ScenarioRun | None:
    """The scenario behind a pytest-bdd test item, with the tags applied as marks."""
    if "_pytest_bdd_example" not in getattr(item, "fixturenames", ()):
        return None
    doc = (getattr(item, "obj", None).__doc__ or "") if hasattr(item, "obj") else ""
    feature, _, name = doc.partition(": ")
    tags = frozenset(m.name for m in item.iter_markers())
    rules, faqs, brands, _ = tag_kinds(tags)
    kept = frozenset(rules | faqs | brands | (tags & {"browser", "xfail"}))
    return ScenarioRun(item.nodeid, name or item.name, Path(feature).name, kept)


def outcome_of(report: pytest.TestReport) -> str | None:
    """The outcome a phase's report gives the scenario, or None for a passing set-up."""
    if hasattr(report, "wasxfail"):
        return "xfailed" if report.skipped else "xpassed"
    if report.failed:
        return "failed" if report.when == "call" else "error"
    if report.skipped:
        return "skipped"
    if report.when == "call":
        return "passed"
    return None


class RuleCoverage:
    """Collects the scenarios and their outcomes; prints and writes the coverage."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.runs: dict[str, ScenarioRun] = {}

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        for item in items:
            run = scenario_of(item)
            if run is not None:
                self.runs[item.nodeid] = run

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        run = self.runs.get(report.nodeid)
        if run is None:
            return
        run.duration += report.duration
        outcome = outcome_of(report)
        if outcome is None:
            return
        if run.outcome == "not run" or ORDER[outcome] < ORDER.get(run.outcome, 9):
            run.outcome = outcome

    def lines(self) -> list[RuleLine]:
        lines = [RuleLine(rule) for rule in load_rules()]
        by_id = {line.rule.id: line for line in lines}
        for run in self.runs.values():
            for rule_id in run.rules:
                line = by_id.get(rule_id)
                if line is None:
                    continue
                for brand in run.brands:
                    line.runs.setdefault(brand, []).append(run)
        return lines

    def report_dir(self) -> Path:
        chosen = self.config.getoption("acceptance_report", default=None)
        return Path(chosen) if chosen else self.config.rootpath / "test-results" / "acceptance"

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if not self.runs:
            return
        lines = self.lines()
        write = terminalreporter.write_line
        terminalreporter.section("acceptance coverage: FAQ rules by brand")
        write(f"{'rule':<6} {'vivium':>8} {'pv':>8}  title")
        for line in lines:
            cells = [line.status(b) for b in BRANDS]
            flag = any(c == "MISSING" for c in cells) or any(
                r.outcome not in ("passed", "xfailed") for rs in line.runs.values() for r in rs
            )
            text = f"{line.rule.id:<6} {cells[0]:>8} {cells[1]:>8}  {line.rule.title[:70]}"
            write(text, red=flag, green=not flag)
        missing = [
            f"{line.rule.id} ({b})" for line in lines for b in BRANDS if line.status(b) == "MISSING"
        ]
        outcomes: dict[str, int] = {}
        for run in self.runs.values():
            outcomes[run.outcome] = outcomes.get(run.outcome, 0) + 1
        summary = ", ".join(f"{n} {o}" for o, n in sorted(outcomes.items()))
        write(f"{len(lines)} rules, {len(self.runs)} scenarios: {summary}")
        write("rules without a scenario: " + (", ".join(missing) if missing else "none"))
        path = self.write(lines)
        write(f"coverage report: {path}")

    def write(self, lines: list[RuleLine]) -> Path:
        folder = self.report_dir()
        folder.mkdir(parents=True, exist_ok=True)
        page = folder / "coverage.html"
        page.write_text(render_html(lines, list(self.runs.values())), encoding="utf-8")
        data = {
            "rules": [
                {
                    "id": line.rule.id,
                    "title": line.rule.title,
                    "applies_to": list(APPLIES.get(line.rule.id, BRANDS)),
                    "status": {b: line.status(b) for b in BRANDS},
                    "scenarios": {
                        b: [{"name": r.name, "outcome": r.outcome, "nodeid": r.nodeid} for r in rs]
                        for b, rs in line.runs.items()
                    },
                }
                for line in lines
            ]
        }
        (folder / "coverage.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
        return page


STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;
vertical-align:top;text-align:left}th{background:#f3f3f3}.passed{color:#176d2c}
.failed,.error,.MISSING,.xpassed{color:#b00020;font-weight:bold}.skipped,.xfailed,.not{color:#8a6d00}
ul{margin:0;padding-left:1.1rem}small{color:#666}
"""


def render_html(lines: list[RuleLine], runs: list[ScenarioRun]) -> str:
    """A self-contained page: one row per rule, its scenarios per brand with outcomes."""
    e = html.escape
    rows = []
    for line in lines:
        cells = []
        for brand in BRANDS:
            status = line.status(brand)
            items = "".join(
                f'<li class="{e(r.outcome.split()[0])}">{e(r.name)} '
                f"<small>({e(r.outcome)}; {e(r.feature)}; faq {e(', '.join(r.faqs))})</small></li>"
                for r in line.runs.get(brand, [])
            )
            cells.append(
                f'<td><b class="{e(status.split("/")[0] if "/" not in status else "")}">'
                f"{e(status)}</b><ul>{items}</ul></td>"
            )
        rows.append(
            f'<tr id="{e(line.rule.id)}"><th>{e(line.rule.id)}</th><td>{e(line.rule.text)}'
            f"<br><small>FAQ {e(line.rule.faq or '-')}</small></td>{''.join(cells)}</tr>"
        )
    missing = [
        f"{line.rule.id} ({b})" for line in lines for b in BRANDS if line.status(b) == "MISSING"
    ]
    counts: dict[str, int] = {}
    for run in runs:
        counts[run.outcome] = counts.get(run.outcome, 0) + 1
    summary = ", ".join(f"{n} {o}" for o, n in sorted(counts.items()))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acceptance coverage</title>
<style>{STYLE}</style></head><body>
<h1>FAQ rules covered by the acceptance scenarios</h1>
<p>{len(lines)} rules from docs/RULES.md, {len(runs)} scenarios: {e(summary)}.
Generated {datetime.now():%Y-%m-%d %H:%M}.</p>
<p data-testid="rules-without-scenario">Rules without a scenario:
<b class="{"MISSING" if missing else "passed"}">{e(", ".join(missing) or "none")}</b></p>
<table><thead><tr><th>Rule</th><th>Text</th><th>MyVivium (vivium)</th><th>MyP&amp;V (pv)</th></tr>
</thead><tbody>{"".join(rows)}</tbody></table></body></html>
"""
