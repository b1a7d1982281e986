"""What the document pane says, as text and HTML: the fields, the body, the route with every
opinion, refusals, and what an action did. Qt-free (texts translate through
ui.common.translate), so it runs anywhere, the database worker included."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from officeapp.documents import Direction
from officeapp.org import ROLE_LABELS, Organisation
from officeapp.store import RejectionRecord
from officeapp.workflow import (
    WORKFLOWS,
    ActionKind,
    Circulation,
    Document,
    Holder,
    Informed,
    TraceEntry,
    pending_holders,
)
from officeapp.workflow.fields import FIELD_LABELS
from officeapp.workflow.model import ACTION_LABELS
from ui.common import times
from ui.common.messages import refusal_text
from ui.common.translate import QT_TRANSLATE_NOOP, translate
from ui.common.values import action_verb, listed, qualified, value_text

# The natural verb of "approve" at each step (what the person is doing there).
_APPROVE_VERBS = {
    "draft": "送核稿", "review": "核稿通过", "countersign": "会签", "sign": "签发",
    "number": "编号", "seal": "用印", "issue": "印发", "receive": "签收", "register": "登记",
    "propose": "拟办", "instruct": "批办", "handle": "承办完毕", "complete": "办结",
}


def tr(text: str) -> str:
    """Translate a text built outside a widget (lupdate files these under no context)."""
    return translate("", text)


def action_label(kind: ActionKind, step: str | None = None) -> str:
    """Return the button or trace label of an action; approve says what it does at the step."""
    if kind is ActionKind.APPROVE and step in _APPROVE_VERBS:
        return action_verb(_APPROVE_VERBS[step])
    return action_verb(ACTION_LABELS[kind])


def local_time(moment: datetime) -> str:
    """Return a moment in Beijing time, to the minute."""
    return times.minute_text(moment)


def pending_label(args: dict[str, Any], name: str) -> str:
    """Return the label of an action waiting in the outbox (from its wire arguments)."""
    action = args.get("action")
    if isinstance(action, dict):
        try:
            step = action.get("expected_step")
            return action_label(ActionKind(str(action.get("kind"))),
                                step if isinstance(step, str) else None)
        except ValueError:
            return str(action.get("kind"))
    return tr("登记") if name.endswith("register_incoming") else tr("新建")


# --- what the pane says about a document -----------------------------------------------------


def _names(org: Organisation, unit_ids: Iterable[str]) -> str:
    names = [org.units[u].name if u in org.units else u for u in unit_ids]
    return listed(names) if names else "—"


def _person(org: Organisation, person_id: str | None) -> str:
    if not person_id:
        return ""
    person = org.people.get(person_id)
    return person.name if person else person_id


def number_text(document: Document) -> str:
    """Return the 发文字号 as shown: the number, 待编号 once numbered offline, or a dash."""
    if document.doc_number:
        return document.doc_number
    if document.direction is Direction.OUTGOING:
        workflow = WORKFLOWS[Direction.OUTGOING]
        if workflow.index(document.step) > workflow.index("number"):
            return tr("待编号")
        return tr("（编号后生成）")
    return "—"


def holder_text(org: Organisation, holder: Holder) -> str:
    """Return who a holder is: a person (acting for someone), or a unit's pool with its roles."""
    if holder.person_id:
        text = _person(org, holder.person_id)
        if holder.on_behalf_of:
            text += tr("（代{0}）").format(_person(org, holder.on_behalf_of))
        return text
    roles = listed(value_text(ROLE_LABELS[r]) for r in sorted(holder.roles))
    unit = _names(org, [holder.unit_id])
    return qualified(unit, roles) if roles else unit


def _rows(document: Document, org: Organisation) -> list[tuple[str, str]]:
    """Return the (label, value) rows of the fields table."""
    outgoing = document.direction is Direction.OUTGOING
    creator = _person(org, document.created_by)
    unit = _names(org, [document.owner_unit_id])
    rows = [(tr("文种"), value_text(document.doc_type.value))]
    if outgoing:
        rows.append((tr("发文字号"), number_text(document)))
    else:
        rows += [(tr("来文单位"), document.sender_unit or "—"),
                 (tr("来文字号"), document.doc_number or "—"),
                 (tr("收文编号"), document.received_number or "—")]
    rows += [(tr("紧急程度"), value_text(document.urgency.value)),
             (tr("密级"), value_text(document.classification.value)),
             (tr("主送"), _names(org, document.main_recipients)),
             (tr("抄送"), _names(org, document.cc_recipients))]
    rows.append((tr("拟稿") if outgoing else tr("登记"), qualified(creator, unit)))
    rows.append((tr("办理期限"), local_time(document.deadline) if document.deadline else "—"))
    return rows + _optional_rows(document, org)


