"""What the supervision screens call things: actions, statuses, lights and why, units and
people, deadlines in Beijing time. Text only: no widgets, so it runs without a window."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from officeapp.clock import OFFICE_TZ, local
from officeapp.org import Organisation
from officeapp.supervision import (
    ActionKind,
    ExtensionState,
    InboxReason,
    Light,
    LightDetail,
    LightReason,
    Status,
)
from officeapp.supervision.model import CycleKind, ReportingCycle
from officeapp.supervision.sheets import cycle_text
from ui.common import names, times
from ui.common.translate import QT_TRANSLATE_NOOP, tr
from ui.common.values import listed, qualified, value_text

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

EXTENSION_TEXTS: Mapping[ExtensionState, str] = {
    ExtensionState.PENDING: QT_TRANSLATE_NOOP("", "待审批"),
    ExtensionState.APPROVED: QT_TRANSLATE_NOOP("", "已同意"),
    ExtensionState.REFUSED: QT_TRANSLATE_NOOP("", "不同意"),
    ExtensionState.WITHDRAWN: QT_TRANSLATE_NOOP("", "已撤回（申请办结）"),
}

LIGHT_COLOURS: Mapping[Light, str] = {
    Light.GREEN: "#2e9d4f", Light.YELLOW: "#e6a700", Light.RED: "#d63a2f",
    Light.DONE: "#7f8c99",
}


INBOX_TEXTS = {
    InboxReason.TO_OPEN: QT_TRANSLATE_NOOP("", "待立项"),
    InboxReason.TO_APPROVE: QT_TRANSLATE_NOOP("", "待审批立项"),
    InboxReason.TO_ASSIGN: QT_TRANSLATE_NOOP("", "待交办"),
    InboxReason.TO_RECEIVE: QT_TRANSLATE_NOOP("", "待签收"),
    InboxReason.OVERDUE: QT_TRANSLATE_NOOP("", "已逾期"),
    InboxReason.REPORT_OVERDUE: QT_TRANSLATE_NOOP("", "进度反馈逾期"),
    InboxReason.RETURNED: QT_TRANSLATE_NOOP("", "办结申请被退回"),
    InboxReason.TO_REPORT: QT_TRANSLATE_NOOP("", "办理中，按期反馈"),
    InboxReason.TO_ASSIST: QT_TRANSLATE_NOOP("", "配合办理"),
    InboxReason.TO_DECIDE_EXTENSION: QT_TRANSLATE_NOOP("", "待审批延期"),
    InboxReason.TO_REVIEW: QT_TRANSLATE_NOOP("", "待审核办结"),
}


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
    shown = local(moment)
    if shown.time().replace(microsecond=0) == time(23, 59, 59):
        return times.day_text(shown.date())
    return times.minute_text(shown)


def beijing_day(moment: datetime) -> date:
    """Return the Beijing calendar day of a moment."""
    return times.day_of(moment)


def start_of_day(day: date) -> datetime:
    """Return 00:00 Beijing time of `day`."""
    return datetime.combine(day, time(0, 0), tzinfo=OFFICE_TZ)


def period_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """Return [first 00:00, the day after last 00:00) in Beijing time: whole days."""
    start = datetime.combine(first, time(0, 0), tzinfo=OFFICE_TZ)
    return start, datetime.combine(last + timedelta(days=1), time(0, 0), tzinfo=OFFICE_TZ)


def light_explanation(detail: LightDetail) -> str:
    """Return the light, why, and the moment it is about: 红灯 · 已逾期（办理时限 2026-11-30）."""
    text = f"{light_text(detail.light)} · {tr(REASON_TEXTS[detail.reason])}"
    if detail.due is not None and detail.reason is not LightReason.ON_TRACK:
        about = tr("反馈时间") if detail.reason in (
            LightReason.REPORT_SOON, LightReason.REPORT_OVERDUE) else tr("办理时限")
        text = qualified(text, f"{about} {deadline_text(detail.due)}")
    return text



def reporting_cycle_text(cycle: ReportingCycle) -> str:
    """Return a reporting cycle in the person's language."""
    if cycle.kind is CycleKind.CUSTOM:
        return tr("每{0}天").format(cycle.days)
    return value_text(cycle_text(cycle))


def unit_name(org: Organisation, unit_id: str | None) -> str:
    """Return a unit's name ("—" for none)."""
    return names.unit_name(org, unit_id, empty="—")


def unit_names(org: Organisation, unit_ids: Iterable[str]) -> str:
    """Return units' names joined with 、 ("—" for none)."""
    found = [unit_name(org, u) for u in unit_ids]
    return listed(found) if found else "—"


def person_name(org: Organisation, person_id: str | None) -> str:
    """Return a person's name ("—" for none)."""
    return names.person_name(org, person_id, empty="—")



def mutation_item_id(args: Mapping[str, Any]) -> str | None:
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



def reason_text(reason: InboxReason) -> str:
    """Return why an item waits for the person."""
    return tr(INBOX_TEXTS[reason])

