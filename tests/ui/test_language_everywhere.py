"""Every screen speaks one language (issue 17, defect 7).

Each screen a person meets is opened in English and in Chinese, and every text it shows is
read: labels, buttons and their menus, window and group titles, tab texts, placeholders,
combo items, the headers and visible rows of every list, and the text of read-only panes. In
English no text may hold Chinese (or full-width punctuation) that is not data; in Chinese no
text may hold English words that are not data. Data is what people wrote or named — the demo
organisation's people, units and rooms, the titles, bodies and opinions in the store — and is
computed from the store, not listed by hand; so are the person's own common phrases (常用意见,
which go into opinions as written) and the names of the languages, each in its own language.

To add a screen, add one `yield` to `screens()`: its name, the widget, and what says it has
loaded.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QTextEdit, QTreeView

from officeapp.demo import DEMO_PEOPLE
from officeapp.meetings import MeetingActionKind
from officeapp.store import RejectionRecord
from officeapp.supervision import ActionKind as ItemAction
from officeapp.workflow import ActionKind
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from tests.ui.meetings.test_meetings_ui import tomorrow_at
from tests.ui.test_small_screens import Office, _dialogs, office, todo_count
from ui.app import install_translations
from ui.common.qt import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCoreApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QLocale,
    QModelIndex,
    QPlainTextEdit,
    QStackedWidget,
    Qt,
    QTabWidget,
    QTranslator,
    QWidget,
)
from ui.common.rejections import RejectionsDialog
from ui.common.seal_check import SealCheckDialog
from ui.common.values import VALUES
from ui.documents.batch_dialog import BatchApproveDialog
from ui.documents.document_stats import DocumentStatsDialog
from ui.documents.proofread_dialog import ProofreadDialog
from ui.main_window import MainWindow
from ui.settings_dialog import LANGUAGES, SettingsDialog

__all__ = ["doc_env", "doc_loop", "office"]  # fixtures used by the tests below

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen says so on show()

Screen = tuple[str, QWidget, Callable[[], Any]]
OPENED_FROM_PANES = frozenset({"退回", "委托", "取消会议", "退回办结"})
LEADER, CLERK, SECRETARY, SUPERVISOR = ("office.leader", "office.clerk", "office.secretary",
                                        "office.supervisor")
# Chinese characters and full-width punctuation have no place in an English text.
NOT_ENGLISH = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
# English a Chinese text may hold: names of formats, standards and keys.
WORDS_IN_CHINESE = frozenset(w.casefold() for w in (
    "PDF", "OFD", "Excel", "ICS", "iCalendar", "CA", "URL", "http", "https", "WPS", "Word",
    "CSV", "UTF", "PNG", "JSON", "SHA", "KB", "MB", "GB", "Ctrl", "Shift", "Alt", "Del",
    "Enter", "Esc", "Tab", "PgUp", "PgDn", "pem", "crt", "cer", "pfx", "xlsx", "docx", "doc",
    "wps", "ofd", "ics", "pdf", "csv", "png", "ini", "PKCS", "GB/T", "DA", "VEVENT",
    "FREQ", "WEEKLY", "COUNT", "UNTIL", "DTSTART", "AM", "PM", "gnome", "keyring", "KWallet"))
# A 发文字号 is data even where no record holds it (an example in a placeholder).
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号")
WRITTEN = frozenset({"opinion", "reason", "text", "title", "body", "content", "notes"})
ASCII_DATA = re.compile(r"\S+://\S+|[\w.-]+@[\w.-]+|\b[\w-]+\.[\w.-]+\b")


# --- the languages --------------------------------------------------------------------------------


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The interface in a language, installed as the client installs it at start."""
    locale = QLocale()
    install_translations(qapp, str(request.param))
    yield str(request.param)
    for translator in qapp.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)


# --- the screens ----------------------------------------------------------------------------------


