"""会议变更通知 from the meeting form (issue 17): after the notice went out, a new time is
saved as a change: the form says a change notice went out and the room must be booked
again, the replies the new time voids are gone, and the trace says what changed."""

from __future__ import annotations

from datetime import timedelta

from officeapp.meetings import MeetingAction, MeetingActionKind, ReplyKind
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from tests.ui.meetings.test_meetings_ui import (
    SECRETARY,
    act,
    notified,
    ready_form,
    set_times,
    stored,
    tomorrow_at,
)
from ui.meetings.meeting_form import MeetingForm

__all__ = ["doc_env", "doc_loop"]  # fixtures used by the tests below


def test_a_new_time_after_the_notice_is_a_change_with_its_notice(doc_env: DocEnv) -> None:
    start = tomorrow_at(10)
    meeting_id = notified(doc_env, start=start)
    act(doc_env, meeting_id, "office.deputy",
        MeetingAction(MeetingActionKind.REPLY, reply=ReplyKind.ATTEND))
    assert stored(doc_env, meeting_id).replies
    form = ready_form(doc_env, MeetingForm(doc_env.ctx(SECRETARY),
                                           meeting=stored(doc_env, meeting_id)))
    later = start + timedelta(days=1)
    set_times(form, later, later + timedelta(hours=1))
    form.save()
    doc_env.until(lambda: "会议变更通知" in form.state.text(), what="the change said")
    assert "请重新预订会议室" in form.state.text()
    changed = stored(doc_env, meeting_id)
    assert changed.replies == () and changed.start == later
    assert set(changed.trace[-1].details["changed"]) >= {"start", "end"}
