"""Every page a customer or an intermediary reads speaks French or Dutch: no internal code
(snake_case, an enum's value, `None`, `True`), no English word, no ISO date, no amount
with a decimal point (the product rule behind V-Connect Auto's criteria texts, VA-8).

A crawler signs in as the demo's customers of both brands, the intermediaries of each
tool, an Insurgate office and every S² Pack box, in French and in Dutch, follows every
link of its front end from the start pages (the navigation, then the contracts, policies,
quotes in each status, requests and boxes they list) and reads the visible text of each
page: the text between tags and the attributes a reader sees (alt, title, aria-label,
placeholder, a button's value), without scripts and styles. The console (/sim) is left
out: it has an English mode for trainers."""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from sqlalchemy import select

from models import AutoQuote, Brand, Contract, Intermediary, Person
from models.sim import clock_now
from seed.insurgate import DEMO_PASSWORD as IG_PASSWORD
from seed.s2pack import CUSTOMERS as S2_CUSTOMERS
from seed.s2pack import DEMO_PASSWORD as S2_PASSWORD
from seed.s2pack import seed_s2pack
from tests.conftest import csrf_token

LANGS = ("fr", "nl")
MAX_PAGES = 400  # per crawl: a loop of links fails loudly instead of running for ever
READ_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder"}
BUTTON_INPUTS = {"submit", "button", "reset"}
# Written as they are, never read as a code: e-mail addresses, URLs, file names (product
# and tool names such as V-Connect, MyP&V or S² Pack match no pattern below).
ALLOWED = re.compile(
    r"[\w.+-]+@[\w-]+(\.[\w-]+)+"  # e-mail addresses
    r"|https?://\S+|www\.\S+"  # URLs
    r"|[\w-]+\.pdf\b"  # a document's file name, after its translated kind (V-Connect Auto)
)
CODE = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")  # snake_case: an enum's value, a field, a code
PY_VALUES = re.compile(r"\b(None|True|False)\b|<\w+ object at|\{'|\['")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
POINT_AMOUNT = re.compile(r"\d+\.\d{2}(?!\d)\s*€|€\s*\d+\.\d{2}(?!\d)|\bEUR\b")
SIGN_FIRST = re.compile(r"(?<!\d )(?<!\d)€ ?\d[\d.,]*")  # the tools write "504,92 €" in Dutch too
# English words that never appear in French or Dutch prose ("of" and "Status" are Dutch,
# "Contract" is Dutch, "Date" and "Active" are French: only where they are foreign).
ENGLISH = {
    "both": "the and with your you this from which please Please Draft Approved Refused "
    "Quote Quotes Policy Policies Customer Customers Signed Issued Offered Cancelled "
    "Pending Submit Save Search Loading Lapsed Ordered Received Installed Unknown Request "
    "Requests Analysis Error draft approved refused offered signing signed issued "
    "cancelled pending lapsed ordered received installed subscribed sent anomaly "
    "private professional manual motorbike customer quote policy",
    "fr": "of Status Contract Contracts",
    "nl": "",
}


