"""A `requests` transport adapter that hands HTTP requests to a WSGI application in the
same process (RG-1).

The portal and the itsme stub share one server; a single-worker server that called
itself over the network would wait for itself forever. Mounted on the relying party's
session for the stub's base URL, this adapter turns the prepared request (method, URL,
headers such as the client's Basic authentication, form body) into a WSGI environ, runs
the application, and returns its status, headers and body as a `requests.Response`.
Each dispatched request runs in a fresh application context, so it never shares `g`,
the database session or the locale of the request that is calling it.
"""

from __future__ import annotations

from io import BytesIO
from urllib.parse import urlsplit

from flask import Flask
from requests import PreparedRequest, Response
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict
from requests.utils import get_encoding_from_headers
from werkzeug.test import EnvironBuilder, run_wsgi_app

SKIPPED_HEADERS = {"content-length", "host"}


def wsgi_environ(request: PreparedRequest) -> dict:
    """The WSGI environ of a prepared `requests` request."""
    parts = urlsplit(request.url or "")
    body = request.body or b""
    if isinstance(body, str):
        body = body.encode("utf-8")
    headers = [(k, v) for k, v in request.headers.items() if k.lower() not in SKIPPED_HEADERS]
    builder = EnvironBuilder(
        path=parts.path or "/",
        base_url=f"{parts.scheme}://{parts.netloc}",
        query_string=parts.query,
        method=request.method or "GET",
        headers=headers,
        data=body,
    )
    try:
        return builder.get_environ()
    finally:
        builder.close()


class InProcessAdapter(BaseAdapter):
    """Send requests to `app` through WSGI instead of a socket."""

    def __init__(self, app: Flask) -> None:
        super().__init__()
        self.app = app

    def send(
        self,
        request: PreparedRequest,
        stream=False,
        timeout=None,
        verify=True,
        cert=None,
        proxies=None,
    ) -> Response:
        environ = wsgi_environ(request)
        with self.app.app_context():
            app_iter, status, headers = run_wsgi_app(self.app, environ, buffered=True)
            try:
                content = b"".join(app_iter)
            finally:
                if hasattr(app_iter, "close"):
                    app_iter.close()
        return build_response(request, status, list(headers.items()), content)

    def close(self) -> None:
        """Nothing to release: no sockets are opened."""


def build_response(
    request: PreparedRequest, status: str, headers: list[tuple[str, str]], content: bytes
) -> Response:
    response = Response()
    code, _, reason = status.partition(" ")
    response.status_code = int(code)
    response.reason = reason
    response.headers = CaseInsensitiveDict(headers)
    response.encoding = get_encoding_from_headers(response.headers)
    response._content = content
    response.raw = BytesIO(content)
    response.url = request.url or ""
    response.request = request
    return response
