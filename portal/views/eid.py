"""eID: the simulator's virtual card reader (RG-1)."""

from __future__ import annotations

from portal.views.space import brand_space_blueprint

bp = brand_space_blueprint("eid", __name__)
