"""The world of one scenario: the simulator (through its control API), the demo
personas, and the customers acting in the portals through real HTTP.

Each customer has one `requests` session per brand space, as a browser keeps one
cookie per brand path (`/vivium`, `/pv`); forms are sent with the page's own fields,
CSRF token included, and redirects are followed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import requests

from tests.acceptance.support.api import TIMEOUT, SimApi
from tests.acceptance.support.html import Page

PORTALS = {"MyVivium": "vivium", "MyP&V": "pv"}
PORTAL_NAMES = {brand: name for name, brand in PORTALS.items()}
TOOLS = {"V-Connect": "vivium", "Connect 360": "pv"}
PASSWORD = "correct horse battery"
STRANGER_BIRTH = date(1961, 2, 3)
PRONOUNS = ("she", "he", "they")
# A 1x1 PNG: what "a screenshot" of a refusal is in a report to support.
SCREENSHOT = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def belgian_national_number(birth: date, serial: int) -> str:
    """A valid national register number (checksum 97 - n mod 97, 2000+ rule)."""
    base = f"{birth:%y%m%d}{serial:03d}"
    prefix = "2" if birth.year >= 2000 else ""
    return base + f"{97 - int(prefix + base) % 97:02d}"


@dataclass(frozen=True)
class PortalRef:
    """A portal as a step names it: "MyP&V" or "MyP&V (fr)"."""

    brand: str
    lang: str | None = None


@dataclass
class Persona:
    """A demo persona as the control API describes it (or the stranger)."""

    key: str
    name: str
    national_number: str
    birth_date: str
    language: str
    person_ids: list[int]
    contracts: list[dict]
    accounts: list[dict] = field(default_factory=list)

    @property
    def first_name(self) -> str:
        return self.name.split(" ")[0]

    @property
    def person_id(self) -> int:
        return self.person_ids[0]

    @property
    def default_email(self) -> str:
        return f"{self.key}@example.be"

    @property
    def mobile(self) -> str:
        """A mobile number of this persona's own, so that SMS codes never mix."""
        n = self.national_number
        return f"0470 {n[-6:-4]} {n[-4:-2]} {n[-2:]}"

    @property
    def mobile_e164(self) -> str:
        return "+32" + self.mobile.replace(" ", "")[1:]

    def contracts_of(self, brand: str) -> list[dict]:
        return [c for c in self.contracts if c["brand"] == brand]

    def first_contract(self, brand: str) -> str:
        """The number of this persona's first active contract of a brand."""
        active = [c for c in self.contracts_of(brand) if c["status"] == "active"]
        assert active, f"{self.name} has no active {PORTAL_NAMES[brand]} contract"
        return active[0]["number"]


def stranger() -> Persona:
    """Somebody with a valid national number whom the back office does not know."""
    number = belgian_national_number(STRANGER_BIRTH, 7)
    return Persona("stranger", "Anne Onyme", number, STRANGER_BIRTH.isoformat(), "fr", [], [], [])


@dataclass
class Space:
    """One brand space as the customer's browser holds it: cookies and the open page."""

    brand: str
    lang: str
    http: requests.Session
    page: Page | None = None

    @property
    def home(self) -> str:
        return f"/{self.brand}/{self.lang}"


