"""Registration with personal data (activation letter, SMS) and login with email,
password and SMS code, the way a customer does it (RG-1, RG-2, RG-6, RG-7)."""

from __future__ import annotations

from pytest_bdd import given, then, when

from tests.acceptance.steps.grammar import p
from tests.acceptance.support.world import Customer, PortalRef, World


def newest_letter(world: World, customer: Customer) -> dict:
    letters = world.outbox(
        channel="letter",
        kind="activation_letter",
        recipient=customer.persona.name,
        brand=customer.letter_brand or "",
    )
    return world.newest(letters, f"activation letter to {customer.name}")


def newest_sms(world: World, customer: Customer) -> dict:
    messages = world.outbox(channel="sms", recipient=customer.persona.mobile_e164)
    sms = world.newest(messages, f"SMS to {customer.persona.mobile_e164}")
    assert sms["status"] == "delivered", f"the SMS to {customer.name} was never delivered"
    return sms


def wrong(code: str) -> str:
    return "000000" if code != "000000" else "111111"


@when(
    p('{who:Who} asks for an activation letter in {portal:Portal} with the contract "{number:Q}"')
)
def ask_letter(world: World, who: str, portal: PortalRef, number: str) -> None:
    """Step 1 of the registration: contract number and the persona's own date of birth."""
    customer = world.customer(who)
    customer.ask_letter(customer.space_of(portal), number)


@when(
    p(
        '{who:Who} asks for an activation letter in {portal:Portal} with the contract "{number:Q}" '
        'and the birth date "{birth:Q}"'
    )
)
def ask_letter_born(world: World, who: str, portal: PortalRef, number: str, birth: str) -> None:
    """Step 1 with another date of birth (YYYY-MM-DD)."""
    customer = world.customer(who)
    customer.ask_letter(customer.space_of(portal), number, birth)


@when(p("{who:Who} asks for a new activation code in {portal:Portal}"))
def ask_new_code(world: World, who: str, portal: PortalRef) -> None:
    """ "My letter never arrived or my code expired", with the contract used before."""
    customer = world.customer(who)
    space = customer.space_of(portal)
    number = customer.contract_used.get(space.brand) or customer.persona.first_contract(space.brand)
    customer.ask_new_code(space, number)


@when(
    p('{who:Who} asks for a new activation code in {portal:Portal} with the contract "{number:Q}"')
)
def ask_new_code_for(world: World, who: str, portal: PortalRef, number: str) -> None:
    customer = world.customer(who)
    customer.ask_new_code(customer.space_of(portal), number)


@when(p("{who:Who} receives the activation letter"))
def receives_letter(world: World, who: str) -> None:
    """The post delivers every letter in transit; the customer reads the newest one."""
    customer = world.customer(who)
    world.api.deliver_letters()
    letter = newest_letter(world, customer)
    assert letter["status"] == "delivered", f"the letter to {customer.name} never came: {letter}"
    customer.letter_codes.append(letter["code"])


@then(p('the outbox holds an activation letter for {who:Who} to be delivered on "{day:Q}"'))
def letter_in_outbox(world: World, who: str, day: str) -> None:
    """The letter is posted, not delivered yet; `day` is DD/MM/YYYY."""
    letter = newest_letter(world, world.customer(who))
    d, m, y = day.split("/")
    assert letter["expected_at"].startswith(f"{y}-{m}-{d}"), letter["expected_at"]
    assert letter["status"] == "in_transit" and letter["code"] is None, letter


@then(p('the activation letter for {who:Who} is addressed to "{recipient:Q}"'))
def letter_address(world: World, who: str, recipient: str) -> None:
    letter = newest_letter(world, world.customer(who))
    assert letter["recipient"] == recipient, letter["recipient"]


@then(p("the activation letter to {who:Who} is lost in the post"))
def letter_lost(world: World, who: str) -> None:
    """Marked lost, never delivered, never readable."""
    letter = newest_letter(world, world.customer(who))
    assert letter["status"] == "lost" and letter["code"] is None, letter


@then(p("the outbox holds no letter for {who:Who}"))
def no_letter(world: World, who: str) -> None:
    customer = world.customer(who)
    letters = world.outbox(channel="letter", recipient=customer.persona.name)
    assert letters == [], letters


