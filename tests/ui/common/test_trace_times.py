"""Every trace (公文, 会议, 督办) shows when a person acted beside when the server accepted it,
where they differ."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from officeapp.meetings.fields import create_meeting
from officeapp.org import Organisation
from officeapp.supervision.flow import create_item
from tests.flows import Flow
from ui.documents.rendering import route_html
from ui.meetings.rendering import trace_html as meeting_trace
from ui.supervision.rendering import trace_html as supervision_trace


def test_the_route_shows_both_times_of_an_action_taken_offline(flow: Flow,
                                                              org: Organisation) -> None:
    doc = flow.draft("office.clerk")
    created = replace(doc.trace[0], at=datetime(2026, 12, 5, 18, 51, tzinfo=UTC),
                      acted_at=datetime(2026, 12, 5, 18, 49, tzinfo=UTC))
    shown = route_html(replace(doc, trace=(created,)), org)
    assert "办理 2026-12-06 02:49（本机记录），服务器接收 2026-12-06 02:51" in shown
    online = route_html(replace(doc, trace=(replace(created, acted_at=None),)), org)
    assert "2026-12-06 02:51" in online and "本机记录" not in online


def test_meeting_and_supervision_traces_show_both_times(org: Organisation) -> None:
    server = datetime(2026, 12, 5, 18, 51, tzinfo=UTC)
    offline = datetime(2026, 12, 5, 18, 49, tzinfo=UTC)
    secretary = org.actor("p-office.secretary", server)
    meeting = create_meeting(meeting_id="m-1", actor=secretary, now=server, acted=offline,
                             fields={"title": "财政预算执行调度会", "meeting_type": "办公会",
                                     "start": "2026-12-08T09:00:00+08:00",
                                     "end": "2026-12-08T10:00:00+08:00"})
    both = "办理 2026-12-06 02:49（本机记录），服务器接收 2026-12-06 02:51"
    assert both in meeting_trace(meeting, org)
    supervisor = org.actor("p-office.supervisor", server)
    item = create_item(item_id="s-1", actor=supervisor, now=server, acted=offline,
                       fields={"title": "加快推进老旧小区改造", "source": "领导批示"})
    assert both in supervision_trace(item, org)
    online = create_item(item_id="s-2", actor=supervisor, now=server,
                         fields={"title": "加快推进老旧小区改造", "source": "领导批示"})
    shown = supervision_trace(online, org)
    assert "2026-12-06 02:51" in shown and "本机记录" not in shown
