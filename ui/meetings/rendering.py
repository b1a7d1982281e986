"""What the meeting pane says: its fields, agenda and trace as HTML, its replies, sign-ins and
attendance as rows of text.

Qt-free (texts go through `ui.common.translate`), so these are tested without a widget.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime

from officeapp.meetings import (
    Attendance,
    AttendanceEntry,
    AttendeeKind,
    CheckInMethod,
    Meeting,
    MeetingActionKind,
    MeetingStatus,
    ReplyKind,
    attendance,
    current_replies,
)
from officeapp.meetings.model import MEETING_ACTION_LABELS, MeetingTraceEntry
from officeapp.org import Organisation, Room
from ui.common import times
from ui.common.attachments import human_size
from ui.common.rich import field_table, style
from ui.common.translate import tr
from ui.common.values import labelled, listed, qualified, value_text
from ui.meetings.occurrences import next_occurrence, when_text
from ui.meetings.texts import (
    REPLY_LABELS,
    attendee_name,
    names,
    person_name,
    place_text,
    recurrence_text,
    reply_text,
    unit_name,
)

K = MeetingActionKind
_CSS = style(" td.when { color: #666; white-space: nowrap; padding-right: 10px; }")


def details_html(meeting: Meeting, org: Organisation, rooms: Mapping[str, Room], *,
                 show_code: bool, now: datetime) -> str:
    """Return the fields, the agenda with its materials, and the notes."""
    esc = html.escape
    when = when_text(meeting.start, meeting.end)
    rule = recurrence_text(meeting)
    if rule:
        upcoming = next_occurrence(meeting, now)
        when += f"<br><span class='muted'>{esc(rule)}"
        if upcoming is not None:
            when += esc(tr("；下一次：{0}").format(when_text(*upcoming)))
        when += "</span>"
    rows = [(tr("会议类型"), esc(value_text(meeting.meeting_type.value))), (tr("时间"), when),
            (tr("地点"), esc(place_text(meeting, rooms))),
            (tr("主办单位"), esc(unit_name(org, meeting.organiser_unit_id))),
            (tr("主持人"), esc(person_name(org, meeting.host_id) or "—")),
            (tr("记录人"), esc(person_name(org, meeting.recorder_id) or "—")),
            (tr("参会"), esc(names(org, meeting.attendees))),
            (tr("列席"), esc(names(org, meeting.sit_in)))]
    if show_code and meeting.check_in_code:
        rows.append((tr("签到码"), f"<b>{esc(meeting.check_in_code)}</b>"))
    rows.append((tr("创建"), esc(f"{person_name(org, meeting.created_by)} "
                                  f"{times.minute_text(meeting.created_at)}")))
    parts = [_CSS, field_table(rows), "<h3>" + esc(tr("议题")) + "</h3>", agenda_html(meeting, org)]
    if meeting.notes:
        notes = esc(meeting.notes).replace("\n", "<br>")
        parts.append("<h3>" + esc(tr("会议说明")) + f"</h3><p>{notes}</p>")
    return "".join(parts)


def agenda_html(meeting: Meeting, org: Organisation) -> str:
    """Return the numbered agenda with reporting units and materials."""
    if not meeting.agenda:
        return "<p class='muted'>" + html.escape(tr("（无议题）")) + "</p>"
    items = []
    for item in meeting.agenda:
        line = html.escape(item.title)
        if item.reporting_unit_id:
            line += html.escape(tr("（汇报单位：{0}）").format(
                unit_name(org, item.reporting_unit_id)))
        for material in item.materials:
            line += ("<br><span class='muted'>" + html.escape(tr("材料："))
                     + f"{html.escape(material.name)} {human_size(material.size)}</span>")
        items.append(f"<li>{line}</li>")
    return f"<ol>{''.join(items)}</ol>"


def reply_rows(meeting: Meeting, org: Organisation) -> list[tuple[str, str, str, str, str]]:
    """Return (invitee, 参会/列席, reply, who replied, when) per invitation, unreplied last."""
    replies = current_replies(meeting)
    rows = []
    for group, label in ((meeting.attendees, tr("参会")), (meeting.sit_in, tr("列席"))):
        for attendee in group:
            reply = replies.get(attendee)
            by = ""
            if reply is not None and reply.replied_by != attendee.id:
                by = reply.replied_by_name
            at = times.short_text(reply.at) if reply else ""
            rows.append((attendee_name(org, attendee), label, reply_text(org, reply), by, at))
    return sorted(rows, key=lambda r: r[2] == tr("未回执"))


def check_in_rows(meeting: Meeting, org: Organisation) -> list[tuple[str, str, str, str]]:
    """Return (person, under which invitation, how, when) per sign-in."""
    rows = []
    for record in meeting.check_ins:
        under = ""
        if record.on_behalf_of:
            under = tr("代{0}").format(person_name(org, record.on_behalf_of))
        elif record.attendee.kind is AttendeeKind.UNIT:
            under = unit_name(org, record.attendee.id)
        if record.sit_in:
            under = (under + " " + tr("列席")).strip()
        how = tr("签到码") if record.method is CheckInMethod.CODE else tr("会务人员登记")
        rows.append((person_name(org, record.person_id), under, how,
                     times.short_text(record.at)))
    return rows


def reply_summary(meeting: Meeting, rows: Sequence[tuple[str, str, str, str, str]]) -> str:
    """Return how many replied and how, then who has not (`rows` from `reply_rows`)."""
    waiting = [r[0] for r in rows if r[2] == tr("未回执")]
    counts = Counter(reply.kind for reply in current_replies(meeting).values())
    summary = tr("已回执{0}，其中参加{1}、请假{2}、委派{3}；未回执{4}").format(
        len(rows) - len(waiting), counts[ReplyKind.ATTEND], counts[ReplyKind.LEAVE],
        counts[ReplyKind.DELEGATE], len(waiting))
    return labelled(summary, listed(waiting)) if waiting else summary


def check_in_summary(meeting: Meeting, org: Organisation, signed_in: int) -> str:
    """Return how many signed in and, while the meeting is on, who has not yet."""
    missing = listed(entry_text(org, e) for e in attendance(meeting).absent)
    text = tr("已签到{0}人").format(signed_in)
    if meeting.status in (MeetingStatus.NOTIFIED, MeetingStatus.HELD) and missing:
        text += tr("；尚未签到：{0}").format(missing)
    return text


def entry_text(org: Organisation, entry: AttendanceEntry) -> str:
    """Return one line of the attendance lists."""
    if entry.person_id:
        text = person_name(org, entry.person_id)
        if entry.on_behalf_of:
            text += tr("（代{0}）").format(person_name(org, entry.on_behalf_of))
        elif entry.unit_id:
            text = qualified(text, unit_name(org, entry.unit_id))
    else:
        text = unit_name(org, entry.unit_id)
    return qualified(text, entry.reason) if entry.reason else text


def attendance_lines(org: Organisation, lists: Attendance) -> list[tuple[str, str]]:
    """Return 出席 / 请假 / 列席 / 缺席 with their people."""
    found = []
    for label, entries in ((tr("出席"), lists.present), (tr("请假"), lists.on_leave),
                           (tr("列席"), lists.sitting_in), (tr("缺席"), lists.absent)):
        found.append((label, listed(entry_text(org, e) for e in entries) or "—"))
    return found


def attendance_html(org: Organisation, lists: Attendance, *, heading: str) -> str:
    """Return 出席 / 请假 / 列席 / 缺席 under `heading`, as the minutes tab shows them."""
    rows = "".join(f"<tr><td style='color:#666; padding-right:10px'>{html.escape(label)}</td>"
                   f"<td>{html.escape(text)}</td></tr>"
                   for label, text in attendance_lines(org, lists))
    return f"<b>{html.escape(heading)}</b><table>{rows}</table>"


def trace_html(meeting: Meeting, org: Organisation) -> str:
    """Return every trace entry, oldest first."""
    rows = []
    for entry in meeting.trace:
        rows.append(f"<tr><td class='when'>{times.trace_time(entry.at, entry.acted_at)}</td>"
                    f"<td>{_entry_line(entry, org)}</td></tr>")
    return f"{_CSS}<table cellspacing='4'>{''.join(rows)}</table>"


def _entry_line(entry: MeetingTraceEntry, org: Organisation) -> str:
    who = entry.actor_name or person_name(org, entry.actor_id)
    if entry.on_behalf_of:
        who += tr("（代{0}）").format(person_name(org, entry.on_behalf_of))
    action = value_text(MEETING_ACTION_LABELS[entry.action])
    line = f"<b>{html.escape(action)}</b>　{html.escape(who)}"
    details = entry.details
    if entry.action is K.REPLY and isinstance(details.get("reply"), str):
        line += "　" + html.escape(value_text(REPLY_LABELS.get(ReplyKind(details["reply"]), "")))
    if entry.action is K.CHECK_IN and details.get("person_id"):
        line += "　" + html.escape(person_name(org, str(details["person_id"])))
    if details.get("provisional"):
        line += html.escape(tr("（待服务器核对签到码）"))
    if entry.opinion:
        line += f"<br><span class='muted'>{html.escape(entry.opinion)}</span>"
    return line
