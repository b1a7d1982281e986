"""The supervision item pane: fields, the light and why, reports, urgings, extensions, the trace,
and exactly the buttons `officeapp.supervision.available_actions` allows.

Everything is read on the database worker in one snapshot, at the server-corrected time
(`store.corrected_now()`), so lights and buttons are right on a machine whose clock is wrong.
Every action goes through `sync.client.actions.act_supervision`.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from officeapp.clock import OFFICE_TZ
from officeapp.documents import Urgency
from officeapp.errors import DomainError
from officeapp.org import Actor, Organisation
from officeapp.store import LocalStore, RejectionRecord
from officeapp.supervision import (
    ActionKind,
    ExtensionState,
    Light,
    LightDetail,
    LightReason,
    ReviewOutcome,
    Status,
    SupervisionAction,
    SupervisionItem,
    SupervisionRejected,
    SupervisionTraceEntry,
    available_actions,
    explain_light,
    is_supervisor,
)
from officeapp.supervision.model import CycleKind, ReportingCycle, end_of_day
from officeapp.supervision.rows import ItemRow
from officeapp.supervision.sheets import cycle_text
from officeapp.tracechain import Break
from officeapp.workflow import Attachment
from sync.client import actions
from ui.common import record_pane, times
from ui.common.attachments import (
    STATE_LABELS,
    Imported,
    blob_states,
    blobs_root,
    export_for_opening,
    human_size,
    import_files,
    open_with_system,
)
from ui.common.context import AppContext, Changes
from ui.common.date_edits import DateEdit
from ui.common.feedback import Feedback, done_text
from ui.common.fit import FlowLayout
from ui.common.messages import refusal_text
from ui.common.qt import (
    QT_TRANSLATE_NOOP,
    QColor,
    QCoreApplication,
    QDate,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QIcon,
    QLabel,
    QListWidget,
    QMenu,
    QPainter,
    QPixmap,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    Qt,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from ui.common.values import listed, qualified, value_text
from ui.documents.action_dialogs import ArgumentDialog

# --- labels (listed literally so lupdate finds them) -----------------------------------------

ACTION_TEXTS: Mapping[ActionKind, str] = {
    ActionKind.EDIT: QT_TRANSLATE_NOOP("", "修改"),
    ActionKind.OPEN: QT_TRANSLATE_NOOP("", "立项"),
    ActionKind.APPROVE: QT_TRANSLATE_NOOP("", "批准立项"),
    ActionKind.RETURN: QT_TRANSLATE_NOOP("", "退回"),
    ActionKind.ASSIGN: QT_TRANSLATE_NOOP("", "交办"),
    ActionKind.RECEIVE: QT_TRANSLATE_NOOP("", "签收"),
    ActionKind.REPORT: QT_TRANSLATE_NOOP("", "进度反馈"),
    ActionKind.URGE: QT_TRANSLATE_NOOP("", "催办"),
    ActionKind.REQUEST_EXTENSION: QT_TRANSLATE_NOOP("", "延期申请"),
    ActionKind.APPROVE_EXTENSION: QT_TRANSLATE_NOOP("", "同意延期"),
    ActionKind.REFUSE_EXTENSION: QT_TRANSLATE_NOOP("", "不同意延期"),
    ActionKind.REQUEST_COMPLETION: QT_TRANSLATE_NOOP("", "办结申请"),
    ActionKind.COMPLETE: QT_TRANSLATE_NOOP("", "办结销号"),
    ActionKind.CREATE: QT_TRANSLATE_NOOP("", "创建"),
}
_RETURN_ASSIGNMENT = QT_TRANSLATE_NOOP("", "退回交办")

STATUS_TEXTS: Mapping[Status, str] = {
    Status.DRAFT: QT_TRANSLATE_NOOP("", "草稿"),
    Status.PENDING_APPROVAL: QT_TRANSLATE_NOOP("", "待领导审批"),
    Status.OPENED: QT_TRANSLATE_NOOP("", "已立项"),
    Status.ASSIGNED: QT_TRANSLATE_NOOP("", "已交办"),
    Status.RECEIVED: QT_TRANSLATE_NOOP("", "已签收"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("", "办理中"),
    Status.COMPLETION_REQUESTED: QT_TRANSLATE_NOOP("", "待审核"),
    Status.RETURNED: QT_TRANSLATE_NOOP("", "已退回"),
    Status.COMPLETED: QT_TRANSLATE_NOOP("", "已办结"),
}

LIGHT_TEXTS: Mapping[Light, str] = {
    Light.GREEN: QT_TRANSLATE_NOOP("", "绿灯"),
    Light.YELLOW: QT_TRANSLATE_NOOP("", "黄灯"),
    Light.RED: QT_TRANSLATE_NOOP("", "红灯"),
    Light.DONE: QT_TRANSLATE_NOOP("", "已办结"),
}

REASON_TEXTS: Mapping[LightReason, str] = {
    LightReason.ON_TRACK: QT_TRANSLATE_NOOP("", "正常推进"),
    LightReason.NO_DEADLINE: QT_TRANSLATE_NOOP("", "未设办理时限"),
    LightReason.AWAITING_REVIEW: QT_TRANSLATE_NOOP("", "已申请办结，待审核"),
    LightReason.DEADLINE_SOON: QT_TRANSLATE_NOOP("", "临近办理时限"),
    LightReason.REPORT_SOON: QT_TRANSLATE_NOOP("", "临近进度反馈时间"),
    LightReason.OVERDUE: QT_TRANSLATE_NOOP("", "已逾期"),
    LightReason.REPORT_OVERDUE: QT_TRANSLATE_NOOP("", "进度反馈逾期"),
    LightReason.REQUESTED_LATE: QT_TRANSLATE_NOOP("", "逾期后申请办结"),
    LightReason.COMPLETED_ON_TIME: QT_TRANSLATE_NOOP("", "按期办结"),
    LightReason.COMPLETED_LATE: QT_TRANSLATE_NOOP("", "逾期办结"),
}

_EXTENSION_TEXTS: Mapping[ExtensionState, str] = {
    ExtensionState.PENDING: QT_TRANSLATE_NOOP("", "待审批"),
    ExtensionState.APPROVED: QT_TRANSLATE_NOOP("", "已同意"),
    ExtensionState.REFUSED: QT_TRANSLATE_NOOP("", "不同意"),
    ExtensionState.WITHDRAWN: QT_TRANSLATE_NOOP("", "已撤回（申请办结）"),
}

LIGHT_COLOURS: Mapping[Light, str] = {
    Light.GREEN: "#2e9d4f", Light.YELLOW: "#e6a700", Light.RED: "#d63a2f",
    Light.DONE: "#7f8c99",
}

# Buttons in flow order; the rest wait in "更多".
_BUTTONS = (ActionKind.OPEN, ActionKind.APPROVE, ActionKind.ASSIGN, ActionKind.RECEIVE,
            ActionKind.REPORT, ActionKind.REQUEST_COMPLETION, ActionKind.COMPLETE,
            ActionKind.APPROVE_EXTENSION, ActionKind.REFUSE_EXTENSION, ActionKind.RETURN)
_MORE = (ActionKind.URGE, ActionKind.REQUEST_EXTENSION, ActionKind.EDIT)


def tr(text: str) -> str:
    """Translate a text of the supervision screens (lupdate files these under no context)."""
    return QCoreApplication.translate("", text)


def action_text(kind: ActionKind, status: Status | None = None) -> str:
    """Return the button or trace label of an action (a return of an assignment says so)."""
    if kind is ActionKind.RETURN and status is Status.ASSIGNED:
        return tr(_RETURN_ASSIGNMENT)
    return tr(ACTION_TEXTS[kind])


def status_text(status: Status) -> str:
    """Return a status in the UI language."""
    return tr(STATUS_TEXTS[status])


def light_text(light: Light) -> str:
    """Return a light's name (红灯 …)."""
    return tr(LIGHT_TEXTS[light])


