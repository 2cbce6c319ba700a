"""The contact centre's hours on the simulated clock (BR-2, HP-1): the help pages of both
brands say whether it is open now and when it opens next, in French and Dutch; the
support boxes of the refusal pages too; the letter pages say when the letter should be
in the letterbox (RG-1, RG-6: from 08:00 on its delivery day)."""

from __future__ import annotations

import re
from datetime import datetime
from html import unescape

import pytest

from tests.web.test_limits import LOUISE


def contact_now(client, url: str) -> tuple[str, str]:
    """(data-open, text) of the page's "open now" line."""
    html = client.get(url).get_data(as_text=True)
    match = re.search(r'data-testid="contact-now" data-open="(yes|no)"[^>]*>(.*?)</p>', html, re.S)
    assert match, url
    return match.group(1), " ".join(unescape(re.sub(r"<[^>]+>", "", match.group(2))).split())


CASES = [
    # Thursday 3 December 2026, one minute before closing
    (
        datetime(2026, 12, 3, 16, 59),
        "yes",
        "Ouvert en ce moment, jusqu'à 17 h",
        "Nu open, tot 17 uur",
    ),
    # Thursday 17:00: closed, opens Friday morning
    (
        datetime(2026, 12, 3, 17, 0),
        "no",
        "Fermé en ce moment ; ouverture le vendredi 4 décembre à 8 h 30",
        "Nu gesloten; weer open op vrijdag 4 december om 8.30 uur",
    ),
    # Friday closes at 16:00: next opening on Monday
    (datetime(2026, 12, 4, 15, 59), "yes", "jusqu'à 16 h", "tot 16 uur"),
    (
        datetime(2026, 12, 4, 16, 0),
        "no",
        "ouverture le lundi 7 décembre à 8 h 30",
        "weer open op maandag 7 december om 8.30 uur",
    ),
    # Saturday
    (
        datetime(2026, 12, 5, 11, 0),
        "no",
        "ouverture le lundi 7 décembre à 8 h 30",
        "weer open op maandag 7 december om 8.30 uur",
    ),
    # Easter Monday 6 April 2026 at noon: a public holiday
    (
        datetime(2026, 4, 6, 12, 0),
        "no",
        "ouverture le mardi 7 avril à 8 h 30",
        "weer open op dinsdag 7 april om 8.30 uur",
    ),
    # 24 December evening: Christmas on the Friday, then the weekend
    (
        datetime(2026, 12, 24, 19, 0),
        "no",
        "ouverture le lundi 28 décembre à 8 h 30",
        "weer open op maandag 28 december om 8.30 uur",
    ),
    # 31 December evening: New Year's Day on the Friday; the year is given
    (
        datetime(2026, 12, 31, 18, 0),
        "no",
        "ouverture le lundi 4 janvier 2027 à 8 h 30",
        "weer open op maandag 4 januari 2027 om 8.30 uur",
    ),
    # before opening on a weekday: today
    (
        datetime(2026, 12, 7, 8, 29),
        "no",
        "ouverture le lundi 7 décembre à 8 h 30",
        "weer open op maandag 7 december om 8.30 uur",
    ),
]


@pytest.mark.parametrize(("moment", "is_open", "french", "dutch"), CASES)
@pytest.mark.parametrize("brand", ["vivium", "pv"])
def test_br2_the_help_page_says_whether_the_contact_centre_is_open_now(
    client, freeze, brand, moment, is_open, french, dutch
):
    freeze(moment)
    for lang, expected in (("fr", french), ("nl", dutch)):
        state, text = contact_now(client, f"/{brand}/{lang}/help")
        assert state == is_open and expected in text, (lang, text)


def test_br2_the_support_box_of_a_refusal_page_says_it_too(client, freeze):
    freeze(datetime(2026, 12, 5, 11, 0))
    state, text = contact_now(client, "/pv/nl/register/new-code")
    assert state == "no" and "maandag 7 december om 8.30 uur" in text
    freeze(datetime(2026, 12, 7, 10, 0))
    assert contact_now(client, "/vivium/fr/register/new-code") == (
        "yes",
        "Ouvert en ce moment, jusqu'à 17 h",
    )


def letter_expected(response) -> str:
    html = response.get_data(as_text=True)
    match = re.search(r'data-testid="letter-expected"[^>]*>(.*?)</p>', html, re.S)
    assert match, html[:2000]
    return " ".join(unescape(match.group(1)).split())


def test_rg1_the_letter_sent_page_gives_the_delivery_day_and_hour(submit, freeze, personas):
    """A letter posted on Thursday 2 April 2026 travels two business days: Friday, then
    Tuesday (Easter Monday is a holiday), in the letterbox from 8:00."""
    freeze(datetime(2026, 4, 2, 15, 0))
    answer = submit("/pv/nl/register", LOUISE)
    assert answer.status_code == 200
    assert letter_expected(answer) == (
        "Hij zou op dinsdag 7 april 2026 vanaf 8 uur in uw brievenbus moeten zitten."
    )
    answer = submit("/pv/fr/register", LOUISE)
    assert "le mardi 7 avril 2026, à partir de 8 h." in letter_expected(answer)


def test_rg6_the_new_code_page_gives_the_delivery_day_and_hour(submit, freeze, personas):
    freeze(datetime(2026, 12, 24, 10, 0))  # Thursday: Friday is Christmas
    answer = submit("/pv/fr/register/new-code", LOUISE)
    assert answer.status_code == 200
    assert "le mardi 29 décembre 2026, à partir de 8 h." in letter_expected(answer)
    answer = submit(
        "/pv/nl/register/new-code", {"contract_number": "0000000", "birth_date": "1990-01-01"}
    )
    assert "op dinsdag 29 december 2026 vanaf 8 uur" in letter_expected(answer)
