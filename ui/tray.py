"""Desktop notifications for new 待办 and for urgings (催办), through the system tray."""

from __future__ import annotations

from officeapp.org import Actor
from officeapp.workflow import ActionKind, Document, may_hold
from ui.context import AppContext, Changes
from ui.qt import QApplication, QObject, QStyle, QSystemTrayIcon, Signal


class Notifier(QObject):
    """Watches pulled changes and tells the person about new work and urgings."""

    activated = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.todo: int | None = None
        self.tray: QSystemTrayIcon | None = None
        self.shown: list[tuple[str, str]] = []  # what was announced, for tests and the log
        if QSystemTrayIcon.isSystemTrayAvailable():
            style = QApplication.style()
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(icon)
            self.tray.setToolTip(self.tr("协同办公"))
            self.tray.activated.connect(lambda _: self.activated.emit())
            self.tray.show()
        ctx.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        # Only what arrived from the server: a person's own actions need no notice.
        if changes.origin is None and "document" in changes.kinds:
            self.ctx.spawn(self._check(changes.document_ids), what="检查新待办")

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

    def announce(self, title: str, text: str) -> None:
        """Show a desktop notification."""
        self.shown.append((title, text))
        if self.tray is not None and self.ctx.settings.get("notifications"):
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)


def _urged(document: Document, actor: Actor) -> bool:
    """Return whether the document's newest entry urges this person to act."""
    if not document.trace:
        return False
    last = document.trace[-1]
    return (last.action is ActionKind.URGE and last.actor_id != actor.person_id
            and any(may_hold(h, actor) for h in document.holders))