def _optional_rows(document: Document, org: Organisation) -> list[tuple[str, str]]:
    """Return the rows that only some documents have."""
    rows: list[tuple[str, str]] = []
    if document.countersign_units:
        rows.append((tr("会签单位"), _names(org, document.countersign_units)))
    if document.signer_name:
        rows.append((tr("签发人"), document.signer_name))
    if document.written_date:
        rows.append((tr("成文日期"), document.written_date.isoformat()))
    if document.lead_unit_id:
        rows.append((tr("牵头单位"), _names(org, [document.lead_unit_id])))
    if document.co_unit_ids:
        rows.append((tr("配合单位"), _names(org, document.co_unit_ids)))
    if document.circulate_to:
        rows.append((tr("传阅人员"), "、".join(_person(org, p) for p in document.circulate_to)))
    if document.print_date:
        issuer = document.print_unit or _names(org, [document.owner_unit_id])
        rows.append((tr("印发"), f"{issuer} {document.print_date.isoformat()}"))
    if document.note:
        rows.append((tr("附注"), document.note))
    if document.archive:
        number = document.archive.item_number or tr("待分配")
        rows.append((tr("归档"), tr("{0}年度，保管期限{1}，件号{2}").format(
            document.archive.year, document.archive.retention.value, number)))
    return rows


_CSS = """
<style>
 table.fields td { padding: 3px 8px 3px 0; vertical-align: top; }
 td.label { color: #666; white-space: nowrap; }
 h3 { margin-top: 14px; margin-bottom: 6px; }
 .muted { color: #777; }
 .opinion { margin-left: 16px; }
 td.step { color: #9b2c20; background-color: #fbeae8; font-weight: bold; padding: 2px 6px; }
 td.entry { padding: 2px 0 10px 8px; }
 p.para { margin-top: 0; margin-bottom: 8px; }
</style>
"""


def fields_html(document: Document, org: Organisation) -> str:
    """Return the fields table and the body, as the 公文 tab shows them."""
    cells = "".join(f"<tr><td class='label'>{html.escape(label)}</td>"
                    f"<td>{html.escape(value)}</td></tr>" for label, value in _rows(document, org))
    return (f"{_CSS}<table class='fields'>{cells}</table>"
            "<h3>" + html.escape(tr("正文")) + f"</h3>{body_html(document.body)}")


def body_html(body: str) -> str:
    """Return the body as paragraphs (a blank line separates them, as in the PDF input)."""
    paragraphs = [p for p in re.split(r"\n\s*\n", body.strip()) if p.strip()]
    if not paragraphs:
        return "<p class='muted'>" + html.escape(tr("（正文为空）")) + "</p>"
    return "".join(f"<p class='para'>{html.escape(p).replace(chr(10), '<br>')}</p>"
                   for p in paragraphs)


def step_label(document: Document, step: str) -> str:
    """Return the name of a step of the document's workflow, in the person's language."""
    workflow = WORKFLOWS[document.direction]
    return value_text(workflow.step(step).label) if workflow.has_step(step) else step


_NAMED = {ActionKind.DELEGATE: "委托给：", ActionKind.ADD_SIGNER: "加签：",
          ActionKind.CIRCULATE: "传阅：", ActionKind.APPROVE: "送交：",
          ActionKind.INFORM: "知会："}


