"""Error pages: a clear page in the visitor's language, never a stack trace; and the ONE
map from the back office's named domain errors to HTTP statuses."""

from __future__ import annotations

from flask import Flask, g, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from auth.sessions import brand_of_path
from models.brands import PROFILES
from portal.backoffice.errors import (
    Conflict,
    DomainError,
    Forbidden,
    Invalid,
    Malformed,
    NotFound,
    Unavailable,
)

STATUS_OF: dict[type[DomainError], int] = {
    Malformed: 400,
    Forbidden: 403,
    NotFound: 404,
    Conflict: 409,
    Invalid: 422,
    Unavailable: 503,
}

MESSAGES = {
    400: "The request is not valid.",
    403: "Not allowed.",
    404: "No such resource.",
    405: "This method is not allowed here.",
    413: "The request body is too large.",
    415: "Send the request body as application/json.",
    500: "The simulator could not complete the request.",
}


def status_of(exc: DomainError) -> int:
    """The HTTP status of a domain error: its class's, or its nearest parent's."""
    for cls in type(exc).__mro__:
        if cls in STATUS_OF:
            return STATUS_OF[cls]
    return 422


def domain_error_json(exc: DomainError):
    """A domain error as the API answers it: {"error": code, "message": ..., details}."""
    response = jsonify(error=exc.code, message=exc.message, **exc.details)
    response.status_code = status_of(exc)
    return response


def _wants_json() -> bool:
    return request.path.startswith("/sim/api/")


def _render(code: int, name: str):
    if _wants_json():
        return jsonify(
            error=name, message=MESSAGES.get(code, "The request failed."), status=code
        ), code
    if "profile" not in g:
        brand = brand_of_path(request.path)
        if brand is not None:
            g.brand, g.profile = brand, PROFILES[brand]
            parts = request.path.strip("/").split("/")
            lang = parts[1] if len(parts) > 1 and parts[1] in ("fr", "nl") else None
            g.lang = lang or PROFILES[brand].default_language
    if "lang" not in g:  # a tool's path the router refused (/vconnect/nl/...): its language
        parts = request.path.strip("/").split("/")
        if len(parts) > 1 and parts[1] in ("fr", "nl"):
            g.lang = parts[1]
    return render_template("error.html", code=code), code


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        return _render(exc.code or 500, (exc.name or "error").lower().replace(" ", "_"))

    @app.errorhandler(CSRFError)
    def _csrf(_exc: CSRFError):
        return _render(400, "csrf")

    @app.errorhandler(DomainError)
    def _domain(exc: DomainError):
        """A domain error no front end answered itself: JSON for the API, else the
        error page of its status (the transaction rolls back, portal.transaction)."""
        if _wants_json():
            return domain_error_json(exc)
        return _render(status_of(exc), exc.code)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        app.logger.exception("unexpected error", exc_info=exc)
        return _render(InternalServerError.code, "internal_error")
