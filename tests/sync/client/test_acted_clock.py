"""The time an action claims (acted_at) is the server's clock as the client knows it: the
local clock plus the offset the last sync measured (the session's one `Clock`), so a trace
compares it with the server's own times. A client whose clock runs slow still records when
the person acted, and the offset is added once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from officeapp.clock import Clock
from officeapp.demo import DEMO_PEOPLE, DEMO_ROOMS, DEMO_UNITS, FINANCE_ID
from officeapp.meetings import MeetingAction, MeetingActionKind
from officeapp.store import LocalStore
from officeapp.workflow import Action, ActionKind
from sync.client import actions

LOCAL = datetime(2026, 12, 6, 1, 0, tzinfo=UTC)  # the local clock, eight minutes slow
OFFSET = timedelta(minutes=8)
NOW = Clock(offset=OFFSET, machine=lambda: LOCAL).now()  # what every action is given


def test_every_claim_is_corrected_by_the_measured_offset(tmp_path: Path) -> None:
    with LocalStore.open(tmp_path / "store.db") as store:
        store.save_directory(units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=DEMO_ROOMS)
        store.set_server_offset(OFFSET)
        made = actions.draft_outgoing(store, person_id="p-office.clerk", now=NOW, fields={
            "doc_type": "通知", "title": "关于做好防汛工作的通知",
            "main_recipients": [FINANCE_ID], "body": "各单位：请做好防汛工作。"})
        actions.act(store, person_id="p-office.clerk", document_id=made.id, now=NOW,
                    action=Action(ActionKind.APPROVE, opinion="请审核"))
        meeting = actions.create_meeting(store, person_id="p-office.secretary", now=NOW,
                                         fields={"title": "调度会", "meeting_type": "办公会",
                                                 "start": "2026-12-08T09:00:00+08:00",
                                                 "end": "2026-12-08T10:00:00+08:00"})
        actions.act_meeting(store, person_id="p-office.secretary", meeting_id=meeting.id,
                            now=NOW, action=MeetingAction(MeetingActionKind.EDIT,
                                                          changes={"title": "调度会（改）"}))
        claims = [m.args.get("acted_at") or m.args["action"]["acted_at"]
                  for m in store.pending_mutations()]
    assert claims == [(LOCAL + OFFSET).isoformat()] * 4
