"""A form field's <input>, written in Python for the common case (issue 12): what WTForms
writes, attribute for attribute (names sorted, the field's validation flags, values
escaped), for a fraction of the calls of WTForms' formatter or of a Jinja loop
(tests/web/test_form_html.py and tests/web/test_form_inputs.py keep the HTML identical).
Anything else (render_kw, a datalist, other widgets) is left to WTForms."""

from __future__ import annotations

from markupsafe import Markup, escape

PLAIN_INPUTS = frozenset({"text", "email", "tel", "password"})
#: Attribute names as escaped once: the templates' and WTForms' own few dozen names.
_NAMES: dict[str, str] = {}


def field_input(field, attrs: dict) -> Markup:
    """The field's <input> with the extra `attrs` (a data-testid, an aria-describedby)."""
    widget = field.widget
    kind = getattr(widget, "input_type", None)
    if (
        field.render_kw is not None
        or kind not in PLAIN_INPUTS
        or getattr(field, "_datalist", None) is not None
    ):
        return Markup(field(**attrs))
    values = dict(attrs)
    values["id"], values["name"], values["type"] = field.id, field.name, kind
    values["value"] = "" if getattr(widget, "hide_value", False) else field._value()
    flags = field.flags
    for name in widget.validation_attrs:
        flag = getattr(flags, name, None)
        if flag is not None:
            values[name] = flag
    parts = ["<input"]
    for name, value in sorted(values.items()):
        written = _NAMES.get(name)
        if written is None:
            written = _NAMES[name] = str(escape(name))
        if value is True:
            parts.append(f" {written}")
        elif value is not False:
            parts.append(f' {written}="{escape(value)}"')
    parts.append(">")
    return Markup("".join(parts))
