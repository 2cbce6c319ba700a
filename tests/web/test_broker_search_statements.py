"""The console's customer search (BK-3) in one statement after the S² catch-up (issue 12):
the people by name, national number or the holder of a contract number, each with the
brands he holds a contract of, as plain rows; the same hits as the back office's
service, portal.backoffice.broker.search."""

from __future__ import annotations

import pytest

from portal.backoffice import broker, search
from tests.web.test_query_counts import counted

QUERIES = ["peeters", "Louise Peeters", "LOUISE PEE", "Janssens", "Dupont", "5436548", "x", "%"]


@pytest.mark.parametrize("path", ["/sim/api/broker/search?q=", "/sim/broker?q="])
def test_a_search_runs_the_catch_up_and_one_statement(app, client, personas, person_named, path):
    louise = person_named("Louise")
    for q in ("Peeters", "Louise Peeters", louise.national_number, "5436548"):
        with counted(app.extensions["db_engine"]) as statements:
            response = client.get(path + q)
        assert response.status_code == 200
        assert str(louise.id) in response.get_data(as_text=True), q
        assert len(statements) == 2, (q, statements)


def test_the_hits_are_the_back_office_service_s(db, personas):
    for q in [*QUERIES, personas["louise"].national_number]:
        expected = [(h.person.id, h.person.full_name, h.brands) for h in broker.search(db, q)]
        found = [(h.person.id, h.person.full_name, h.brands) for h in search.customers(db, q)]
        assert found == expected, q
    assert next(h.brands for h in search.customers(db, "Janssens")) == ["vivium", "pv"]
