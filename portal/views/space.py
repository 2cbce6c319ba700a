"""Blueprints that live inside a brand space: /<brand>/<lang>/... (BR-1)."""

from __future__ import annotations

import re
from urllib.parse import unquote

from flask import Blueprint, g, request, session

from models.brands import PROFILES

PREFIX = "/<brand:brand>/<any(fr,nl):lang>"
NEXT_KEY = "next"
#: What a `next` target may hold: a path and a query, no backslash, no space, no control
#: character, at most 512 characters.
NEXT_CHARACTERS = re.compile(r"/[A-Za-z0-9/._~%!$&'()*+,;=:@?-]{0,511}")


def safe_next(target: str | None) -> str | None:
    """Only a path inside this brand space may be a `next` target (ASVS V3.7.2): no
    other site (`//evil`, `https://...`), no backslash or control character, no dot
    segment that climbs out of the brand space, in any language of the brand."""
    if not target or not NEXT_CHARACTERS.fullmatch(target) or "//" in target:
        return None
    if not target.startswith(f"/{g.brand.value}/"):
        return None
    path = target.split("?", 1)[0]
    if any(unquote(segment) in (".", "..") for segment in path.split("/")):
        return None
    return target


def remember_next() -> None:
    """before_request of every brand-space blueprint: a visitor's `?next=` (set by the
    login-required redirect, or in a bookmarked link) is kept in the brand's session
    until a way in succeeds; `log_in` then lands there."""
    target = request.args.get(NEXT_KEY) if request.method == "GET" else None
    if target is not None and "_user_id" not in session:
        kept = safe_next(target)
        if kept:
            session[NEXT_KEY] = kept
        else:
            session.pop(NEXT_KEY, None)


def brand_space_blueprint(name: str, import_name: str) -> Blueprint:
    """A blueprint whose views know g.brand, g.lang and g.profile, and whose URLs stay
    in the current brand space and language unless told otherwise."""
    bp = Blueprint(name, import_name, url_prefix=PREFIX)
    bp.before_request(remember_next)

    @bp.url_value_preprocessor
    def _enter_brand_space(_endpoint, values):
        g.brand = values.pop("brand")
        g.lang = values.pop("lang")
        g.profile = PROFILES[g.brand]

    @bp.url_defaults
    def _stay_in_brand_space(_endpoint, values):
        if "brand" in g:
            values.setdefault("brand", g.brand.value)
            values.setdefault("lang", g.lang)

    return bp
