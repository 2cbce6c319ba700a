"""One tester's personal-data story against a running simulator, as a browser does it
(cookies kept, forms posted with their CSRF token, redirects followed), each step timed
(RG-1, RG-2, RG-6: letter, code, SMS; bench/team.py)."""

from __future__ import annotations

import http.cookiejar
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "correct horse battery staple"
BASE = "/pv/nl"
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
REFUSAL = re.compile(r'data-testid="refusal" data-code="([a-z_]+)"')
PDF = re.compile(r'href="(/pv/nl/documents/\d+\.pdf)"')
CONTRACT = re.compile(r'href="(/pv/nl/contracts/\d+)"')
CUSTOMER = {
    "brand": "pv",
    "segment": "private",
    "contracts": [
        {"product": "life_pension_savings", "status": "active", "life_documents": [2024, 2025]}
    ],
}


class StoryFailed(RuntimeError):
    pass


class Tester:
    """A browser of its own: one cookie jar, one fresh customer, timed steps."""

    def __init__(self, port: int, number: int) -> None:
        self.root = f"http://127.0.0.1:{port}"
        self.number = number
        self.email = f"tester{number}@example.be"
        self.mobile = f"047{number % 10_000_000:07d}"
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        self.times: list[tuple[str, float]] = []

    def request(self, path: str, data: dict | None = None, body: object = None) -> str:
        """GET, form POST (`data`) or JSON POST (`body`); the text of the answer."""
        headers, payload = {}, None
        if data is not None:
            payload = urllib.parse.urlencode(data).encode()
        elif body is not None:
            payload, headers = json.dumps(body).encode(), {"Content-Type": "application/json"}
        req = urllib.request.Request(self.root + path, payload, headers)
        try:
            with self.opener.open(req, timeout=120) as answer:
                return answer.read().decode(errors="replace")
        except urllib.error.HTTPError as exc:
            text = exc.read().decode(errors="replace")
            refusal = REFUSAL.search(text)
            raise StoryFailed(f"{path}: {exc.code} {refusal.group(1) if refusal else ''}") from None

    def step(self, name: str, action):
        started = time.perf_counter()
        result = action()
        self.times.append((name, time.perf_counter() - started))
        return result

    def form(self, path: str, data: dict) -> str:
        """Open a page, post its form with the page's CSRF token."""
        page = self.request(path)
        token = CSRF.search(page)
        if token is None:
            raise StoryFailed(f"{path}: no form")
        answer = self.request(path, {"csrf_token": token.group(1), **data})
        if refusal := REFUSAL.search(answer):
            raise StoryFailed(f"{path}: refused {refusal.group(1)}")
        return answer

    def code(self, channel: str, recipient: str, containing: str = "") -> str:
        query = urllib.parse.urlencode({"channel": channel, "recipient": recipient, "limit": 5})
        found = json.loads(self.request(f"/sim/api/outbox?{query}"))["messages"]
        for message in found:
            if message["code"] and containing in (message["body"] or ""):
                return message["code"]
        raise StoryFailed(f"no {channel} code for {recipient}")

    def run(self) -> None:
        customer = self.step("create customer", lambda: json.loads(
            self.request("/sim/api/customers", body=CUSTOMER)))  # fmt: skip
        number, born = customer["contracts"][0]["number"], customer["birth_date"]
        self.step("register letter", lambda: self.form(
            f"{BASE}/register", {"contract_number": number, "birth_date": born}))  # fmt: skip
        self.step("deliver letters", lambda: self.request("/sim/api/letters/deliver", body={}))
        letter = self.step("read letter", lambda: self.code("letter", customer["name"], number))
        data = {"contract_number": number, "code": letter, "email": self.email,
                "password": PASSWORD, "mobile": self.mobile}  # fmt: skip
        self.step("register step 2", lambda: self.form(f"{BASE}/register/activate", data))
        sms = self.step("read sms", lambda: self.code("sms", f"+32{self.mobile[1:]}"))
        home = self.step(
            "confirm mobile", lambda: self.form(f"{BASE}/register/confirm", {"code": sms})
        )
        token = CSRF.search(home)
        if token is None or "/pv/nl/logout" not in home:
            raise StoryFailed("not logged in after the registration")
        self.step("log out", lambda: self.request(f"{BASE}/logout", {"csrf_token": token.group(1)}))
        self.step("login password", lambda: self.form(
            f"{BASE}/login/password", {"email": self.email, "password": PASSWORD}))  # fmt: skip
        sms = self.step("read sms", lambda: self.code("sms", f"+32{self.mobile[1:]}"))
        self.step("login sms", lambda: self.form(f"{BASE}/login/sms", {"code": sms}))
        home = self.step("home", lambda: self.request(f"{BASE}/"))
        documents = self.step("documents", lambda: self.request(f"{BASE}/documents"))
        contract = CONTRACT.search(home)
        self.step("contract", lambda: self.request(
            contract.group(1) if contract else f"{BASE}/contracts/{number}"))  # fmt: skip
        pdf = PDF.search(documents)
        if pdf is None:
            raise StoryFailed("no PDF on the documents page")
        self.step("pdf", lambda: self.request(pdf.group(1)))