class Customer:
    """A persona acting in the portals."""

    def __init__(self, world: World, persona: Persona) -> None:
        self.world = world
        self.persona = persona
        self.spaces: dict[str, Space] = {}
        self.emails: dict[str, str] = {}
        self.password = PASSWORD
        self.letter_codes: list[str] = []
        self.letter_brand: str | None = None
        self.contract_used: dict[str, str] = {}
        self.itsme_answer: str | None = None

    @property
    def name(self) -> str:
        return self.persona.name

    def space(self, brand: str, lang: str | None = None) -> Space:
        space = self.spaces.get(brand)
        if space is None:
            space = Space(brand, lang or self.persona.language, requests.Session())
            self.spaces[brand] = space
        elif lang:
            space.lang = lang
        return space

    def space_of(self, portal: PortalRef) -> Space:
        return self.space(portal.brand, portal.lang)

    def close(self) -> None:
        for space in self.spaces.values():
            space.http.close()

    # --- pages --------------------------------------------------------------------------

    def _keep(self, space: Space, response: requests.Response) -> Page:
        callbacks = [r.url for r in response.history if "/itsme/callback" in r.url]
        if callbacks:
            self.itsme_answer = callbacks[-1]
        page = Page.parse(response.url, response.status_code, response.text)
        space.page = page
        self.world.page = page
        self.world.current = self
        return page

    def open(self, space: Space, path: str = "/") -> Page:
        """GET a page of the brand space (`path` relative to /<brand>/<lang>)."""
        url = self.world.url(space.home + "/" + path.lstrip("/"))
        return self._keep(space, space.http.get(url, timeout=TIMEOUT))

    def get(self, space: Space, url: str) -> Page:
        return self._keep(space, space.http.get(self.world.url(url), timeout=TIMEOUT))

    def follow(self, testid: str) -> Page:
        """Click the link with this data-testid on the open page (in its brand space)."""
        page = self.world.page
        assert page is not None, "no page is open"
        url = page.link(testid)
        brand = url.split(self.world.base_url, 1)[-1].lstrip("/").split("/", 1)[0]
        space = self.space(brand) if brand in PORTAL_NAMES else self.current_space()
        return self.get(space, url)

    def current_space(self) -> Space:
        page = self.world.page
        for space in self.spaces.values():
            if space.page is page:
                return space
        raise AssertionError(f"{self.name} has no page open")

    def submit(self, testid: str, data: dict[str, Any], files: dict | None = None) -> Page:
        """Fill in and send the form that holds `testid`, as the browser would."""
        space = self.current_space()
        page = space.page
        assert page is not None
        form = page.form_of(testid)
        fields = {**form.inputs(), **data}
        response = space.http.post(page.action_of(form), data=fields, files=files, timeout=TIMEOUT)
        return self._keep(space, response)

    def same_browser(self, target: Space) -> None:
        """Put the cookies of every other brand space into this one, as one browser would."""
        for space in self.spaces.values():
            if space is not target:
                target.http.cookies.update(space.http.cookies)

    # --- ways in ------------------------------------------------------------------------

    def ask_letter(self, space: Space, contract: str, birth: str | None = None) -> Page:
        self.open(space, "/register")
        self.letter_brand = space.brand
        self.contract_used[space.brand] = contract
        data = {"contract_number": contract, "birth_date": birth or self.persona.birth_date}
        return self.submit("register-form", data)

    def ask_new_code(self, space: Space, contract: str, birth: str | None = None) -> Page:
        self.open(space, "/register/new-code")
        self.letter_brand = space.brand
        data = {"contract_number": contract, "birth_date": birth or self.persona.birth_date}
        return self.submit("new-code-form", data)

    def activate(
        self,
        space: Space,
        code: str,
        *,
        email: str | None = None,
        password: str | None = None,
        mobile: str | None = None,
    ) -> Page:
        self.open(space, "/register/activate")
        email = email or self.persona.default_email
        data = {
            "contract_number": self.contract_used.get(space.brand, ""),
            "code": code,
            "email": email,
            "password": password or self.password,
            "mobile": mobile or self.persona.mobile,
        }
        page = self.submit("activate-form", data)
        if page.refusal() is None:
            self.emails[space.brand] = email
        return page

    def enter_sms(self, code: str) -> Page:
        return self.submit("sms-form", {"code": code})

    def login_password(self, space: Space, email: str | None = None, password=None) -> Page:
        self.open(space, "/login/password")
        data = {
            "email": email or self.emails.get(space.brand) or self.persona.default_email,
            "password": password or self.password,
        }
        return self.submit("login-form", data)

    def logout(self, space: Space) -> Page:
        page = self.open(space, "/")
        assert page.find("logout") is not None, f"{self.name} is not logged in to {space.brand}"
        return self.submit("logout", {})

    def insert_card(self, space: Space, pin: str, number: str | None = None) -> Page:
        number = number or self.persona.national_number
        page = self.open(space, f"/login/eid/pin?card={number}")
        if page.find("eid-pin-form") is None:
            return page  # refused before any PIN (no card reader)
        return self.submit("eid-pin-form", {"pin": pin})

    def type_pin(self, pin: str) -> Page:
        return self.submit("eid-pin-form", {"pin": pin})

    def itsme(self, space: Space, action: str = "confirm") -> Page:
        """Press "continue with itsme", then answer on the (stub's) phone."""
        self.open(space, "/")
        phone = self.submit("login-itsme", {})
        if phone.find("itsme-answer-form") is None:
            return phone  # itsme refused at once (unavailable)
        data = {"action": action}
        if action == "confirm":
            data["typed"] = self.persona.national_number
        return self.submit("itsme-answer-form", data)

    def create_identity_account(self, email: str, consent: bool = True) -> Page:
        data = {"email": email}
        page = self.world.page
        assert page is not None and page.find("identity-form") is not None, (
            f"{self.name} is not asked to create an account (at {page.url if page else None})"
        )
        form = page.form_of("identity-form")
        if consent:
            data["consent"] = "y"
        fields = {k: v for k, v in form.inputs().items() if k != "consent"}
        space = self.current_space()
        response = space.http.post(page.action_of(form), data={**fields, **data}, timeout=TIMEOUT)
        result = self._keep(space, response)
        if result.find("welcome") is not None:
            self.emails[space.brand] = email
        return result

    def report_problem(self, email: str, screenshot: bool = True) -> Page:
        files = {"screenshot": ("erreur.png", SCREENSHOT, "image/png")} if screenshot else None
        message = (
            "Je ne peux pas m'inscrire."
            if self.persona.language == "fr"
            else "Ik kan me niet registreren."
        )
        return self.submit("report-form", {"email": email, "message": message}, files=files)


