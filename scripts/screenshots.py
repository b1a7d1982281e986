"""Start the demo server and the client under Xvfb, fill a working office, and save a
screenshot of each main screen into ./screenshots (run: bash scripts/screenshots.sh).

With `--small LABEL --lang zh|en` it saves the main screens as a small screen shows them
instead, into ./screenshots/small/<lang>-<LABEL>-<screen>.png: run it under a 1024×600 Xvfb
screen (LABEL 1024x600), or under a 2048×1200 one with QT_SCALE_FACTOR=2 (LABEL 200pct),
where the window is 1024×600 logical pixels drawn at twice the pixels.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import ClassVar

import httpx
import keyring
import keyring.backend
import qasync

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from officeapp.clock import OFFICE_TZ  # noqa: E402
from officeapp.demo import DEMO_PASSWORD, EDU_ID, FINANCE_ID  # noqa: E402
from officeapp.meetings import MeetingAction, MeetingActionKind  # noqa: E402
from officeapp.workflow import Action, ActionKind  # noqa: E402
from sync.client import actions  # noqa: E402
from ui.app import Session, choose_font, install_translations  # noqa: E402
from ui.common.context import ChangeKind  # noqa: E402
from ui.common.qt import QApplication, QWidget  # noqa: E402
from ui.common.settings import Settings  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.settings_dialog import SettingsDialog  # noqa: E402

OUT = ROOT / "screenshots"
SMALL = OUT / "small"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Xvfb has no keyring daemon; keep the demo's tokens in memory."""

    priority = 1  # type: ignore[assignment]
    secrets: ClassVar[dict[tuple[str, str], str]] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# The demo server sends e-mail (to a relay on this host that is never reached: nobody in the
# demo has chosen a notification) and has no SMS gateway, as many offices start: 通知方式
# shows one channel on offer and one disabled.
DEMO_CONFIG = """[smtp]
host = "127.0.0.1"
sender = "oa@example.gov.cn"
security = "none"
"""