@when(p("{who:Who} activates the account in {portal:Portal} with the code of the letter"))
def activate(world: World, who: str, portal: PortalRef) -> None:
    """Step 2: the code of the newest letter received, the persona's email
    (`<key>@example.be`), a password and the persona's own mobile number."""
    customer = world.customer(who)
    assert customer.letter_codes, f"{customer.name} has received no activation letter"
    customer.activate(customer.space_of(portal), customer.letter_codes[-1])


@when(
    p(
        "{who:Who} activates the account in {portal:Portal} with the code of the "
        "{which:Which} letter"
    )
)
def activate_which(world: World, who: str, portal: PortalRef, which: int) -> None:
    """Step 2 with the code of the first (or latest) letter received."""
    customer = world.customer(who)
    customer.activate(customer.space_of(portal), customer.letter_codes[which])


@when(
    p(
        "{who:Who} activates the account in {portal:Portal} with the code of the letter "
        'and the {field:Field} "{value:Q}"'
    )
)
def activate_with(world: World, who: str, portal: PortalRef, field: str, value: str) -> None:
    """Step 2 with another email, password or mobile number."""
    customer = world.customer(who)
    customer.activate(customer.space_of(portal), customer.letter_codes[-1], **{field: value})


@when(p("{who:Who} enters a wrong activation code {times:Times} in {portal:Portal}"))
def wrong_activation(world: World, who: str, portal: PortalRef, times: int) -> None:
    """Step 2 with "ZZZZ-ZZZZ"; the last refusal is the one on the page."""
    customer = world.customer(who)
    for _ in range(times):
        customer.activate(customer.space_of(portal), "ZZZZ-ZZZZ")


@when(p("{who:Who} enters the code received by SMS"))
def enter_sms(world: World, who: str) -> None:
    """The code of the newest SMS to the customer's mobile, on the SMS page."""
    customer = world.customer(who)
    customer.enter_sms(newest_sms(world, customer)["code"])


@when(p("{who:Who} enters a wrong SMS code {times:Times}"))
def wrong_sms(world: World, who: str, times: int) -> None:
    customer = world.customer(who)
    code = wrong(newest_sms(world, customer)["code"])
    for _ in range(times):
        customer.enter_sms(code)


@when(p("{who:Who} asks for a new SMS code"))
def resend_sms(world: World, who: str) -> None:
    world.customer(who).submit("sms-resend", {})


@then(p("{who:Who} receives an SMS on the mobile number"))
def sms_received(world: World, who: str) -> None:
    customer = world.customer(who)
    sms = newest_sms(world, customer)
    assert sms["delivered"] and len(sms["code"]) == 6, sms


@when(p("{who:Who} logs in to {portal:Portal} with the email and the password"))
def login(world: World, who: str, portal: PortalRef) -> None:
    """Email and password of the customer's account: the SMS page comes next (RG-2)."""
    customer = world.customer(who)
    customer.login_password(customer.space_of(portal))


@when(
    p(
        '{who:Who} logs in to {portal:Portal} with the email "{email:Q}" and the password "{password:Q}"'
    )
)
def login_with(world: World, who: str, portal: PortalRef, email: str, password: str) -> None:
    customer = world.customer(who)
    customer.login_password(customer.space_of(portal), email, password)


@when(p("{who:Who} logs out of {portal:Portal}"))
def logout(world: World, who: str, portal: PortalRef) -> None:
    customer = world.customer(who)
    customer.logout(customer.space_of(portal))


def register_with_personal_data(world: World, who: str, portal: PortalRef, email: str | None):
    customer = world.customer(who)
    space = customer.space_of(portal)
    page = customer.ask_letter(space, customer.persona.first_contract(space.brand))
    assert page.find("letter-sent") is not None, f"no letter: refusal {page.refusal()}"
    receives_letter(world, who)
    page = customer.activate(space, customer.letter_codes[-1], email=email)
    assert page.find("sms-form") is not None, f"activation refused: {page.refusal()}"
    customer.enter_sms(newest_sms(world, customer)["code"])
    assert customer.open(space, "/").find("welcome") is not None, "not logged in after the SMS"


@given(p("{who:Who} has registered in {portal:Portal} with personal data"))
def has_registered(world: World, who: str, portal: PortalRef) -> None:
    """The whole personal-data registration with the persona's first active contract of
    that brand; the customer is logged in afterwards."""
    register_with_personal_data(world, who, portal, None)


@given(p('{who:Who} has registered in {portal:Portal} with personal data as "{email:Q}"'))
def has_registered_as(world: World, who: str, portal: PortalRef, email: str) -> None:
    register_with_personal_data(world, who, portal, email)
