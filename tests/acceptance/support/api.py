"""The simulator's JSON control API (/sim/api/) and console pages (/sim/), as the
scenarios use them to set up the world and to look at it."""

from __future__ import annotations

from typing import Any

import requests

from tests.acceptance.support.html import Page

TIMEOUT = 30


class ApiError(AssertionError):
    """The control API answered something other than what the step expected."""


class SimApi:
    """One client of the control API and the console, with the console token if any."""

    def __init__(self, base_url: str, token: str | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.http = requests.Session()
        if token:
            self.http.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self.http.close()

    def call(self, method: str, path: str, expect: int | tuple[int, ...] = 200, **kwargs) -> Any:
        """Call /sim/api<path>; the JSON answer, or ApiError when the status differs."""
        if method in ("POST", "PUT", "DELETE") and "json" not in kwargs:
            kwargs["json"] = {}
        response = self.http.request(
            method, f"{self.base_url}/sim/api{path}", timeout=TIMEOUT, **kwargs
        )
        allowed = (expect,) if isinstance(expect, int) else expect
        if response.status_code not in allowed:
            raise ApiError(
                f"{method} /sim/api{path} answered {response.status_code}: {response.text[:500]}"
            )
        kind = response.headers.get("Content-Type", "")
        return response.json() if kind.startswith("application/json") else response.content

    def get(self, path: str, **params) -> Any:
        return self.call("GET", path, params=params or None)

    def console(self, path: str) -> Page:
        """A console page (/sim/<path>) as HTML."""
        response = self.http.get(f"{self.base_url}/sim{path}", timeout=TIMEOUT)
        return Page.parse(response.url, response.status_code, response.text)

    # --- the world --------------------------------------------------------------------

    def reset(self) -> int:
        return self.call("POST", "/reset", json={"mode": "demo"})["personas"]

    def freeze(self, at: str) -> dict:
        return self.call("PUT", "/clock", json={"at": at, "frozen": True})

    def advance(self, *, hours: float = 0, days: float = 0) -> dict:
        return self.call("POST", "/clock/advance", json={"hours": hours, "days": days})

    def clock(self) -> dict:
        return self.get("/clock")

    def fault(self, name: str, enabled: bool) -> dict:
        return self.call("PUT", f"/faults/{name}", json={"enabled": enabled})

    def deliver_letters(self) -> int:
        return self.call("POST", "/letters/deliver")["delivered"]

    def outbox(self, **filters) -> list[dict]:
        return self.get("/outbox", limit=1000, **filters)["messages"]

    def outbox_revealed(self, **filters) -> list[dict]:
        """The outbox with `reveal=undelivered`: content not delivered too; the answer
        must say that realism is broken."""
        answer = self.get("/outbox", limit=1000, reveal="undelivered", **filters)
        assert answer["realism"] == "broken", answer.get("realism")
        return answer["messages"]

    def events(self) -> list[dict]:
        return self.get("/events", limit=100)["events"]

    def next_event(self) -> dict:
        return self.call("POST", "/clock/next-event")

    def personas(self) -> list[dict]:
        return self.get("/personas")["personas"]

    # --- the intermediary and the support desk ----------------------------------------

    def broker_view(self, brand: str, person_id: int) -> dict:
        return self.get(f"/broker/{brand}/{person_id}")

    def broker_page(self, brand: str, person_id: int) -> Page:
        return self.console(f"/broker/{brand}/{person_id}")

    def ask_support(self, brand: str, person_id: int, what: str, body: dict) -> tuple[int, dict]:
        """An intermediary's request to support: (status, JSON answer)."""
        response = self.http.post(
            f"{self.base_url}/sim/api/broker/{brand}/{person_id}/{what}", json=body, timeout=TIMEOUT
        )
        return response.status_code, response.json()

    def publish(self, body: dict) -> dict:
        return self.call("POST", "/documents/publish", expect=201, json=body)

    def support_requests(self, **filters) -> list[dict]:
        return self.get("/support", **filters)["requests"]

    def support_request(self, request_id: int) -> dict:
        return self.get(f"/support/{request_id}")

    def support_act(self, request_id: int, action: str, body: dict | None = None) -> dict:
        return self.call("POST", f"/support/{request_id}/{action}", json=body or {})

    def screenshot(self, request_id: int) -> bytes:
        return self.call("GET", f"/support/{request_id}/screenshot")
