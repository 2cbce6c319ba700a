"""Pages outside a customer space: the portal chooser, language redirects, the web app
manifest that lets a phone add the portal to its home screen (BR-3)."""

from __future__ import annotations

from flask import Blueprint, g, jsonify, redirect, render_template, request, url_for

from models.brands import PROFILES
from models.enums import Brand

bp = Blueprint("public", __name__)


@bp.get("/")
def chooser():
    g.lang = request.accept_languages.best_match(("fr", "nl")) or "fr"
    return render_template("chooser.html")


@bp.get("/<brand:brand>/")
def brand_root(brand: Brand):
    """Send a visitor to the portal in the browser's language, else the brand's default."""
    profile = PROFILES[brand]
    lang = request.accept_languages.best_match(profile.languages) or profile.default_language
    return redirect(url_for("customer.index", brand=brand, lang=lang))


@bp.get("/<brand:brand>/manifest.webmanifest")
def manifest(brand: Brand):
    profile = PROFILES[brand]
    lang = request.args.get("lang") if request.args.get("lang") in profile.languages else None
    lang = lang or profile.default_language
    icons = [
        {
            "src": url_for("static", filename=f"icons/{brand}-{size}.png"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": "any maskable",
        }
        for size in (192, 512)
    ]
    body = {
        "name": profile.portal_name,
        "short_name": profile.portal_name,
        "lang": lang,
        "start_url": url_for("customer.index", brand=brand, lang=lang),
        "scope": f"{request.script_root}/{brand}/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": profile.colour,
        "icons": icons,
    }
    response = jsonify(body)
    response.mimetype = "application/manifest+json"
    return response
