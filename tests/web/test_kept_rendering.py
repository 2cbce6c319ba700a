"""Issue 12: what the customer pages keep between requests (a contract's guarantee table,
the documents page's help, the imported macro modules, the written dates, Flask's
answer about each hook) changes nothing a customer sees (CT-3, DC-1, DC-3)."""

from __future__ import annotations

import re
from datetime import date, datetime

from jinja2 import DictLoader, Environment, Template

from models import Brand
from portal.app import SYNC_CACHE_SIZE, PortalFlask
from portal.views import context
from portal.views.frame import ImportingTemplate
from seed.build import add_account, add_contract, add_person
from tests.conftest import session_cookie


def _covered(html: str) -> dict[str, str]:
    rows = re.findall(r'data-testid="guarantee-([a-z_]+)">.*?data-covered="(yes|no)"', html, re.S)
    return dict(rows)


def _section(response, testid: str) -> str:
    assert response.status_code == 200
    return (
        response.get_data(as_text=True).split(f'data-testid="{testid}"')[1].split("</section>")[0]
    )


def _client_of(app, db, brand: Brand, *contracts: dict):
    person = add_person(db, first_name="Kept")
    numbers = [add_contract(db, person, "car", brand=brand, **c).number for c in contracts]
    account = add_account(db, person, brand, email=f"kept{person.id}@example.be")
    db.commit()
    client = app.test_client()
    name, value, path = session_cookie(app, brand, account.id)
    client.set_cookie(name, value, path=path)
    client.account = account
    return client, numbers


def test_ct3_two_cars_of_one_product_each_show_their_own_covered_guarantees(app, db):
    client, (first, second, third) = _client_of(
        app,
        db,
        Brand.PV,
        {"covered": ["civil_liability"], "vehicle_make": "Audi"},
        {"covered": ["civil_liability", "glass", "driver_protection"], "vehicle_make": "Opel"},
        {"covered": ["civil_liability"], "vehicle_make": "Seat"},
    )
    pages = [
        client.get(f"/pv/nl/contracts/{n}").get_data(as_text=True) for n in (first, second, third)
    ]
    tables = [_covered(html) for html in pages]
    assert tables[0]["civil_liability"] == "yes" and tables[0]["glass"] == "no"
    assert tables[0]["driver_protection"] == "no"
    assert tables[1]["glass"] == "yes" and tables[1]["driver_protection"] == "yes"
    assert tables[2] == tables[0]  # the same covered list: the kept table
    assert set(tables[0]) == set(tables[1])  # every guarantee of the product, listed


def test_ct3_the_kept_guarantee_table_follows_the_language(app, db):
    client, (number,) = _client_of(app, db, Brand.PV, {"covered": ["glass"], "vehicle_make": "Kia"})
    dutch = client.get(f"/pv/nl/contracts/{number}").get_data(as_text=True)
    french = client.get(f"/pv/fr/contracts/{number}").get_data(as_text=True)
    assert "Voertuig" in dutch and "Voertuig" not in french
    assert "Véhicule" in french or "V&#233;hicule" in french
    assert _covered(dutch) == _covered(french) and _covered(dutch)["glass"] == "yes"


def test_dc1_the_kept_help_of_the_documents_page_names_each_brands_portal(app, db):
    pv, _ = _client_of(app, db, Brand.PV, {"vehicle_make": "Audi"})
    vivium, _ = _client_of(app, db, Brand.VIVIUM, {"vehicle_make": "Audi"})
    for _ in range(2):
        pv_help = _section(pv.get("/pv/fr/documents"), "documents-help")
        vivium_help = _section(vivium.get("/vivium/fr/documents"), "documents-help")
        assert "MyP&amp;V" in pv_help and "MyVivium" not in pv_help
        assert "MyVivium" in vivium_help and "MyP&amp;V" not in vivium_help


def test_dc3_the_documents_page_dates_the_consent_the_account_query_read(app, db):
    """The consent comes with the account query (no statement of its own)."""
    client, _ = _client_of(app, db, Brand.PV, {"vehicle_make": "Audi"})
    client.account.digital_consent_at = datetime(2025, 11, 3, 9, 30)
    db.commit()
    notice = _section(client.get("/pv/fr/documents"), "document-delivery")
    assert 'data-mode="digital"' in notice and "03/11/2025" in notice


