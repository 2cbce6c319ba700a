"""Work that every test app repeats, done once per test process.

Every test builds its own Flask app (the `app` fixture of tests/conftest.py), and these
parts of that build and of its first pages are the same each time and cost most of it:

* Werkzeug compiles, for each of the ~1,100 URL rules, two small Python functions that
  build the rule's URLs (`Rule._compile_builder`: an AST, then `compile`). Such a function
  depends only on the rule's text and parts, its defaults and whether unknown arguments
  are appended; it receives the rule as its first argument (it is bound to each rule
  afterwards). Here it is compiled once per distinct rule and shared by the later apps:
  the same code, so the same URLs.
* Werkzeug also parses each rule's text into its parts (`Rule._parse_rule`: a regular
  expression scan, the parts' own regular expressions and weights), about 60 ms of each
  app's 90 ms. The parts depend only on the text and the map's converters (their
  classes, and the patterns their instances give); they are parsed once per process,
  and each later rule gets the same parts, the same trace and converters made anew for
  its own map. A converter whose pattern changed since (a brand added to the profiles,
  `<brand:...>`) has its rule parsed again.
* `portal.migrate.head` reads and compiles every Alembic revision file to name the head
  revision; the files do not change during a test run, so the answer is kept per
  script directory.
* Jinja compiles each template to Python code the first time an app renders it (20-40 ms
  for a page and its includes, on every test's first request of a page). Every test
  app's Jinja environment gets one shared in-memory bytecode cache (Jinja's own
  `BytecodeCache`): a template is compiled once per process and loaded from its code
  afterwards. Jinja keys the code by template name and checks the source's checksum, so
  a template edited during the run is compiled again; every test app has the same
  environment options and extensions (`create_app`), so the same code.

Nothing else of the app is shared: each test still gets a new app, configuration,
extensions, Jinja environment (globals, filters, caches of its extensions), engine and
database.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from werkzeug.routing.rules import Rule

from portal import migrate

_builders: dict[tuple, Callable] = {}
_parsed: dict[tuple, tuple[list, list, list]] = {}
#: Werkzeug's and Flask's own functions, as they were before `install`.
ORIGINAL: dict[str, Callable] = {}
_heads: dict[str, str] = {}


class TemplateCode(BytecodeCache):
    """Jinja's compiled templates kept in memory (Jinja checks each source's checksum)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_templates = TemplateCode()


def _builder_key(rule: Rule, append_unknown: bool) -> tuple:
    defaults = rule.defaults or {}
    resolved = tuple(
        rule._converters[part].to_url(defaults[part]) if dynamic and part in defaults else None
        for dynamic, part in rule._trace
    )
    return (rule.rule, append_unknown, tuple(rule._trace), tuple(defaults), resolved)


def install() -> None:
    """Patch all four, once (idempotent)."""
    if getattr(Rule._compile_builder, "shared_by_tests", False):
        return
    compile_builder = Rule._compile_builder
    read_head = migrate.head
    create_jinja_environment = Flask.create_jinja_environment
    parse_rule = ORIGINAL["parse_rule"] = Rule._parse_rule

    def parse_and_keep(self: Rule, rule: str, key: tuple) -> list:
        made: list[tuple] = []  # (variable, converter, args, kwargs, regex) in rule order
        get_converter = self.get_converter

        def recording(variable, converter, args, kwargs):
            found = get_converter(variable, converter, args, kwargs)
            made.append((variable, converter, args, kwargs, found.regex))
            return found

        self.get_converter = recording  # type: ignore[method-assign]
        start = len(self._trace)
        try:
            parts = list(parse_rule(self, rule))
        finally:
            del self.get_converter
        _parsed[key] = (parts, self._trace[start:], made)
        return parts

    def shared_parse(self: Rule, rule: str) -> list:
        key = (rule, tuple(self.map.converters.items()))
        known = _parsed.get(key)
        if known is None:
            return parse_and_keep(self, rule, key)
        parts, trace, made = known
        converters = {
            variable: self.get_converter(variable, converter, args, kwargs)
            for variable, converter, args, kwargs, _regex in made
        }
        if any(converters[m[0]].regex != m[4] for m in made):
            # a converter whose pattern is built from data that changed (a brand added
            # to the profiles: <brand:...>): the parts are parsed again
            return parse_and_keep(self, rule, key)
        self._trace.extend(trace)
        self._converters.update(converters)
        self.arguments.update(converters)
        return list(parts)

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

    def shared_templates(self: Flask):
        env = create_jinja_environment(self)
        env.bytecode_cache = _templates
        return env

    shared_builder.shared_by_tests = True  # type: ignore[attr-defined]
    Rule._compile_builder = shared_builder  # type: ignore[method-assign]
    Rule._parse_rule = shared_parse  # type: ignore[method-assign]
    migrate.head = shared_head
    Flask.create_jinja_environment = shared_templates  # type: ignore[method-assign]
