"""What the meeting pane reads on the database worker: the snapshot of one meeting, its prints
and calendar files; and what the pane derives from a snapshot without reading again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from officeapp.errors import DomainError
from officeapp.meetings import (
    Attendee,
    Decision,
    Meeting,
    MeetingActionKind,
    MeetingStatus,
    available_meeting_actions,
    invitation_for,
    replyable_attendees,
)
from officeapp.meetings.ical import Directory, meeting_to_ics, meetings_to_ics
from officeapp.org import Actor, Organisation, Person, Room
from officeapp.store import LocalStore, RejectionRecord
from officeapp.tracechain import Break
from sync.client import actions
from ui.common.pdf_preview import Rendered, _attempt
from ui.common.translate import tr
from ui.documents.action_dialogs import active_people
from ui.meetings.texts import PRINTS, action_text

K = MeetingActionKind


def stored_meeting(store: LocalStore, meeting_id: str) -> Meeting | None:
    """Return the meeting as the person sees it (local changes included), or None."""
    found = store.get_record("meeting", meeting_id)
    return found if isinstance(found, Meeting) else None


@dataclass(frozen=True)
class MeetingSnapshot:
    """Everything the pane shows about one meeting, read in one go."""

    meeting: Meeting
    actor: Actor | None
    actions: tuple[MeetingActionKind, ...]
    rooms: Mapping[str, Room]
    now: datetime
    pending: tuple[str, ...] = ()
    rejections: tuple[RejectionRecord, ...] = ()
    trace_break: Break | None = None  # where the pulled trace broke the server's hash chain


def _record_of(args: Mapping[str, Any], record_id: str | None) -> str | None:
    return record_id or (str(args["meeting_id"]) if args.get("meeting_id") else None)


def _pending_label(name: str, args: Mapping[str, Any]) -> str:
    action = args.get("action")
    if isinstance(action, Mapping):
        try:
            return action_text(MeetingActionKind(str(action.get("kind")))).rstrip("…")
        except ValueError:
            return str(action.get("kind"))
    return tr("新建")


def load_meeting(store: LocalStore, *, meeting_id: str, org: Organisation, person_id: str,
                 now: datetime) -> MeetingSnapshot | None:
    """Read a meeting and what the person may do with it (runs on the worker)."""
    meeting = stored_meeting(store, meeting_id)
    if meeting is None:
        return None
    actor = org.actor(person_id, now) if person_id in org.people else None
    kinds = tuple(available_meeting_actions(meeting, actor, now)) if actor else ()
    pending = tuple(_pending_label(m.name, m.args) for m in store.pending_mutations()
                    if m.name.startswith("meeting.")
                    and _record_of(m.args, getattr(m, "record_id", None)) == meeting_id)
    rejections = tuple(r for r in store.rejections() if r.name.startswith("meeting.")
                       and _record_of(r.args, getattr(r, "record_id", None)) == meeting_id)
    rooms = {r.id: r for r in store.rooms()}
    return MeetingSnapshot(meeting, actor, kinds, rooms, now, pending, rejections,
                           trace_break=store.trace_break("meeting", meeting_id))


def render_meeting_pdfs(store: LocalStore, *, meeting_id: str, org: Organisation,
                        now: datetime, kinds: Sequence[str]) -> tuple[str, list[Rendered]]:
    """Return the meeting's title and the PDFs asked for (runs on the worker)."""
    # Imported here: the PDF layer loads its fonts, which the pane needs only when printing.
    from officeapp.pdf import meetings as pdfs
    from officeapp.pdf.names import NameBook

    meeting = stored_meeting(store, meeting_id)
    if meeting is None:
        return "", [Rendered(kinds[0] if kinds else "notice",
                             error="会议不存在，或您已无权查看该会议")]
    book = NameBook.of(org, store.rooms())
    renders: dict[str, Callable[[], bytes]] = {
        "notice": lambda: pdfs.meeting_notice_pdf(meeting, names=book, now=now),
        "agenda": lambda: pdfs.agenda_pdf(meeting, names=book),
        "sign_in": lambda: pdfs.sign_in_sheet_pdf(meeting, names=book),
        "seat_cards": lambda: pdfs.seat_cards_pdf(meeting, names=book),
        "minutes": lambda: pdfs.minutes_pdf(meeting, names=book, now=now),
    }
    # The 会议通知 and the 纪要 are 公文 in GB/T 9704 layout: they also save as OFD.
    ofds: dict[str, Callable[[LocalStore], bytes]] = {
        "notice": lambda _store: pdfs.meeting_notice_ofd(meeting, names=book, now=now),
        "minutes": lambda _store: pdfs.minutes_ofd(meeting, names=book, now=now),
    }
    return meeting.title, [replace(_attempt(kind, renders[kind]), ofd=ofds.get(kind))
                           for kind in kinds if kind in renders]