class World:
    """Everything one scenario knows about the simulator and the people in it."""

    def __init__(self, base_url: str, api: SimApi) -> None:
        self.base_url = base_url.rstrip("/")
        self.api = api
        self.personas: dict[str, Persona] = {}
        self.customers: dict[str, Customer] = {}
        self.current: Customer | None = None
        self.page: Page | None = None
        self.customer_file: dict | None = None
        self.support_request: dict | None = None
        self.notice: dict | None = None
        self.answer: tuple[int, dict] | None = None
        self.browser: Any = None
        self.download: requests.Response | None = None

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.base_url + path

    def local(self, path: str) -> str:
        """A path of the simulator as the scenarios write it: without the prefix of the
        simulator world the pack runs in (`/w/<id>`, issue 14)."""
        prefix = urlsplit(self.base_url).path.rstrip("/")
        return path[len(prefix) :] if prefix and path.startswith(f"{prefix}/") else path

    def close(self) -> None:
        for customer in self.customers.values():
            customer.close()
        self.customers.clear()

    def load_personas(self) -> None:
        self.personas = {}
        for card in self.api.personas():
            self.personas[card["key"]] = Persona(
                key=card["key"],
                name=card["name"],
                national_number=card["national_number"],
                birth_date=card["birth_date"],
                language=card["language"],
                person_ids=card["person_ids"],
                contracts=card["contracts"],
                accounts=card["accounts"],
            )
        self.personas["stranger"] = stranger()

    def persona(self, who: str) -> Persona:
        return self.customer(who).persona

    def customer(self, who: str) -> Customer:
        """A customer by first name, full name, "a stranger", or a pronoun (the last one)."""
        if who in PRONOUNS:
            assert self.current is not None, f'"{who}" before anybody was named'
            return self.current
        key = "stranger" if who in ("a stranger", "the stranger") else None
        if key is None:
            wanted = who.lower()
            for persona in self.personas.values():
                if wanted in (persona.name.lower(), persona.first_name.lower(), persona.key):
                    key = persona.key
                    break
        assert key is not None, f"no persona called {who!r}: {sorted(self.personas)}"
        if key not in self.customers:
            self.customers[key] = Customer(self, self.personas[key])
        self.current = self.customers[key]
        return self.current

    def refresh_persona(self, customer: Customer) -> Persona:
        """The persona as the control API describes it now (accounts, merged records)."""
        self.load_personas()
        customer.persona = self.personas[customer.persona.key]
        return customer.persona

    def outbox(self, **filters) -> list[dict]:
        return self.api.outbox(**filters)

    def newest(self, messages: list[dict], what: str) -> dict:
        assert messages, f"the outbox holds no {what}"
        return messages[0]


def numbers(text: str) -> list[str]:
    """ "5436548, 8890079 and 3654654" as a list of numbers."""
    return [n for n in re.split(r"\s*(?:,|\band\b|\bet\b|\ben\b)\s*", text) if n]
