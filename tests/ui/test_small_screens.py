"""Small screens and high DPI (issue 17, defect 8).

At 1024×600 and 1280×720 logical pixels (office laptops, 麒麟 tablets, and what a 2048×1200
or 1920×1080 screen shows at 200 % or 150 %), in Chinese and in English: every main screen
and dialog fits the screen, the navigation's labels are whole, no list hides a column behind
a sideways scroll bar (a column left out on a narrow screen is one its list's design lets go
first), and the record panes' buttons stay inside the window.

Qt's offscreen screen has one fixed size, so the room a window has on the screen comes from
`ui.common.fit.screen_room`, which the tests set to the screen under test less a desktop panel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from officeapp.demo import EDU_ID
from officeapp.meetings import MeetingActionKind, replyable_attendees
from officeapp.org import Organisation
from officeapp.supervision import ActionKind as ItemAction
from officeapp.workflow import ActionKind
from tests.ui.doc_fixtures import DocEnv, doc_env, doc_loop
from tests.ui.meetings.test_meetings_ui import notified, stored, tomorrow_at
from tests.ui.supervision.test_supervision_ui import _now, assigned
from ui.app import TRANSLATIONS, choose_font
from ui.common import fit
from ui.common.pdf_preview import PdfPreviewDialog
from ui.common.qt import (
    QAbstractItemView,
    QApplication,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFontMetrics,
    QHeaderView,
    QScrollArea,
    QSize,
    QTableView,
    QTranslator,
    QTreeWidget,
    QWidget,
)
from ui.common.rejections import RejectionsDialog
from ui.delegation_dialog import DelegationDialog
from ui.documents.action_dialogs import ArchiveDialog, InstructDialog, PersonDialog, ReturnDialog
from ui.documents.compose import ComposeDialog, RegisterDialog
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.meetings.dialogs import (
    CheckInDialog,
    NoticeDialog,
    ReasonDialog,
    ReplyDialog,
    RoomDialog,
)
from ui.meetings.meeting_form import MeetingForm
from ui.supervision.dialogs import DeadlineDialog, PeriodDialog, ReportDialog, TextDialog
from ui.supervision.supervision_form import SupervisionForm
from ui.supervision.texts import beijing_day

__all__ = ["doc_env", "doc_loop"]  # fixtures used by the tests below

SCREENS = {"1024x600": QSize(1024, 600), "1280x720": QSize(1280, 720)}
PANEL = 40  # a desktop panel (the 麒麟 taskbar) under the windows
NAV_PADDING = 10  # each side of a navigation label (the list's style sheet)
SECRETARY, SUPERVISOR, LEADER = "office.secretary", "office.supervisor", "office.leader"


# --- the screen, the language and an office at work ------------------------------------------


@pytest.fixture(params=list(SCREENS))
def room(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> QSize:
    """The room a window has on the screen under test: less the panel and the window frame."""
    screen = SCREENS[request.param]
    available = QSize(screen.width(), screen.height() - PANEL) - fit.FRAME
    monkeypatch.setattr(fit, "screen_room", lambda _widget: available)
    return available


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The interface in a language, in the font the client chooses at start (ui.app)."""
    font = qapp.font()
    choose_font(qapp)
    translator = QTranslator()
    if request.param == "en":
        assert translator.load("officeapp_en", str(TRANSLATIONS))
        QCoreApplication.installTranslator(translator)
    yield str(request.param)
    QCoreApplication.removeTranslator(translator)
    qapp.setFont(font)


@dataclass(frozen=True)
class Office:
    """What the office has on the go: documents to sign, meetings, supervision items."""

    documents: list[str]
    meeting: str
    items: list[str]