def when(moment: datetime | None) -> str:
    """Return a moment in Beijing time to the minute (supervision runs on Beijing time)."""
    return times.minute_text(moment) if moment is not None else "—"


def deadline_text(moment: datetime | None) -> str:
    """Return a deadline: the day alone when it is the end of that day, as dates are given."""
    if moment is None:
        return "—"
    local = times.local(moment)
    if local.time().replace(microsecond=0) == time(23, 59, 59):
        return times.day_text(local.date())
    return times.minute_text(local)


def beijing_day(moment: datetime) -> date:
    """Return the Beijing calendar day of a moment."""
    return times.day_of(moment)


def start_of_day(day: date) -> datetime:
    """Return 00:00 Beijing time of `day`."""
    return datetime.combine(day, time(0, 0), tzinfo=OFFICE_TZ)


def light_explanation(detail: LightDetail) -> str:
    """Return the light, why, and the moment it is about: 红灯 · 已逾期（办理时限 2026-11-30）."""
    text = f"{light_text(detail.light)} · {tr(REASON_TEXTS[detail.reason])}"
    if detail.due is not None and detail.reason is not LightReason.ON_TRACK:
        about = tr("反馈时间") if detail.reason in (
            LightReason.REPORT_SOON, LightReason.REPORT_OVERDUE) else tr("办理时限")
        text = qualified(text, f"{about} {deadline_text(detail.due)}")
    return text


_ICONS: dict[Light, QIcon] = {}


def light_icon(light: Light) -> QIcon:
    """Return a round coloured lamp for a light (cached)."""
    if light not in _ICONS:
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(LIGHT_COLOURS[light]))
        painter.drawEllipse(1, 1, 12, 12)
        painter.end()
        _ICONS[light] = QIcon(pixmap)
    return _ICONS[light]


def _cycle_text(cycle: ReportingCycle) -> str:
    """Return a reporting cycle in the person's language."""
    if cycle.kind is CycleKind.CUSTOM:
        return tr("每{0}天").format(cycle.days)
    return value_text(cycle_text(cycle))


def unit_name(org: Organisation, unit_id: str | None) -> str:
    """Return a unit's name ("—" for none)."""
    if not unit_id:
        return "—"
    unit = org.units.get(unit_id)
    return unit.name if unit else unit_id


def unit_names(org: Organisation, unit_ids: Iterable[str]) -> str:
    """Return units' names joined with 、 ("—" for none)."""
    names = [unit_name(org, u) for u in unit_ids]
    return listed(names) if names else "—"


def person_name(org: Organisation, person_id: str | None) -> str:
    """Return a person's name."""
    if not person_id:
        return "—"
    person = org.people.get(person_id)
    return person.name if person else person_id


# --- the time and the actions, on the worker -------------------------------------------------


def server_now(store: LocalStore) -> datetime:
    """Return the server-corrected time (the local clock plus the offset the engine measured)."""
    now: datetime = store.corrected_now()
    return now


def act_now(store: LocalStore, *, person_id: str, item_id: str,
            action: SupervisionAction) -> Any:
    """Take a supervision action at the server-corrected time (runs on the worker)."""
    return actions.act_supervision(store, person_id=person_id, item_id=item_id, action=action,
                                   now=server_now(store))


def create_now(store: LocalStore, *, person_id: str, fields: Mapping[str, Any],
               parent_id: str | None = None) -> SupervisionItem:
    """Create an item (or a sub-item) at the server-corrected time (runs on the worker)."""
    item: SupervisionItem = actions.create_supervision_item(
        store, person_id=person_id, fields=fields, now=server_now(store), parent_id=parent_id)
    return item


# --- the snapshot ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemSnapshot:
    """Everything the pane shows about one item, read in one go at one server-corrected time."""

    item: SupervisionItem
    actor: Actor | None
    actions: tuple[ActionKind, ...]
    now: datetime
    light: LightDetail
    parent: ItemRow | None = None
    children: tuple[tuple[ItemRow, LightDetail], ...] = ()
    pending: tuple[str, ...] = ()
    rejections: tuple[RejectionRecord, ...] = ()
    blob_states: dict[str, str] = field(default_factory=dict)
    may_split: bool = False
    trace_break: Break | None = None  # where the pulled trace broke the server's hash chain


def _mutation_item(args: Mapping[str, Any]) -> str | None:
    value = args.get("item_id")
    return value if isinstance(value, str) else None


def mutation_label(name: str, args: Mapping[str, Any]) -> str:
    """Return what a queued supervision mutation does, for people."""
    action = args.get("action")
    if name == "supervision.act" and isinstance(action, Mapping):
        try:
            return action_text(ActionKind(str(action.get("kind"))))
        except ValueError:
            return str(action.get("kind"))
    return tr("新建")


def _attachments_of(item: SupervisionItem) -> list[Attachment]:
    found = [a for report in item.progress_reports for a in report.attachments]
    if item.completion_request is not None:
        found += item.completion_request.attachments
    return found


