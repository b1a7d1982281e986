"""通知方式 from the client against the real server: the Api's two calls, and the keeper that
keeps an edit made offline and sends it when the link is back (or keeps the refusal)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from sync.client.api import ApiError
from sync.client.notification_prefs import NotificationPrefsKeeper
from sync.protocol import NotificationPrefsUpdate
from sync.server.config import Integrations, SmtpSettings
from sync.server.settings import Settings

CLERK = "office.clerk"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """A server that can send e-mail (a relay on this host) but has no SMS gateway."""
    smtp = SmtpSettings(host="127.0.0.1", sender="oa@example.gov.cn", security="none")
    return replace(settings, integrations=Integrations(smtp=smtp))


def keeper_of(client: Any) -> NotificationPrefsKeeper:
    return NotificationPrefsKeeper(store=client.store, person_id=client.person_id)


def test_the_api_reads_and_keeps_the_choice(make_client: Any) -> None:
    clerk = make_client(CLERK, sync=False)
    first = clerk.run(clerk.api.notification_prefs())
    assert first.available == ["email"] and first.events == {} and not first.digest
    update = NotificationPrefsUpdate(email=" zhang.wei@example.gov.cn ",
                                     phone="+86 139 1234 5678",
                                     events={"urgent_document": ["email"]}, digest=True)
    kept = clerk.run(clerk.api.set_notification_prefs(update))
    assert (kept.email, kept.phone) == ("zhang.wei@example.gov.cn", "13912345678")
    assert kept.events == {"urgent_document": ["email"]} and kept.digest
    assert clerk.run(clerk.api.notification_prefs()) == kept


@pytest.mark.parametrize(("update", "code", "details"), [
    (NotificationPrefsUpdate(phone="0799-12345"), "notify.invalid_phone", {"field": "phone"}),
    (NotificationPrefsUpdate(email="zhang.wei@"), "notify.invalid_email", {"field": "email"}),
    (NotificationPrefsUpdate(events={"meeting": ["email"]}), "notify.address_missing",
     {"channel": "email", "event": "meeting"}),
    (NotificationPrefsUpdate(phone="13912345678", events={"urging": ["sms"]}),
     "notify.channel_unavailable", {"channel": "sms", "event": "urging"}),
])
def test_the_api_raises_the_servers_refusal(make_client: Any, update: NotificationPrefsUpdate,
                                            code: str, details: dict[str, str]) -> None:
    clerk = make_client(CLERK, sync=False)
    with pytest.raises(ApiError) as refused:
        clerk.run(clerk.api.set_notification_prefs(update))
    assert (refused.value.status, refused.value.code) == (422, code)
    assert refused.value.details == details and refused.value.message


def test_an_edit_made_offline_goes_when_the_link_is_back(make_client: Any) -> None:
    clerk = make_client(CLERK, sync=False)
    keeper = keeper_of(clerk)
    clerk.run(keeper.fetch(clerk.api))
    clerk.link.up = False
    update = NotificationPrefsUpdate(email="zhang.wei@example.gov.cn",
                                     events={"meeting": ["email"]})
    assert clerk.run(keeper.save(clerk.api, update)) == "pending"
    assert clerk.run(keeper.send_pending(clerk.api)) == "pending"  # still offline
    assert clerk.run(keeper.state()).pending == update

    clerk.link.up = True
    assert clerk.run(keeper.send_pending(clerk.api)) == "saved"
    state = clerk.run(keeper.state())
    assert state.pending is None and state.known is not None
    assert state.known.events == {"meeting": ["email"]}
    assert clerk.run(clerk.api.notification_prefs()) == state.known
    assert clerk.run(keeper.send_pending(clerk.api)) is None  # nothing left to send


def test_a_later_refusal_is_kept_with_the_edit(make_client: Any) -> None:
    clerk = make_client(CLERK, sync=False)
    keeper = keeper_of(clerk)
    clerk.link.up = False
    update = NotificationPrefsUpdate(phone="13912345678", events={"urging": ["sms"]})
    clerk.run(keeper.save(clerk.api, update))
    clerk.link.up = True
    assert clerk.run(keeper.send_pending(clerk.api)) is None
    state = clerk.run(keeper.state())
    assert state.pending is None and state.refused is not None
    assert state.refused.code == "notify.channel_unavailable"
    assert state.refused.update == update and state.shown() == update
    clerk.run(keeper.dismiss_refusal())
    assert clerk.run(keeper.state()).refused is None


def test_each_person_keeps_their_own_choice(make_client: Any) -> None:
    clerk = make_client(CLERK, sync=False)
    clerk.link.up = False
    clerk.run(keeper_of(clerk).save(clerk.api, NotificationPrefsUpdate(phone="13912345678")))
    someone_else = NotificationPrefsKeeper(store=clerk.store, person_id="p-office.leader")
    assert clerk.run(someone_else.state()).pending is None
    assert clerk.run(keeper_of(clerk).state()).pending is not None
