"""What the document pane does when the person acts: ask for an action's arguments, write it
through the operation runner, report what it did (with 撤销), export and proofread.

A base of `DocumentView` (ui/documents/document_view.py), which holds the widgets and the
shown snapshot; the texts keep the view's translation context.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from officeapp.core.verdict import Accepted, Verdict
from officeapp.documents import Direction
from officeapp.org import Organisation
from officeapp.workflow import Action, ActionKind, Document, may_undo
from sync.client import actions
from ui.common import times
from ui.common.attachments import blobs_root
from ui.common.context import AppContext, ChangeKind
from ui.common.feedback import Feedback, queued_note
from ui.common.messages import Refusal, refusal_text
from ui.common.operations import Operation, on_store
from ui.common.qt import QDialog, QFileDialog, QLabel, QWidget, SignalInstance, alive
from ui.common.translate import translate
from ui.documents.action_dialogs import (
    ArchiveDialog,
    ArgumentDialog,
    InformDialog,
    InstructDialog,
    PersonDialog,
    ReturnDialog,
    active_people,
    eligible_people,
)
from ui.documents.archive_export import package_bytes
from ui.documents.opinion_editor import OpinionEditor
from ui.documents.proofread_dialog import ProofreadDialog
from ui.documents.rendering import acted_text, action_label
from ui.documents.snapshot import Snapshot

# The first of these the person may take is the one Ctrl+Enter takes.
PRIMARY = (ActionKind.APPROVE, ActionKind.ACKNOWLEDGE, ActionKind.CLAIM)
# Actions whose request carries the opinion box's text (the rules read it for these).
_TAKES_OPINION = frozenset({ActionKind.APPROVE, ActionKind.RETURN, ActionKind.WITHDRAW,
                            ActionKind.DELEGATE, ActionKind.ADD_SIGNER, ActionKind.CIRCULATE,
                            ActionKind.ACKNOWLEDGE, ActionKind.URGE})
# An action on a document, given the session's `now`.
Act = Callable[[datetime], Awaitable[Verdict[Document]]]

# The type checker reads the pane as a widget; at run time the view brings QWidget itself.
if TYPE_CHECKING:
    _Pane = QWidget
else:
    _Pane = object


class DocumentActing(_Pane):
    """The acting half of the document pane (see the module's docstring)."""

    ctx: AppContext
    snapshot: Snapshot | None
    dialog: QDialog | None
    opinion: OpinionEditor
    action_error: QLabel
    acted: SignalInstance
    feedback: SignalInstance
    exported: SignalInstance
    supervision_created: SignalInstance
    _document_id: str | None
    _org: Organisation | None
    _busy: bool
    _reading: set[str]

    def reload(self) -> None:
        """Read the shown document again (the view does)."""
        raise NotImplementedError

    def show_document(self, document_id: str | None) -> None:
        """Show another document (the view does)."""
        raise NotImplementedError

    def _set_busy(self, busy: bool) -> None:
        raise NotImplementedError

    def available(self) -> tuple[ActionKind, ...]:
        """Return the actions the person may take on the shown document now."""
        return self.snapshot.actions if self.snapshot else ()

    def _primary(self) -> None:
        kind = next((k for k in PRIMARY if k in self.available()), None)
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
            self.ctx.spawn(self._ask_people(document, kind),
                           what=translate("DocumentView", "读取人员"))
        elif kind is ActionKind.INFORM:
            self.ctx.spawn(self._ask_inform(document), what=translate("DocumentView", "读取人员"))
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
            ActionKind.DELEGATE: (translate("DocumentView", "委托"),
                                  translate("DocumentView", "委托谁代为办理本环节？"), False),
            ActionKind.ADD_SIGNER: (translate("DocumentView", "加签"),
                                    translate("DocumentView", "还需要谁在本环节办理？"), True),
            ActionKind.CIRCULATE: (translate("DocumentView", "传阅"),
                                   translate("DocumentView", "请选择传阅人员："), True),
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
        read = self._act(document_id, Action(ActionKind.READ))
        (self._operation(document_id, read, what=translate("DocumentView", "标记已阅"))
         .refused(lambda _refusal: self._reading.discard(document_id))  # left to the next opening
         .success(lambda _decision: self._was_read(document_id))
         .run())

    def _was_read(self, document_id: str) -> None:
        self._reading.discard(document_id)
        if document_id == self._document_id:
            self.reload()

    def _approve_to(self) -> None:
        snapshot = self.snapshot
        if snapshot is None or self._org is None or not snapshot.next_people:
            return
        self._open_dialog(PersonDialog(
            self._org, snapshot.next_people, kind=ActionKind.APPROVE,
            title=action_label(ActionKind.APPROVE, snapshot.document.step),
            prompt=translate("DocumentView", "送给下一环节的哪一位办理人？"), multiple=False,
            parent=self))

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
        self.feedback.emit(Feedback(translate("DocumentView", "已修改：{0}").format(document.title)
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
        document_id = self._document_id
        if document_id is None or self._busy:
            return
        if action.kind in _TAKES_OPINION and not action.opinion:
            action = replace(action, opinion=self.opinion.text().strip())

        async def act(now: datetime) -> Verdict[Document]:
            # The draft must be in the store before the action that replaces it.
            await self.opinion.save_now()
            return await self.ctx.db(actions.act, person_id=self.ctx.person_id,
                                     document_id=document_id, action=action, now=now)

        (self._operation(document_id, act, what=action_label(action.kind))
         .busy(flag=self._set_busy)
         .refused(self._refused)
         .success(lambda decision: self._acted(document_id, action, decision))
         .run())

    def _operation(self, document_id: str, act: Act, *,
                   what: str) -> Operation[Accepted[Document]]:
        """An action on one document: it changes that document (and queues a mutation)."""
        return (Operation(self, self.ctx, what=what, action=act)
                .changes(ChangeKind.DOCUMENT, ids={ChangeKind.DOCUMENT: (document_id,)}))

    def _act(self, document_id: str, action: Action) -> Act:
        return on_store(self.ctx, actions.act, person_id=self.ctx.person_id,
                        document_id=document_id, action=action)

    async def _acted(self, document_id: str, action: Action,
                     decision: Accepted[Document]) -> None:
        if action.opinion:
            self.opinion.submitted()
        self.acted.emit(document_id, action.kind.value)
        if document_id == self._document_id:
            self.reload()
        await self._report(decision, action.opinion)

    def _refused(self, refusal: Refusal) -> None:
        text = translate("DocumentView", "未能办理：{0}").format(refusal_text(refusal))
        self.action_error.setText(text)
        self.action_error.show()

    async def _report(self, decision: Accepted[Document], opinion: str = "") -> None:
        """Say what an accepted action did; offer 撤销 when the rules let the person withdraw
        exactly that action now."""
        org = await self.ctx.organisation()
        actor = await self.ctx.actor()
        document = decision.record
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
        withdraw = self._act(document_id, Action(ActionKind.WITHDRAW, expected_step=step))
        (self._operation(document_id, withdraw, what=translate("DocumentView", "撤销"))
         .refused(self._undo_refused)
         .success(lambda decision: self._undone(document_id, opinion, decision))
         .run())

    async def _undone(self, document_id: str, opinion: str,
                      decision: Accepted[Document]) -> None:
        if document_id == self._document_id:
            self.opinion.put_back(opinion)
            self.reload()
        else:
            if opinion:
                await self.ctx.db(lambda s: s.save_opinion_draft(
                    document_id=document_id, person_id=self.ctx.person_id,
                    step=decision.record.step, text=opinion))
            if self._document_id is None and alive(self):
                # The pane emptied when the document left the list; it is the person's again.
                self.show_document(document_id)
        await self._report(decision)

    def _undo_refused(self, refusal: Refusal) -> None:
        text = translate("DocumentView", "未能撤销：{0}").format(refusal_text(refusal))
        self.feedback.emit(Feedback(text, error=True))

    def export_archive(self, path: Path | None = None) -> None:
        """Save the archive package of the shown (archived) document as a ZIP file."""
        if self.snapshot is None:
            return
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, translate("DocumentView", "导出归档包"),
                f"{self.snapshot.document.title}.zip",
                translate("DocumentView", "归档包 (*.zip)"))
            if not chosen:
                return
            path = Path(chosen)
        document_id = self.snapshot.document.id
        (Operation(self, self.ctx, what=translate("DocumentView", "导出归档包"),
                   action=lambda now: self._export(document_id, path, now))
         .busy(flag=self._set_busy)
         .refused(lambda refusal: self._not_exported(refusal_text(refusal)))
         .expect(OSError, lambda error: self._not_exported(str(error)))
         .success(lambda _written: self._exported(path))
         .run())

    async def _export(self, document_id: str, path: Path, now: datetime) -> None:
        settings = self.ctx.settings
        data = await self.ctx.db(
            package_bytes, document_id=document_id, org=await self.ctx.organisation(),
            fonds=settings.get("archive_fonds"), unit_code=settings.get("archive_unit_code"),
            blob_root=blobs_root(settings.data_dir()), today=times.today(now))
        await self.ctx.worker.run(path.write_bytes, data)

    def _not_exported(self, message: str) -> None:
        self.action_error.setText(translate("DocumentView", "未能导出：") + message)
        self.action_error.show()

    def _exported(self, path: Path) -> None:
        self.exported.emit(str(path))
        self.feedback.emit(Feedback(translate("DocumentView", "已导出归档包：{0}").format(path)))

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
