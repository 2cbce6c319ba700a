"""Work that every test app repeats, done once per test process.

Every test builds its own Flask app (the `app` fixture of tests/conftest.py), and two
parts of that build are the same each time and cost most of it (about 0.3 s of 0.4 s):

* Werkzeug compiles, for each of the ~1,100 URL rules, two small Python functions that
  build the rule's URLs (`Rule._compile_builder`: an AST, then `compile`). Such a function
  depends only on the rule's text and parts, its defaults and whether unknown arguments
  are appended; it receives the rule as its first argument (it is bound to each rule
  afterwards). Here it is compiled once per distinct rule and shared by the later apps:
  the same code, so the same URLs.
* `portal.migrate.head` reads and compiles every Alembic revision file to name the head
  revision; the files do not change during a test run, so the answer is kept per
  script directory.

Nothing else of the app is shared: each test still gets a new app, configuration,
extensions, engine and database.
"""

from __future__ import annotations

from collections.abc import Callable

from werkzeug.routing.rules import Rule

from portal import migrate

_builders: dict[tuple, Callable] = {}
_heads: dict[str, str] = {}


def _builder_key(rule: Rule, append_unknown: bool) -> tuple:
    defaults = rule.defaults or {}
    resolved = tuple(
        rule._converters[part].to_url(defaults[part]) if dynamic and part in defaults else None
        for dynamic, part in rule._trace
    )
    return (rule.rule, append_unknown, tuple(rule._trace), tuple(defaults), resolved)


def install() -> None:
    """Patch both, once (idempotent)."""
    if getattr(Rule._compile_builder, "shared_by_tests", False):
        return
    compile_builder = Rule._compile_builder
    read_head = migrate.head

    def shared_builder(self: Rule, append_unknown: bool = True) -> Callable:
        key = _builder_key(self, append_unknown)
        if key not in _builders:
            _builders[key] = compile_builder(self, append_unknown)
        return _builders[key]

    def shared_head(engine) -> str:
        where = migrate.alembic_config(engine).get_main_option("script_location")
        if where not in _heads:
            _heads[where] = read_head(engine)
        return _heads[where]

    shared_builder.shared_by_tests = True  # type: ignore[attr-defined]
    Rule._compile_builder = shared_builder  # type: ignore[method-assign]
    migrate.head = shared_head