def load_item(store: LocalStore, *, item_id: str, org: Organisation, person_id: str,
              root: Path) -> ItemSnapshot | None:
    """Read an item and what the person may do with it now (runs on the worker)."""
    item = store.get_supervision_item(item_id)
    if item is None:
        return None
    now = server_now(store)
    actor = org.actor(person_id, now) if person_id in org.people else None
    kinds = tuple(available_actions(item, actor, now)) if actor else ()
    rows = store.supervision_rows(None, now=now)
    parent = next((r for r in rows if r.id == item.parent_id), None) if item.parent_id else None
    children = tuple((r, explain_light(r, now)) for r in rows if r.parent_id == item.id)
    pending = tuple(mutation_label(m.name, m.args) for m in store.pending_mutations()
                    if m.name.startswith("supervision.") and _mutation_item(m.args) == item_id)
    rejections = tuple(r for r in store.rejections() if r.name.startswith("supervision.")
                       and _mutation_item(r.args) == item_id)
    may_split = (actor is not None and is_supervisor(item, actor)
                 and item.status is not Status.COMPLETED)
    return ItemSnapshot(item, actor, kinds, now, explain_light(item, now), parent, children,
                        pending, rejections,
                        blob_states(store, attachments=_attachments_of(item), root=root),
                        may_split, trace_break=store.trace_break("supervision", item_id))


# --- what the pane says ----------------------------------------------------------------------

_CSS = """
<style>
 table.fields td { padding: 3px 10px 3px 0; vertical-align: top; }
 td.label { color: #666; white-space: nowrap; }
 h3 { margin-top: 14px; margin-bottom: 6px; }
 .muted { color: #777; }
 .opinion { margin-left: 16px; }
 td.step { color: #1f5f99; background-color: #e8f0fa; font-weight: bold; padding: 2px 6px; }
 td.entry { padding: 2px 0 10px 8px; }
 p.para { margin-top: 0; margin-bottom: 8px; }
 table.list td { padding: 3px 8px; vertical-align: top; border-bottom: 1px solid #e4e4e4; }
 table.list th { padding: 3px 8px; text-align: left; color: #555; background: #f3f3f3; }
</style>
"""


def _cells(rows: Sequence[tuple[str, str]]) -> str:
    return "".join(f"<tr><td class='label'>{html.escape(label)}</td>"
                   f"<td>{value}</td></tr>" for label, value in rows)


def _paragraphs(text: str) -> str:
    parts = [p for p in text.replace("\r", "").split("\n\n") if p.strip()]
    if not parts:
        return "<p class='muted'>" + html.escape(tr("（无）")) + "</p>"
    return "".join(f"<p class='para'>{html.escape(p).replace(chr(10), '<br>')}</p>"
                   for p in parts)


def _field_rows(item: SupervisionItem, org: Organisation,
                snapshot: ItemSnapshot) -> list[tuple[str, str]]:
    esc = html.escape
    source = value_text(item.source.value)
    if item.source_link is not None and item.source_link.label:
        source = qualified(source, item.source_link.label)
    colour = LIGHT_COLOURS[snapshot.light.light]
    rows = [
        (tr("状态灯"), f"<span style='color:{colour}; font-weight:bold'>●</span> "
                      f"{esc(light_explanation(snapshot.light))}"),
        (tr("办理状态"), esc(status_text(item.status))),
        (tr("督办来源"), esc(source)),
        (tr("紧急程度"), esc(value_text(item.urgency.value))),
        (tr("牵头单位"), esc(unit_name(org, item.lead_unit_id))),
        (tr("配合单位"), esc(unit_names(org, item.co_unit_ids))),
        (tr("办理时限"), esc(deadline_text(item.deadline))),
        (tr("反馈周期"), esc(_cycle_text(item.cycle))),
    ]
    if item.next_report_due is not None:
        rows.append((tr("下次反馈"), esc(when(item.next_report_due))))
    rows.append((tr("完成进度"), f"{item.percent}%"))
    if item.informed_ids:
        rows.append((tr("阅知领导"), esc(listed(person_name(org, p)
                                                for p in item.informed_ids))))
    rows.append((tr("督查单位"), esc(unit_name(org, item.supervisor_unit_id))))
    creator = f"{person_name(org, item.created_by)}　{when(item.created_at)}"
    rows.append((tr("立项人"), esc(creator)))
    return rows + _later_rows(item, org, snapshot)


def _later_rows(item: SupervisionItem, org: Organisation,
                snapshot: ItemSnapshot) -> list[tuple[str, str]]:
    esc = html.escape
    rows: list[tuple[str, str]] = []
    if item.needs_approval:
        who = person_name(org, item.approver_id) if item.approver_id else tr("督查单位领导")
        rows.append((tr("审批领导"), esc(who)))
    if item.assigned_at is not None:
        rows.append((tr("交办时间"), esc(when(item.assigned_at))))
    if item.received_at is not None:
        rows.append((tr("签收"), esc(f"{person_name(org, item.received_by)}　"
                                      f"{when(item.received_at)}")))
    if item.completed_at is not None:
        rows.append((tr("办结时间"), esc(when(item.completed_at))))
    if snapshot.parent is not None:
        rows.append((tr("上级事项"), esc(snapshot.parent.title)))
    rows.append((tr("事项编号"), f"<span class='muted'>{esc(item.id)}</span>"))
    return rows


def _children_html(snapshot: ItemSnapshot, org: Organisation) -> str:
    if not snapshot.children:
        return ""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in (
        tr("状态灯"), tr("分解事项"), tr("牵头单位"), tr("办理时限"), tr("状态"),
        tr("进度")))
    rows = []
    for row, detail in snapshot.children:
        colour = LIGHT_COLOURS[detail.light]
        cells = (f"<span style='color:{colour}'>●</span> {html.escape(light_text(detail.light))}",
                 html.escape(row.title), html.escape(unit_name(org, row.lead_unit_id)),
                 html.escape(deadline_text(row.deadline)), html.escape(status_text(row.status)),
                 f"{row.percent}%")
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    heading = tr("分解事项（{0}）").format(len(rows))
    return (f"<h3>{html.escape(heading)}</h3>"
            f"<table class='list' cellspacing='0'><tr>{head}</tr>{''.join(rows)}</table>")