def _importing(template_class) -> list[str]:
    """The same renders through an environment with `template_class`."""
    templates = {
        "macros.html": "{% macro hello(who) %}{{ greeting }}, {{ who }}{{ extra }}{% endmacro %}",
        "page.html": '{% from "macros.html" import hello %}{{ hello(name) }}',
        "other.html": '{% import "macros.html" as m %}{{ m.hello(name) }}',
        "solo.html": "{{ greeting }}{{ late }}",
    }
    env = Environment(loader=DictLoader(templates))
    env.template_class = template_class
    env.globals["greeting"] = "Dag"
    renders = [env.get_template("page.html").render(name="Anna")]
    kept = env.get_template("macros.html")._module
    renders.append(env.get_template("other.html").render(name="Bert"))
    renders.append(str(env.get_template("macros.html")._module is kept))
    # A page with a global the macros lack: Jinja builds the module with it.
    renders.append(env.get_template("page.html", globals={"extra": "!"}).render(name="Cas"))
    env.globals["greeting"] = "Hallo"  # a global changed later: the kept module keeps "Dag"
    renders.append(env.get_template("other.html").render(name="Dirk"))
    # A template's own global wins over the environment's; a later one is seen.
    renders.append(env.get_template("solo.html", globals={"greeting": "Salut"}).render())
    env.globals["late"] = "?"
    renders.append(env.get_template("solo.html").render())
    return renders


def test_an_imported_macro_module_is_kept_and_rebuilt_exactly_when_jinja_rebuilds_it():
    assert _importing(ImportingTemplate) == _importing(Template)
    assert _importing(ImportingTemplate) == [
        "Dag, Anna",
        "Dag, Bert",
        "True",
        "Dag, Cas!",
        "Dag, Dirk",
        "Salut",
        "Salut?",
    ]


def test_dates_are_written_alike_from_the_kept_writing(app):
    with app.test_request_context("/pv/nl/"):
        from flask import g

        g.lang = "nl"
        assert context.long_date(date(2026, 3, 2)) == "2 maart 2026"
        assert context.day_date(date(2026, 3, 2)) == "maandag 2 maart 2026"
        g.lang = "fr"
        assert context.long_date(date(2026, 3, 2)) == "2 mars 2026"
        assert context.day_date(date(2026, 3, 2), with_year=False) == "lundi 2 mars"
        assert context.long_date(None) == ""


def test_flasks_answer_about_each_hook_is_kept_and_bounded():
    app = PortalFlask(__name__)

    def hook():
        return "ran"

    assert app.ensure_sync(hook) is hook and app.ensure_sync(hook) is hook
    for i in range(SYNC_CACHE_SIZE + 5):
        app.ensure_sync(lambda i=i: i)
    assert len(app._synced) <= SYNC_CACHE_SIZE

    class Unhashable:
        __hash__ = None

        def __call__(self):
            return "called"

    odd = Unhashable()
    assert app.ensure_sync(odd) is odd


def test_a_forms_lazy_text_reads_as_flask_babels_in_each_page_language(app):
    from flask import g
    from flask_babel import lazy_gettext

    from portal.i18n import lazy_page_text

    texts = [("Email address", {}), ("Contract number: %(number)s", {"number": "4011"})]
    seen = set()
    for lang in ("fr", "nl"):
        with app.test_request_context(f"/pv/{lang}/"):
            g.lang = lang
            for message, values in texts:
                ours, babels = lazy_page_text(message, **values), lazy_gettext(message, **values)
                assert str(ours) == str(babels) and str(ours) != message % values
                seen.add(str(ours))
    assert len(seen) == 4  # each text in two languages


def test_bk2_a_brokers_kept_guarantee_tables_follow_each_policys_covered_guarantees(app, db):
    """V-Connect's policy page keeps a product's table per covered list, as the
    customer's contract page does (BK-2: the broker sees what the customer sees)."""
    from tests.web.test_intermediary_query_counts import intermediary, sign_in

    me = intermediary(db, Brand.VIVIUM, "8100077")
    person = add_person(db, first_name="Kept", last_name="Broker")
    numbers = [
        add_contract(db, person, "car", brand=Brand.VIVIUM, intermediary_id=me.id,
                     covered=covered, vehicle_make="Audi").number
        for covered in (["civil_liability"], ["civil_liability", "glass"], ["civil_liability"])
    ]  # fmt: skip
    db.commit()
    client = app.test_client()
    sign_in(client, me)
    tables = []
    for number in numbers:
        page = client.get(f"/vconnect/fr/policies/{number}")
        assert page.status_code == 200
        tables.append(_covered(page.get_data(as_text=True)))
    assert tables[0]["glass"] == "no" and tables[1]["glass"] == "yes"
    assert tables[2] == tables[0] and tables[0]["civil_liability"] == "yes"
