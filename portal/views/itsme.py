"""itsme: the portal as an OpenID Connect relying party, and the simulator's stub
identity provider (RG-1)."""

from __future__ import annotations

from flask import Blueprint

from portal.views.space import brand_space_blueprint

bp = brand_space_blueprint("itsme", __name__)
stub = Blueprint("itsme_stub", __name__, url_prefix="/stub/itsme")
