"""GET/PUT /me/notifications: the person's channels, checked addresses, only the channels the
server offers, and a 4xx (never a 500) for anything hostile."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import httpx
import pytest

from sync.server.settings import Settings

from .conftest import User
from .notify_services import Services, notify_services

__all__ = ["notify_services"]  # the fixture, imported to be found
Users = Callable[[str], User]
PATH = "/api/v1/me/notifications"


@pytest.fixture
def settings(settings: Settings, notify_services: Services) -> Settings:
    """The test settings with the SMTP server configured and no SMS gateway."""
    return replace(settings, integrations=replace(notify_services.integrations, sms=None))


def put(who: User, body: Any = None, **options: Any) -> httpx.Response:
    if body is not None:
        options["json"] = body
    headers = {**who.headers, **options.pop("headers", {})}
    return who.api.request("PUT", PATH, headers=headers, **options)


def test_a_choice_is_checked_kept_and_read_back(user: Users) -> None:
    reviewer = user("office.reviewer")
    first = reviewer.api.get(PATH, headers=reviewer.headers)
    assert first.status_code == 200
    assert first.json() == {"email": "", "phone": "", "events": {}, "digest": False,
                            "available": ["email"]}
    chosen = put(reviewer, {"email": " zhou@pingxiang.gov.cn ", "phone": "+86 138-0013-8000",
                            "events": {"urgent_document": ["email", "email"], "urging": []},
                            "digest": True})
    assert chosen.status_code == 200, chosen.text
    expected = {"email": "zhou@pingxiang.gov.cn", "phone": "13800138000",
                "events": {"urgent_document": ["email"]}, "digest": True,
                "available": ["email"]}
    assert chosen.json() == expected
    assert reviewer.api.get(PATH, headers=reviewer.headers).json() == expected
    other = user("office.clerk")
    assert other.api.get(PATH, headers=other.headers).json()["events"] == {}


@pytest.mark.parametrize(("body", "code"), [
    ({"email": "zhou@"}, "notify.invalid_email"),
    ({"email": "zhou@@pingxiang.gov.cn"}, "notify.invalid_email"),
    ({"email": "zhou pingxiang.gov.cn"}, "notify.invalid_email"),
    ({"email": "a..b@pingxiang.gov.cn"}, "notify.invalid_email"),
    ({"phone": "12800138000"}, "notify.invalid_phone"),
    ({"phone": "1380013800"}, "notify.invalid_phone"),
    ({"phone": "+1 2025550123"}, "notify.invalid_phone"),
    ({"phone": "0799-6888888"}, "notify.invalid_phone"),
    ({"phone": "13800138000", "events": {"urging": ["sms"]}}, "notify.channel_unavailable"),
    ({"events": {"meeting": ["email"]}}, "notify.address_missing"),
    ({"digest": True}, "notify.address_missing"),
])
def test_a_wrong_choice_is_refused_with_its_code(user: Users, body: dict[str, Any],
                                                 code: str) -> None:
    response = put(user("office.reviewer"), body)
    assert response.status_code == 422, response.text
    assert response.json()["code"] == code
    assert response.json()["message"]  # Chinese, for the settings dialog


@pytest.mark.parametrize("options", [
    {"json": {"events": {"urging": ["fax"]}}},
    {"json": {"events": {"everything": ["email"]}}},
    {"json": {"events": ["urging"]}},
    {"json": {"events": {"urging": "email"}}},
    {"json": {"email": 5}},
    {"json": {"email": "a@b.cn", "phone": ["13800138000"]}},
    {"json": {"email": "z" * 5000 + "@pingxiang.gov.cn"}},
    {"json": {"phone": "1" * 100}},
    {"json": {"digest": {"at": 8}}},
    {"json": {"is_admin": True}},
    {"json": []},
    {"json": None},
    {"content": b'{"email": "a@b.cn\\u0000"}'},
    {"content": b'{"phone": "\\ud800"}'},
    {"content": b'{"email": '},
    {"content": "邮箱".encode("gbk")},
])
def test_a_hostile_body_gets_a_4xx_never_a_500(user: Users, options: dict[str, Any]) -> None:
    who = user("office.reviewer")
    response = put(who, None, headers={"Content-Type": "application/json"}, **options)
    assert 400 <= response.status_code < 500, (options, response.status_code, response.text)
    assert response.json()["code"]
