"""Signing in people of the directory against a real slapd: StartTLS and ldaps://, wrong and
empty passwords, throttling, outages (503, never a hang), cached sign-ins, a wrong CA, and the
[ldap] table's checks."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from sync.server import create_app
from sync.server.config import ConfigError, Integrations, LdapSettings
from sync.server.identity.ldap_directory import DirectoryUnavailable, check_password
from sync.server.ops.directory_sync import sync_directory
from sync.server.settings import Settings
from sync.server.storage import db
from sync.server.storage import tables as t
from tests.support.slapd import (
    SUFFIX,
    Slapd,
    change,
    config_table,
    free_port,
    ou,
    person,
)

from .conftest import Api, Clock, login

CITY = f"ou=萍乡市人民政府,{SUFFIX}"
OFFICE = f"ou=办公室,{CITY}"
ZHANG = f"uid=zhang.san,{OFFICE}"
PASSWORD = "zhang-password-1"
PULL = "/api/v1/sync/pull"
UNAVAILABLE = "统一身份认证服务暂时无法连接，请稍后再试或联系管理员"


@pytest.fixture(scope="module")
def slapd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Slapd]:
    """slapd with 萍乡市人民政府/办公室 and two people."""
    server = Slapd(tmp_path_factory.mktemp("slapd"))
    try:
        server.add_entries([ou(SUFFIX, "萍乡市人民政府"), ou(CITY, "办公室"),
                            person(OFFICE, "zhang.san", "张三", PASSWORD, mail="zs@example.org"),
                            person(OFFICE, "li.si", "李四", "li-password-1")])
        yield server
    finally:
        server.stop()


@pytest.fixture
def ldap(slapd: Slapd) -> LdapSettings:
    """[ldap] for the module's slapd (StartTLS)."""
    return LdapSettings.from_table(config_table(slapd, CITY))


@pytest.fixture
def settings(settings: Settings, ldap: LdapSettings) -> Settings:
    """The server settings with [ldap]."""
    return replace(settings, integrations=Integrations(ldap=ldap))


@pytest.fixture
def synced(engine: sa.Engine, settings: Settings) -> sa.Engine:
    """The demo database with the directory's people synced in."""
    sync_directory(engine, settings)
    return engine


@pytest.fixture
def api_for(synced: sa.Engine, settings: Settings) -> Iterator[Callable[..., Api]]:
    """Make a client of an app whose [ldap] has these changes: api_for(timeout=1)."""
    made: list[tuple[Any, Api]] = []

    def make(**changes: Any) -> Api:
        ldap = settings.integrations.ldap
        assert ldap is not None
        changed = replace(settings, integrations=Integrations(ldap=replace(ldap, **changes)))
        app = create_app(changed, engine=synced)
        client = Api(app)
        made.append((app, client))
        return client

    yield make
    for app, client in made:
        client.close()
        app.state.server.notifier.close()


def _pull(api: Api, token: str) -> int:
    body = {"client_id": "client-ldap-test", "cursor": 0, "schema_version": 1, "limit": 1}
    return api.post(PULL, json=body, headers={"Authorization": f"Bearer {token}"}).status_code


def _row(engine: sa.Engine, username: str) -> Any:
    with db.read(engine) as connection:
        return connection.execute(sa.select(t.people).where(
            t.people.c.username == username)).one()


def test_a_directory_person_signs_in_over_starttls_and_ldaps(
        api_for: Callable[..., Api], synced: sa.Engine, slapd: Slapd) -> None:
    for api in (api_for(), api_for(url=slapd.tls_url)):
        response = login(api, "zhang.san", PASSWORD)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["person"]["name"] == "张三"
        assert _pull(api, body["access_token"]) == 200
    row = _row(synced, "zhang.san")
    assert row.source == "ldap" and row.directory_login_at is not None
    assert row.password_hash is None  # cached sign-ins are off: nothing kept


def test_wrong_password_unknown_user_and_empty_password_are_refused(
        api_for: Callable[..., Api], synced: sa.Engine, settings: Settings) -> None:
    api = api_for()
    wrong = login(api, "zhang.san", "not-the-password")
    unknown = login(api, "nobody.here", "whatever-1")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["code"] == unknown.json()["code"] == "auth.invalid_credentials"
    assert login(api, "zhang.san", "").status_code == 422  # the request model refuses it
    # Below the request model too: an empty password never reaches the directory (many take
    # it as an anonymous bind and say "success"), not even a directory that is down.
    ldap = settings.integrations.ldap
    assert ldap is not None
    assert check_password(replace(ldap, url=f"ldap://127.0.0.1:{free_port()}"),
                          "zhang.san", "") is None
    assert check_password(ldap, "zhang.san", "") is None


