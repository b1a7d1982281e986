"""Behind a reverse proxy: X-Forwarded-For is believed only from the trusted proxies."""

from __future__ import annotations

import dataclasses
import ipaddress
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from fastapi import FastAPI

from sync.server import create_app
from sync.server.http.proxies import client_address
from sync.server.settings import Settings, parse_networks, settings_from_env
from sync.server.storage import tables as t

from .conftest import Api, login

PROXY = "10.0.0.1"
PROXIES = parse_networks(f"{PROXY}, 172.16.0.0/12")


def _login(api: Api, username: str, forwarded: str | None, password: str = "wrong") -> int:
    headers = {} if forwarded is None else {"X-Forwarded-For": forwarded}
    return api.post("/api/v1/auth/login", json={"username": username, "password": password},
                    headers=headers).status_code


@pytest.fixture
def proxied_app(settings: Settings, engine: sa.Engine) -> Iterator[FastAPI]:
    """The server app configured with trusted proxies."""
    app = create_app(dataclasses.replace(settings, trusted_proxies=PROXIES), engine=engine)
    yield app
    app.state.server.notifier.close()


def _addresses(engine: sa.Engine) -> set[str]:
    with engine.connect() as connection:
        return set(connection.execute(sa.select(t.login_attempts.c.address)).scalars())


@pytest.mark.parametrize("trusted", [True, False])
def test_a_spoofed_header_from_an_untrusted_peer_is_ignored(
        settings: Settings, engine: sa.Engine, trusted: bool) -> None:
    proxies = PROXIES if trusted else ()
    app = create_app(dataclasses.replace(settings, trusted_proxies=proxies), engine=engine)
    attacker = Api(app, address="203.0.113.9")
    try:
        # A new "client address" every time, and a new username: the address still counts.
        for n in range(5):
            assert _login(attacker, f"nobody{n}", f"198.51.100.{n}") == 401
        assert _login(attacker, "office.clerk", "198.51.100.200", "demo-password") == 429
        assert _addresses(engine) == {"203.0.113.9"}
    finally:
        attacker.close()
        app.state.server.notifier.close()


def test_through_a_trusted_proxy_the_throttle_counts_per_real_client(
        proxied_app: FastAPI, engine: sa.Engine) -> None:
    proxy = Api(proxied_app, address=PROXY)
    try:
        for n in range(5):
            assert _login(proxy, f"nobody{n}", "198.51.100.1") == 401
        # The guessing client is blocked, even when it prepends an address of its choice ...
        assert login(proxy, "office.clerk").status_code == 200  # (no header: the proxy itself)
        assert _login(proxy, "office.clerk", "198.51.100.1", "demo-password") == 429
        assert _login(proxy, "office.clerk", "192.0.2.66, 198.51.100.1", "demo-password") == 429
        # ... while other people behind the same proxy log in as usual.
        assert _login(proxy, "office.clerk", "198.51.100.2", "demo-password") == 200
        # Through two proxies (an inner one in 172.16/12), the client is the last untrusted hop.
        assert _login(proxy, "office.clerk", "198.51.100.1, 172.16.5.4", "demo-password") == 429
        assert _login(proxy, "office.clerk", "198.51.100.3, 172.16.5.4", "demo-password") == 200
        # Refused (429) attempts are not recorded; the prepended address never is.
        assert _addresses(engine) == {"198.51.100.1", PROXY, "198.51.100.2", "198.51.100.3"}
    finally:
        proxy.close()


@pytest.mark.parametrize(("peer", "header", "expected"), [
    ("203.0.113.9", ["198.51.100.1"], "203.0.113.9"),  # untrusted peer: header ignored
    (PROXY, [], PROXY),  # trusted peer, no header: the proxy itself
    (PROXY, ["198.51.100.1"], "198.51.100.1"),
    (PROXY, ["6.6.6.6, 198.51.100.1"], "198.51.100.1"),  # rightmost untrusted wins
    (PROXY, ["6.6.6.6", "198.51.100.1"], "198.51.100.1"),  # several header lines
    (PROXY, ["198.51.100.1, 172.16.0.9, 10.0.0.1"], "198.51.100.1"),
    (PROXY, ["172.16.0.9"], "172.16.0.9"),  # only proxies: the farthest one
    (PROXY, ["not-an-ip, 172.16.0.9"], "172.16.0.9"),  # garbage stops the walk
    (PROXY, ["198.51.100.1:51234"], "198.51.100.1"),
    (PROXY, ["[2001:db8::7]:443"], "2001:db8::7"),
    (PROXY, ["2001:db8::7"], "2001:db8::7"),
    ("::ffff:10.0.0.1", ["198.51.100.1"], "198.51.100.1"),  # IPv4-mapped proxy address
])
def test_client_address(peer: str, header: list[str], expected: str) -> None:
    assert client_address(peer, header, PROXIES) == expected


def test_trusted_proxies_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFFICEAPP_TRUSTED_PROXIES", "10.0.0.1, 192.168.0.0/16；fd00::/8")
    assert settings_from_env().trusted_proxies == (
        ipaddress.ip_network("10.0.0.1/32"), ipaddress.ip_network("192.168.0.0/16"),
        ipaddress.ip_network("fd00::/8"))
    monkeypatch.delenv("OFFICEAPP_TRUSTED_PROXIES")
    assert settings_from_env().trusted_proxies == ()
    assert Settings().trusted_proxies == ()
    with pytest.raises(ValueError, match=r"proxy\.example"):
        parse_networks("10.0.0.1, proxy.example")
