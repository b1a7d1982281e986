"""Desktop notifications for new 待办, urgings (催办), meetings and supervision items, through the
system tray."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from officeapp.meetings import Meeting, MeetingActionKind, MeetingStatus, invitation_for
from officeapp.meetings.attendance import current_replies
from officeapp.org import Actor
from officeapp.store import LocalStore
from officeapp.supervision import InboxReason, SupervisionItem
from officeapp.supervision.inbox import INBOX_LABELS
from officeapp.workflow import ActionKind, Document, may_hold
from ui.common.context import AppContext, ChangeKind, Changes
from ui.common.qt import QApplication, QObject, QStyle, QSystemTrayIcon, Signal
from ui.meetings.occurrences import spans_of, when_text

log = logging.getLogger(__name__)

# A meeting of mine starting within this is announced once per occurrence.
MEETING_LEAD = timedelta(minutes=15)
# A notice or a reminder older than this is not news (a first sync brings old ones).
NEWS_AGE = timedelta(days=1)
REMINDER_SECONDS = 60


class Notifier(QObject):
    """Watches pulled changes and tells the person about new work and urgings."""

    activated = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.todo: int | None = None
        self.tray: QSystemTrayIcon | None = None
        self.shown: list[tuple[str, str]] = []  # what was announced, for tests and the log
        self.announced: set[tuple[str, str]] = set()  # (meeting id, what) told already
        if QSystemTrayIcon.isSystemTrayAvailable():
            style = QApplication.style()
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(icon)
            self.tray.setToolTip(self.tr("协同办公"))
            self.tray.activated.connect(lambda _: self.activated.emit())
            self.tray.show()
        ctx.changed.connect(self._changed)
        # A task of the context, so that it ends with the session (close cancels it).
        ctx.spawn(self._keep_reminding(), what="会议提醒")

    def close(self) -> None:
        """Take the tray icon away (at logout: the next person gets their own)."""
        self.ctx.changed.disconnect(self._changed)
        if self.tray is not None:
            self.tray.hide()

    def _changed(self, changes: Changes) -> None:
        # Only what arrived from the server: a person's own actions need no notice.
        if changes.origin is not None:
            return
        if ChangeKind.DOCUMENT in changes.kinds:
            self.ctx.spawn(self._check(changes.of(ChangeKind.DOCUMENT)), what="检查新待办")
        meeting_ids = changes.of(ChangeKind.MEETING)
        if ChangeKind.MEETING in changes.kinds and meeting_ids:
            self.ctx.spawn(self._meeting_news(meeting_ids), what="检查会议通知")
        item_ids = changes.of(ChangeKind.SUPERVISION)
        if ChangeKind.SUPERVISION in changes.kinds and item_ids:
            self.ctx.spawn(self._supervision_news(item_ids), what="检查督办事项")

    async def _check(self, document_ids: frozenset[str]) -> None:
        if not self.ctx.settings.get("notifications"):
            return
        actor = await self.ctx.actor()
        counts = await self.ctx.db(lambda s: s.folder_counts(actor))
        todo = counts.get("todo", 0)
        if self.todo is not None and todo > self.todo:
            fresh = todo - self.todo
            self.announce(self.tr("新待办"), self.tr("您有 %n 件新的待办文件", "", fresh))
        self.todo = todo
        wanted = list(document_ids)[:50]
        documents = await self.ctx.db(lambda s: [s.get_document(i) for i in wanted])
        for document in documents:
            if document is not None and _urged(document, actor):
                self.announce(self.tr("催办"), f"{document.trace[-1].actor_name}："
                                               f"{document.trace[-1].opinion}")

    def check_meetings(self) -> None:
        """Announce my meetings starting within 15 minutes (runs every minute)."""
        self.ctx.spawn(self._upcoming(), what="检查会议提醒")

    async def _keep_reminding(self) -> None:
        while True:
            try:
                await self._upcoming()
            except Exception:  # a failed look must not end the reminders
                log.exception("checking meeting reminders failed")
            await asyncio.sleep(REMINDER_SECONDS)

    async def _upcoming(self) -> None:
        if not self.ctx.settings.get("notifications"):
            return
        actor = await self.ctx.actor()
        now = self.ctx.now()
        meetings: list[Meeting] = await self.ctx.db(
            lambda s: s.meetings.concerning(actor, start=now, end=now + MEETING_LEAD))
        for meeting in meetings:
            if meeting.status not in (MeetingStatus.NOTIFIED, MeetingStatus.HELD):
                continue
            for start, end in spans_of(meeting):
                key = (meeting.id, f"start {start.isoformat()}")
                if now < start <= now + MEETING_LEAD and key not in self.announced:
                    self.announced.add(key)
                    minutes = max(1, round((start - now).total_seconds() / 60))
                    self.announce(self.tr("会议即将开始"), self.tr("%n 分钟后：", "", minutes)
                                  + f"《{meeting.title}》{when_text(start, end)}")

    async def _meeting_news(self, meeting_ids: frozenset[str]) -> None:
        if not self.ctx.settings.get("notifications"):
            return
        actor = await self.ctx.actor()
        wanted = list(meeting_ids)[:50]
        meetings = await self.ctx.db(lambda s: [s.get_record("meeting", i) for i in wanted])
        now = self.ctx.now()
        for meeting in meetings:
            if meeting is not None:
                self._meeting_news_of(meeting, actor, now)

    def _meeting_news_of(self, meeting: Meeting, actor: Actor, now: datetime) -> None:
        """Announce a notice that arrived, or a reminder to reply, for the person."""
        invitation = invitation_for(meeting, actor)
        if invitation is None or meeting.status is not MeetingStatus.NOTIFIED:
            return
        for entry in reversed(meeting.trace):
            if entry.actor_id == actor.person_id or now - entry.at > NEWS_AGE:
                continue
            if entry.action is MeetingActionKind.SEND_NOTICE:
                self._once(meeting.id, "notice", self.tr("会议通知"),
                           f"《{meeting.title}》{when_text(meeting.start, meeting.end)}")
                return
            if entry.action is MeetingActionKind.REMIND and \
                    invitation.attendee not in current_replies(meeting):
                self._once(meeting.id, f"remind {entry.seq}", self.tr("请回执"),
                           self.tr("请回复是否参加《{0}》").format(meeting.title))
                return

    async def _supervision_news(self, item_ids: frozenset[str]) -> None:
        """Announce items that now wait for the person (交办, 退回, overdue …) and urgings."""
        if not self.ctx.settings.get("notifications"):
            return
        actor = await self.ctx.actor()
        now = self.ctx.now()
        wanted = sorted(item_ids)[:50]

        def read(store: LocalStore) -> tuple[list[SupervisionItem], dict[str, InboxReason]]:
            items = [i for i in (store.get_record("supervision", w) for w in wanted) if i]
            waiting = {e.item_id: e.reason
                       for e in store.supervision.inbox(actor, now=now, item_ids=wanted)}
            return items, waiting

        items, waiting = await self.ctx.db(read)
        for item in items:
            reason = waiting.get(item.id)
            if reason is None:
                continue
            urging = item.urgings[-1] if item.urgings else None
            if urging is not None and urging.by != actor.person_id and \
                    now - urging.at <= NEWS_AGE:
                self._once(item.id, f"urging {urging.at.isoformat()}", self.tr("督办催办"),
                           f"《{item.title}》{urging.text}")
            elif reason in _SUPERVISION_NEWS:
                self._once(item.id, f"reason {reason.value} {item.version}",
                           self.tr("督办事项"), f"《{item.title}》{INBOX_LABELS[reason]}")

    def _once(self, meeting_id: str, what: str, title: str, text: str) -> None:
        if (meeting_id, what) not in self.announced:
            self.announced.add((meeting_id, what))
            self.announce(title, text)

    def announce(self, title: str, text: str) -> None:
        """Show a desktop notification."""
        self.shown.append((title, text))
        if self.tray is not None and self.ctx.settings.get("notifications"):
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)


# Reasons worth a notification when an item arrives in this state; reporting on time is not.
_SUPERVISION_NEWS = frozenset({InboxReason.TO_RECEIVE, InboxReason.TO_APPROVE,
                               InboxReason.TO_REVIEW, InboxReason.TO_DECIDE_EXTENSION,
                               InboxReason.RETURNED, InboxReason.OVERDUE,
                               InboxReason.REPORT_OVERDUE, InboxReason.TO_ASSIST})


def _urged(document: Document, actor: Actor) -> bool:
    """Return whether the document's newest entry urges this person to act."""
    if not document.trace:
        return False
    last = document.trace[-1]
    return (last.action is ActionKind.URGE and last.actor_id != actor.person_id
            and any(may_hold(h, actor) for h in document.holders))