def item_html(snapshot: ItemSnapshot, org: Organisation) -> str:
    """Return the fields table, the content and the sub-items."""
    item = snapshot.item
    return (f"{_CSS}<table class='fields'>{_cells(_field_rows(item, org, snapshot))}</table>"
            "<h3>" + html.escape(tr("督办内容")) + f"</h3>{_paragraphs(item.content)}"
            f"{_children_html(snapshot, org)}")


def _stamp(moment: datetime) -> str:
    """Return a moment for a table cell, kept on one line."""
    return when(moment).replace(" ", "&nbsp;")


def _attachment_links(attachments: Sequence[Attachment], states: Mapping[str, str]) -> str:
    links = []
    for a in attachments:
        state = states.get(a.sha256, "missing")
        shown = QCoreApplication.translate("Attachments", STATE_LABELS.get(state, state))
        links.append(f"<a href='attachment:{a.sha256}'>{html.escape(a.name)}</a> "
                     f"<span class='muted'>{human_size(a.size)} {html.escape(shown)}</span>")
    return "<br>".join(links)


def reports_html(snapshot: ItemSnapshot, org: Organisation) -> str:
    """Return the progress reports, newest first, then the completion request and review."""
    item = snapshot.item
    parts = [_CSS]
    if item.completion_request is not None:
        parts.append(_completion_html(snapshot, org))
    if not item.progress_reports:
        parts.append("<p class='muted'>" + html.escape(tr("尚无进度反馈")) + "</p>")
        return "".join(parts)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in (
        tr("时间"), tr("单位"), tr("反馈人"), tr("进度"), tr("进展情况")))
    rows = []
    for report in reversed(item.progress_reports):
        text = html.escape(report.text).replace("\n", "<br>")
        if report.attachments:
            text += "<br>" + _attachment_links(report.attachments, snapshot.blob_states)
        lead = "" if report.unit_id == item.lead_unit_id else html.escape(tr("（配合）"))
        cells = (_stamp(report.at), html.escape(unit_name(org, report.unit_id)) + lead,
                 html.escape(report.person_name), f"<b>{report.percent}%</b>", text)
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    parts.append(f"<table class='list' cellspacing='0' width='100%'><tr>{head}</tr>"
                 f"{''.join(rows)}</table>")
    return "".join(parts)


def _completion_html(snapshot: ItemSnapshot, org: Organisation) -> str:
    item = snapshot.item
    request = item.completion_request
    assert request is not None
    by = qualified(request.by_name, unit_name(org, request.unit_id))
    lines = ["<b>" + html.escape(tr("办结申请")) + f"</b>　{html.escape(by)}　"
             f"<span class='muted'>{when(request.at)}</span>",
             html.escape(request.text).replace("\n", "<br>")]
    if request.attachments:
        lines.append(_attachment_links(request.attachments, snapshot.blob_states))
    review = item.review
    if review is not None:
        verdict = tr("审核：办结销号") if review.outcome is ReviewOutcome.COMPLETE else tr(
            "审核：退回")
        line = (f"<b>{html.escape(verdict)}</b>　{html.escape(review.by_name)}　"
                f"<span class='muted'>{when(review.at)}</span>")
        if review.reason:
            line += f"<br><span class='opinion'>{html.escape(review.reason)}</span>"
        lines.append(line)
    return f"<p>{'<br>'.join(lines)}</p><hr>"


def urgings_html(item: SupervisionItem, org: Organisation) -> str:
    """Return every urging, newest first, by hand or by a rule."""
    if not item.urgings:
        return _CSS + "<p class='muted'>" + html.escape(tr("尚无催办")) + "</p>"
    head = "".join(f"<th>{html.escape(h)}</th>" for h in (
        tr("时间"), tr("催办人"), tr("方式"), tr("催办内容")))
    rows = []
    for urging in reversed(item.urgings):
        how = tr("人工催办") if not urging.rule else tr("自动催办")
        cells = (_stamp(urging.at), html.escape(urging.by_name), html.escape(how),
                 html.escape(urging.text))
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return (f"{_CSS}<table class='list' cellspacing='0' width='100%'><tr>{head}</tr>"
            f"{''.join(rows)}</table>")


def extensions_html(item: SupervisionItem, org: Organisation) -> str:
    """Return every extension request with its decision, newest first."""
    if not item.extension_requests:
        return _CSS + "<p class='muted'>" + html.escape(tr("尚无延期申请")) + "</p>"
    blocks = []
    for request in reversed(item.extension_requests):
        heading = tr("第{0}次延期申请").format(request.seq)
        lines = [
            f"<b>{html.escape(heading)}</b>　"
            f"{html.escape(request.requested_by_name)}　"
            f"<span class='muted'>{when(request.requested_at)}</span>　"
            f"<b>{html.escape(tr(_EXTENSION_TEXTS[request.state]))}</b>",
            html.escape(tr("办理时限 {0} → 申请延期至 {1}").format(
                deadline_text(request.previous_deadline),
                deadline_text(request.requested_deadline))),
            html.escape(tr("理由：{0}").format(request.reason)),
        ]
        if request.decided_at is not None and request.state is not ExtensionState.WITHDRAWN:
            decided = tr("{0} 于 {1} 审批").format(request.decided_by_name,
                                                   when(request.decided_at))
            if request.granted_deadline is not None:
                decided += tr("，延期至 {0}").format(deadline_text(request.granted_deadline))
            if request.opinion:
                decided += f"：{request.opinion}"
            lines.append(f"<span class='muted'>{html.escape(decided)}</span>")
        blocks.append(f"<p>{'<br>'.join(lines)}</p>")
    return _CSS + "".join(blocks)


def _entry_details(entry: SupervisionTraceEntry, org: Organisation) -> str:
    details = entry.details
    if entry.action is ActionKind.REPORT and "percent" in details:
        return tr("完成进度 {0}%").format(details["percent"])
    if entry.action is ActionKind.APPROVE_EXTENSION and isinstance(details.get("to"), str):
        return tr("办理时限延至 {0}").format(
            deadline_text(datetime.fromisoformat(str(details["to"]))))
    if entry.action is ActionKind.REQUEST_EXTENSION and isinstance(
            details.get("requested_deadline"), str):
        return tr("申请延期至 {0}").format(
            deadline_text(datetime.fromisoformat(str(details["requested_deadline"]))))
    fields = details.get("fields")
    if isinstance(fields, list) and fields:
        return tr("修改了：") + "、".join(str(f) for f in fields)
    if isinstance(details.get("parent_id"), str):
        return tr("由上级事项分解")
    return ""


