"""DNS rebinding (OWASP ASVS 5.0 V3.4, V4.1; issue 10 item 4): the simulator answers only
requests whose Host header is one of its own names.

A page of `rebind.attacker.example` whose name is made to point at 127.0.0.1 reaches the
simulator from the victim's browser as a loopback client, with `Host:
rebind.attacker.example`; without this check it could read the SMS codes of the outbox.
"""

from __future__ import annotations

import pytest

from portal.hosts import allowed_names, host_allowed

EVIL = "rebind.attacker.example"


@pytest.mark.parametrize(
    "path", ["/sim/api/outbox", "/sim/api/personas", "/sim/", "/pv/nl/", "/", "/stub/itsme/jwks"]
)
def test_a_foreign_host_name_is_refused_everywhere(client, path):
    response = client.get(path, headers={"Host": EVIL})
    assert response.status_code == 400
    assert "SIM_ALLOWED_HOSTS" in response.get_data(as_text=True)


def test_the_api_refuses_a_foreign_host_in_json_with_a_stable_code(client):
    response = client.get("/sim/api/outbox", headers={"Host": f"{EVIL}:5000"})
    assert response.status_code == 400
    assert response.json["error"] == "host_not_allowed"
    assert "SIM_ALLOWED_HOSTS" in response.json["message"]


def test_a_state_change_from_a_foreign_host_changes_nothing(client, db, personas):
    response = client.post(
        "/sim/api/reset", json={"mode": "empty"}, headers={"Host": EVIL, "Origin": f"http://{EVIL}"}
    )
    assert response.status_code == 400
    assert client.get("/sim/api/personas").json["personas"]


def test_the_portal_page_for_a_foreign_host_is_in_the_page_language(client):
    nl = client.get("/pv/nl/", headers={"Host": EVIL}).get_data(as_text=True)
    fr = client.get("/vivium/fr/", headers={"Host": EVIL}).get_data(as_text=True)
    assert 'data-testid="host-refused"' in nl and 'lang="nl"' in nl
    assert 'data-testid="host-refused"' in fr and 'lang="fr"' in fr
    assert "<script" not in nl


@pytest.mark.parametrize(
    "host",
    ["localhost", "localhost:5000", "127.0.0.1:5000", "[::1]:5000", "LOCALHOST", "192.0.2.10:8000"],
)
def test_loopback_names_and_ip_addresses_are_served(client, host):
    assert client.get("/sim/api/clock", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["a b", "[::1", "local host:80", "localhost:port", "é.example"])
def test_a_malformed_host_is_a_clear_400_not_a_500(client, host):
    response = client.get("/sim/api/clock", headers={"Host": host})
    assert response.status_code == 400
    assert response.json["error"] == "host_not_allowed"


def test_sim_allowed_hosts_adds_names_and_whole_domains(app, client):
    app.config["SIM_ALLOWED_HOSTS"] = "portal.team.example, .lab.example"
    for host in ("portal.team.example:8000", "qa.lab.example", "lab.example"):
        assert client.get("/sim/api/clock", headers={"Host": host}).status_code == 200, host
    assert client.get("/sim/api/clock", headers={"Host": "team.example"}).status_code == 400


def test_the_listening_host_of_portal_sim_run_is_allowed(app, client):
    app.config["SIM_LISTEN_HOST"] = "qa-box.example"
    assert client.get("/pv/nl/", headers={"Host": "qa-box.example:5000"}).status_code == 200


def test_listening_on_every_interface_allows_the_machine_s_own_name(monkeypatch):
    monkeypatch.setattr("socket.gethostname", lambda: "qa-box")
    monkeypatch.setattr("socket.getfqdn", lambda *_: "qa-box.corp.example")
    names = allowed_names({"SIM_LISTEN_HOST": "0.0.0.0"})
    assert {"localhost", "qa-box", "qa-box.corp.example"} <= names
    assert host_allowed("qa-box.corp.example:5000", names)
    assert not host_allowed(EVIL, names)


@pytest.mark.parametrize("path", ["/pv/nl/", "/sim/", "/"])
@pytest.mark.parametrize("host", ["a" * 64, "a" * 64 + ".example", "x" * 5000])
def test_a_host_werkzeug_cannot_bind_is_a_400_page_not_a_500(client, path, host):
    # A label over 63 characters leaves Flask without a URL adapter: the refusal page
    # cannot use url_for, so it must not be rendered through the base template.
    response = client.get(path, headers={"Host": host})
    assert response.status_code == 400
    assert "SIM_ALLOWED_HOSTS" in response.get_data(as_text=True)