def printable(meeting: Meeting) -> list[str]:
    """Return the prints that make sense for the meeting now (纪要 once recorded)."""
    return [key for key, _ in PRINTS if key != "minutes" or meeting.minutes is not None]


def meeting_ics(store: LocalStore, *, meeting_id: str, org: Organisation,
                now: datetime) -> bytes:
    """Return one meeting as an .ics file (runs on the worker)."""
    meeting = stored_meeting(store, meeting_id)
    if meeting is None:
        raise DomainError("meeting.not_found", "会议不存在，或您已无权查看该会议")
    return meeting_to_ics(meeting, directory=Directory.of(org, store.rooms()), now=now)


def my_meetings_ics(store: LocalStore, *, actor: Actor, org: Organisation,
                    now: datetime) -> bytes:
    """Return every meeting of the person as one .ics calendar (runs on the worker)."""
    meetings = store.meetings.concerning(actor)
    return meetings_to_ics(meetings, directory=Directory.of(org, store.rooms()), now=now,
                           name=tr("我的会议"))


def existing_sitting(store: LocalStore, *, series_id: str, start: datetime) -> str | None:
    """Return the id of the sitting of a series at `start`, if one was made (on the worker)."""
    found = store.meetings.between(start, start + timedelta(minutes=1))
    return next((m.id for m in found if m.series_id == series_id and m.start == start), None)


def sitting_at(store: LocalStore, *, person_id: str, series_id: str, start: datetime,
               now: datetime) -> str:
    """Return the id of the sitting of a series at `start`, making it when there is none (on
    the worker)."""
    found = existing_sitting(store, series_id=series_id, start=start)
    if found is not None:
        return found
    sitting: Meeting = actions.create_sitting(store, person_id=person_id, series_id=series_id,
                                              start=start, now=now)
    return sitting.id


def may_make_sitting(snapshot: MeetingSnapshot) -> bool:
    """Return whether staff may open sittings of the shown series (notified, not a sitting)."""
    meeting = snapshot.meeting
    staff = K.CANCEL in snapshot.actions or K.REMIND in snapshot.actions
    return bool(meeting.recurrence) and meeting.status is MeetingStatus.NOTIFIED and staff


def supervisable(meeting: Meeting) -> list[Decision]:
    """Return the decisions that may open a supervision item now."""
    minutes = meeting.minutes
    return [d for d in (minutes.decisions if minutes else ())
            if d.supervision_item_id is None and d.lead_unit_id and d.deadline]


def check_in_candidates(meeting: Meeting, org: Organisation, now: datetime) -> list[Person]:
    """Return the people the secretary may mark as come: invited and not yet signed in."""
    signed = {c.person_id for c in meeting.check_ins}
    found = []
    for person in active_people(org):
        if person.id in signed:
            continue
        if invitation_for(meeting, org.actor(person.id, now)) is not None:
            found.append(person)
    return found


def replyable(meeting: Meeting, actor: Actor) -> list[Attendee]:
    """Return the invitations the person may reply to."""
    return list(replyable_attendees(meeting, actor))