def trace_html(item: SupervisionItem, org: Organisation) -> str:
    """Return the append-only trace: who did what, when, from which status to which."""
    rows = []
    for entry in item.trace:
        what = action_text(entry.action, entry.status)
        if entry.target_status is not entry.status:
            what += f" → {status_text(entry.target_status)}"
        lines = [f"<b>{html.escape(what)}</b>　{html.escape(entry.actor_name)}　"
                 f"<span class='muted'>{times.trace_time(entry.at, entry.acted_at)}</span>"]
        extra = _entry_details(entry, org)
        if extra:
            lines.append(f"<span class='muted'>{html.escape(extra)}</span>")
        if entry.opinion:
            lines.append(f"<span class='opinion'>{html.escape(entry.opinion)}</span>")
        rows.append(f"<tr><td class='step' width='72'>{html.escape(status_text(entry.status))}"
                    f"</td><td class='entry'>{'<br>'.join(lines)}</td></tr>")
    return f"{_CSS}<table cellspacing='3'>{''.join(rows)}</table>"


def rejection_text(record: RejectionRecord) -> str:
    """Return the banner text of a refused supervision action, with what the person wrote."""
    label = mutation_label(record.name, record.args)
    text = tr("您的“{0}”操作未被服务器接受：{1}").format(label, refusal_text(record))
    action = record.args.get("action")
    typed = action.get("text") if isinstance(action, Mapping) else None
    if isinstance(typed, str) and typed:
        text += "\n" + tr("您当时填写的内容：{0}").format(typed)
    return text


# --- argument dialogs ------------------------------------------------------------------------


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class SupervisionDialog(ArgumentDialog):
    """A prompt, fields, an error line and OK/Cancel; `request()` builds the action."""

    def request(self) -> SupervisionAction:
        """Return the action the answers make."""
        raise NotImplementedError


class TextDialog(SupervisionDialog):
    """An action that carries a text: an opinion (optional) or a reason (required)."""

    def __init__(self, kind: ActionKind, *, title: str, prompt: str, label: str,
                 required: str = "", text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, prompt, parent)
        self.kind = kind
        self._required = required
        self.text = QPlainTextEdit(text)
        self.text.setPlaceholderText(label)
        self.text.setMinimumHeight(90)
        self.form.addRow(label, self.text)

    def problem(self) -> str:
        """Ask for the text when the rules require it."""
        return self._required if self._required and not self.text.toPlainText().strip() else ""

    def request(self) -> SupervisionAction:
        """Return the action with the text."""
        return SupervisionAction(self.kind, text=self.text.toPlainText().strip())


