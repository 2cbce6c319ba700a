"""The page frame, rendered once and kept (issue 12).

The header, the menu and the footer of a customer page are the same for every customer
of a brand space: they change only with the brand, the language, the page's own
parameters (the language switch links to the same page) and the request's script root
and host, which every URL of the frame carries (a world's `/w/<id>` prefix, issue 14).
The template tag

    {% frame "footer", profile.brand, lang %} ... {% endframe %}

renders its body once per key and then hands out the kept text. The key is the tag's
name, the values the template gives it and the request's script root and host: a body
must use nothing else, so nothing that varies per customer or per request (a name, a
CSRF token, a flashed message) goes inside. The kept texts belong to one application's
template environment and hold no state: two workers build the same texts.

`ImportingTemplate` spares the `{% import %}` and `{% from ... import %}` of every page a
slow comparison (below).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from jinja2 import Template, nodes
from jinja2.environment import TemplateModule
from jinja2.ext import Extension
from jinja2.parser import Parser
from jinja2.runtime import Context, new_context

#: Most frame texts one application keeps before it starts again.
FRAME_CACHE_SIZE = 2048


def _frozen(value: Any) -> Any:
    """A key part: a mapping (a page's URL values) as its sorted items, a list (a
    contract's covered guarantees) as a tuple."""
    if isinstance(value, dict):
        return tuple(sorted(value.items()))
    return tuple(value) if isinstance(value, list) else value


class FrameExtension(Extension):
    """`{% frame name, value... %}body{% endframe %}`: the body rendered once per key."""

    tags: ClassVar[set[str]] = {"frame"}

    def __init__(self, environment: Any) -> None:
        super().__init__(environment)
        self.kept: dict[tuple, str] = {}

    def parse(self, parser: Parser) -> nodes.Node:
        lineno = next(parser.stream).lineno
        values = [parser.parse_expression()]
        while parser.stream.skip_if("comma"):
            values.append(parser.parse_expression())
        body = parser.parse_statements(("name:endframe",), drop_needle=True)
        args = [nodes.ContextReference(), nodes.Tuple(values, "load")]
        return nodes.CallBlock(self.call_method("_frame", args), [], [], body).set_lineno(lineno)

    def _frame(self, context: Context, values: tuple, caller: Callable[[], str]) -> str:
        request = context.get("request")
        if request is None:
            return caller()
        key = (request.script_root, request.host, *map(_frozen, values))
        found = self.kept.get(key)
        if found is None:
            if len(self.kept) >= FRAME_CACHE_SIZE:
                self.kept.clear()
            found = self.kept[key] = caller()
        return found


class ImportingTemplate(Template):
    """A Jinja template that is imported (macros) at the cost of a C set operation.

    Jinja hands an importing template the imported one's kept module unless the
    importer has globals the imported template lacks; it finds out with
    `set - ChainMap.keys()`, which runs three Python calls per global, some two
    hundred per import with this application's sixty-odd globals (issue 12). This asks
    the same question with `set.difference` over the ChainMap's dictionaries, in C; the
    answer, and so what is rendered, is the same."""

    def new_context(self, vars=None, shared=False, locals=None) -> Context:
        """Jinja's, given the template's globals as one dictionary: Jinja copies the
        ChainMap of the template's and the environment's globals key by key, a Python
        call per global, on every render and import (issue 12). The same keys and values
        (the template's own first) in the same order: the same context."""
        return new_context(
            self.environment, self.name, self.blocks, vars, shared, _flat(self.globals), locals
        )

    def _get_default_module(self, ctx: Context | None = None) -> TemplateModule:
        if ctx is not None:
            maps = getattr(self.globals, "maps", (self.globals,))
            if not ctx.globals_keys.difference(*maps):
                ctx = None  # nothing the kept module lacks: Jinja would hand it out
        return super()._get_default_module(ctx)


def _flat(globals_: Any) -> Any:
    """A ChainMap as one dictionary (the first mapping's values win), built in C."""
    maps = getattr(globals_, "maps", None)
    if maps is None:
        return globals_
    flat: dict = {}
    for mapping in reversed(maps):
        flat.update(mapping)
    return flat
