"""The browser tests' server: a response the browser abandons leaves no file open.

No browser here: the wrapper of tests/browser/conftest.py is called as the
development server calls an application.
"""

from __future__ import annotations

import socket

from werkzeug.wsgi import FileWrapper

from tests.live import buffered


def test_a_file_response_is_read_whole_and_closed_before_the_server_writes_it(tmp_path):
    path = tmp_path / "portal.css"
    path.write_bytes(b"body { color: #123; }\n" * 1000)
    opened = []

    def app(environ, start_response):
        handle = path.open("rb")
        opened.append(handle)
        start_response("200 OK", [("Content-Type", "text/css")])
        return FileWrapper(handle, 64)

    statuses = []
    body = buffered(app)({}, lambda status, headers: statuses.append(status))

    assert statuses == ["200 OK"]
    assert opened[0].closed
    assert b"".join(body) == path.read_bytes()


def test_the_live_server_serves_the_stylesheet_to_a_client_that_hangs_up(live_server):
    host, port = live_server.removeprefix("http://").split(":")
    for _ in range(5):
        with socket.create_connection((host, int(port))) as client:
            client.sendall(
                b"GET /static/portal.css HTTP/1.1\r\nHost: " + host.encode() + b"\r\n\r\n"
            )
            assert client.recv(12).startswith(b"HTTP/1.1 200")
    with socket.create_connection((host, int(port))) as client:
        client.sendall(b"GET /static/portal.css HTTP/1.1\r\nHost: " + host.encode() + b"\r\n\r\n")
        answer = b""
        while chunk := client.recv(65536):
            answer += chunk
    assert b"\r\n\r\n" in answer
    assert len(answer.partition(b"\r\n\r\n")[2]) > 100
