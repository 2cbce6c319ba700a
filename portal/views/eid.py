"""eID: the simulator's virtual card reader (RG-1).

The tester inserts any back-office person's card (or types a national number), then
types the PIN; the card rules live in `auth.eid_stub`. A card that passes hands the
national number to `identity_verified`, which logs in, links or registers (RG-3, RG-5,
BR-1).
"""

from __future__ import annotations

from datetime import date

from flask import render_template, request, url_for
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, PasswordField
from wtforms.validators import InputRequired, ValidationError

from auth import eid_stub
from auth.errors import EidReaderMissing
from models.sim import clock_now
from portal.db import get_session
from portal.forms import PortalForm
from portal.sim import access
from portal.transaction import record_refusal
from portal.views.auth_common import identity_verified, render_refusal
from portal.views.space import brand_space_blueprint

bp = brand_space_blueprint("eid", __name__)


def _pin_format(_form, field) -> None:
    if not eid_stub.pin_format_ok(field.data):
        raise ValidationError(_l("A PIN code has 4 to 12 digits."))


class PinForm(PortalForm):
    """The PIN dialog of the reader: the card in the reader and the PIN (RG-1)."""

    card = HiddenField()
    pin = PasswordField(
        _l("PIN code"),
        validators=[InputRequired(message=_l("Type the PIN code of the card.")), _pin_format],
        render_kw={
            "inputmode": "numeric",
            "maxlength": 12,
            "autocomplete": "off",
            "autofocus": True,
        },
    )


def _today() -> date:
    return clock_now(get_session()).date()


def _reader_page(card_error: bool = False, typed: str = ""):
    """The reader with the cards found for the search `q` (RG-1)."""
    query = eid_stub.clean_text(request.args.get("q"))
    holders = eid_stub.search_holders(get_session(), query, _today())
    return render_template(
        "eid/reader.html",
        query=query,
        holders=holders,
        limit=eid_stub.SEARCH_LIMIT,
        pin=eid_stub.PIN,
        card_error=card_error,
        typed=typed,
    )


def _reader_locked(status: int = 200):
    """The reader without its cards: they need the console token here (SIM_STUBS)."""
    back = url_for("eid.reader")
    page = render_template(
        "eid/reader.html", stub_locked=True, signin_url=access.signin_url(back), pin=eid_stub.PIN
    )
    return page, status


def _reader_missing():
    return render_refusal(EidReaderMissing(), template="eid/reader.html", pin=eid_stub.PIN)


@bp.get("/login/eid")
def reader():
    """RG-1: the card reader window, or "no card reader found" under the fault."""
    if eid_stub.reader_missing(get_session()):
        return _reader_missing()
    if not access.stubs_open():
        return _reader_locked()
    return _reader_page()


@bp.route("/login/eid/pin", methods=["GET", "POST"])
def pin():
    """RG-1: the PIN dialog for the inserted card; a valid card and PIN log in."""
    db = get_session()
    if eid_stub.reader_missing(db):
        return _reader_missing()
    if not access.stubs_open():
        return _reader_locked(403)
    source = request.form if request.method == "POST" else request.args
    national_number = eid_stub.parse_national_number(source.get("card"))
    if national_number is None:
        return _reader_page(card_error=True, typed=eid_stub.clean_text(source.get("card"), 20))
    today = _today()
    form = PinForm()
    form.card.data = national_number
    if not form.validate_on_submit():
        holder = eid_stub.holder_of(db, national_number, today)
        return render_template("eid/pin.html", form=form, holder=holder, pin=eid_stub.PIN)
    check = eid_stub.enter_pin(db, national_number, form.pin.data, today)
    if check.accepted:
        return identity_verified("eid", national_number)
    record_refusal()  # RG-1: a wrong PIN counts, a blocked card stays blocked
    wrong_pin = check.outcome is eid_stub.Outcome.WRONG_PIN
    return render_refusal(
        check.refusal(),
        template="eid/pin.html" if wrong_pin else "eid/refusal.html",
        form=form,
        holder=eid_stub.holder_of(db, national_number, today),
        tries_left=check.tries_left,
        pin=eid_stub.PIN,
    )
