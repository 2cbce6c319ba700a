"""The test apps share Werkzeug's parsed URL rules (tests/app_cache.py): each rule must
end up exactly as Werkzeug alone would parse it, with converters of its own map."""

from __future__ import annotations

import pytest
from werkzeug.routing import Rule

from portal.app import create_app
from tests import app_cache


@pytest.fixture
def later(app):
    """A second app in the same process: its rules come from the shared parses."""
    config = {"TESTING": True, "CREATE_SCHEMA": False, "SECRET_KEY": "test-secret"}
    config |= {"DATABASE_URL": app.config["DATABASE_URL"], "INSTANCE_PATH": app.instance_path}
    second = create_app(config)
    yield second
    second.extensions["db_engine"].dispose()


def parsed_alone(rule: Rule) -> tuple[list, list, dict]:
    """The parts, trace and converters Werkzeug's own parser gives `rule`'s text."""
    fresh = Rule(rule.rule)
    fresh.map = rule.map
    fresh._trace, fresh._converters = [], {}
    parts = list(app_cache.ORIGINAL["parse_rule"](fresh, rule.rule))
    return parts, fresh._trace, fresh._converters


def test_every_rule_of_a_later_app_is_parsed_as_werkzeug_parses_it(later):
    rules = list(later.url_map.iter_rules())
    assert len(rules) > 200
    for rule in rules:
        parts, trace, converters = parsed_alone(rule)
        assert rule._parts[1:] == parts, rule.rule  # [0]: the empty domain part
        assert rule._trace[1:] == trace, rule.rule  # [0]: the domain's end, "|"
        assert {k: (type(c), c.regex) for k, c in rule._converters.items()} == {
            k: (type(c), c.regex) for k, c in converters.items()
        }, rule.rule
        assert set(converters) <= rule.arguments


def test_each_app_gets_converters_of_its_own_map(app, later):
    dynamic = [r for r in later.url_map.iter_rules() if r._converters]
    assert dynamic and later.url_map is not app.url_map
    assert all(c.map is later.url_map for r in dynamic for c in r._converters.values())


def test_urls_are_built_and_matched_as_before(later):
    client = later.test_client()
    with later.test_request_context():
        from flask import url_for

        assert url_for("static", filename="portal.css") == "/static/portal.css"
    css = client.get("/static/portal.css")
    assert css.status_code == 200
    css.close()
    assert client.get("/no/such/page").status_code == 404


def test_a_rule_whose_converter_pattern_changed_is_parsed_again():
    """A converter may build its pattern from data (`<brand:...>` from the profiles): a
    later map with the same rule text and converter class but another pattern matches by
    the new pattern."""
    from werkzeug.exceptions import NotFound
    from werkzeug.routing import BaseConverter, Map

    class Member(BaseConverter):
        regex = "alpha"

    first = Map([Rule("/m/<member:name>", endpoint="m")], converters={"member": Member})
    assert first.bind("localhost").match("/m/alpha") == ("m", {"name": "alpha"})
    Member.regex = "alpha|beta"  # a member added
    later = Map([Rule("/m/<member:name>", endpoint="m")], converters={"member": Member})
    assert later.bind("localhost").match("/m/beta") == ("m", {"name": "beta"})
    with pytest.raises(NotFound):
        later.bind("localhost").match("/m/gamma")
