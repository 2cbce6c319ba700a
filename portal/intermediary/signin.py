"""Sign-in as the company single sign-on would do it: producer number and password (the
seeded intermediaries), or, where SIM_STUBS opens the stubs, a pick from the list."""

from __future__ import annotations

from flask import Blueprint, g, redirect, render_template, request, session, url_for

from portal.backoffice import portfolio
from portal.backoffice.errors import Forbidden, NotFound
from portal.db import get_session
from portal.forms import EmptyForm
from portal.intermediary.forms import PickForm, SignInForm
from portal.intermediary.tool import LANGS, SIGNED_IN
from portal.sim.access import stubs_open


def parse_id(raw: str) -> int | None:
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else None


PREFIX = f"/<any({','.join(LANGS)}):lang>"


def _land(me) -> object:
    session.clear()
    session[SIGNED_IN] = me.id
    target = request.args.get("next") or ""
    if target.startswith(f"/{g.tool.segment}/") and "//" not in target and ".." not in target:
        return redirect(request.script_root + target)  # inside a world too
    return redirect(url_for(".portfolio", lang=me.language.value))


def _page(form: SignInForm, status: int = 200, error: str | None = None):
    db = get_session()
    first = parse_id(request.args.get("as", ""))
    picker = portfolio.choices(db, g.tool.brand, first) if stubs_open() else []
    return render_template(
        "intermediary/signin.html",
        form=form,
        pick=PickForm(),
        picker=picker,
        error=error,
    ), status


def attach(bp: Blueprint) -> None:
    @bp.route(f"{PREFIX}/signin", methods=["GET", "POST"])
    def signin():
        form = SignInForm()
        if request.method == "GET":
            return _page(form)
        if not form.validate_on_submit():
            return _page(form, 422)
        try:
            me = portfolio.sign_in(
                get_session(), g.tool.brand, form.producer_number.data, form.password.data
            )
        except Forbidden:
            return _page(form, 401, "wrong_credentials")
        return _land(me)

    @bp.post(f"{PREFIX}/signin/pick")
    def signin_pick():
        if not stubs_open():
            return _page(SignInForm(), 403, "picker_closed")
        form = PickForm()
        if not form.validate_on_submit():
            return _page(SignInForm(), 422, "pick_one")
        try:
            me = portfolio.intermediary(get_session(), g.tool.brand, form.intermediary_id.data)
        except NotFound:
            return _page(SignInForm(), 404, "pick_one")
        return _land(me)

    @bp.post(f"{PREFIX}/signout")
    def signout():
        if EmptyForm().validate_on_submit():
            session.clear()
        return redirect(url_for(".signin"))