class VisibleText(HTMLParser):
    """The text a reader sees, and the links of the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in ("script", "style", "template"):
            self._hidden += 1
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        self.parts += [values[name] for name in READ_ATTRIBUTES if values.get(name)]
        if tag == "input" and values.get("type") in BUTTON_INPUTS and values.get("value"):
            self.parts.append(values["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def read(html: str) -> tuple[str, list[str]]:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split()), parser.links


def leaks(text: str, lang: str, tool: bool = False) -> list[str]:
    """What a French or Dutch reader should never see in `text`; in an intermediary's
    tool, an amount with the euro sign first either (the customer portals keep Babel's)."""
    text = ALLOWED.sub(" ", text)
    words = set(ENGLISH["both"].split()) | set(ENGLISH[lang].split())
    english = [w for w in re.findall(r"\b[A-Za-z]+\b", text) if w in words]
    found = CODE.findall(text) + ISO_DATE.findall(text) + POINT_AMOUNT.findall(text)
    found += [m.group(0) for m in PY_VALUES.finditer(text)]
    found += SIGN_FIRST.findall(text) if tool else []
    return sorted(set(found + english))


def crawl(client, starts: list[str], prefix: str, lang: str, who: str, tool: bool = False):
    """GET every page under `prefix` reachable from `starts`: {"url (who)": leaks}."""
    seen, queue, found = set(starts), deque(starts), {}
    while queue and len(found) < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        assert response.status_code in (200, 302, 303, 404), (url, response.status_code)
        if response.status_code in (302, 303) or "html" not in response.mimetype:
            continue
        text, links = read(response.get_data(as_text=True))
        found[f"{url} ({who})"] = leaks(text, lang, tool)
        for link in links:
            target = urldefrag(link)[0]
            if urlsplit(target).netloc or not target.startswith(prefix):
                continue
            if target not in seen and not target.endswith(".pdf"):
                seen.add(target)
                queue.append(target)
    assert len(found) < MAX_PAGES, "the crawl never ended"
    return found


def customers(client, db, login, lang: str) -> dict[str, list[str]]:
    """Every holder of a contract, in each brand he holds one of (MyVivium, MyP&V)."""
    pages = {}
    for brand in Brand:  # a visitor first: the landing, sign-in and registration pages
        base = f"/{brand.value}/{lang}/"
        pages |= crawl(client, [base, f"{base}login/password", f"{base}register"], base, lang, "-")
    rows = db.execute(select(Person, Contract.brand).join(Contract.holder).distinct()).all()
    for person, brand in sorted(rows, key=lambda r: (r[0].id, r[1].value)):
        login(person, brand)
        base = f"/{brand.value}/{lang}/"
        starts = [base, f"{base}profile", f"{base}contracts/0"]
        pages |= crawl(client, starts, base, lang, f"{person.first_name} {brand.value}")
    tokens = db.scalars(select(AutoQuote.sign_token).where(AutoQuote.sign_token.is_not(None)))
    signing = [f"/vconnect/{lang}/sign/{token}" for token in tokens]  # V-Connect Auto (VA-10)
    return pages | crawl(client, signing, f"/vconnect/{lang}/sign/", lang, "-")


def intermediaries(client, db, login, lang: str) -> dict[str, list[str]]:
    """Each agent in Connect 360 and each broker in V-Connect, Life Connect and V-Connect
    Auto, through the single sign-on picker."""
    tools = {Brand.PV: "connect360", Brand.VIVIUM: "vconnect"}
    pages = {}
    for signin in (f"/{tool}/{lang}/signin" for tool in tools.values()):
        pages |= crawl(client, [signin], signin, lang, "-", True)
    for me in db.scalars(select(Intermediary).order_by(Intermediary.id)):
        base = f"/{tools[me.brand]}/{lang}/"
        token = csrf_token(client.get(f"{base}signin").get_data(as_text=True))
        client.post(f"{base}signin/pick", data={"csrf_token": token, "intermediary_id": me.id})
        starts = [base, f"{base}auto/", f"{base}faq", f"{base}policies/0", f"{base}auto/quotes/0"]
        pages |= crawl(client, starts, base, lang, me.producer_number, True)
        client.post(f"{base}signout", data={"csrf_token": token})
    return pages


def insurgate(client, db, login, lang: str) -> dict[str, list[str]]:
    """The office's administrator and a member of one group."""
    base = f"/insurgate/{lang}/"
    pages = crawl(client, [f"{base}login", f"{base}signup", f"{base}forgot"], base, lang, "-", True)
    for email in ("clementine.cazelles@pvgroup.be", "66802@vivium.be"):
        token = csrf_token(client.get(f"{base}login").get_data(as_text=True))
        client.post(f"{base}login", data={"csrf_token": token, "email": email,
                                          "password": IG_PASSWORD})  # fmt: skip
        starts = [base, f"{base}account", f"{base}profile", f"{base}requests/0"]
        pages |= crawl(client, starts, base, lang, email, True)
        client.post(f"{base}logout", data={"csrf_token": token})
    return pages


def s2_boxes(client, db, login, lang: str) -> dict[str, list[str]]:
    """Every demo box, one in each stage of its life, on its personal page."""
    base = f"/s2/{lang}/"
    pages = crawl(client, [f"{base}login"], base, lang, "-")
    for row in S2_CUSTOMERS:
        token = csrf_token(client.get(f"{base}login").get_data(as_text=True))
        client.post(f"{base}login", data={"csrf_token": token, "login": f"s2-{row[8]}",
                                          "password": S2_PASSWORD})  # fmt: skip
        pages |= crawl(client, [base, f"{base}nothing"], base, lang, row[0])
        client.post(f"{base}logout", data={"csrf_token": token})
    return pages


FRONT_ENDS = {"customers": customers, "intermediaries": intermediaries,
              "insurgate": insurgate, "s2": s2_boxes}  # fmt: skip
# pages read per language (a page per person who reads it): a crawl that loses its way fails
MINIMUM_PAGES = {"customers": 180, "intermediaries": 100, "insurgate": 30, "s2": 12}


@pytest.fixture
def demo_world(db, personas):
    """The demo dataset with its S² Pack customers (the console's S² page adds them)."""
    seed_s2pack(db, clock_now(db).date())
    db.commit()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("front_end", FRONT_ENDS)
def test_every_page_of_a_front_end_speaks_the_readers_language(
    client, db, login, demo_world, front_end, lang
):
    pages = FRONT_ENDS[front_end](client, db, login, lang)
    assert len(pages) >= MINIMUM_PAGES[front_end], sorted(pages)
    wrong = {url: found for url, found in pages.items() if found}
    assert not wrong, "\n".join(f"{url}: {found}" for url, found in sorted(wrong.items()))


@pytest.mark.parametrize(
    "text, lang, found",
    [
        ("Statut : analysis_asked le 2026-12-01", "fr", ["2026-12-01", "analysis_asked"]),
        ("Prime 504.92 € None", "fr", ["504.92 €", "None"]),
        ("Status of the Quote", "fr", ["Quote", "Status", "of", "the"]),
        ("De status van het contract of de offerte", "nl", []),
        ("Écrivez à jean_luc@example.be ou https://www.vivium.be/a_b", "fr", []),
        ("Prime 504,92 € le 01/12/2026 dans V-Connect Auto et MyP&V", "fr", []),
        ("Premie € 1.215,00", "nl", ["€ 1.215,00"]),
        ("Premie 454,05 € 700000346", "nl", []),
    ],
)
def test_the_crawler_sees_codes_english_and_iso_dates(text, lang, found):
    assert leaks(text, lang, tool=True) == sorted(found)


def test_a_customer_portal_keeps_its_own_euro_sign_first():
    assert leaks("Totaal gespaard bedrag € 21.460,03", "nl") == []


def test_the_visible_text_holds_attributes_a_reader_sees_and_no_script():
    html = (
        '<img alt="Logo Vivium"><input type="submit" value="Envoyer">'
        '<input type="hidden" name="csrf_token" value="x_y"><script>var a_b = 1;</script>'
        '<a href="/vivium/fr/help" title="Aide">Aide</a><style>.a_b{}</style>'
    )
    assert read(html) == ("Logo Vivium Envoyer Aide Aide", ["/vivium/fr/help"])