def _entry_details(entry: TraceEntry, org: Organisation) -> str:
    """Return what an entry did besides its opinion: people named, fields changed."""
    details = entry.details
    people = details.get("to") or details.get("added") or details.get("assignees")
    if isinstance(people, str):
        people = [people]
    if isinstance(people, list) and people:
        names = listed(_person(org, str(p)) for p in people)
        return tr(_NAMED.get(entry.action, "")) + names
    fields = details.get("fields")
    if "body_version" in details:  # a saved 正文 file: its version number says it all
        return tr("正文 第{0}版").format(details["body_version"])
    if isinstance(fields, list) and fields:
        return tr("修改了：") + listed(tr(FIELD_LABELS.get(str(f), str(f))) for f in fields)
    if "retention" in details:
        return tr("{0}年度，保管期限{1}").format(details.get("year"), details["retention"])
    return ""


def _entry_html(document: Document, entry: TraceEntry, org: Organisation) -> str:
    what = action_label(entry.action, entry.step)
    if entry.target_step and entry.action is not ActionKind.CREATE:
        what += f" → {step_label(document, entry.target_step)}"
    who = html.escape(entry.actor_name)
    if entry.on_behalf_of:
        who += html.escape(tr("（代{0}）").format(_person(org, entry.on_behalf_of)))
    extra = _entry_details(entry, org)
    when = times.trace_time(entry.at, entry.acted_at)
    lines = [f"<b>{html.escape(what)}</b>　{who}　"
             f"<span class='muted'>{html.escape(when)}</span>"]
    if extra:
        lines.append(f"<span class='muted'>{html.escape(extra)}</span>")
    if entry.opinion:
        lines.append(f"<span class='opinion'>{html.escape(entry.opinion)}</span>")
    return (f"<tr><td class='step' width='64'>"
            f"{html.escape(step_label(document, entry.step))}</td>"
            f"<td class='entry'>{'<br>'.join(lines)}</td></tr>")


def route_html(document: Document, org: Organisation) -> str:
    """Return the current step with its holders, the timeline of every trace entry, and the
    read receipts of circulation."""
    waiting = [holder_text(org, h) for h in document.holders if not h.done]
    done = [holder_text(org, h) for h in document.holders if h.done]
    now_line = tr("当前环节：{0}").format(step_label(document, document.step))
    if waiting:
        now_line += "　" + tr("待办理：{0}").format(listed(waiting))
    if done:
        now_line += "　" + tr("已办理：{0}").format(listed(done))
    entries = "".join(_entry_html(document, e, org) for e in document.trace)
    parts = [_CSS, f"<p><b>{html.escape(now_line)}</b></p>",
             f"<table cellspacing='3'>{entries}</table>"]
    if document.circulations:
        parts.append(_circulation_html(document, org))
    if document.informed:
        parts.append(_informed_html(document, org))
    return "".join(parts)


def _informed_html(document: Document, org: Organisation) -> str:
    """Return who was 知会'd, by whom and when, and whether they have read it."""
    return _readers_html(tr("知会情况"), (tr("知会对象"), tr("知会人"), tr("知会时间")),
                         document.informed, org)


def _circulation_html(document: Document, org: Organisation) -> str:
    return _readers_html(tr("传阅情况"), (tr("传阅对象"), tr("送阅人"), tr("送阅时间")),
                         document.circulations, org)


