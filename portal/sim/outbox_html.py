"""The console outbox's messages as HTML, written in Python (issue 12).

The page shows up to a few hundred messages; written by the template, each one cost
about 300 Python calls (a generator step per piece of output, an escape per value, an
attribute lookup per field). Here each message is one f-string with one escape per
value: the same markup, in the trainer's language (texts looked up once per page).
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from portal.sim.console_i18n import console_gettext as _
from portal.sim.console_labels import code_label, day_name
from portal.sim.outbox import Shown

FULL = "%d/%m/%Y %H:%M"


def _texts() -> dict[str, str]:
    """The texts that are the same for every message of the page."""
    return {
        "letter": code_label("letter"),
        "sms": code_label("sms"),
        "email": code_label("email"),
        "code": _("Code:"),
        "copy": _("Copy"),
        "copied": _("Copied"),
        "lost": _("lost in the post: never delivered"),
        "never": _("not delivered: never arrives"),
        "revealed": _("revealed"),
        "sealed": _("Sealed: readable once delivered."),
        "unreadable": _("The customer never receives it: its content cannot be read."),
        "delivered": _("delivered %(when)s"),
        "transit": _("in transit: expected %(when)s"),
        "to": _("To: %(recipient)s"),
        "envelope": _("Posted %(posted)s · expected %(due)s"),
        "posted": _("Posted %(posted)s"),
        "delivery": _("Delivery %(due)s"),
    }


def _state(t: dict[str, str], st: str, due: str, when_day: str) -> str:
    if st == "lost":
        return f'<span class="badge lost" data-testid="message-lost">{escape(t["lost"])}</span>'
    if st == "not_delivered":
        text = escape(t["never"])
        return f'<span class="badge lost" data-testid="message-not-delivered">{text}</span>'
    if st == "delivered":
        text = escape(t["delivered"] % {"when": due})
        return f'<span class="badge ok" data-testid="message-delivered">{text}</span>'
    text = escape(t["transit"] % {"when": f"{when_day} {due}"})
    return f'<span class="badge wait" data-testid="message-in-transit">{text}</span>'


def _content(t: dict[str, str], v: Shown, ch: str, st: str, due: str) -> str:
    m = v.message
    if not v.readable:
        posted = m.posted_at.strftime(FULL)
        note = t["sealed"] if st == "in_transit" else t["unreadable"]
        return (
            '<div class="envelope" data-testid="message-envelope">\n'
            f"      <p>{escape(t['envelope'] % {'posted': posted, 'due': due})}</p>\n"
            f'      <p class="muted">{escape(note)}</p>\n'
            "    </div>"
        )
    if ch == "letter":
        posted = escape(t["posted"] % {"posted": m.posted_at.strftime("%d/%m/%Y")})
        delivery = escape(t["delivery"] % {"due": due})
        return (
            '<div class="letter-paper">\n'
            f'      <div class="postmark">{posted}<br>{delivery}</div>\n'
            f"      <pre>{escape(m.body)}</pre>\n"
            "    </div>"
        )
    if ch == "sms":
        return (
            f'<div class="phone"><div class="bubble">{escape(m.body)}</div>'
            f"<small>{m.posted_at.strftime(FULL)}</small></div>"
        )
    return (
        f'<div class="mail"><strong>{escape(m.subject)}</strong><pre>{escape(m.body)}</pre></div>'
    )


def _code(t: dict[str, str], id_: int, code: str) -> str:
    code = escape(code)
    copy = escape(t["copy"])
    return (
        f'\n    <p class="code">{escape(t["code"])} <code data-testid="message-code-{id_}">'
        f"{code}</code>\n"
        f'      <button type="button" class="btn small secondary" data-copy="{code}" '
        f'data-copy-label="{copy}" data-copied="{escape(t["copied"])}" '
        f'data-testid="copy-code-{id_}">{copy}</button></p>'
    )


def articles(messages: Iterable[Shown]) -> Markup:
    """One `<article>` per message: its envelope, and its content and code once it
    can be read (delivered, or revealed)."""
    t = _texts()
    parts = []
    for v in messages:
        m = v.message
        id_, ch, st = m.id, m.channel.value, v.status.value
        kind, brand = escape(m.kind), escape(m.brand.value)
        due = m.deliver_at.strftime(FULL)
        when_day = escape(day_name(m.deliver_at)) if st == "in_transit" else ""
        revealed = (
            f'\n      <span class="badge lost" data-testid="message-revealed">'
            f"{escape(t['revealed'])}</span>"
            if v.revealed
            else ""
        )
        code = _code(t, id_, m.code) if v.readable and m.code else ""
        parts.append(
            f'  <article class="msg msg-{ch}" data-testid="message-{id_}" data-channel="{ch}" '
            f'data-kind="{kind}" data-brand="{brand}" data-status="{st}">\n'
            "    <header>\n"
            f'      <span class="badge">{brand}</span>\n'
            f'      <span class="badge">{escape(t.get(ch) or code_label(ch))}</span>\n'
            f'      <span class="badge">{kind}</span>\n'
            f"      {_state(t, st, due, when_day)}{revealed}\n"
            "    </header>\n"
            f'    <p class="to">{escape(t["to"] % {"recipient": m.recipient})}</p>\n'
            f"    {_content(t, v, ch, st, due)}{code}\n"
            "  </article>\n"
        )
    return Markup("".join(parts))