@pytest.fixture
def office(doc_env: DocEnv) -> Office:
    """Documents waiting for the leader's signature, two notified meetings, two items."""
    documents = []
    for title, urgency in (("关于做好2027年元旦春节期间有关工作的通知", "特急"),
                           ("关于开展全市数字政府建设专项督查的通知", "加急"),
                           ("关于报送2026年度工作总结的函", "普通")):
        document = doc_env.draft(title=title, urgency=urgency)
        doc_env.act(document, "office.clerk", ActionKind.APPROVE, opinion="请核稿")
        doc_env.act(document, "office.reviewer", ActionKind.APPROVE, opinion="核稿无误")
        documents.append(document)
    meeting = notified(doc_env, start=tomorrow_at(10), title="全市安全生产工作会议")
    notified(doc_env, start=tomorrow_at(14), title="2027年财政预算编制协调会", room_id="r-2")
    items = [assigned(doc_env, title="落实市长批示：加快推进老旧小区改造资金拨付"),
             assigned(doc_env, title="上级交办：中小学校舍安全隐患排查整治", lead=EDU_ID,
                      co=())]
    return Office(documents, meeting, items)


def todo_count(env: DocEnv, username: str) -> int:
    """Return how many lines the person's 待办 holds across kinds (documents, meetings, items)."""
    store = env.store

    def count() -> int:
        org = store.organisation()
        actor = org.actor(f"p-{username}", store.corrected_now())
        return store.inbox_line_count(actor=actor, folder="todo")

    found: int = env.worker.call(count)
    return found


def opened(env: DocEnv, username: str, room: QSize) -> MainWindow:
    """The main window of `username`, as large as the screen lets it be."""
    window = MainWindow(env.ctx(username))
    env.keep(window)
    window.resize(room)
    window.show()
    env.settle()
    return window


# --- what "fits" means ------------------------------------------------------------------------


def fits(size: QSize, room: QSize) -> bool:
    """Return whether `size` fits in `room`."""
    return size.width() <= room.width() and size.height() <= room.height()


def assert_window_fits(window: QWidget, room: QSize, what: str) -> None:
    """The window's layout lets it be as small as the room, and it is no larger."""
    assert fits(window.minimumSizeHint(), room), f"{what} needs {window.minimumSizeHint()}"
    assert fits(window.size(), room), f"{what} is {window.size()} on a screen with {room}"


def assert_navigation_whole(window: MainWindow) -> None:
    """Each label of the navigation shows whole: its text is no wider than its row."""
    nav = window.nav
    metrics = QFontMetrics(nav.font())
    visible = nav.viewport().width()
    for row in range(nav.count()):
        item = nav.item(row)
        assert item is not None
        shown = nav.visualItemRect(item)
        needed = metrics.horizontalAdvance(item.text()) + 2 * NAV_PADDING
        assert shown.left() >= 0 and shown.right() < visible, f"{item.text()!r} runs past the list"
        assert needed <= min(shown.width(), visible), \
            f"{item.text()!r} needs {needed} px, the navigation shows {min(shown.width(), visible)}"
    assert nav.horizontalScrollBar().maximum() == 0


def _header(view: QAbstractItemView) -> QHeaderView:
    if isinstance(view, QTreeWidget):
        return view.header()
    assert isinstance(view, QTableView), view
    return view.horizontalHeader()


def assert_columns_shown(view: QAbstractItemView, what: str) -> None:
    """No sideways scroll bar; each column shown is as wide as its heading (the title, as
    its list's design asks); a column hidden is one the list's design lets go."""
    assert view.horizontalScrollBar().maximum() == 0, f"{what} scrolls sideways"
    header = _header(view)
    fitter = view.findChild(fit.ColumnFit)
    may_go = set(fitter.hide_order) if fitter is not None else set()
    hidden = {c for c in range(header.count()) if header.isSectionHidden(c)}
    assert hidden <= may_go, f"{what} hides columns {hidden - may_go} its design keeps"
    for column in range(header.count()):
        if column in hidden:
            continue
        if fitter is not None and column == fitter.stretch:
            wanted = fitter.stretch_chars * fit.em(view)
        else:
            wanted = header.sectionSizeHint(column)
        assert header.sectionSize(column) >= wanted, \
            f"{what}: column {column} is {header.sectionSize(column)} px, its heading {wanted}"


def assert_inside(window: QWidget, widgets: dict[str, Any], what: str) -> None:
    """Each widget is shown, whole, inside the window (buttons are never cut off)."""
    assert widgets, f"{what} offers nothing to check"
    for name, widget in widgets.items():
        assert widget.isVisible(), f"{what}: {name} is hidden"
        top_left = widget.mapTo(window, widget.rect().topLeft())
        bottom_right = widget.mapTo(window, widget.rect().bottomRight())
        assert window.rect().contains(top_left) and window.rect().contains(bottom_right), \
            f"{what}: {name} is cut off"