def start_server(data: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    data.mkdir(parents=True, exist_ok=True)
    config = data.parent / "officeapp-server.toml"
    config.write_text(DEMO_CONFIG, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "sync.server.ops.cli", "--demo", "--port",
                                str(port), "--data-dir", str(data)], cwd=ROOT,
                               env={**os.environ, "OFFICEAPP_CONFIG": str(config)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(150):
        try:
            if httpx.get(f"{url}/api/v1/health", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("demo server did not start")


async def pause(seconds: float = 0.6) -> None:
    await asyncio.sleep(seconds)


def shot(widget: QWidget, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


async def settled_shot(widget: QWidget, name: str, *, wait: float = 1.5) -> None:
    """Capture `widget` once it has had `wait` seconds to load its rows and paint them."""
    await pause(wait)
    shot(widget, name)


async def dialog_shot(dialog: QWidget | None, name: str, *, wait: float = 0.0) -> None:
    """Capture a dialog the scenario opened, once it has had `wait` seconds to settle, and
    close it."""
    assert dialog is not None, f"no dialog open for {name}"
    await settled_shot(dialog, name, wait=wait)
    dialog.close()


async def first_row_shot(window: MainWindow, key: str, name: str) -> None:
    """Open the list `key` with its first row selected, and capture the window."""
    window.select(key)
    await pause(1.0)
    window.table.selectRow(0)
    await settled_shot(window, name)


async def login(app: QApplication, tmp: Path, url: str, username: str,
                *, capture: str | None = None) -> Session:
    settings = Settings(tmp / f"{username}.ini")
    settings.set("server_url", url)
    settings.set("data_dir", str(tmp / username))
    settings.set("poll_seconds", 2)
    session = Session(app, settings)
    await session.start()
    dialog = session._dialog
    assert dialog is not None
    dialog.username.setText(username)
    dialog.password.setText(DEMO_PASSWORD)
    if capture:
        await settled_shot(dialog, capture, wait=0.3)
    dialog._submit()
    while session.ctx is None or session.ctx.engine is None or \
            session.ctx.engine.status.last_sync is None:
        await pause(0.1)
    return session


async def act(session: Session, document_id: str, kind: ActionKind, **kwargs: object) -> None:
    ctx = session.ctx
    assert ctx is not None
    await ctx.write(actions.act, person_id=ctx.person_id, document_id=document_id,
                    action=Action(kind, **kwargs), now=ctx.now())  # type: ignore[arg-type]


async def synced(session: Session) -> None:
    ctx = session.ctx
    assert ctx is not None and ctx.engine is not None
    await ctx.engine.sync_once()


async def office_at_work(app: QApplication, tmp: Path, url: str, *,
                         capture: str) -> tuple[Session, Session, Session, list[str]]:
    """Log the clerk, the reviewer and the leader in; draft four documents, review two, and
    sign and number the first. Return the three sessions and the documents."""
    clerk = await login(app, tmp, url, "office.clerk", capture=capture)
    reviewer = await login(app, tmp, url, "office.reviewer")
    leader = await login(app, tmp, url, "office.leader")
    assert clerk.ctx is not None and clerk.window is not None
    titles = ["关于做好2027年元旦春节期间有关工作的通知", "关于开展全市数字政府建设专项督查的通知",
              "关于报送2026年度工作总结的函", "关于调整市政府领导工作分工的通知"]
    ids = []
    for index, title in enumerate(titles):
        document = await clerk.ctx.write(actions.draft_outgoing, person_id=clerk.ctx.person_id,
                                         now=clerk.ctx.now(), fields={
            "doc_type": "函" if "函" in title else "通知", "title": title,
            "urgency": ["特急", "加急", "普通", "普通"][index],
            "main_recipients": [FINANCE_ID, EDU_ID], "cc_recipients": [],
            "body": "各单位：\n\n为切实做好有关工作，经市政府同意，现将有关事项通知如下。\n\n"
                    "一、提高思想认识\n\n各地各部门要高度重视，切实加强组织领导。\n\n"
                    "二、明确工作任务\n\n（一）加强值班值守。严格执行24小时值班制度。"})
        ids.append(document.id)
        await act(clerk, document.id, ActionKind.APPROVE, opinion="请核稿")
    await synced(clerk)
    await synced(reviewer)
    await act(reviewer, ids[0], ActionKind.APPROVE, opinion="核稿无误，请领导签发")
    await act(reviewer, ids[1], ActionKind.APPROVE, opinion="已核")
    await synced(reviewer)
    await synced(leader)
    await act(leader, ids[0], ActionKind.APPROVE, opinion="同意印发")
    await synced(leader)
    await synced(clerk)
    await act(clerk, ids[0], ActionKind.APPROVE)
    await synced(clerk)
    await synced(leader)
    return clerk, reviewer, leader, ids


async def scenario(app: QApplication, tmp: Path, url: str) -> None:
    clerk, reviewer, leader, _ids = await office_at_work(app, tmp, url, capture="01-login")
    assert clerk.window is not None
    window = leader.window
    assert window is not None
    await first_row_shot(window, "todo", "02-todo-with-document")
    await first_row_shot(window, "outgoing", "03-outgoing")
    await first_row_shot(clerk.window, "mine", "04-mine-numbered")
    clerk.window.select("directory")
    await settled_shot(clerk.window, "05-directory", wait=1.0)
    clerk.window.select("todo")
    clerk.window._compose()
    await pause(1.0)
    dialog = clerk.window._dialog
    await dialog_shot(dialog, "06-compose")
    document = getattr(clerk.window.document, "preview", None)
    if document is not None:
        clerk.window.select("mine")
        await pause(1.0)
        clerk.window.table.selectRow(0)
        await pause(1.0)
        document()
        await pause(3.0)
        preview = getattr(clerk.window.document, "dialog", None)
        if preview is not None:
            await dialog_shot(preview, "07-pdf-preview")
    await delegation_shot(leader)
    supervisor, lead_unit = await supervision_shots(app, tmp, url)
    secretary = await meeting_shots(app, tmp, url)
    for session in (clerk, reviewer, leader, supervisor, lead_unit, secretary):
        if session.ctx is not None:
            await session.ctx.close()


async def delegation_shot(leader: Session) -> None:
    """委托授权: one delegation to the deputy, and a refused period beside its field."""
    assert leader.window is not None
    leader.window.show_delegations()
    await pause(1.0)
    dialog = leader.window._dialog
    dialog.delegate.setCurrentIndex(dialog.delegate.findData("p-office.deputy"))
    dialog.add_button.click()
    await pause(1.0)
    await synced(leader)
    await pause(0.5)
    dialog.delegate.setCurrentIndex(dialog.delegate.findData("p-office.reviewer"))
    dialog.end.setDateTime(dialog.start.dateTime().addSecs(-3600))
    dialog.add_button.click()
    await dialog_shot(dialog, "08-delegations", wait=0.3)


async def supervision_shots(app: QApplication, tmp: Path, url: str) -> tuple[Session, Session]:
    """督办: my work, every item with its pane, a report, the dashboard, the form, a PDF."""
    boss = await login(app, tmp, url, "office.supervisor")
    window = boss.window
    assert window is not None
    window.select("supervision")
    page = window.supervision
    await pause(1.5)
    page.inbox_table.selectRow(0)
    await settled_shot(window, "10-supervision-mine")
    page.set_mode(page.ALL)
    await pause(1.0)
    page.item_table.selectRow(2)
    await pause(1.5)
    page.view.tabs.setCurrentIndex(1)
    await settled_shot(window, "11-supervision-all-reports", wait=0.5)
    page.view.tabs.setCurrentIndex(0)
    page.set_mode(page.STATS)
    page.dashboard.preset.setCurrentIndex(page.dashboard.preset.findData("year"))
    await settled_shot(window, "12-supervision-dashboard", wait=2.0)
    page.set_mode(page.ALL)
    page.new_item()
    await pause(1.0)
    page.dialog.title.setText("推进全市政务服务“一网通办”")
    await dialog_shot(page.dialog, "13-supervision-form")
    page.sheet_pdf()
    await dialog_shot(page.dialog, "14-supervision-sheet", wait=3.0)
    lead = await login(app, tmp, url, "finance.clerk")
    assert lead.window is not None
    lead.window.select("supervision")
    lead_page = lead.window.supervision
    await pause(1.5)
    lead_page.inbox_table.selectRow(0)
    await pause(1.5)
    view = lead_page.view
    shot(lead.window, "15-supervision-lead-unit")
    if "report" in view.buttons:
        view.buttons["report"].click()
        await pause(0.8)
        view.dialog.text.setPlainText("第二批资金已完成审核，本周内拨付到位。")
        await dialog_shot(view.dialog, "16-supervision-report-dialog")
    return boss, lead


async def plan_meetings(secretary: Session) -> tuple[str, date, Callable[..., datetime]]:
    """Book and notify four meetings from tomorrow on (one weekly); return the first, the
    day, and the function that gives a time of that day (or one `days` later)."""
    ctx = secretary.ctx
    assert ctx is not None
    day = datetime.now(OFFICE_TZ).date() + timedelta(days=1)

    def at(hour: float, days: int = 0) -> datetime:
        return datetime.combine(day + timedelta(days=days),
                                clock_time(int(hour), int(hour % 1 * 60)), OFFICE_TZ)

    plans = [
        ("全市安全生产工作会议", "专题会议", at(10.5), at(12), "r-1", None),
        ("2027年财政预算编制协调会", "协调会", at(14.5), at(16), "r-2", None),
        ("每周工作调度会", "办公会", at(8.5, 1), at(9.5, 1), "r-1", "FREQ=WEEKLY;COUNT=8"),
        ("市政府第12次常务会议", "常务会议", at(15, 2), at(17.5, 2), "r-big", None),
    ]
    first = ""
    for title, kind, start, end, room, rule in plans:
        meeting = await ctx.write(actions.create_meeting, person_id=ctx.person_id,
                                  now=datetime.now(UTC), kinds=(ChangeKind.MEETING,), fields={
            "title": title, "meeting_type": kind, "start": start, "end": end, "room_id": room,
            "host_id": "p-office.leader", "recorder_id": "p-office.secretary",
            "recurrence": rule, "notes": "请提前10分钟到场，参会单位携带相关材料。",
            "attendees": [{"kind": "person", "id": "p-office.deputy"},
                          {"kind": "unit", "id": FINANCE_ID}, {"kind": "unit", "id": EDU_ID}],
            "sit_in": [{"kind": "person", "id": "p-office.supervisor"}],
            "agenda": [{"title": "听取2026年安全生产工作情况汇报", "reporting_unit_id": FINANCE_ID},
                       {"title": "研究部署冬春季安全生产重点工作"}]})
        first = first or meeting.id
        for action in (MeetingAction(MeetingActionKind.BOOK, room_id=room),
                       MeetingAction(MeetingActionKind.SEND_NOTICE, check_in_code="2468")):
            await ctx.write(actions.act_meeting, person_id=ctx.person_id, meeting_id=meeting.id,
                            action=action, now=datetime.now(UTC), kinds=(ChangeKind.MEETING,))
    await synced(secretary)
    return first, day, at


async def meeting_shots(app: QApplication, tmp: Path, url: str) -> Session:
    """会议: the list with a meeting, the calendar, the room grid, the form, a reply, a PDF."""
    secretary = await login(app, tmp, url, "office.secretary")
    window = secretary.window
    assert window is not None
    first, day, at = await plan_meetings(secretary)
    window.select("meetings")
    page = window.meetings
    await pause(1.5)
    page.open_meeting(first)
    await settled_shot(window, "20-meetings-list")
    page.calendar.anchor = day
    page.set_mode("calendar")
    await settled_shot(window, "21-meetings-calendar-week")
    page.calendar.set_mode("month")
    await settled_shot(window, "22-meetings-calendar-month")
    page.rooms.anchor = day
    page.set_mode("rooms")
    await settled_shot(window, "23-meetings-rooms")
    form = page.new_meeting_at("r-2", at(15))
    await pause(1.5)
    form.title.setText("全市教育工作专题会")
    form.attendees.set_selected([{"kind": "person", "id": "p-office.deputy"},
                                 {"kind": "unit", "id": EDU_ID}])
    await dialog_shot(form, "24-meeting-form-conflict", wait=1.5)
    page.view.preview("notice")
    await dialog_shot(page.view.dialog, "25-meeting-notice-pdf", wait=4.0)
    deputy = await login(app, tmp, url, "office.deputy")
    assert deputy.window is not None
    deputy.window.select("meetings")
    await pause(1.5)
    deputy.window.open_meeting(first)
    await pause(1.5)
    view = deputy.window.meetings.view
    if "reply" in view.buttons:
        view.buttons["reply"].click()
        await pause(0.8)
        view.dialog.leave.setChecked(True)
        view.dialog.reason.setPlainText("当天赴省里参加培训")
        shot(view.dialog, "26-meeting-reply")
        view.dialog.buttons.accepted.emit()
        await pause(1.0)
        await synced(deputy)
    shot(deputy.window, "27-meetings-invitee")
    await synced(secretary)
    page.set_mode("list")
    page.open_meeting(first)
    await pause(1.5)
    page.view.tabs.setCurrentIndex(1)
    await settled_shot(window, "28-meeting-replies", wait=0.5)
    if deputy.ctx is not None:
        await deputy.ctx.close()
    return secretary


# --- a small screen ----------------------------------------------------------------------------


def full_screen(session: Session) -> MainWindow:
    """Return the session's main window as large as its screen (1024×600 logical pixels on
    the small screens these shots are taken on), as a person on that screen keeps it."""
    window = session.window
    assert window is not None
    window.resize(window.screen().size())
    return window


async def small_scenario(app: QApplication, tmp: Path, url: str, *, prefix: str) -> None:
    """The main screens on a small screen: login, 待办 with a document, 发文, 通讯录, the
    compose form; 会议 (list, calendar, room grid, form); 督办 (mine, all, dashboard, form)."""
    clerk, reviewer, leader, _ids = await office_at_work(app, tmp, url,
                                                         capture=f"{prefix}-login")
    await document_screens(clerk, leader, prefix)
    await wave2_screens(clerk, prefix, informer=leader)
    await seal_screens(clerk, _ids[0], prefix)
    secretary = await login(app, tmp, url, "office.secretary")
    await meeting_screens(secretary, prefix)
    supervisor = await login(app, tmp, url, "office.supervisor")
    await supervision_screens(supervisor, prefix)
    for session in (clerk, reviewer, leader, secretary, supervisor):
        if session.ctx is not None:
            await session.ctx.close()


async def document_screens(clerk: Session, leader: Session, prefix: str) -> None:
    """待办 with a document to sign, 发文, 通讯录, and the compose form."""
    window = full_screen(leader)
    for key, name in (("todo", "inbox"), ("outgoing", "outgoing")):
        await first_row_shot(window, key, f"{prefix}-{name}")
    window.select("directory")
    await settled_shot(window, f"{prefix}-directory", wait=1.0)
    assert clerk.window is not None
    clerk.window._compose()
    await pause(1.0)
    dialog = clerk.window._dialog
    dialog.title.setText("关于做好2027年元旦春节期间有关工作的通知")
    await dialog_shot(dialog, f"{prefix}-compose")


PASTED_BODY = ("各县区人民政府,市直各单位:\n　　根据萍府发[2023]21号文件要求,请于2026.12.20前"
               "报送\"防汛\"工作总结。")


async def wave2_screens(clerk: Session, prefix: str, *, informer: Session | None = None) -> None:
    """The screens wave 2 added: 校对, the bar after 送核稿, 批量办理, a two-character search
    with its marks, 设置 (general and 修改密码), and 知会 (by `informer`, to the clerk)."""
    ctx, window = clerk.ctx, full_screen(clerk)
    assert ctx is not None
    window.select("home")
    await settled_shot(window, f"{prefix}-home")
    pasted = await ctx.write(actions.draft_outgoing, person_id=ctx.person_id,
                             fields={"doc_type": "通知", "title": "关于报送防汛工作总结的通知",
                                     "main_recipients": [FINANCE_ID], "body": PASTED_BODY},
                             now=ctx.now())
    window.select("todo")
    await pause(1.0)
    window.document.show_document(pasted.id)
    await pause(1.5)
    window.document.proofread()
    await dialog_shot(window.document.dialog, f"{prefix}-proofread", wait=1.0)
    window.document.opinion.edit.setPlainText("请审核")
    window.document.buttons["approve"].click()
    await settled_shot(window, f"{prefix}-feedback")
    window.select("todo")
    await pause(1.0)
    window.table.selectAll()
    window.batch_approve()
    await dialog_shot(window.batch_dialog, f"{prefix}-batch", wait=1.5)
    window.select("mine")
    window.filters.search.setText("单位")
    await pause(1.5)
    window.table.selectRow(0)
    await settled_shot(window, f"{prefix}-search")
    window.filters.search.setText("")
    window.show_settings()
    await pause(1.0)
    dialog = window.settings_dialog
    shot(dialog, f"{prefix}-settings")
    dialog.tabs.setCurrentIndex(3)
    await settled_shot(dialog, f"{prefix}-settings-password", wait=0.5)
    await notification_screens(dialog, prefix)
    dialog.close()
    await body_file_screens(clerk, prefix)
    await document_stats_screen(clerk, prefix)
    if informer is not None:
        await inform_screens(informer, clerk, prefix)


async def notification_screens(dialog: SettingsDialog, prefix: str) -> None:
    """设置 at 通知方式: what the server keeps (SMS not on offer), then a number it refuses."""
    tab = dialog.notify_tab
    dialog.tabs.setCurrentWidget(tab)
    await pause(1.0)
    tab.email.setText("zhang.wei@example.gov.cn")
    for event in ("urgent_document", "meeting"):
        tab.boxes[(event, "email")].setChecked(True)
    tab.digest.setChecked(True)
    shot(dialog, f"{prefix}-settings-notifications")
    tab.phone.setText("0799-1234567")
    tab.save()
    await settled_shot(dialog, f"{prefix}-settings-notifications-refused", wait=1.0)


async def inform_screens(informer: Session, reader: Session, prefix: str) -> None:
    """The 知会 dialog in the informer's pane; the reader's 知会我的 with the unread row, then
    opened (read) with its 办理过程."""
    window = full_screen(informer)
    window.select("todo")
    await pause(1.0)
    window.table.selectRow(0)
    await pause(1.5)
    window.document.buttons["inform"].click()
    await pause(1.0)
    dialog = window.document.dialog
    assert dialog is not None
    dialog.picker.set_selected(["p-office.clerk", "p-finance.leader"])
    dialog.note.setText("请提前了解，做好准备")
    await settled_shot(dialog, f"{prefix}-inform", wait=0.5)
    dialog._try_accept()
    await pause(1.0)
    await synced(informer)
    await synced(reader)
    mine = full_screen(reader)
    mine.select("informed")
    await settled_shot(mine, f"{prefix}-informed")
    mine.table.selectRow(0)
    mine.document.tabs.setCurrentIndex(1)
    await pause(1.5)
    bar = mine.document.route.verticalScrollBar()
    bar.setValue(bar.maximum())  # the 知会 and its 已阅 are the latest entries
    await settled_shot(mine, f"{prefix}-informed-read", wait=0.3)


def _docx(path: Path, *paragraphs: str) -> Path:
    import docx  # only these shots write Word files

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


async def body_file_screens(clerk: Session, prefix: str) -> None:
    """The compose form with two attachments and a 正文 file, the offer to take the text of a
    saved .docx, and 正文历史版本 with two versions."""
    window = full_screen(clerk)
    folder = Path(tempfile.mkdtemp(prefix="officeapp-shots-"))
    files = [folder / "附件1：2027年元旦春节值班表.xlsx", folder / "附件2：值班人员联系方式.txt"]
    for index, path in enumerate(files):
        path.write_bytes(b"x" * (20_000 * (index + 1)))
    first = _docx(folder / "关于做好元旦春节值班工作的通知.docx", "各单位：",
                  "为做好2027年元旦春节期间值班工作，现将有关事项通知如下。")
    window.select("todo")
    window._compose()
    await pause(1.0)
    dialog = window._dialog
    dialog.title.setText("关于做好2027年元旦春节期间值班工作的通知")
    dialog.main_recipients.set_selected([FINANCE_ID])
    dialog.files.add_files(files)
    dialog.body_file_chooser.set_file(first)
    await pause(1.5)
    if dialog.text_dialog is not None:
        dialog.text_dialog.accept_button.click()
    await settled_shot(dialog, f"{prefix}-compose-files", wait=0.5)
    created: list[str] = []
    dialog.created.connect(created.append)
    dialog.ok_button.click()
    await pause(1.5)
    if not created:
        return
    view = window.document
    view.show_document(created[0])
    await pause(1.5)
    panel = view.body_file
    for index in range(view.tabs.count()):
        if view.tabs.widget(index).isAncestorOf(panel):
            view.tabs.setCurrentIndex(index)
    panel.upload(_docx(folder / "关于做好元旦春节值班工作的通知.docx", "各单位：",
                       "为做好2027年元旦春节期间值班工作，现将有关事项通知如下。",
                       "一、严格落实24小时值班和领导带班制度。"))
    await pause(1.5)
    if panel.text_dialog is not None:
        await dialog_shot(panel.text_dialog, f"{prefix}-body-text")
    for index in range(view.tabs.count()):
        area = view.tabs.widget(index)
        if area.isAncestorOf(panel) and hasattr(area, "verticalScrollBar"):
            # The tab scrolls on a short screen: show the list from its heading on.
            area.verticalScrollBar().setValue(panel.versions.y() - 2 * panel.fontMetrics().height())
    await settled_shot(window, f"{prefix}-body-versions", wait=0.5)


# 公文统计 over finished documents put straight into the clerk's local store (the scenario
# finishes none): (unit, direction, step, year, how many). Nothing syncs them anywhere.
FINISHED = (
    ("u-office", "outgoing", "archived", 2025, 41), ("u-office", "outgoing", "done", 2025, 3),
    ("u-office", "incoming", "archived", 2025, 57), ("u-office", "outgoing", "archived", 2026, 18),
    ("u-office", "outgoing", "done", 2026, 9), ("u-office", "incoming", "done", 2026, 12),
    ("u-finance", "incoming", "archived", 2026, 25), ("u-finance", "incoming", "done", 2026, 4),
    ("u-edu", "outgoing", "done", 2026, 6),
)


async def document_stats_screen(clerk: Session, prefix: str) -> None:
    """公文统计, opened from the 工作台: 归档率 per unit, every year."""
    from officeapp.documents import Direction, DocType
    from officeapp.workflow import Document

    ctx, window = clerk.ctx, full_screen(clerk)
    assert ctx is not None
    docs = [Document(id=f"stats-{unit}-{step}-{year}-{n}", direction=Direction(direction),
                     doc_type=DocType.NOTICE, title="统计样例", owner_unit_id=unit,
                     created_by="p-edu.clerk", created_at=datetime(year, 5, 1, tzinfo=UTC),
                     step=step)
            for unit, direction, step, year, count in FINISHED for n in range(count)]
    await ctx.db(lambda store: store.put_records("document", docs))
    window.select("home")
    await pause(1.0)
    window.home.show_stats()
    await dialog_shot(window.home.stats_dialog, f"{prefix}-document-stats", wait=1.5)

async def seal_screens(clerk: Session, document_id: str, prefix: str) -> None:
    """验章: the first notice sealed by the server (用印) with its verdict in the pane, and
    the 验章 dialog on a copy of the signed file saved to disk."""
    ctx, window = clerk.ctx, full_screen(clerk)
    assert ctx is not None
    document = await ctx.db(lambda store: store.get_document(document_id))
    if document is not None and document.step == "seal":
        await act(clerk, document_id, ActionKind.APPROVE)  # 用印: the server signs it
    await synced(clerk)
    window.select("mine")
    await pause(1.0)
    view = window.document
    view.show_document(document_id)
    for _ in range(100):  # the signed file downloads, then 验章 runs on the worker
        if view.official.badge.status() is not None:
            break
        await pause(0.1)
    await settled_shot(window, f"{prefix}-official-file", wait=0.5)
    official = view.official.official
    if official is None or official.pdf is None:
        print("no signed official file: the server did not seal the notice")
        return
    path = Path(tempfile.mkdtemp(prefix="officeapp-shots-")) / official.attachment.name
    path.write_bytes(official.pdf)
    window.check_seal()
    dialog = window.seal_dialog
    dialog.check_path(path)
    for _ in range(100):
        if dialog.result_of is not None:
            break
        await pause(0.1)
    await dialog_shot(dialog, f"{prefix}-seal-check", wait=0.5)


async def meeting_screens(secretary: Session, prefix: str) -> None:
    """会议: the list with a meeting open, the week's calendar, the room grid, the form."""
    first, day, at = await plan_meetings(secretary)
    window = full_screen(secretary)
    window.select("meetings")
    page = window.meetings
    await pause(1.5)
    page.open_meeting(first)
    await settled_shot(window, f"{prefix}-meetings")
    page.calendar.anchor = day
    page.set_mode("calendar")
    await settled_shot(window, f"{prefix}-meetings-calendar")
    page.rooms.anchor = day
    page.set_mode("rooms")
    await settled_shot(window, f"{prefix}-meetings-rooms")
    form = page.new_meeting_at("r-2", at(15))
    await pause(1.5)
    form.title.setText("全市教育工作专题会")
    await dialog_shot(form, f"{prefix}-meeting-form", wait=1.0)
    page.set_mode("list")


async def supervision_screens(supervisor: Session, prefix: str) -> None:
    """督办: my work with an item open, every item, the dashboard, the item form."""
    window = full_screen(supervisor)
    window.select("supervision")
    page = window.supervision
    await pause(1.5)
    page.inbox_table.selectRow(0)
    await settled_shot(window, f"{prefix}-supervision")
    page.set_mode(page.ALL)
    await pause(1.0)
    page.item_table.selectRow(0)
    await settled_shot(window, f"{prefix}-supervision-all")
    page.set_mode(page.STATS)
    page.dashboard.preset.setCurrentIndex(page.dashboard.preset.findData("year"))
    await settled_shot(window, f"{prefix}-supervision-dashboard", wait=2.0)
    page.set_mode(page.ALL)
    page.new_item()
    await pause(1.0)
    page.dialog.title.setText("推进全市政务服务“一网通办”")
    await dialog_shot(page.dialog, f"{prefix}-supervision-form")


def parse_args() -> argparse.Namespace:
    """Return the command line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", metavar="LABEL",
                        help="the main screens on a small screen, named <lang>-LABEL-<screen> "
                             "in screenshots/small (e.g. 1024x600, 200pct)")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="interface language")
    return parser.parse_args()


def main() -> int:
    global OUT
    args = parse_args()
    keyring.set_keyring(MemoryKeyring())
    tmp = Path(tempfile.mkdtemp())
    server, url = start_server(tmp / "server")
    app = QApplication(["officeapp"])
    install_translations(app, "zh_CN" if args.lang == "zh" else args.lang)
    choose_font(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    if args.small:
        OUT = SMALL
        run = small_scenario(app, tmp, url, prefix=f"{args.lang}-{args.small}")
    else:
        run = scenario(app, tmp, url)
    try:
        with loop:
            loop.run_until_complete(run)
    finally:
        server.terminate()
        server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
