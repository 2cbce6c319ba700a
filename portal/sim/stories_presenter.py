"""The presenter view of a story (issue 19): one screen for the projector with the
customer's portal (signed in as him, in the story's world), his phone, his letterbox and
his intermediary's view, kept up to date by polling `state.json` (static/presenter.js,
no CDN), with the keyboard shortcuts → / N (next) and ← / B (back).

The portal frame opens through `customer_session`, a console page inside the story's
world that signs the browser in as the story's customer (console access required, like
the itsme stub's person picker) and goes on to the page the step shows. The intermediary's
frame opens the same way through `intermediary_session`: his own tool (Connect 360 or
V-Connect), signed in as the intermediary of the customer's contracts, on the customer's
account, with the session the tool registered for watching (auth.watching).
"""

from __future__ import annotations

from flask import abort, current_app, jsonify, redirect, render_template, request
from sqlalchemy import select

from auth.login import open_session
from auth.watching import SPACES
from models import Account, Contract, Intermediary
from models.brands import PROFILES
from models.enums import Brand
from models.sim import clock_now
from portal.db import get_session
from portal.forms import EmptyForm
from portal.sim.blueprints import console
from portal.sim.stories_views import narration_lang, played_of, story_or_404
from portal.stories.catalogue import PAGE, Story
from portal.stories.presenter import customer_of, delivered_messages
from portal.worlds import now, requested_world, service, storage


def current_page(story: Story, done: int) -> str:
    """The portal page of the latest step played that names one (else the setup's)."""
    pages = [s.page for s in story.steps[:done] if s.page is not None]
    return pages[-1] if pages else story.setup.page


def _narration(story: Story, done: int, lang: str) -> str:
    return story.steps[done - 1].narration[lang] if done else story.shows[lang]


def _alive(world_id: str) -> bool:
    """Whether the story's world still exists (an idle one expires, issue 14)."""
    try:
        service.find(get_session(), storage(), world_id, now())
    except service.UnknownWorld:
        return False
    return True


def _newest(messages: dict[str, list]) -> int:
    return max((m["id"] for found in messages.values() for m in found), default=0)


def state(story: Story) -> dict:
    """What the presenter shows now; `version` changes whenever the story moves."""
    played = played_of(story)
    lang = narration_lang(story)
    if played is None or not _alive(played.world_id):
        return {"started": False, "narration": story.shows[lang], "version": ""}
    with storage().sessions(played.world_id)() as db:
        moment = clock_now(db)
        customer = customer_of(db, story)
        messages = delivered_messages(db, customer.person_id, moment)
    root = f"{request.script_root}/w/{played.world_id}"
    brand = story.setup.brand.value
    page = current_page(story, played.done)
    focus = story.steps[played.done - 1].focus if played.done else "portal"
    return {
        "started": True,
        "done": played.done,
        "total": len(story.steps),
        "narration": _narration(story, played.done, lang),
        "focus": focus,
        "clock": moment.strftime("%d/%m/%Y %H:%M"),
        "portal": f"{root}/sim/stories/customer/{brand}/{customer.person_id}?page={page}&lang={story.setup.lang}",
        "intermediary": f"{root}/sim/stories/intermediary/{brand}/{customer.person_id}",
        "sms": messages["sms"],
        "letters": messages["letter"],
        "emails": messages["email"],
        # the story moved, or a message arrived (also from the trainer's clicks in the portal)
        "version": f"{played.world_id}:{played.done}:{moment.isoformat()}:{_newest(messages)}",
    }


@console.get("/stories/<story_id>/presenter")
def story_presenter(story_id: str):
    story = story_or_404(story_id)
    return render_template(
        "sim/presenter.html", story=story, lang=narration_lang(story), form=EmptyForm()
    )


@console.get("/stories/<story_id>/state.json")
def story_state(story_id: str):
    return jsonify(state(story_or_404(story_id)))


def _session_cookie(account: Account, brand: Brand) -> str:
    """A brand session for the account, as a login writes it (auth.views log_in)."""
    db = get_session()
    moment = clock_now(db)
    token = open_session(db, account, "story", moment)
    serializer = current_app.session_interface.get_signing_serializer(current_app)
    at = moment.isoformat()
    data = {"_user_id": str(account.id), "_fresh": True, "sid": token, "auth_at": at,
            "seen_at": at, "method": "story"}  # fmt: skip
    return serializer.dumps(data)


@console.get("/stories/customer/<brand:brand>/<int:person_id>")
def customer_session(brand: str, person_id: int):
    """Inside a world only: the browser signed in as that customer of the brand (when he
    has an account), then on to `page` of his portal."""
    if requested_world() is None:
        abort(404)
    chosen = Brand(brand)
    page = request.args.get("page", "")
    if not PAGE.fullmatch(page) or "//" in page:
        page = ""
    lang = request.args.get("lang") if request.args.get("lang") in ("fr", "nl") else "fr"
    db = get_session()
    account = db.scalars(
        select(Account).where(Account.brand == chosen, Account.person_id == person_id)
    ).one_or_none()
    response = redirect(f"{request.script_root}/{brand}/{lang}/{page}")
    if account is not None:
        interface = current_app.session_interface
        response.set_cookie(
            PROFILES[chosen].cookie_name,
            _session_cookie(account, chosen),
            path=f"{request.script_root}/{brand}",
            httponly=True,
            samesite="Lax",
            secure=interface.get_cookie_secure(current_app),
        )
    return response


@console.get("/stories/intermediary/<brand:brand>/<int:person_id>")
def intermediary_session(brand: str, person_id: int):
    """Inside a world only: the browser signed in to the tool of the brand as the
    intermediary of that customer's contracts, then on to the customer's account there
    (BK-3: the intermediary is the customer's first point of contact)."""
    if requested_world() is None:
        abort(404)
    chosen = Brand(brand)
    db = get_session()
    row = db.execute(
        select(Intermediary.id, Intermediary.language)
        .join(Contract, Contract.intermediary_id == Intermediary.id)
        .where(Contract.holder_id == person_id, Contract.brand == chosen)
        .limit(1)
    ).first()
    if row is None:
        return render_template("sim/intermediary_missing.html"), 404
    tool = PROFILES[chosen].tool
    response = redirect(
        f"{request.script_root}/{tool.segment}/{row.language.value}/customers/{person_id}"
    )
    serializer = current_app.session_interface.get_signing_serializer(current_app)
    response.set_cookie(
        tool.cookie_name,
        serializer.dumps(SPACES[tool.segment].cookie(db, row.id)),
        path=f"{request.script_root}/{tool.segment}",
        httponly=True,
        samesite="Lax",
        secure=current_app.session_interface.get_cookie_secure(current_app),
    )
    return response