def _readers_html(title: str, heads: tuple[str, str, str],
                  sent: Iterable[Circulation | Informed], org: Organisation) -> str:
    """Return a table of people a document was sent to read: who, by whom, when, read when."""
    head = "".join(f"<td class='label'><b>{html.escape(h)}</b></td>"
                   for h in (*heads, tr("阅读情况")))
    rows = []
    for c in sent:
        read = tr("已阅 {0}").format(local_time(c.read_at)) if c.read_at else tr("未阅")
        cells = (_person(org, c.person_id), _person(org, c.sent_by), local_time(c.sent_at), read)
        rows.append("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in cells) + "</tr>")
    return ("<h3>" + html.escape(title) + "</h3>"
            f"<table class='fields'><tr>{head}</tr>{''.join(rows)}</table>")


def rejected_text(record: RejectionRecord) -> str:
    """Return the opinion the person sent with a refused action ("" when none)."""
    action = record.args.get("action")
    text = action.get("opinion") if isinstance(action, dict) else None
    return text if isinstance(text, str) else ""


def rejection_message(record: RejectionRecord) -> str:
    """Return the banner text: which action, that the server refused it, and why."""
    action = record.args.get("action")
    label = pending_label(record.args, record.name) if isinstance(action, dict) else tr("新建")
    return tr("您的“{0}”操作未被服务器接受：{1}").format(label, refusal_text(record))


# --- what an action did, for the message bar -----------------------------------------------

# What approving each step did, in the step's words (the bar's first words).
_APPROVED = {
    "draft": QT_TRANSLATE_NOOP("", "已送核稿"), "review": QT_TRANSLATE_NOOP("", "核稿已通过"),
    "countersign": QT_TRANSLATE_NOOP("", "已会签"), "sign": QT_TRANSLATE_NOOP("", "已签发"),
    "number": QT_TRANSLATE_NOOP("", "已编号"), "seal": QT_TRANSLATE_NOOP("", "已用印"),
    "issue": QT_TRANSLATE_NOOP("", "已印发"), "receive": QT_TRANSLATE_NOOP("", "已签收"),
    "register": QT_TRANSLATE_NOOP("", "已登记"), "propose": QT_TRANSLATE_NOOP("", "已拟办"),
    "instruct": QT_TRANSLATE_NOOP("", "已批办"), "handle": QT_TRANSLATE_NOOP("", "已承办完毕"),
    "complete": QT_TRANSLATE_NOOP("", "已办结"),
}
_DONE = {
    ActionKind.APPROVE: QT_TRANSLATE_NOOP("", "已同意"),
    ActionKind.RETURN: QT_TRANSLATE_NOOP("", "已退回"),
    ActionKind.WITHDRAW: QT_TRANSLATE_NOOP("", "已撤回"),
    ActionKind.DELEGATE: QT_TRANSLATE_NOOP("", "已委托"),
    ActionKind.ADD_SIGNER: QT_TRANSLATE_NOOP("", "已加签"),
    ActionKind.CLAIM: QT_TRANSLATE_NOOP("", "已签收任务"),
    ActionKind.CIRCULATE: QT_TRANSLATE_NOOP("", "已传阅"),
    ActionKind.ACKNOWLEDGE: QT_TRANSLATE_NOOP("", "已阅"),
    ActionKind.INFORM: QT_TRANSLATE_NOOP("", "已知会"),
    ActionKind.READ: QT_TRANSLATE_NOOP("", "已阅"),
    ActionKind.URGE: QT_TRANSLATE_NOOP("", "已催办"),
    ActionKind.ARCHIVE: QT_TRANSLATE_NOOP("", "已归档"),
    ActionKind.EDIT: QT_TRANSLATE_NOOP("", "已修改"),
}


def _done_label(entry: TraceEntry) -> str:
    if entry.action is ActionKind.APPROVE and entry.step in _APPROVED:
        return tr(str(_APPROVED[entry.step]))
    if entry.action in _DONE:
        return tr(str(_DONE[entry.action]))
    return action_verb(ACTION_LABELS[entry.action])


def _waiting(document: Document, org: Organisation) -> str:
    return listed(holder_text(org, h) for h in pending_holders(document))


def _whom(document: Document, entry: TraceEntry, org: Organisation) -> str:
    """Return where the action sent the document, or who it named ("" when nobody)."""
    named = entry.details.get("to") or entry.details.get("added")
    if entry.action in (ActionKind.DELEGATE, ActionKind.ADD_SIGNER, ActionKind.CIRCULATE,
                        ActionKind.INFORM):
        people = [named] if isinstance(named, str) else list(named or [])
        return " → " + "、".join(_person(org, str(p)) for p in people)
    if entry.action is ActionKind.WITHDRAW:
        return tr("，已回到您的待办")
    if entry.action is ActionKind.CLAIM:
        return tr("，现由您办理")
    waiting = _waiting(document, org)
    if entry.action is ActionKind.APPROVE and entry.target_step is None and waiting:
        return tr("，仍待{0}办理").format(waiting)  # others of the step have yet to act
    moved = entry.target_step is not None or entry.action is ActionKind.URGE
    return f" → {waiting}" if moved and waiting else ""


def acted_text(document: Document, entry: TraceEntry, org: Organisation, *, note: str) -> str:
    """Return what the bar says an accepted action did: what, on which document, to whom,
    and `note` (whether it waits to be uploaded)."""
    return (tr("{0}：{1}").format(_done_label(entry), document.title)
            + _whom(document, entry, org) + note)
