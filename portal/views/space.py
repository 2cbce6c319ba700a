"""Blueprints that live inside a brand space: /<brand>/<lang>/... (BR-1)."""

from __future__ import annotations

from flask import Blueprint, g

from models.brands import PROFILES
from models.enums import Brand

PREFIX = "/<any(vivium,pv):brand>/<any(fr,nl):lang>"


def brand_space_blueprint(name: str, import_name: str) -> Blueprint:
    """A blueprint whose views know g.brand, g.lang and g.profile, and whose URLs stay
    in the current brand space and language unless told otherwise."""
    bp = Blueprint(name, import_name, url_prefix=PREFIX)

    @bp.url_value_preprocessor
    def _enter_brand_space(_endpoint, values):
        g.brand = Brand(values.pop("brand"))
        g.lang = values.pop("lang")
        g.profile = PROFILES[g.brand]

    @bp.url_defaults
    def _stay_in_brand_space(_endpoint, values):
        if "brand" in g:
            values.setdefault("brand", g.brand.value)
            values.setdefault("lang", g.lang)

    return bp
