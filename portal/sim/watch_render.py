"""The watched page rendered again, read-only (issue 19): the trainee's last GET path
is requested inside the simulator, in the trainee's world, with a session cookie made
for the trainee's user, and its HTML is made inert before the trainer sees it: no
script, no form target, no link target, every control disabled, and a policy that
forbids scripts and form submissions in the frame. The render records nothing
(`auth.watching.RENDER_KEY`), so it never moves what it watches."""

from __future__ import annotations

import re

from flask import current_app, request

from auth.watching import RENDER_KEY

SCRIPT = re.compile(r"<script\b.*?</script\s*>", re.IGNORECASE | re.DOTALL)
TARGET = re.compile(
    r"""(<(?:a|form|area)\b[^>]*?)\s(?:href|action|formaction)=("[^"]*"|'[^']*')""", re.I
)
CONTROL = re.compile(r"<(input|button|select|textarea)\b", re.IGNORECASE)
HANDLER = re.compile(r"""\son[a-z]+=("[^"]*"|'[^']*')""", re.IGNORECASE)
BODY = re.compile(r"<body\b", re.IGNORECASE)
FRAME_POLICY = (
    "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self'; form-action 'none'; base-uri 'none'; object-src 'none'; "
    "frame-ancestors 'self'"
)


def inert(html: str) -> str:
    """The page with nothing left to act on (links, forms, controls, scripts)."""
    html = SCRIPT.sub("", html)
    html = HANDLER.sub("", html)
    while True:
        changed = TARGET.sub(r"\1", html)
        if changed == html:
            break
        html = changed
    html = CONTROL.sub(lambda m: f"<{m.group(1)} disabled", html)
    return BODY.sub("<body inert", html, count=1)


def render_as(path: str, cookie_name: str, cookie_value: str) -> str:
    """The page at `path` (inside this request's world) as the cookie's user sees it."""
    client = current_app.test_client()
    client.set_cookie(cookie_name, cookie_value, domain=request.host.split(":")[0])
    response = client.get(
        request.script_root + path,
        base_url=request.host_url,
        environ_overrides={RENDER_KEY: True, "REMOTE_ADDR": request.remote_addr or ""},
        follow_redirects=True,
    )
    try:
        return inert(response.get_data(as_text=True))
    finally:
        response.close()


def signed_cookie(data: dict) -> str:
    serializer = current_app.session_interface.get_signing_serializer(current_app)
    return serializer.dumps(data)
