"""The document pane: fields, attachments, the route with every opinion, and the actions allowed.

Everything shown is read on the database worker in one snapshot; the buttons are exactly
`available_actions(document, actor, now)`; every action goes through `sync.client.actions.act`.
"""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from officeapp.documents import Direction, Urgency
from officeapp.errors import DomainError
from officeapp.org import ROLE_LABELS, Actor, Organisation, Person, Role
from officeapp.store import LocalStore, RejectionRecord
from officeapp.tracechain import Break
from officeapp.workflow import (
    WORKFLOWS,
    Accepted,
    Action,
    ActionKind,
    Circulation,
    Decision,
    Document,
    Holder,
    Informed,
    Rejected,
    TraceEntry,
    available_actions,
    may_undo,
    pending_holders,
)
from officeapp.workflow.fields import FIELD_LABELS
from officeapp.workflow.model import ACTION_LABELS
from sync.client import actions
from ui.common import highlight, record_pane, times
from ui.common.attachments import AttachmentsPanel, blob_states, blobs_root
from ui.common.context import AppContext, Changes
from ui.common.feedback import Feedback, queued_note
from ui.common.fit import FlowLayout, scrolling
from ui.common.messages import refusal_text
from ui.common.qt import (
    QT_TRANSLATE_NOOP,
    QAction,
    QCoreApplication,
    QDialog,
    QDragEnterEvent,
    QDropEvent,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMenu,
    QPushButton,
    QShortcut,
    QSizePolicy,
    Qt,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from ui.common.seal_check import OfficialFilePanel, awaiting_seal
from ui.common.values import action_verb, listed, qualified, value_text
from ui.documents.action_dialogs import (
    ArchiveDialog,
    ArgumentDialog,
    InformDialog,
    InstructDialog,
    PersonDialog,
    ReturnDialog,
    active_people,
    eligible_people,
    return_targets,
)
from ui.documents.archive_export import can_export, package_bytes
from ui.documents.body_file import BodyFilePanel
from ui.documents.opinion_editor import OpinionEditor
from ui.documents.proofread_dialog import ProofreadDialog, findings_of

# The natural verb of "approve" at each step (what the person is doing there).
_APPROVE_VERBS = {
    "draft": "送核稿", "review": "核稿通过", "countersign": "会签", "sign": "签发",
    "number": "编号", "seal": "用印", "issue": "印发", "receive": "签收", "register": "登记",
    "propose": "拟办", "instruct": "批办", "handle": "承办完毕", "complete": "办结",
}
# Buttons, the main action first; the rarer ones wait in the "更多" menu so the row fits
# a narrow pane.
_BUTTONS = (ActionKind.APPROVE, ActionKind.ACKNOWLEDGE, ActionKind.CLAIM, ActionKind.RETURN,
            ActionKind.WITHDRAW, ActionKind.EDIT, ActionKind.ARCHIVE, ActionKind.INFORM)
_MORE = (ActionKind.DELEGATE, ActionKind.ADD_SIGNER, ActionKind.CIRCULATE, ActionKind.URGE)
# Actions whose request carries the opinion box's text (the rules read it for these).
_TAKES_OPINION = frozenset({ActionKind.APPROVE, ActionKind.RETURN, ActionKind.WITHDRAW,
                            ActionKind.DELEGATE, ActionKind.ADD_SIGNER, ActionKind.CIRCULATE,
                            ActionKind.ACKNOWLEDGE, ActionKind.URGE})
_SHORTCUTS = {
    ActionKind.RETURN: "Ctrl+R",
    ActionKind.WITHDRAW: "Ctrl+Shift+W",
    ActionKind.EDIT: "Ctrl+E",
}
_PRIMARY = (ActionKind.APPROVE, ActionKind.ACKNOWLEDGE, ActionKind.CLAIM)
# The steps of a 发文 whose holder is shown what 校对 finds (the text is still changing, or
# about to be signed as it stands).
PROOFREAD_STEPS = frozenset({"draft", "review", "sign"})


def tr(text: str) -> str:
    """Translate a text built outside a widget (lupdate files these under no context)."""
    return QCoreApplication.translate("", text)


def action_label(kind: ActionKind, step: str | None = None) -> str:
    """Return the button or trace label of an action; approve says what it does at the step."""
    if kind is ActionKind.APPROVE and step in _APPROVE_VERBS:
        return action_verb(_APPROVE_VERBS[step])
    return action_verb(ACTION_LABELS[kind])


def local_time(moment: datetime) -> str:
    """Return a moment in Beijing time, to the minute."""
    return times.minute_text(moment)


# --- the snapshot, read on the worker --------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """Everything the pane shows about one document, read in one go."""

    document: Document
    actor: Actor | None
    actions: tuple[ActionKind, ...]
    pending: tuple[str, ...] = ()  # labels of the person's actions the server has not confirmed
    rejections: tuple[RejectionRecord, ...] = ()
    blob_states: dict[str, str] = field(default_factory=dict)
    return_targets: tuple[tuple[str, str], ...] = ()
    next_people: tuple[Person, ...] = ()  # who may be named to hold the next step
    trace_break: Break | None = None  # where the pulled trace broke the server's hash chain


def _pending_label(args: dict[str, Any], name: str) -> str:
    action = args.get("action")
    if isinstance(action, dict):
        try:
            step = action.get("expected_step")
            return action_label(ActionKind(str(action.get("kind"))),
                                step if isinstance(step, str) else None)
        except ValueError:
            return str(action.get("kind"))
    return tr("登记") if name.endswith("register_incoming") else tr("新建")


def load_snapshot(store: LocalStore, *, document_id: str, org: Organisation, person_id: str,
                  now: datetime, root: Path) -> Snapshot | None:
    """Read a document and what the person may do with it (runs on the worker)."""
    document = store.get_document(document_id)
    if document is None:
        return None
    actor = org.actor(person_id, now) if person_id in org.people else None
    kinds = tuple(available_actions(document, actor, now)) if actor else ()
    pending = tuple(_pending_label(m.args, m.name) for m in store.pending_mutations()
                    if m.document_id == document_id)
    rejections = tuple(r for r in store.rejections() if r.document_id == document_id)
    targets = tuple(return_targets(document, actor, now)) if actor and (
        ActionKind.RETURN in kinds) else ()
    people = tuple(eligible_people(document, actor, org, ActionKind.APPROVE, now)) if actor and (
        ActionKind.APPROVE in kinds and document.step != "instruct") else ()
    return Snapshot(document, actor, kinds, pending, rejections,
                    blob_states(store, attachments=document.attachments, root=root),
                    targets, people, trace_break=store.trace_break("document", document_id))


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


def _step_label(document: Document, step: str) -> str:
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
        what += f" → {_step_label(document, entry.target_step)}"
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
            f"{html.escape(_step_label(document, entry.step))}</td>"
            f"<td class='entry'>{'<br>'.join(lines)}</td></tr>")