def assert_no_sideways_scroll(area: QScrollArea, what: str) -> None:
    """A calendar or grid in a scroll area fits its width."""
    assert area.horizontalScrollBar().maximum() == 0, f"{what} scrolls sideways"


def scroll_area_of(widget: QWidget) -> QScrollArea:
    """Return the scroll area `widget` is shown in."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    assert parent is not None
    return parent


# --- the main window ----------------------------------------------------------------------------


def test_the_navigation_is_never_cut(doc_env: DocEnv, office: Office, room: QSize,
                                     language: str) -> None:
    window = opened(doc_env, LEADER, room)
    todo = window.nav.item(1)  # after 工作台
    assert todo is not None
    # The documents to sign, and the meetings' 签到 and the items' 签收 asked of the leader.
    count = todo_count(doc_env, LEADER)
    assert count > len(office.documents)
    doc_env.until(lambda: str(count) in todo.text(), what="the 待办 count")
    assert_navigation_whole(window)
    window.supervision.inbox_count.emit(128)  # a busy supervisor's badge: 督办（128）
    doc_env.settle()
    assert_navigation_whole(window)


def test_every_main_screen_fits_with_its_columns(doc_env: DocEnv, office: Office, room: QSize,
                                                 language: str) -> None:
    env = doc_env
    leader = opened(env, LEADER, room)
    assert_window_fits(leader, room, "the main window")
    env.until(lambda: leader.model.rowCount() == todo_count(env, LEADER), what="the 待办 list")
    leader.table.selectRow(0)
    env.until(lambda: leader.document.buttons, what="the document's buttons")
    env.settle()
    assert_columns_shown(leader.table, "待办")
    assert_inside(leader, leader.document.buttons, "the document pane")
    leader.select("directory")
    env.settle()
    assert_columns_shown(leader.directory.tree, "通讯录")
    assert_window_fits(leader, room, "the main window on 通讯录")

    secretary = opened(env, SECRETARY, room)
    secretary.select("meetings")
    page = secretary.meetings
    env.until(lambda: page.table.rowCount() == 2, what="the meeting list")
    page.open_meeting(office.meeting)
    env.until(lambda: page.view.buttons, what="the meeting's buttons")
    env.settle()
    assert_window_fits(secretary, room, "the main window on 会议")
    assert_columns_shown(page.table, "会议")
    assert_inside(secretary, page.view.buttons, "the meeting pane")
    for mode, shown in (("calendar", page.calendar.timeline), ("rooms", page.rooms.view)):
        page.set_mode(mode)
        env.settle(0.3)
        assert_no_sideways_scroll(scroll_area_of(shown), f"会议 {mode}")

    supervisor = opened(env, SUPERVISOR, room)
    supervisor.select("supervision")
    items = supervisor.supervision
    items.set_mode(items.ALL)
    env.until(lambda: items.items.rowCount() == len(office.items), what="全部事项")
    items.item_table.selectRow(0)
    env.until(lambda: items.view.snapshot is not None, what="the item pane")
    env.settle()
    assert_window_fits(supervisor, room, "the main window on 督办")
    assert_columns_shown(items.item_table, "全部事项")
    items.set_mode(items.STATS)
    env.until(lambda: items.dashboard.figures is not None, what="the figures")
    env.settle()
    assert_columns_shown(items.dashboard.table, "统计分析")
    assert_columns_shown(items.dashboard.pressing_table, "逾期及临近期限事项")

    lead_unit = opened(env, "finance.clerk", room)
    lead_unit.select("supervision")
    mine = lead_unit.supervision
    env.until(lambda: mine.inbox.rowCount() == 1, what="我的督办")
    mine.inbox_table.selectRow(0)
    env.until(lambda: mine.view.buttons, what="the item's buttons")
    env.settle()
    assert_columns_shown(mine.inbox_table, "我的督办")
    assert_inside(lead_unit, mine.view.buttons, "the item pane")


# --- dialogs ----------------------------------------------------------------------------------


async def _no_login(*_args: object) -> None:
    """A login that never happens (the dialog is only looked at)."""


def _dialogs(env: DocEnv, office: Office) -> Iterator[tuple[str, QDialog, Callable[[], Any]]]:
    """Every dialog a person meets, with what says it has loaded (what it shows)."""
    org: Organisation = env.worker.call(env.store.organisation)
    people = [p for p in org.people.values() if p.active]
    meeting = stored(env, office.meeting)
    secretary = env.ctx(SECRETARY)
    now = _now(env)
    yield "登录", LoginDialog(server_url="https://oa.example.gov.cn", ca_bundle="", proxy="",
                            username="", login=_no_login, spawn=lambda _c: None,
                            remembers=False), lambda: True
    forms: tuple[tuple[str, Callable[[], Any]], ...] = (
        ("新建发文", lambda: ComposeDialog(env.ctx("office.clerk"))),
        ("收文登记", lambda: RegisterDialog(env.ctx("office.clerk"))),
        ("新建会议", lambda: MeetingForm(secretary)),
        ("新建督办", lambda: SupervisionForm(env.ctx(SUPERVISOR))))
    for name, make in forms:
        form, done = make(), []
        form.ready.connect(lambda done=done: done.append(True))  # before the loop runs again
        yield name, form, lambda done=done: done
    delegations = DelegationDialog(env.ctx(LEADER))
    yield "委托授权", delegations, lambda: delegations.is_loaded
    yield "被拒绝的操作", RejectionsDialog(env.ctx("office.clerk"), []), lambda: True
    preview = PdfPreviewDialog(env.ctx(LEADER), office.documents[0])
    rendered: list[bool] = []
    preview.rendered.connect(lambda: rendered.append(True))
    yield "预览", preview, lambda: rendered
    yield "退回", ReturnDialog([("draft", "拟稿"), ("review", "核稿")], ""), lambda: True
    yield "批办", InstructDialog(org, people, document=env.document(office.documents[0]),
                               today=beijing_day(now)), lambda: True
    yield "委托", PersonDialog(org, people, kind=ActionKind.DELEGATE, title="委托",
                             prompt="请选择代为办理的人员。", multiple=False), lambda: True
    yield "归档", ArchiveDialog(2026), lambda: True
    actor = org.actor("p-office.deputy", now)
    yield "回执", ReplyDialog(meeting, org, actor, replyable_attendees(meeting, actor)), \
        lambda: True
    yield "签到", CheckInDialog(org, people), lambda: True
    yield "发送会议通知", NoticeDialog(meeting), lambda: True
    rooms = {r.id: r for r in env.worker.call(env.store.rooms)}
    yield "预订会议室", RoomDialog(meeting, rooms), lambda: True
    yield "取消会议", ReasonDialog(MeetingActionKind.CANCEL, title="取消会议",
                               prompt="取消后将通知已收到通知的人员。请写明取消理由：",
                               required="取消会议必须填写理由"), lambda: True
    yield "反馈进展", ReportDialog(secretary, ItemAction.REPORT, percent=40), lambda: True
    yield "申请延期", DeadlineDialog(ItemAction.REQUEST_EXTENSION, current=now,
                                 proposed=now + timedelta(days=7), today=beijing_day(now)), \
        lambda: True
    yield "退回办结", TextDialog(ItemAction.RETURN, title="退回", prompt="请写明理由。",
                             label="退回理由", required="退回时必须填写退回理由"), lambda: True
    yield "督办通报", PeriodDialog(beijing_day(now)), lambda: True


def test_no_dialog_is_larger_than_the_screen(doc_env: DocEnv, office: Office, room: QSize,
                                             language: str) -> None:
    for name, dialog, loaded in _dialogs(doc_env, office):
        doc_env.keep(dialog)
        dialog.show()
        doc_env.until(loaded, what=f"{name} to load")
        doc_env.settle()
        assert_window_fits(dialog, room, name)
        boxes = {f"{name}'s buttons": box for box in dialog.findChildren(QDialogButtonBox)
                 if box.isVisible()}
        if boxes:
            assert_inside(dialog, boxes, name)
        for view in dialog.findChildren(QAbstractItemView):
            if isinstance(view, QTableView | QTreeWidget) and view.isVisible():
                assert_columns_shown(view, f"{name}'s list")
        dialog.close()