class _FilesBox(QWidget):
    """Attachments chosen for a report or a completion request, copied in by hash."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.attachments: list[Attachment] = []
        self.list = QListWidget()
        self.list.setMaximumHeight(90)
        self.add_button = QPushButton(tr("添加附件…"))
        self.remove_button = QPushButton(tr("移除"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(self._remove)
        self.busy = False

    def _choose(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, tr("添加附件"))
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: Sequence[Path]) -> None:
        """Copy files into the content store (queued for upload) and list them."""
        self.busy = True
        self.ctx.spawn(self._add(list(paths)), what=tr("添加附件"))

    async def _add(self, paths: list[Path]) -> None:
        try:
            root = blobs_root(self.ctx.settings.data_dir())
            imported: Imported = await self.ctx.db(import_files, sources=paths, root=root)
        finally:
            self.busy = False
        if not alive(self):
            return
        known = {a.sha256 for a in self.attachments}
        for attachment in imported.attachments:
            if attachment.sha256 not in known:
                self.attachments.append(attachment)
                self.list.addItem(f"{attachment.name}    {human_size(attachment.size)}")
        self.message.setText("\n".join(imported.refused))
        self.message.setVisible(bool(imported.refused))

    def _remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.attachments):
            del self.attachments[row]
            self.list.takeItem(row)


class ReportDialog(SupervisionDialog):
    """进度反馈 or 办结申请: a text (required), the percent (reports), attachments."""

    def __init__(self, ctx: AppContext, kind: ActionKind, *, percent: int,
                 parent: QWidget | None = None) -> None:
        completion = kind is ActionKind.REQUEST_COMPLETION
        title = action_text(kind)
        if completion:
            prompt = tr("请写明办理结果，可附佐证材料；督查人员审核后办结销号。")
        else:
            prompt = tr("请填写完成进度和进展情况，可附相关材料。")
        super().__init__(title, prompt, parent)
        self.kind = kind
        self.setMinimumWidth(520)
        self.percent = QSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setSuffix("%")
        self.percent.setValue(100 if completion else percent)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(tr("办理结果") if completion else tr("进展情况"))
        self.text.setMinimumHeight(110)
        self.files = _FilesBox(ctx)
        if not completion:
            self.form.addRow(tr("完成进度"), self.percent)
        self.form.addRow(tr("办理结果") if completion else tr("进展情况"), self.text)
        self.form.addRow(tr("附件"), self.files)

    def problem(self) -> str:
        """Ask for the text, as the rules will; wait for files still being copied."""
        if self.files.busy:
            return tr("附件仍在添加，请稍候")
        if not self.text.toPlainText().strip():
            return tr("请填写办理结果") if self.kind is ActionKind.REQUEST_COMPLETION else tr(
                "请填写进展情况")
        return ""

    def request(self) -> SupervisionAction:
        """Return the report or completion request."""
        percent = None if self.kind is ActionKind.REQUEST_COMPLETION else self.percent.value()
        return SupervisionAction(self.kind, text=self.text.toPlainText().strip(),
                                 percent=percent, attachments=tuple(self.files.attachments))


class DeadlineDialog(SupervisionDialog):
    """延期申请 (a later date and the reason) or 同意延期 (the date granted, maybe shorter)."""

    def __init__(self, kind: ActionKind, *, current: datetime, proposed: datetime, today: date,
                 parent: QWidget | None = None) -> None:
        asking = kind is ActionKind.REQUEST_EXTENSION
        title = action_text(kind)
        if asking:
            prompt = tr("现办理时限为 {0}。请选择申请延期至的日期并写明理由。").format(
                deadline_text(current))
        else:
            prompt = tr("申请延期至 {0}。可同意更短的期限，但须晚于现办理时限 {1}。").format(
                deadline_text(proposed), deadline_text(current))
        super().__init__(title, prompt, parent)
        self.kind = kind
        self._current = current
        self._proposed = proposed
        self.date = DateEdit(_qdate(beijing_day(proposed)))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(_qdate(max(beijing_day(current), today) + timedelta(days=1)))
        if not asking:
            self.date.setMaximumDate(_qdate(beijing_day(proposed)))
        self.text = QPlainTextEdit()
        self.text.setMinimumHeight(80)
        self.text.setPlaceholderText(tr("延期理由") if asking else tr("审批意见（可不填）"))
        self.form.addRow(tr("延期至"), self.date)
        self.form.addRow(tr("延期理由") if asking else tr("审批意见"), self.text)

    def chosen(self) -> datetime:
        """Return the date chosen as a deadline (the end of that Beijing day)."""
        day = self.date.date().toPython()
        assert isinstance(day, date)
        return end_of_day(day)

    def problem(self) -> str:
        """Ask for a reason and a date after the current deadline, as the rules will."""
        if self.kind is ActionKind.REQUEST_EXTENSION and not self.text.toPlainText().strip():
            return tr("申请延期时必须填写理由")
        if self.chosen() <= self._current:
            return tr("延期后的时限必须晚于现在的办理时限")
        return ""

    def request(self) -> SupervisionAction:
        """Return the request, or the approval (no date: exactly what was asked)."""
        text = self.text.toPlainText().strip()
        if self.kind is ActionKind.APPROVE_EXTENSION and beijing_day(
                self.chosen()) == beijing_day(self._proposed):
            return SupervisionAction(self.kind, text=text)
        return SupervisionAction(self.kind, text=text, deadline=self.chosen())


def _text_dialog(kind: ActionKind, item: SupervisionItem,
                 parent: QWidget) -> TextDialog:
    """Return the dialog of an action that only carries a text."""
    label = action_text(kind, item.status)
    if kind is ActionKind.RETURN:
        prompt = {Status.PENDING_APPROVAL: tr("退回立项申请，请写明理由。"),
                  Status.ASSIGNED: tr("交办给本单位有误？请写明理由，督查人员修改后重新交办。"),
                  }.get(item.status, tr("退回办结申请，请写明理由；牵头单位继续办理后再申请。"))
        return TextDialog(kind, title=label, prompt=prompt, label=tr("退回理由"),
                          required=tr("退回时必须填写退回理由"), parent=parent)
    if kind is ActionKind.REFUSE_EXTENSION:
        return TextDialog(kind, title=label, prompt=tr("不同意延期，办理时限不变。请写明理由。"),
                          label=tr("理由"), required=tr("不同意延期时必须填写理由"),
                          parent=parent)
    if kind is ActionKind.URGE:
        return TextDialog(kind, title=label, prompt=tr("催办通知将发给牵头单位。"),
                          label=tr("催办内容"), text=tr("请抓紧办理《{0}》").format(item.title),
                          parent=parent)
    prompts = {
        ActionKind.OPEN: tr("立项后即可交办；如需领导审批，将先送审批。"),
        ActionKind.APPROVE: tr("批准立项后，督查人员即可交办。"),
        ActionKind.ASSIGN: tr("交办后，牵头单位和配合单位将收到通知，反馈周期开始计算。"),
        ActionKind.RECEIVE: tr("签收后开始办理，请按反馈周期报送进展。"),
        ActionKind.COMPLETE: tr("审核通过，办结销号。"),
    }
    return TextDialog(kind, title=label, prompt=prompts.get(kind, ""), label=tr("意见（可不填）"),
                      parent=parent)


# --- widgets ---------------------------------------------------------------------------------


class RejectionBanner(QFrame):
    """A refused supervision action: the reason, what the person wrote, and "知道了"."""

    dismiss = Signal(int)

    def __init__(self, record: RejectionRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setObjectName("rejectionBanner")
        self.setStyleSheet("#rejectionBanner { background: #fdecea; border: 1px solid #e6a19a;"
                           " border-radius: 4px; } QLabel { color: #8e2a1f; }")
        self.message = QLabel(rejection_text(record))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss_button = QPushButton(tr("知道了"))
        self.dismiss_button.clicked.connect(lambda: self.dismiss.emit(record.id))
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.dismiss_button)


def _browser() -> QTextBrowser:
    browser = QTextBrowser()
    browser.setOpenLinks(False)
    return browser


class SupervisionView(QWidget):
    """Shows one supervision item and lets the person act on it."""

    loaded = Signal(str)  # item id, after each (re)load was shown
    acted = Signal(str, str)  # item id, action kind: written locally
    feedback = Signal(object)  # a Feedback: what an action did, for the message bar
    split_requested = Signal(str)  # create a sub-item of this item
    edit_requested = Signal(str)  # open the form on this item
    sheet_requested = Signal(str)  # the 督办单 PDF of this item
    open_item = Signal(str)  # show another item (a sub-item or the parent)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot: ItemSnapshot | None = None
        self.dialog: QDialog | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.more_actions: dict[str, Any] = {}
        self.opener = open_with_system  # tests put a recorder here
        self._item_id: str | None = None
        self._org: Organisation | None = None
        self._load_task: asyncio.Task[Any] | None = None
        self._generation = 0
        self._busy = False
        self._build()
        ctx.changed.connect(self._changed)

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.pages, self.placeholder = record_pane.placeholder_pages(
            self, tr("在列表中选择一项督办事项，即可在此查看和办理"), self._content())

    def _content(self) -> QWidget:
        page = QWidget()
        self.banners = QVBoxLayout()
        self.title = record_pane.title_label(1.4)
        self.light = QLabel()
        self.light.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.urgency_badge = record_pane.badge("background: #c0392b; color: white;")
        self.pending_badge = record_pane.badge("background: #fff4ce; color: #7a5c00;"
                                    " border: 1px solid #e0c060;")
        self.fields, self.reports, self.urgings = _browser(), _browser(), _browser()
        self.extensions, self.trace = _browser(), _browser()
        for browser in (self.fields, self.reports):
            browser.anchorClicked.connect(self._link)
        self.tabs = QTabWidget()
        for browser, label in ((self.fields, tr("事项")), (self.reports, tr("进度反馈")),
                               (self.urgings, tr("催办")), (self.extensions, tr("延期")),
                               (self.trace, tr("办理过程"))):
            self.tabs.addTab(browser, label)
        layout = QVBoxLayout(page)
        self.trace_banner = record_pane.TraceBreakBanner()
        layout.addWidget(self.trace_banner)
        layout.addLayout(self.banners)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        row.addWidget(self.urgency_badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.light, 1)
        layout.addLayout(row)
        # Under the light, wrapped: beside it, a long list squeezed it in a narrow pane.
        self.pending_badge.setWordWrap(True)
        layout.addWidget(self.pending_badge)
        layout.addWidget(self.meta)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self._action_area())
        return page

    def _action_area(self) -> QWidget:
        area = QFrame()
        area.setFrameShape(QFrame.Shape.StyledPanel)
        self.action_error = QLabel()
        self.action_error.setWordWrap(True)
        self.action_error.setStyleSheet("color: #c0392b;")
        self.action_error.hide()
        self.button_row = FlowLayout()  # wraps in a narrow pane
        self.more_button = QToolButton()
        self.more_button.setText(tr("更多"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.more_button.setMenu(self.more_menu)
        self.more_button.hide()
        self.sheet_button = QPushButton(tr("督办单"))
        self.sheet_button.setToolTip(tr("预览、打印或另存督办单PDF"))
        self.sheet_button.clicked.connect(
            lambda: self._item_id and self.sheet_requested.emit(self._item_id))
        self.no_actions = record_pane.hint(tr("您当前不需要办理此事项"))
        layout = QVBoxLayout(area)
        layout.addWidget(self.action_error)
        row = QHBoxLayout()
        row.addLayout(self.button_row)
        row.addWidget(self.more_button)
        row.addWidget(self.no_actions)
        row.addStretch(1)
        row.addWidget(self.sheet_button)
        layout.addLayout(row)
        return area

    # --- loading -----------------------------------------------------------------------------

    def item_id(self) -> str | None:
        """Return the item shown."""
        return self._item_id

    def show_item(self, item_id: str | None) -> None:
        """Show another item (None: nothing); a newer call cancels a load still running."""
        if item_id != self._item_id:
            self.snapshot = None
            self.action_error.hide()
        self._item_id = item_id
        if item_id is None:
            self._cancel_load()
            self.pages.setCurrentIndex(0)
            return
        self.reload()

    def reload(self) -> None:
        """Read the shown item again."""
        self._cancel_load()
        if self._item_id is None:
            return
        self._generation += 1
        self._load_task = self.ctx.spawn(self._load(self._item_id, self._generation),
                                         what=tr("读取督办事项"))

    def _cancel_load(self) -> None:
        if self._load_task is not None and not self._load_task.done():
            self._load_task.cancel()
        self._load_task = None

    async def _load(self, item_id: str, generation: int) -> None:
        org = await self.ctx.organisation()
        snapshot = await self.ctx.db(load_item, item_id=item_id, org=org,
                                     person_id=self.ctx.person_id,
                                     root=blobs_root(self.ctx.settings.data_dir()))
        if generation != self._generation or not alive(self):
            return
        self._org = org
        self._show(snapshot)
        self.loaded.emit(item_id)

    def _changed(self, changes: Changes) -> None:
        if changes.origin is self or self._item_id is None:
            return
        ids = changes.supervision_ids
        if ("supervision" in changes.kinds and (not ids or self._item_id in ids)) or (
                changes.kinds & {"directory", "rejection"}):
            self.reload()

    # --- showing -----------------------------------------------------------------------------

    def _show(self, snapshot: ItemSnapshot | None) -> None:
        same = (self.snapshot is not None and snapshot is not None
                and self.snapshot.item.id == snapshot.item.id)
        self.snapshot = snapshot
        if snapshot is None:
            self.placeholder.setText(tr("督办事项不存在，或您已无权查看"))
            self.pages.setCurrentIndex(0)
            return
        assert self._org is not None
        item, org = snapshot.item, self._org
        self.pages.setCurrentIndex(1)
        self.title.setText(item.title)
        self._show_light(snapshot)
        self.meta.setText(" · ".join((value_text(item.source.value), status_text(item.status),
                                      tr("牵头：{0}").format(unit_name(org, item.lead_unit_id)),
                                      tr("时限：{0}").format(deadline_text(item.deadline)),
                                      tr("进度 {0}%").format(item.percent))))
        self.urgency_badge.setText(value_text(item.urgency.value))
        self.urgency_badge.setVisible(item.urgency is not Urgency.NORMAL)
        self._show_pending(snapshot.pending)
        _set_html(self.fields, item_html(snapshot, org), keep=same)
        _set_html(self.reports, reports_html(snapshot, org), keep=same)
        _set_html(self.urgings, urgings_html(item, org), keep=same)
        _set_html(self.extensions, extensions_html(item, org), keep=same)
        _set_html(self.trace, trace_html(item, org), keep=same)
        pending = tr("（待审批）") if item.pending_extension else ""
        for index, (label, count) in enumerate((
                (tr("事项"), None), (tr("进度反馈"), len(item.progress_reports)),
                (tr("催办"), len(item.urgings)), (tr("延期"), len(item.extension_requests)),
                (tr("办理过程"), len(item.trace)))):
            text = label if count is None else qualified(label, str(count))
            self.tabs.setTabText(index, text + (pending if index == 3 else ""))
        self._show_rejections(snapshot.rejections)
        self.trace_banner.show_break(snapshot.trace_break)
        self._show_buttons(snapshot)

    def _show_light(self, snapshot: ItemSnapshot) -> None:
        colour = LIGHT_COLOURS[snapshot.light.light]
        self.light.setText(f"<span style='color:{colour}; font-size:16px'>●</span> "
                           f"<b>{html.escape(light_explanation(snapshot.light))}</b>")
        self.light.setToolTip(tr("按服务器时间 {0} 计算").format(when(snapshot.now)))

    def light_text(self) -> str:
        """Return the light line as plain text (for tests and accessibility)."""
        return light_explanation(self.snapshot.light) if self.snapshot else ""

    def _show_pending(self, pending: Sequence[str]) -> None:
        shown = list(dict.fromkeys(pending))
        self.pending_badge.setText(tr("等待服务器确认：{0}").format(listed(shown)))
        self.pending_badge.setToolTip(tr("这些操作已在本机生效，服务器确认后才算数；"
                                          "如被拒绝，会在此说明原因"))
        self.pending_badge.setVisible(bool(pending))

    def _show_rejections(self, records: Sequence[RejectionRecord]) -> None:
        record_pane.clear(self.banners)
        for record in records:
            banner = RejectionBanner(record)
            banner.dismiss.connect(self.dismiss_rejection)
            self.banners.addWidget(banner)

    def rejection_banners(self) -> list[RejectionBanner]:
        """Return the banners shown now."""
        found = (self.banners.itemAt(i) for i in range(self.banners.count()))
        return [w for entry in found if entry is not None
                and isinstance(w := entry.widget(), RejectionBanner)]

    def _show_buttons(self, snapshot: ItemSnapshot) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons, self.more_actions = {}, {}
        self.more_menu.clear()
        status = snapshot.item.status
        for kind in (k for k in _BUTTONS if k in snapshot.actions):
            self._add_button(kind, action_text(kind, status))
        for kind in (k for k in _MORE if k in snapshot.actions):
            self.more_actions[kind.value] = self.more_menu.addAction(
                action_text(kind, status) + "…", lambda k=kind: self.trigger(k))
        if snapshot.may_split:
            self.more_actions["split"] = self.more_menu.addAction(
                tr("分解（新建子事项）…"), self.request_split)
        self.more_button.setVisible(bool(self.more_actions))
        self.no_actions.setVisible(not self.buttons and not self.more_actions)
        self._set_busy(self._busy)

    def _add_button(self, kind: ActionKind, text: str) -> None:
        button = QPushButton(text)
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _checked=False: self.trigger(kind))
        self.button_row.addWidget(button)
        self.buttons[kind.value] = button

    def shown_actions(self) -> set[str]:
        """Return the keys of every action offered now (buttons and the "更多" menu)."""
        return set(self.buttons) | set(self.more_actions)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in self.buttons.values():
            button.setEnabled(not busy)
        self.more_button.setEnabled(not busy)

    # --- acting ------------------------------------------------------------------------------

    def trigger(self, kind: ActionKind) -> None:
        """Start `kind` on the shown item: ask for what it needs first."""
        snapshot = self.snapshot
        if snapshot is None or self._busy or kind not in snapshot.actions:
            return
        self.action_error.hide()
        item = snapshot.item
        if kind is ActionKind.EDIT:
            self.edit_requested.emit(item.id)
        elif kind in (ActionKind.REPORT, ActionKind.REQUEST_COMPLETION):
            self._open_dialog(ReportDialog(self.ctx, kind, percent=item.percent, parent=self))
        elif kind in (ActionKind.REQUEST_EXTENSION, ActionKind.APPROVE_EXTENSION):
            self._open_dialog(self._deadline_dialog(kind, item, snapshot.now))
        else:
            self._open_dialog(_text_dialog(kind, item, self))

    def _deadline_dialog(self, kind: ActionKind, item: SupervisionItem,
                         now: datetime) -> DeadlineDialog:
        current = item.deadline or now
        pending = item.pending_extension
        if kind is ActionKind.APPROVE_EXTENSION and pending is not None:
            proposed = pending.requested_deadline
        else:
            proposed = end_of_day(beijing_day(max(current, now)) + timedelta(days=7))
        return DeadlineDialog(kind, current=current, proposed=proposed, today=beijing_day(now),
                              parent=self)

    def _open_dialog(self, dialog: SupervisionDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.submit(dialog.request()))
        dialog.open()

    def request_split(self) -> None:
        """Ask for a sub-item of the shown item (分解)."""
        if self._item_id is not None:
            self.split_requested.emit(self._item_id)

    def submit(self, action: SupervisionAction) -> None:
        """Write `action` on the shown item, meant for the status the person saw."""
        if self._item_id is None or self._busy:
            return
        if action.expected_status is None and self.snapshot is not None:
            action = replace(action, expected_status=self.snapshot.item.status)
        self._set_busy(True)
        self.ctx.spawn(self._act(self._item_id, action), what=action_text(action.kind))

    async def _act(self, item_id: str, action: SupervisionAction) -> None:
        try:
            decision = await self.ctx.write(
                act_now, person_id=self.ctx.person_id, item_id=item_id, action=action,
                kinds=("supervision",), origin=self)
        except DomainError as error:
            self._refused(refusal_text(error))
            return
        finally:
            if alive(self):
                self._set_busy(False)
        if isinstance(decision, SupervisionRejected):
            self._refused(refusal_text(decision.rejection))
            return
        self.acted.emit(item_id, action.kind.value)
        self.feedback.emit(Feedback(done_text(action_text(action.kind), decision.item.title,
                                              ctx=self.ctx)))
        if item_id == self._item_id and alive(self):
            self.reload()

    def _refused(self, message: str) -> None:
        if not alive(self):
            return
        self.action_error.setText(tr("未能办理：{0}").format(message))
        self.action_error.show()

    # --- rejections, attachments, links -------------------------------------------------------

    def dismiss_rejection(self, rejection_id: int) -> None:
        """Hide a refused action the person has seen."""
        self.ctx.spawn(self._dismiss(rejection_id), what=tr("关闭提示"))

    async def _dismiss(self, rejection_id: int) -> None:
        await self.ctx.db(lambda s: s.dismiss_rejection(rejection_id))
        self.ctx.broadcast(Changes(frozenset({"rejection"}), origin=self))
        self.reload()

    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("attachment:"):
            self.open_attachment(text.split(":", 1)[1])

    def open_attachment(self, sha256: str) -> None:
        """Open an attachment of a report or the completion request with the desktop."""
        if self.snapshot is None:
            return
        found = next((a for a in _attachments_of(self.snapshot.item) if a.sha256 == sha256),
                     None)
        if found is not None:
            self.ctx.spawn(self._open(found), what=tr("打开附件"))

    async def _open(self, attachment: Attachment) -> None:
        root = blobs_root(self.ctx.settings.data_dir())
        path = await self.ctx.db(export_for_opening, attachment=attachment, root=root)
        if path is None:
            self._refused(tr("“{0}”未下载：联网同步后即可打开").format(attachment.name))
        elif not self.opener(path):
            self._refused(tr("没有可以打开“{0}”的程序").format(attachment.name))


def _set_html(browser: QTextBrowser, text: str, *, keep: bool) -> None:
    """Replace the browser's content, keeping where the person had scrolled to on a refresh."""
    bar = browser.verticalScrollBar()
    position = bar.value() if bar is not None and keep else 0
    browser.setHtml(text)
    if bar is not None:
        bar.setValue(position)