def route_html(document: Document, org: Organisation) -> str:
    """Return the current step with its holders, the timeline of every trace entry, and the
    read receipts of circulation."""
    waiting = [holder_text(org, h) for h in document.holders if not h.done]
    done = [holder_text(org, h) for h in document.holders if h.done]
    now_line = tr("当前环节：{0}").format(_step_label(document, document.step))
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
    label = _pending_label(record.args, record.name) if isinstance(action, dict) else tr("新建")
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


# --- widgets ---------------------------------------------------------------------------------


class RejectionBanner(QFrame):
    """A refused action on this document: the reason, "reuse this text" and "知道了"."""

    reuse = Signal(str)
    dismiss = Signal(int)

    def __init__(self, record: RejectionRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setObjectName("rejectionBanner")
        self.setStyleSheet("#rejectionBanner { background: #fdecea; border: 1px solid #e6a19a;"
                           " border-radius: 4px; } QLabel { color: #8e2a1f; }")
        self.message = QLabel(rejection_message(record))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reuse_button = QPushButton(self.tr("重新使用这段文字"))
        self.dismiss_button = QPushButton(self.tr("知道了"))
        text = rejected_text(record)
        self.reuse_button.setVisible(bool(text))
        self.reuse_button.setToolTip(text)
        self.reuse_button.clicked.connect(lambda: self.reuse.emit(text))
        self.dismiss_button.clicked.connect(lambda: self.dismiss.emit(record.id))
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.reuse_button)
        layout.addWidget(self.dismiss_button)


