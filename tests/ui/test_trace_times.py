"""The route shows when a person acted beside when the server accepted it, where they differ."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from officeapp.org import Organisation
from tests.flows import Flow
from ui.document_view import route_html


def test_the_route_shows_both_times_of_an_action_taken_offline(flow: Flow,
                                                              org: Organisation) -> None:
    doc = flow.draft("office.clerk")
    created = replace(doc.trace[0], at=datetime(2026, 12, 5, 18, 51, tzinfo=UTC),
                      acted_at=datetime(2026, 12, 5, 18, 49, tzinfo=UTC))
    shown = route_html(replace(doc, trace=(created,)), org)
    assert "办理 2026-12-06 02:49（本机记录），服务器接收 2026-12-06 02:51" in shown
    online = route_html(replace(doc, trace=(replace(created, acted_at=None),)), org)
    assert "2026-12-06 02:51" in online and "本机记录" not in online