def screens(env: DocEnv, office: Office) -> Iterator[Screen]:
    """Every screen and dialog, each with what says it has shown what it shows."""
    leader = _window(env, LEADER)
    leader.select("home")
    yield "工作台", leader, lambda: True
    leader.select("todo")
    # The documents to sign, with the meetings and items of the one 待办 (kind, task columns).
    env.until(lambda: leader.model.rowCount() == todo_count(env, LEADER), what="待办")
    leader.table.selectRow(0)
    yield "待办 and the document", leader, lambda: leader.document.buttons
    leader.filters.more.setChecked(True)
    yield "高级搜索", leader.filters, lambda: True
    yield from _action_dialogs(env, leader.document, (
        ActionKind.RETURN, ActionKind.DELEGATE, ActionKind.ADD_SIGNER, ActionKind.CIRCULATE))
    leader.select("directory")
    yield "通讯录", leader, lambda: leader.directory.tree.model().rowCount()
    yield "批量签批", BatchApproveDialog(env.ctx(LEADER), office.documents), lambda: True
    yield "设置", SettingsDialog(env.ctx(LEADER)), lambda: True
    yield "校对", ProofreadDialog(env.document(office.documents[0]), editable=True), \
        lambda: True
    yield "被拒绝的操作", RejectionsDialog(env.ctx(CLERK), [_refusal(env)]), lambda: True
    yield "验章", SealCheckDialog(env.ctx(CLERK)), lambda: True
    stats, counted = DocumentStatsDialog(env.ctx(LEADER)), []
    stats.loaded.connect(lambda: counted.append(True))
    yield "公文统计", stats, lambda: counted

    clerk = _window(env, CLERK)
    clerk.select("mine")
    env.until(lambda: clerk.model.rowCount() > 0, what="我发起的")
    clerk.table.selectRow(0)
    yield "我发起的 and the document", clerk, lambda: clerk.document.snapshot

    secretary = _window(env, SECRETARY)
    secretary.select("meetings")
    meetings = secretary.meetings
    env.until(lambda: meetings.table.rowCount() > 0, what="the meeting list")
    meetings.open_meeting(office.meeting)
    yield "会议 and the meeting", secretary, lambda: meetings.view.buttons
    yield from _action_dialogs(env, meetings.view, (
        MeetingActionKind.CANCEL, MeetingActionKind.CHECK_IN))
    for mode in ("calendar", "rooms"):
        meetings.set_mode(mode)
        yield f"会议 {mode}", secretary, lambda: True
    meetings.calendar.set_mode("month")
    yield "会议 calendar month", secretary, lambda: True
    meetings.set_mode("list")
    yield "新建会议", meetings.new_meeting(), lambda: True
    clash, checked = meetings.new_meeting_at("r-1", tomorrow_at(10)), []
    clash.checked.connect(lambda: checked.append(True))
    yield "新建会议 at a taken time", clash, lambda: checked
    deputy = _window(env, "office.deputy")
    deputy.open_meeting(office.meeting)
    yield "会议 for an invitee", deputy, lambda: deputy.meetings.view.buttons
    yield from _action_dialogs(env, deputy.meetings.view, (MeetingActionKind.REPLY,))

    supervisor = _window(env, SUPERVISOR)
    supervisor.select("supervision")
    items = supervisor.supervision
    items.set_mode(items.ALL)
    env.until(lambda: items.items.rowCount() == len(office.items), what="全部事项")
    items.item_table.selectRow(0)
    yield "督办 all and the item", supervisor, lambda: items.view.snapshot
    yield from _action_dialogs(env, items.view, (ItemAction.URGE,))
    items.set_mode(items.STATS)
    yield "督办 dashboard", supervisor, lambda: items.dashboard.figures is not None
    items.set_mode(items.ALL)
    items.new_item()
    yield "新建督办", items.dialog, lambda: True
    lead = _window(env, "finance.clerk")
    lead.select("supervision")
    mine = lead.supervision
    env.until(lambda: mine.inbox.rowCount() > 0, what="我的督办")
    mine.inbox_table.selectRow(0)
    yield "督办 mine and the item", lead, lambda: mine.view.buttons
    yield from _action_dialogs(env, mine.view, (ItemAction.RECEIVE,))

    # The small-screen test's dialogs; those opened above from their panes are left out (it
    # gives them its own Chinese titles and prompts).
    yield from (d for d in _dialogs(env, office) if d[0] not in OPENED_FROM_PANES)


def _window(env: DocEnv, username: str) -> MainWindow:
    window = MainWindow(env.ctx(username))
    env.keep(window)
    window.resize(1280, 800)
    window.show()
    return window


def _action_dialogs(env: DocEnv, view: Any, kinds: Iterable[Enum]) -> Iterator[Screen]:
    """The dialogs a record pane opens for `kinds` (those it offers)."""
    for kind in kinds:
        env.until(lambda: view.snapshot is not None, what="the pane")
        if kind not in view.snapshot.actions:
            continue
        view.dialog = None
        view.trigger(kind)
        env.until(lambda: view.dialog is not None, what=f"the dialog of {kind}")
        yield f"{kind.value} dialog", view.dialog, lambda: True


def _refusal(env: DocEnv) -> RejectionRecord:
    """A refusal as the server sends it: a code, a Chinese message and details."""
    return RejectionRecord(
        id=1, mutation_id=1, name="act", args={"action": {"opinion": "同意"}}, document_id=None,
        code="workflow.not_holder", message="您不是当前环节（核稿）的办理人",
        details={"step": "review"}, created_at=datetime.now(UTC) - timedelta(minutes=5),
        dismissed=False)


# --- reading what a screen shows ------------------------------------------------------------------


def texts(top: QWidget) -> Iterator[str]:
    """Every text `top` shows (hidden widgets aside; every page of a tab widget counts)."""
    yield top.windowTitle()
    for widget in [top, *top.findChildren(QWidget)]:
        if _shown(widget, top):
            yield from _texts_of(widget)


def _shown(widget: QWidget, top: QWidget) -> bool:
    while widget is not None and widget is not top:
        parent = widget.parentWidget()
        tab_page = isinstance(parent, QStackedWidget) and isinstance(
            parent.parentWidget(), QTabWidget)
        if widget.isHidden() and not tab_page:
            return False
        widget = parent
    return True