def test_the_username_is_escaped_in_the_search(settings: Settings) -> None:
    ldap = settings.integrations.ldap
    assert ldap is not None
    assert check_password(ldap, "zhang.san", PASSWORD) is not None
    for trick in ("*", "zhang*", "zhang.san)(uid=*", "zhang.san)(|(uid=*"):
        assert check_password(ldap, trick, PASSWORD) is None


def test_failures_at_the_directory_throttle_like_local_ones(
        api_for: Callable[..., Api], clock: Clock) -> None:
    api = api_for()
    for _ in range(5):
        assert login(api, "zhang.san", "wrong-password").status_code == 401
    throttled = login(api, "zhang.san", PASSWORD)  # even the right password waits
    assert throttled.status_code == 429
    assert throttled.json()["code"] == "auth.throttled"
    assert login(api, "office.clerk").status_code == 429  # the address is blocked too
    clock.advance(timedelta(minutes=16))
    assert login(api, "zhang.san", PASSWORD).status_code == 200


def test_a_directory_that_is_down_answers_503_and_is_not_counted(
        api_for: Callable[..., Api]) -> None:
    down = api_for(url=f"ldap://127.0.0.1:{free_port()}")
    for _ in range(6):
        response = login(down, "zhang.san", PASSWORD)
        assert response.status_code == 503
        assert response.json()["code"] == "auth.directory_unavailable"
        assert response.json()["message"] == UNAVAILABLE
        assert response.headers["Retry-After"]
    assert login(down, "office.clerk").status_code == 200  # local people are unaffected
    # Outages are no failed guesses: once the directory is back, the person gets in.
    assert login(api_for(), "zhang.san", PASSWORD).status_code == 200


def test_a_directory_that_never_answers_gives_503_after_the_timeout(
        api_for: Callable[..., Api]) -> None:
    with socket.socket() as silent:  # accepts connections (backlog), never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        for url in (f"ldap://127.0.0.1:{port}", f"ldaps://127.0.0.1:{port}"):
            response = login(api_for(url=url, timeout=1), "zhang.san", PASSWORD)
            assert response.status_code == 503
            assert response.json()["code"] == "auth.directory_unavailable"


def test_a_certificate_from_another_ca_is_refused(api_for: Callable[..., Api],
                                                  slapd: Slapd) -> None:
    other = str(slapd.other_ca.path)
    for url in (slapd.url, slapd.tls_url):
        response = login(api_for(url=url, ca_file=other), "zhang.san", PASSWORD)
        assert response.status_code == 503
        assert response.json()["code"] == "auth.directory_unavailable"


def test_the_host_name_is_checked(api_for: Callable[..., Api], slapd: Slapd) -> None:
    # The certificate names 127.0.0.1 and localhost, not 127.0.0.2 (still this slapd).
    url = slapd.url.replace("127.0.0.1", "127.0.0.2")
    response = login(api_for(url=url), "zhang.san", PASSWORD)
    assert response.status_code == 503


def test_cached_sign_in_during_an_outage_only_when_turned_on(
        api_for: Callable[..., Api], synced: sa.Engine, slapd: Slapd, clock: Clock) -> None:
    down_url = f"ldap://127.0.0.1:{free_port()}"
    assert login(api_for(), "zhang.san", PASSWORD).status_code == 200
    assert login(api_for(url=down_url, cached_login_days=7), "zhang.san",
                 PASSWORD).status_code == 503  # nothing was kept while the option was off
    assert login(api_for(cached_login_days=7), "zhang.san", PASSWORD).status_code == 200
    assert _row(synced, "zhang.san").password_hash.startswith("$argon2id$")
    down = api_for(url=down_url, cached_login_days=7)
    assert login(down, "zhang.san", PASSWORD).status_code == 200
    wrong = login(down, "zhang.san", "not-the-password")
    assert wrong.status_code == 401 and wrong.json()["code"] == "auth.invalid_credentials"
    assert login(api_for(url=down_url), "zhang.san", PASSWORD).status_code == 503  # off
    clock.advance(timedelta(days=8))
    assert login(down, "zhang.san", PASSWORD).status_code == 503  # too long ago
    # A sign-in with the option off drops the kept hash.
    assert login(api_for(), "zhang.san", PASSWORD).status_code == 200
    assert _row(synced, "zhang.san").password_hash is None


def test_with_the_directory_up_a_cached_password_never_opens(
        api_for: Callable[..., Api], slapd: Slapd) -> None:
    def set_password(password: str) -> None:
        slapd.modify(change(f"uid=li.si,{OFFICE}", "changetype: modify",
                            "replace: userPassword", f"userPassword: {password}", "-"))

    api = api_for(cached_login_days=7)
    assert login(api, "li.si", "li-password-1").status_code == 200
    set_password("li-password-2")
    try:
        assert login(api, "li.si", "li-password-1").status_code == 401  # the old one is gone
        assert login(api, "li.si", "li-password-2").status_code == 200
    finally:
        set_password("li-password-1")


