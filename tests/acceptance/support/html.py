"""A small HTML reader for the acceptance steps: elements found by `data-testid` only.

The pages are read the way a tester reads them: the text of an element (entities
decoded, white space collapsed), its attributes, the links and forms it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
INVISIBLE = {"script", "style", "template", "head", "title"}


@dataclass
class Element:
    """One element of the page, with its children (elements and text)."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = None

    @property
    def testid(self) -> str | None:
        return self.attrs.get("data-testid")

    def walk(self):
        """This element and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.walk()

    def _texts(self):
        for child in self.children:
            if isinstance(child, str):
                yield child
            elif child.tag not in INVISIBLE:
                yield " "
                yield from child._texts()
                yield " "

    @property
    def text(self) -> str:
        """The visible text, white space collapsed."""
        return " ".join("".join(self._texts()).split())

    def find(self, testid: str) -> Element | None:
        return next((e for e in self.walk() if e.testid == testid), None)

    def find_all(self, testid: str | None = None, prefix: str | None = None) -> list[Element]:
        found = []
        for element in self.walk():
            tid = element.testid
            if tid is None:
                continue
            if (testid is not None and tid == testid) or (
                prefix is not None and tid.startswith(prefix)
            ):
                found.append(element)
        return found

    def inputs(self) -> dict[str, str]:
        """The values a browser would send for this form's fields (hidden ones included)."""
        values: dict[str, str] = {}
        for element in self.walk():
            name = element.attrs.get("name")
            if not name or element.tag not in ("input", "textarea", "select"):
                continue
            kind = element.attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in element.attrs:
                continue
            if kind in ("submit", "button", "file"):
                continue
            if element.tag == "select":
                values.setdefault(name, _chosen(element))
                continue
            values.setdefault(name, element.attrs.get("value", element.text))
        return values


def _chosen(select: Element) -> str:
    """A select's value as a browser sends it: its selected option's, else its first's."""
    options = [e for e in select.walk() if e.tag == "option"]
    picked = next((o for o in options if "selected" in o.attrs), options[0] if options else None)
    if picked is None:
        return ""
    return picked.attrs.get("value", picked.text)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(
            tag, {k: (v if v is not None else "") for k, v in attrs}, [], self.current
        )
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(
            tag, {k: (v if v is not None else "") for k, v in attrs}, [], self.current
        )
        self.current.children.append(element)

    def handle_endtag(self, tag: str) -> None:
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


@dataclass
class Page:
    """A page the customer (or the console user) has open."""

    url: str
    status: int
    html: str
    root: Element

    @classmethod
    def parse(cls, url: str, status: int, html: str) -> Page:
        builder = _Builder()
        builder.feed(html)
        builder.close()
        return cls(url, status, html, builder.root)

    @property
    def body(self) -> Element:
        return next((e for e in self.root.walk() if e.tag == "body"), self.root)

    @property
    def text(self) -> str:
        return self.body.text

    def find(self, testid: str) -> Element | None:
        return self.root.find(testid)

    def get(self, testid: str) -> Element:
        """The element with this data-testid; an AssertionError naming it otherwise."""
        element = self.find(testid)
        assert element is not None, f'no data-testid="{testid}" on {self.url} ({self.status})'
        return element

    def find_all(self, testid: str | None = None, prefix: str | None = None) -> list[Element]:
        return self.root.find_all(testid, prefix)

    def link(self, testid: str) -> str:
        """The absolute URL of the link with this data-testid."""
        href = self.get(testid).attrs.get("href")
        assert href, f'data-testid="{testid}" is not a link'
        return urljoin(self.url, href)

    def form_of(self, testid: str) -> Element:
        """The form with this data-testid, or the form around the element with it."""
        element: Element | None = self.get(testid)
        while element is not None and element.tag != "form":
            element = element.parent
        assert element is not None, f'data-testid="{testid}" is not in a form'
        return element

    def action_of(self, form: Element) -> str:
        return urljoin(self.url, form.attrs.get("action") or self.url)

    @property
    def lang(self) -> str | None:
        html = next((e for e in self.root.walk() if e.tag == "html"), None)
        return html.attrs.get("lang") if html else None

    def refusal(self) -> str | None:
        """The refusal code the page shows, as a refusal or in the eID reader's window."""
        for testid in ("refusal", "eid-message"):
            element = self.find(testid)
            if element is not None and element.attrs.get("data-code"):
                return element.attrs["data-code"]
        return None


def squash(text: str) -> str:
    """Text compared the way it reads: white space collapsed, no-break spaces as spaces."""
    return " ".join(re.sub(r"[\u00a0\u202f]", " ", text).split())
