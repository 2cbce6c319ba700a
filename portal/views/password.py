"""Personal data: registration with a postal activation code, and login with email,
password and an SMS code (RG-1, RG-2, RG-6, RG-7)."""

from __future__ import annotations

from portal.views.space import brand_space_blueprint

bp = brand_space_blueprint("password", __name__)
