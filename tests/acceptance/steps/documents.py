"""The Documents tab: life documents as PDF, newest first (DC-1, DC-2, DC-3)."""

from __future__ import annotations

import io

from pytest_bdd import then, when

from tests.acceptance.steps.grammar import p
from tests.acceptance.support.api import TIMEOUT
from tests.acceptance.support.world import World

LIFE_KINDS = {"premium_proof", "tax_certificate", "annual_statement"}


def rows(world: World) -> list:
    assert world.page is not None, "no page is open"
    return [
        e
        for e in world.page.find_all(prefix="document-")
        if (e.testid or "").removeprefix("document-").isdigit()
    ]


@then(p("the documents tab lists {count:d} documents, newest first"))
def listed(world: World, count: int) -> None:
    found = rows(world)
    assert len(found) == count, [r.text for r in found]
    years = [int(r.text.split(" ")[0]) for r in found]
    assert years == sorted(years, reverse=True), years


@then("the documents tab lists life documents only")
def life_only(world: World) -> None:
    """DC-1: proof of premium payment, tax certificate, annual statement."""
    kinds = {r.attrs.get("data-kind") for r in rows(world)}
    assert kinds and kinds <= LIFE_KINDS, kinds


@then(p('the documents tab lists no document of the contract "{number:Q}"'))
def none_of(world: World, number: str) -> None:
    assert not [r for r in rows(world) if number in r.text]


@when(p('{who:Who} downloads the "{kind:Q}" of {year:d}'))
def download(world: World, who: str, kind: str, year: int) -> None:
    """Click "Download (PDF)" on the newest document of that kind and year."""
    customer = world.customer(who)
    space = customer.current_space()
    row = next(
        (
            r
            for r in rows(world)
            if r.attrs.get("data-kind") == kind and r.text.startswith(f"{year} ")
        ),
        None,
    )
    assert row is not None, f"no {kind} of {year} in the documents tab"
    link = world.page.link(f"download-{row.testid.removeprefix('document-')}")  # type: ignore[union-attr]
    world.download = space.http.get(link, timeout=TIMEOUT)


@then(p('the download is a PDF marked "{mark:Q}"'))
def pdf(world: World, mark: str) -> None:
    response = world.download
    assert response is not None, "nothing was downloaded"
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert mark in text, text[:500]