def _texts_of(widget: QWidget) -> Iterator[str]:
    if isinstance(widget, QLabel):
        yield _plain(widget.text())
    elif isinstance(widget, QAbstractButton):
        yield widget.text()
        menu = getattr(widget, "menu", lambda: None)()
        if menu is not None:
            yield from (a.text() for a in menu.actions())
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
        yield widget.text()
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        yield widget.placeholderText()
        yield widget.toPlainText()
    elif isinstance(widget, QAbstractSpinBox):
        yield widget.text()
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_texts(widget)


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    header = getattr(view, "horizontalHeader", getattr(view, "header", lambda: None))()
    if header is not None and not header.isHidden():
        for column in range(model.columnCount()):
            if not header.isSectionHidden(column):
                yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    yield from _rows(model, QModelIndex(), depth=0 if isinstance(view, QTreeView) else 3)


def _rows(model: Any, parent: QModelIndex, *, depth: int) -> Iterator[str]:
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model's columnCount is private in PySide6
        columns = 1
    for row in range(min(model.rowCount(parent), 40)):
        for column in range(columns):
            value = model.index(row, column, parent).data(Qt.ItemDataRole.DisplayRole)
            if value is not None:
                yield str(value)
        first = model.index(row, 0, parent)
        if depth < 3 and model.rowCount(first):
            yield from _rows(model, first, depth=depth + 1)


def _plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


# --- what counts as data --------------------------------------------------------------------------


def data_texts(env: DocEnv) -> list[str]:
    """Every text people wrote or named, longest first: the organisation and the records."""
    values = set(VALUES)
    found: set[str] = set()
    org = env.worker.call(env.store.organisation)
    records: list[Any] = [*org.people.values(), *org.units.values(),
                          *env.worker.call(env.store.rooms)]
    records += [env.document(d) for d in _ids(env, "SELECT id FROM documents")]
    records += [env.worker.call(env.store.get_record, "meeting", m)
                for m in _ids(env, "SELECT id FROM meetings")]
    records += [env.worker.call(env.store.get_record, "supervision", i)
                for i in _ids(env, "SELECT id FROM supervision_items")]
    for record in records:
        _collect(record, found, values)
    found |= {p.username for p in DEMO_PEOPLE}
    found |= set(env.settings.get("phrases")) | {name for _code, name in LANGUAGES}
    return sorted(found, key=len, reverse=True)


def _ids(env: DocEnv, sql: str) -> list[str]:
    rows = env.worker.call(lambda: env.store.db.conn.execute(sql).fetchall())
    return [row[0] for row in rows]


def _collect(value: Any, found: set[str], values: set[str]) -> None:
    if isinstance(value, Enum):
        return
    if isinstance(value, str):
        if value.strip() and value not in values:
            found.add(value)
            found.update(line.strip() for line in value.splitlines() if line.strip())
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            # What people wrote stays data even where it spells a value (an opinion "同意").
            _collect(getattr(value, field.name), found,
                     set() if field.name in WRITTEN else values)
    elif isinstance(value, dict):
        for item in value.values():
            _collect(item, found, values)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _collect(item, found, values)


def _around(text: str, bad: str) -> str:
    """Return `text`, or the part of a long one around the first offending character."""
    if len(text) <= 120:
        return text
    at = max(text.find(bad[0]), 0)
    return "…" + text[max(at - 50, 0):at + 50] + "…"


def offence(text: str, *, language: str, data: list[str]) -> str | None:
    """Return what in `text` is in the other language, or None."""
    rest = DOC_NUMBER.sub(" ", text.strip())  # an indent (a full-width space) is no text
    for known in data:
        if known in rest:
            rest = rest.replace(known, " ")
    if language == "en":
        foreign = NOT_ENGLISH.findall(rest)
        return "".join(foreign) if foreign else None
    rest = ASCII_DATA.sub(" ", rest)
    words = [w for w in ENGLISH_WORD.findall(rest) if w.casefold() not in WORDS_IN_CHINESE]
    return " ".join(words) if words else None


# --- the test -------------------------------------------------------------------------------------


def test_every_screen_speaks_one_language(doc_env: DocEnv, office: Office,
                                          language: str) -> None:
    env = doc_env
    env.register(title="关于拨付学校维修经费的请示")
    data = data_texts(env)
    offenders: dict[str, list[str]] = {}
    for name, widget, loaded in screens(env, office):
        env.keep(widget)
        widget.show()
        env.until(loaded, what=f"{name} to load")
        env.settle(0.3)
        found = []
        for text in texts(widget):
            bad = offence(text, language=language, data=data)
            if bad:
                found.append(f"{_around(text, bad)!r}  ({bad[:40]})")
        if found:
            offenders[name] = sorted(set(found))
        if widget.isWindow() and not isinstance(widget, MainWindow):
            widget.close()
    report = "\n".join(f"[{name}]\n  " + "\n  ".join(lines) for name, lines in offenders.items())
    assert not offenders, f"texts in the other language ({language}):\n{report}"
