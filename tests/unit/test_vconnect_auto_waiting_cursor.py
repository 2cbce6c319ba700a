"""VA-8: the cursor of the console's next page of waiting quotes is read back exactly as
its link writes it; anything else is refused with `invalid_after`, never a crash."""

from __future__ import annotations

from datetime import datetime

import pytest

from portal.backoffice.errors import Malformed
from portal.backoffice.vconnect_auto.waiting import LAST_ID, After


@pytest.mark.parametrize(
    "after",
    [After(datetime(2026, 11, 23, 9, 0), 1), After(datetime(2026, 11, 23, 9, 0, 0, 1), LAST_ID),
     After(datetime(1, 1, 1), 42), After(datetime(9999, 12, 31, 23, 59, 59, 999999), 7)],
)  # fmt: skip
def test_a_cursor_reads_back_as_its_link_writes_it(after):
    assert After.parse(after.token()) == after


def test_a_cursor_token_is_the_iso_time_and_the_id():
    assert After(datetime(2026, 11, 23, 9, 0), 42).token() == "2026-11-23T09:00:00_42"


@pytest.mark.parametrize(
    "raw",
    ["", "42", "2026-11-23T09:00:00", "2026-11-23T09:00:00_0", f"2026-11-23T09:00:00_{LAST_ID + 1}",
     "2026-11-23T09:00:00_+4", "2026-11-23T09:00:00_٤", "2026-11-23 09:00:00_4",
     "2026-11-23T09:00_4", "2026-11-23T09:00:00+00:00_4", "2026-11-23T09:00:00\x00_4",
     "2026-02-30T09:00:00_4", "20261123T090000_4", "2026-11-23T09:00:00_4" + " " * 30],
)  # fmt: skip
def test_anything_a_link_does_not_write_is_refused_as_invalid_after(raw):
    with pytest.raises(Malformed) as refused:
        After.parse(raw)
    assert refused.value.code == "invalid_after" and refused.value.details == {"field": "after"}