class DocumentView(QWidget):
    """Shows one document and lets the person act on it."""

    loaded = Signal(str)  # document id, after each (re)load was shown
    acted = Signal(str, str)  # document id, action kind: the action was written locally
    feedback = Signal(object)  # a Feedback: what an action did, for the message bar
    exported = Signal(str)  # the path of an archive package just written
    supervision_created = Signal(str)  # the id of a 督办事项 opened from this document

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot: Snapshot | None = None
        self.dialog: QDialog | None = None  # the argument dialog open now, kept alive
        self.buttons: dict[str, QPushButton] = {}
        self.more_actions: dict[str, QAction] = {}
        self._document_id: str | None = None
        self._org: Organisation | None = None
        # The search's words, marked wherever the document shows them.
        self._highlight: tuple[str, ...] = ()
        self._load_task: asyncio.Task[Any] | None = None
        self._generation = 0
        self._busy = False
        self._reading: set[str] = set()  # documents whose 知会 is being marked read
        self._build()
        self._make_shortcuts()
        self.setAcceptDrops(True)
        ctx.changed.connect(self._changed)

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.pages, self.placeholder = record_pane.placeholder_pages(
            self, self.tr("在列表中选择一份公文，即可在此查看和办理"), self._content())

    def _content(self) -> QWidget:
        page = QWidget()
        self.banners = QVBoxLayout()
        self.title = record_pane.title_label(1.45)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.urgency_badge = record_pane.badge("background: #c0392b; color: white;")
        self.pending_badge = record_pane.badge("background: #fff4ce; color: #7a5c00;"
                                    " border: 1px solid #e0c060;")
        self.fields = QTextBrowser()
        self.route = QTextBrowser()
        for browser in (self.fields, self.route):
            browser.setAcceptDrops(False)  # dropped files are attachments: the pane takes them
        self.attachments = AttachmentsPanel(self.ctx)
        self.official = OfficialFilePanel(self.ctx)  # 正式文件 and its 验章, or 待用印
        self.official.preview_requested.connect(self.preview)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.fields, self.tr("公文"))
        self.tabs.addTab(self.route, self.tr("办理过程"))
        self.tabs.addTab(scrolling(self.attachments), self.tr("附件"))  # scrolls when short
        self.body_file = BodyFilePanel(self.ctx)
        self.tabs.addTab(scrolling(self.body_file), self.tr("正文文件"))
        layout = QVBoxLayout(page)
        self.trace_banner = record_pane.TraceBreakBanner()
        layout.addWidget(self.trace_banner)
        layout.addLayout(self.banners)
        layout.addWidget(self.title)
        layout.addLayout(self._meta_row())
        layout.addWidget(self.official)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self._action_area())
        return page

    def _meta_row(self) -> QVBoxLayout:
        # What waits for the server goes under the facts, wrapped: beside them, a long list
        # of actions squeezed them into a column a word wide in a narrow pane.
        row = QHBoxLayout()
        row.addWidget(self.urgency_badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.meta, 1)
        column = QVBoxLayout()
        column.addLayout(row)
        self.pending_badge.setWordWrap(True)
        column.addWidget(self.pending_badge)  # aligned, a wrapped label misjudges its height
        return column

    def _action_area(self) -> QWidget:
        area = QFrame()
        area.setFrameShape(QFrame.Shape.StyledPanel)
        self.opinion = OpinionEditor(self.ctx)
        self.action_error = QLabel()
        self.action_error.setWordWrap(True)
        self.action_error.setStyleSheet("color: #c0392b;")
        self.action_error.hide()
        self.button_row = FlowLayout()  # wraps in a narrow pane
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("更多"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.more_button.setMenu(self.more_menu)
        self.more_button.hide()
        self.preview_button = QPushButton(self.tr("预览/打印"))
        self.preview_button.setToolTip(self.tr("预览、打印或另存为PDF（Ctrl+P）"))
        self.preview_button.clicked.connect(self.preview)
        # 校对 (proofreading) at 拟稿, 核稿 and 签发: hidden while nothing is found.
        self.proofread_button = QPushButton()
        self.proofread_button.setStyleSheet("color: #8a5a00;")
        self.proofread_button.clicked.connect(self.proofread)
        self.proofread_button.hide()
        self.no_actions = record_pane.hint(self.tr("您当前不需要办理此文件"))
        layout = QVBoxLayout(area)
        layout.addWidget(self.opinion)
        layout.addWidget(self.action_error)
        row = QHBoxLayout()
        row.addLayout(self.button_row)
        row.addWidget(self.more_button)
        row.addWidget(self.no_actions)
        row.addStretch(1)
        row.addWidget(self.proofread_button)
        row.addWidget(self.preview_button)
        layout.addLayout(row)
        return area

    def _make_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._primary, context=context)
        for kind, keys in _SHORTCUTS.items():
            QShortcut(QKeySequence(keys), self, lambda k=kind: self._shortcut(k), context=context)
        QShortcut(QKeySequence("Ctrl+P"), self, self.preview, context=context)

    # --- loading -----------------------------------------------------------------------------

    def document_id(self) -> str | None:
        """Return the document shown."""
        return self._document_id

    def show_document(self, document_id: str | None) -> None:
        """Show another document (None: nothing); a newer call cancels a load still running."""
        if document_id != self._document_id:
            self.snapshot = None
            self.action_error.hide()
        self._document_id = document_id
        if document_id is None:
            self.opinion.set_document(None)
            self._cancel_load()
            self.pages.setCurrentIndex(0)
            return
        self.reload()

    def reload(self) -> None:
        """Read the shown document again."""
        self._cancel_load()
        if self._document_id is None:
            return
        self._generation += 1
        self._load_task = self.ctx.spawn(self._load(self._document_id, self._generation),
                                         what=self.tr("读取文件"))

    def _cancel_load(self) -> None:
        if self._load_task is not None and not self._load_task.done():
            self._load_task.cancel()
        self._load_task = None

    async def _load(self, document_id: str, generation: int) -> None:
        org = await self.ctx.organisation()
        snapshot = await self.ctx.db(
            load_snapshot, document_id=document_id, org=org, person_id=self.ctx.person_id,
            now=self.ctx.now(), root=blobs_root(self.ctx.settings.data_dir()))
        if generation != self._generation or not alive(self):
            return  # a newer load is under way, or the pane is gone
        self._org = org
        self._show(document_id, snapshot)
        self.loaded.emit(document_id)

    def _changed(self, changes: Changes) -> None:
        if changes.origin is self or self._document_id is None:
            return
        if (self._document_id in changes.document_ids
                or changes.kinds & {"directory", "rejection"}):
            self.reload()

    # --- showing -----------------------------------------------------------------------------

    def set_highlight(self, words: Sequence[str]) -> None:
        """Mark these words (a search's) in the title, fields, 正文 and opinions shown."""
        words = tuple(words)
        if words == self._highlight:
            return
        self._highlight = words
        if self.snapshot is not None:
            self._show_text(self.snapshot.document, keep_position=True)

    def _show_text(self, document: Document, *, keep_position: bool) -> None:
        assert self._org is not None
        words = self._highlight
        if words:
            self.title.setTextFormat(Qt.TextFormat.RichText)
            self.title.setText(highlight.text_html(document.title, words))
        else:
            self.title.setTextFormat(Qt.TextFormat.PlainText)
            self.title.setText(document.title)
        for browser, markup in ((self.fields, fields_html(document, self._org)),
                                (self.route, route_html(document, self._org))):
            _set_html(browser, highlight.mark_html(markup, words), keep_position=keep_position)

    def _show(self, document_id: str, snapshot: Snapshot | None) -> None:
        same = self.snapshot is not None and self.snapshot.document.id == document_id
        self.snapshot = snapshot
        if snapshot is None:
            self.placeholder.setText(self.tr("文件不存在，或您已无权查看该文件"))
            self.pages.setCurrentIndex(0)
            self.opinion.set_document(None)
            return
        assert self._org is not None
        document = snapshot.document
        self.pages.setCurrentIndex(1)
        self.opinion.set_document(document_id, document.step)
        self._show_text(document, keep_position=same)
        awaiting = awaiting_seal(document, pending=bool(snapshot.pending))
        self._show_meta(document, awaiting=awaiting)
        self.official.set_document(document, awaiting=awaiting)
        self._show_pending(snapshot.pending)
        self.tabs.setTabText(1, self.tr("办理过程（{0}）").format(len(document.trace)))
        self.tabs.setTabText(2, self.tr("附件（{0}）").format(len(document.attachments)))
        self.body_file.set_document(document, editable=ActionKind.EDIT in snapshot.actions)
        self.attachments.set_document(document, editable=ActionKind.EDIT in snapshot.actions,
                                      states=snapshot.blob_states)
        self._show_rejections(snapshot.rejections)
        self.trace_banner.show_break(snapshot.trace_break)
        self._show_buttons(snapshot)
        self._show_proofread(snapshot)
        if ActionKind.READ in snapshot.actions:
            self._mark_read(document_id)

    def _show_meta(self, document: Document, *, awaiting: bool = False) -> None:
        assert self._org is not None
        direction = self.tr("发文") if document.direction is Direction.OUTGOING else self.tr("收文")
        step = _step_label(document, document.step)
        parts = [direction, value_text(document.doc_type.value)]
        if document.doc_number or number_text(document) == self.tr("待编号"):
            parts.append(number_text(document))
        if awaiting:
            parts.append(value_text("待用印"))
        parts.append(self.tr("当前环节：{0}").format(step))
        self.meta.setText(" · ".join(parts))
        urgent = document.urgency is not Urgency.NORMAL
        self.urgency_badge.setText(value_text(document.urgency.value))
        self.urgency_badge.setVisible(urgent)

    def _show_pending(self, pending: Sequence[str]) -> None:
        shown = list(dict.fromkeys(pending))
        text = listed(shown[:3]) + (self.tr("等{0}项").format(len(pending)) if len(shown) > 3
                                    else "")
        self.pending_badge.setText(self.tr("等待服务器确认：{0}").format(text))
        self.pending_badge.setToolTip(self.tr("这些操作已在本机生效，服务器确认后才算办结；"
                                              "如被拒绝，会在此说明原因并保留您的文字"))
        self.pending_badge.setVisible(bool(pending))

    def _show_rejections(self, records: Sequence[RejectionRecord]) -> None:
        record_pane.clear(self.banners)
        for record in records:
            banner = RejectionBanner(record)
            banner.reuse.connect(self.opinion.put_back)
            banner.dismiss.connect(self.dismiss_rejection)
            self.banners.addWidget(banner)

    def rejection_banners(self) -> list[RejectionBanner]:
        """Return the banners shown now."""
        items = (self.banners.itemAt(i) for i in range(self.banners.count()))
        return [w for item in items if item is not None
                and isinstance(w := item.widget(), RejectionBanner)]

    def _show_buttons(self, snapshot: Snapshot) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons, self.more_actions = {}, {}
        self.more_menu.clear()
        step = snapshot.document.step
        primary = next((k for k in _PRIMARY if k in snapshot.actions), None)
        for kind in (k for k in _BUTTONS if k in snapshot.actions):
            keys = "Ctrl+Enter" if kind is primary else _SHORTCUTS.get(kind, "")
            self._add_button(kind, action_label(kind, step), keys)
        if snapshot.next_people:
            self._add_more("approve_to", self.tr("送交指定人员…"), self._approve_to)
        for kind in (k for k in _MORE if k in snapshot.actions):
            self._add_more(kind.value, action_label(kind, step) + "…",
                           partial(self.trigger, kind))
        if can_export(snapshot.document):
            self._add_more("export_archive", self.tr("导出归档包…"), self.export_archive)
        if (snapshot.document.direction is Direction.INCOMING and snapshot.actor is not None
                and Role.SUPERVISOR in snapshot.actor.roles):
            self._add_more("supervise", self.tr("立项督办…"), self.supervise)
        self.more_button.setVisible(bool(self.more_actions))
        self.no_actions.setVisible(not self.buttons and not self.more_actions)
        self._set_busy(self._busy)

    def _add_button(self, kind: ActionKind, text: str, keys: str) -> None:
        button = QPushButton(text)
        button.setToolTip(f"{text}（{keys}）" if keys else text)
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _checked=False: self.trigger(kind))
        button.setDefault(kind is ActionKind.APPROVE)
        self.button_row.addWidget(button)
        self.buttons[kind.value] = button

    def _add_more(self, key: str, text: str, slot: Callable[[], None]) -> None:
        self.more_actions[key] = self.more_menu.addAction(text, slot)

    def shown_actions(self) -> set[str]:
        """Return the keys of every action offered now (buttons and the "更多" menu)."""
        return set(self.buttons) | set(self.more_actions)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in self.buttons.values():
            button.setEnabled(not busy)
        self.more_button.setEnabled(not busy)
        self.opinion.set_busy(busy)

    # --- acting ------------------------------------------------------------------------------

    def available(self) -> tuple[ActionKind, ...]:
        """Return the actions the person may take on the shown document now."""
        return self.snapshot.actions if self.snapshot else ()

    def _primary(self) -> None:
        kind = next((k for k in _PRIMARY if k in self.available()), None)
        if kind is not None:
            self.trigger(kind)

    def _shortcut(self, kind: ActionKind) -> None:
        if kind in self.available():
            self.trigger(kind)

    def trigger(self, kind: ActionKind) -> None:
        """Start `kind` on the shown document: ask for its arguments if it needs any."""
        snapshot = self.snapshot
        if snapshot is None or self._busy or kind not in snapshot.actions:
            return
        self.action_error.hide()
        document = snapshot.document
        if kind is ActionKind.APPROVE and document.step == "instruct":
            self._ask_instruct(document)
        elif kind is ActionKind.RETURN:
            self._open_dialog(ReturnDialog(snapshot.return_targets, self.opinion.text(), self))
        elif kind in (ActionKind.DELEGATE, ActionKind.ADD_SIGNER, ActionKind.CIRCULATE):
            self.ctx.spawn(self._ask_people(document, kind), what=self.tr("读取人员"))
        elif kind is ActionKind.INFORM:
            self.ctx.spawn(self._ask_inform(document), what=self.tr("读取人员"))
        elif kind is ActionKind.ARCHIVE:
            year = (document.written_date or times.today(self.ctx.now())).year
            self._open_dialog(ArchiveDialog(year, self))
        elif kind is ActionKind.EDIT:
            self._edit(document)
        else:
            self.submit(Action(kind))

    def _open_dialog(self, dialog: ArgumentDialog) -> None:
        """Open an argument dialog; its answers become the action when accepted."""
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.submit(dialog.action(self.opinion.text())))
        dialog.open()

    def _ask_instruct(self, document: Document) -> None:
        assert self._org is not None
        people = active_people(self._org, self.snapshot.actor if self.snapshot else None)
        today = times.today(self.ctx.now())
        self._open_dialog(InstructDialog(self._org, people, document=document, today=today,
                                         parent=self))

    async def _ask_people(self, document: Document, kind: ActionKind) -> None:
        org = await self.ctx.organisation()
        actor = await self.ctx.actor()
        now = self.ctx.now()
        people = await self.ctx.db(lambda _s: eligible_people(document, actor, org, kind, now))
        titles = {
            ActionKind.DELEGATE: (self.tr("委托"), self.tr("委托谁代为办理本环节？"), False),
            ActionKind.ADD_SIGNER: (self.tr("加签"), self.tr("还需要谁在本环节办理？"), True),
            ActionKind.CIRCULATE: (self.tr("传阅"), self.tr("请选择传阅人员："), True),
        }
        title, prompt, multiple = titles[kind]
        self._open_dialog(PersonDialog(org, people, kind=kind, title=title, prompt=prompt,
                                       multiple=multiple, parent=self))

    async def _ask_inform(self, document: Document) -> None:
        org = await self.ctx.organisation()
        actor = await self.ctx.actor()
        now = self.ctx.now()
        people = await self.ctx.db(
            lambda _s: eligible_people(document, actor, org, ActionKind.INFORM, now))
        dialog = InformDialog(org, people, parent=self)
        self.dialog = dialog
        # The note is the dialog's own: the opinion box keeps what the person is writing
        # for the step.
        dialog.accepted.connect(lambda: self.submit(dialog.action("")))
        dialog.open()

    def _mark_read(self, document_id: str) -> None:
        """Record 已阅 of a 知会 (queued, offline too): opening the document is reading it."""
        if document_id in self._reading:
            return
        self._reading.add(document_id)
        self.ctx.spawn(self._read(document_id), what=self.tr("标记已阅"))

    async def _read(self, document_id: str) -> None:
        try:
            await self.ctx.write(
                actions.act, person_id=self.ctx.person_id, document_id=document_id,
                action=Action(ActionKind.READ), now=self.ctx.now(),
                document_ids=(document_id,), origin=self)
        except DomainError:
            return  # left to the next opening
        finally:
            self._reading.discard(document_id)
        if alive(self) and document_id == self._document_id:
            self.reload()

    def _approve_to(self) -> None:
        snapshot = self.snapshot
        if snapshot is None or self._org is None or not snapshot.next_people:
            return
        self._open_dialog(PersonDialog(
            self._org, snapshot.next_people, kind=ActionKind.APPROVE,
            title=action_label(ActionKind.APPROVE, snapshot.document.step),
            prompt=self.tr("送给下一环节的哪一位办理人？"), multiple=False, parent=self))

    def _edit(self, document: Document) -> None:
        from ui.documents.compose import (  # the forms import this module's peers
            ComposeDialog,
            RegisterDialog,
        )

        form = ComposeDialog if document.direction is Direction.OUTGOING else RegisterDialog
        dialog = form(self.ctx, self, document=document)
        dialog.saved.connect(lambda _id: self._edited(document))
        self.dialog = dialog
        dialog.open()

    def _edited(self, document: Document) -> None:
        self.reload()
        self.feedback.emit(Feedback(self.tr("已修改：{0}").format(document.title)
                                    + queued_note(self.ctx)))

    def supervise(self) -> None:
        """Open a 督办事项 from the shown incoming document (the form comes prefilled)."""
        from ui.supervision.supervision_form import (
            SupervisionForm,  # the form imports this module's peers
        )

        if self.snapshot is None:
            return
        dialog = SupervisionForm.from_document(self.ctx, self.snapshot.document, self)
        dialog.created.connect(self.supervision_created.emit)
        self.dialog = dialog
        dialog.open()

    def submit(self, action: Action) -> None:
        """Write `action` on the shown document (the opinion box's text goes with it)."""
        if self._document_id is None or self._busy:
            return
        if action.kind in _TAKES_OPINION and not action.opinion:
            action = replace(action, opinion=self.opinion.text().strip())
        self._set_busy(True)
        self.ctx.spawn(self._act(self._document_id, action), what=action_label(action.kind))

    async def _act(self, document_id: str, action: Action) -> None:
        try:
            # The draft must be in the store before the action that replaces it.
            await self.opinion.save_now()
            decision: Decision = await self.ctx.write(
                actions.act, person_id=self.ctx.person_id, document_id=document_id,
                action=action, now=self.ctx.now(), document_ids=(document_id,), origin=self)
        except DomainError as error:
            self._refused(refusal_text(error))
            return
        finally:
            self._set_busy(False)
        if isinstance(decision, Rejected):
            self._refused(refusal_text(decision.rejection))
            return
        if action.opinion:
            self.opinion.submitted()
        self.acted.emit(document_id, action.kind.value)
        if document_id == self._document_id:
            self.reload()
        await self._report(decision, action.opinion)

    def _refused(self, message: str) -> None:
        self.action_error.setText(self.tr("未能办理：{0}").format(message))
        self.action_error.show()

    async def _report(self, decision: Accepted, opinion: str = "") -> None:
        """Say what an accepted action did; offer 撤销 when the rules let the person withdraw
        exactly that action now."""
        org = await self.ctx.organisation()
        actor = await self.ctx.actor()
        document = decision.document
        undo = None
        if may_undo(document, actor, self.ctx.now()):
            undo = partial(self.undo, document.id, document.step, opinion)
        text = acted_text(document, decision.trace[-1], org, note=queued_note(self.ctx))
        if alive(self):
            self.feedback.emit(Feedback(text, undo))

    def undo(self, document_id: str, step: str, opinion: str = "") -> None:
        """Take back a sending-on by withdrawing it (撤回, an action of its own in the trace).

        Always a withdrawal, never a deletion from the outbox: the server requires every
        mutation id in sequence, the action may already be on its way, and the trace must show
        both. `opinion`, the text sent with the action, comes back into the opinion box.
        """
        self.ctx.spawn(self._undo(document_id, step, opinion), what=self.tr("撤销"))

    async def _undo(self, document_id: str, step: str, opinion: str) -> None:
        action = Action(ActionKind.WITHDRAW, expected_step=step)
        try:
            decision: Decision = await self.ctx.write(
                actions.act, person_id=self.ctx.person_id, document_id=document_id,
                action=action, now=self.ctx.now(), document_ids=(document_id,), origin=self)
        except DomainError as error:
            self._undo_refused(refusal_text(error))
            return
        if isinstance(decision, Rejected):
            self._undo_refused(refusal_text(decision.rejection))
            return
        if not alive(self):
            return
        if document_id == self._document_id:
            self.opinion.put_back(opinion)
            self.reload()
        else:
            if opinion:
                await self.ctx.db(lambda s: s.save_opinion_draft(
                    document_id=document_id, person_id=self.ctx.person_id,
                    step=decision.document.step, text=opinion))
            if self._document_id is None and alive(self):
                # The pane emptied when the document left the list; it is the person's again.
                self.show_document(document_id)
        await self._report(decision)

    def _undo_refused(self, message: str) -> None:
        if alive(self):
            self.feedback.emit(Feedback(self.tr("未能撤销：{0}").format(message), error=True))

    # --- rejections, preview, drops ----------------------------------------------------------

    def dismiss_rejection(self, rejection_id: int) -> None:
        """Hide a refused action the person has seen."""
        self.ctx.spawn(self._dismiss(rejection_id), what=self.tr("关闭提示"))

    async def _dismiss(self, rejection_id: int) -> None:
        await self.ctx.db(lambda s: s.dismiss_rejection(rejection_id))
        ids = frozenset({self._document_id}) if self._document_id else frozenset()
        self.ctx.broadcast(Changes(frozenset({"rejection"}), ids, origin=self))
        self.reload()

    def export_archive(self, path: Path | None = None) -> None:
        """Save the archive package of the shown (archived) document as a ZIP file."""
        if self.snapshot is None:
            return
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出归档包"), f"{self.snapshot.document.title}.zip",
                self.tr("归档包 (*.zip)"))
            if not chosen:
                return
            path = Path(chosen)
        self.ctx.spawn(self._export(self.snapshot.document.id, path), what="导出归档包")

    async def _export(self, document_id: str, path: Path) -> None:
        settings = self.ctx.settings
        try:
            data = await self.ctx.db(
                package_bytes, document_id=document_id, org=await self.ctx.organisation(),
                fonds=settings.get("archive_fonds"), unit_code=settings.get("archive_unit_code"),
                blob_root=blobs_root(settings.data_dir()), today=times.today(self.ctx.now()))
            await self.ctx.worker.run(path.write_bytes, data)
        except (DomainError, OSError) as error:
            message = refusal_text(error) if isinstance(error, DomainError) else str(error)
            self.action_error.setText(self.tr("未能导出：") + message)
            self.action_error.show()
            return
        self.exported.emit(str(path))
        self.feedback.emit(Feedback(self.tr("已导出归档包：{0}").format(path)))

    def _show_proofread(self, snapshot: Snapshot) -> None:
        """Offer 校对 to whoever holds a 发文 at 拟稿, 核稿 or 签发, when something is found."""
        document = snapshot.document
        count = 0
        holds = ActionKind.APPROVE in snapshot.actions or ActionKind.EDIT in snapshot.actions
        if (document.direction is Direction.OUTGOING and document.step in PROOFREAD_STEPS
                and holds):
            count = len(findings_of(document))
        self.proofread_button.setText(self.tr("校对（{0}处）").format(count))
        self.proofread_button.setToolTip(self.tr("标点、数字、发文字号和日期的写法问题，可一键修改"))
        self.proofread_button.setVisible(count > 0)

    def proofread(self) -> None:
        """Open the 校对 findings: fix the chosen ones (where 修改 is allowed) or put them into
        the opinion (before 签发, to return the document with them)."""
        if self.snapshot is None:
            return
        editable = ActionKind.EDIT in self.snapshot.actions
        dialog = ProofreadDialog(self.snapshot.document, editable=editable, parent=self)
        dialog.fix_requested.connect(
            lambda changes: self.submit(Action(ActionKind.EDIT, changes=changes)))
        dialog.opinion_requested.connect(self.opinion.put_back)
        self.dialog = dialog
        dialog.open()

    def preview(self) -> None:
        """Open the PDF preview of the shown document."""
        if self.snapshot is None:
            return
        from ui.common.pdf_preview import PdfPreviewDialog  # QtPdf loads only when first needed

        dialog = PdfPreviewDialog(self.ctx, self.snapshot.document.id, self)
        self.dialog = dialog
        dialog.show()  # not modal: the person may keep working beside the preview

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept files dropped on the pane when attachments may be changed."""
        if _local_files(event) and self.attachments.editable():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Add dropped files as attachments."""
        paths = _local_files(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.tabs.setCurrentWidget(self.attachments)
        self.attachments.add_files(paths)


def _local_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    urls = mime.urls()
    if not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]


def _set_html(browser: QTextBrowser, text: str, *, keep_position: bool) -> None:
    """Replace the browser's content, keeping where the person had scrolled to on a refresh."""
    bar = browser.verticalScrollBar()
    position = bar.value() if bar is not None and keep_position else 0
    browser.setHtml(text)
    if bar is not None:
        bar.setValue(position)