def test_a_new_entry_with_a_leavers_username_is_not_that_person(
        api_for: Callable[..., Api], slapd: Slapd) -> None:
    # 张三's entry is replaced by another with the same username (and here the same
    # password): until sync-directory decides who that is, it does not open 张三's account.
    slapd.modify(change(ZHANG, "changetype: delete"))
    slapd.add_entries([person(OFFICE, "zhang.san", "张三", PASSWORD, mail="zs@example.org")])
    response = login(api_for(), "zhang.san", PASSWORD)
    assert response.status_code == 401


def test_a_directory_person_changes_the_password_at_the_directory(
        api_for: Callable[..., Api]) -> None:
    api = api_for()
    tokens = login(api, "zhang.san", PASSWORD).json()
    response = api.post("/api/v1/auth/password",
                        json={"current_password": PASSWORD, "new_password": "new-password-9"},
                        headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert response.status_code == 403
    assert response.json()["code"] == "auth.password_managed_by_directory"


def test_without_ldap_configured_a_directory_person_gets_503(
        synced: sa.Engine, settings: Settings) -> None:
    app = create_app(replace(settings, integrations=Integrations()), engine=synced)
    api = Api(app)
    try:
        assert login(api, "zhang.san", PASSWORD).status_code == 503
        assert login(api, "office.clerk").status_code == 200
    finally:
        api.close()
        app.state.server.notifier.close()


def test_check_password_raises_for_an_outage_not_a_wrong_password(settings: Settings) -> None:
    ldap = settings.integrations.ldap
    assert ldap is not None
    with pytest.raises(DirectoryUnavailable):
        check_password(replace(ldap, url=f"ldap://127.0.0.1:{free_port()}"), "zhang.san",
                       PASSWORD)
    with pytest.raises(DirectoryUnavailable):  # the service account refused
        check_password(replace(ldap, bind_password="wrong"), "zhang.san", PASSWORD)


# --- the [ldap] table ---------------------------------------------------------------------------


@pytest.mark.parametrize(("changes", "names"), [
    ({"url": None}, "缺少 url"),
    ({"url": "http://dir.example"}, "url"),
    ({"url": "ldap://dir.example", "start_tls": False}, "start_tls"),
    ({"user_filter": "(uid=zhang)"}, "user_filter"),
    ({"ca_file": "/nonexistent/ca.pem"}, "ca_file"),
    ({"timeout": 0}, "timeout"),
    ({"timeout": "5"}, "timeout"),
    ({"cached_login_days": -1}, "cached_login_days"),
    ({"cached_login_days": 1.5}, "cached_login_days"),
    ({"kind": "novell"}, "kind"),
    ({"default_roles": ["boss"]}, "default_roles"),
    ({"roles": {"cn=leaders,dc=example,dc=org": "boss"}}, "ldap.roles"),
    ({"roles": "leader"}, "ldap.roles"),
    ({"disabled_values": "x"}, "disabled_values"),
    ({"bind_dn": " "}, "bind_dn"),
])
def test_a_wrong_ldap_table_is_refused_naming_the_key(tmp_path: Path, changes: dict[str, Any],
                                                      names: str) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    table = {"url": "ldaps://dir.example:636", "bind_dn": "cn=reader,dc=example,dc=org",
             "bind_password": "x", "people_base": "dc=example,dc=org", "ca_file": str(ca),
             **changes}
    with pytest.raises(ConfigError, match=r"\[ldap") as refused:
        LdapSettings.from_table({k: v for k, v in table.items() if v is not None})
    assert names in str(refused.value)


def test_kind_ad_brings_active_directory_defaults(tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("", encoding="utf-8")
    ldap = LdapSettings.from_table({
        "kind": "ad", "url": "ldaps://dc1.example.gov.cn", "bind_dn": "CN=svc,DC=example",
        "bind_password": "x", "people_base": "OU=市政府,DC=example", "ca_file": str(ca),
        "roles": {"CN=领导,OU=Groups,DC=example": ["leader", "clerk"]}, "cached_login_days": 3})
    assert ldap.user_filter == "(sAMAccountName={username})"
    assert ldap.username_attribute == "sAMAccountName"
    assert ldap.subject_attribute == "objectGUID"
    assert ldap.disabled_attribute == "userAccountControl" and ldap.disabled_values == ()
    assert ldap.units_base == ldap.people_base
    assert ldap.roles == {"CN=领导,OU=Groups,DC=example": ("leader", "clerk")}
