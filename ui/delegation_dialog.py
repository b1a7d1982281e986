"""委托授权: the person's current and future standing delegations, and a form to add one.

The form is checked with `officeapp.delegation.delegation_problems` before anything is
written, each problem beside the field it names; writes go through the client actions on
the database worker, and the list refreshes when the directory changes (a sync included).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import TypeVar

from officeapp.clock import local
from officeapp.delegation import current_and_future, delegation_problems
from officeapp.org import Delegation, Organisation
from officeapp.store.directory import LocalDelegation
from sync.client import actions
from ui.common import times
from ui.common.context import AppContext, ChangeKind, Changes
from ui.common.date_edits import DateTimeEdit
from ui.common.display import read_only_table
from ui.common.fit import open_size
from ui.common.forms import FieldBox, FieldMessages, general_error_label
from ui.common.messages import Refusal, refusal_text, refused_field
from ui.common.operations import Operation, on_store
from ui.common.pickers import combo_id
from ui.common.pickers import from_qdatetime as _from_qdatetime
from ui.common.pickers import to_qdatetime as _to_qdatetime
from ui.common.qt import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSize,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from ui.documents.action_dialogs import active_people, person_text

T = TypeVar("T")

DEFAULT_LENGTH = timedelta(days=3)


class DelegationDialog(FieldMessages, QDialog):
    """List one's delegations, end them, and add a new one."""

    created = Signal(str)  # the id of the new delegation
    loaded = Signal()  # the list and the directory are shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("委托授权"))
        open_size(self, QSize(760, 560))
        self.is_loaded = False
        # Asked before ending a delegation; tests replace it.
        self.confirm: Callable[[str], bool] = self._ask
        self._org: Organisation | None = None
        self._shown_org: Organisation | None = None
        self._existing: list[Delegation] = []
        self.end_buttons: dict[str, QPushButton] = {}
        self.table = QTableWidget(0, 4)
        self.empty = QLabel(self.tr("目前没有生效或待生效的委托。"))
        self.delegate = QComboBox()
        self.start = DateTimeEdit()
        self.end = DateTimeEdit()
        self.fields: dict[str, FieldBox] = {}
        self.general_error = general_error_label()
        self.add_button = QPushButton(self.tr("添加委托"))
        self._build()
        ctx.changed.connect(self._changed)
        self.reload()

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        intro = QLabel(self.tr("委托期间，受托人可以代您办理公文，办理记录注明“代”；"
                               "每次委托最长90天。"))
        intro.setWordWrap(True)
        read_only_table(self.table, [self.tr("受托人"), self.tr("委托期间"), self.tr("状态"), ""],
                        stretch=[0])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.empty.setStyleSheet("color: gray")
        self.delegate.setEditable(True)  # typed into to filter
        self.delegate.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.delegate.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.reset_form()
        form = QGroupBox(self.tr("新增委托"))
        grid = QGridLayout(form)
        for column, (name, label, editor) in enumerate((
                ("delegate_id", self.tr("受托人"), self.delegate),
                ("start", self.tr("开始时间"), self.start),
                ("end", self.tr("结束时间"), self.end))):
            self.fields[name] = FieldBox(label, editor)
            grid.addWidget(self.fields[name], 0, column, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.addWidget(self.general_error, 1, 0, 1, 3)
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        grid.addLayout(row, 2, 0, 1, 3)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(form)
        layout.addLayout(bottom)

    def reset_form(self) -> None:
        """Propose the next three days from now."""
        now = local(self.ctx.now()).replace(second=0, microsecond=0)
        self.start.setDateTime(_to_qdatetime(now))
        self.end.setDateTime(_to_qdatetime(now + DEFAULT_LENGTH))

    # --- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the delegations and the directory again."""
        self.ctx.spawn(self._load(), what=self.tr("读取委托"))

    def _changed(self, changes: Changes) -> None:
        if ChangeKind.DIRECTORY in changes.kinds and alive(self):
            self.reload()

    async def _load(self) -> None:
        org = await self.ctx.organisation()
        stored: list[LocalDelegation] = await self.ctx.db(lambda s: s.delegations())
        if not alive(self):
            return
        self._existing = [d.delegation for d in stored if d.pending != "end"]
        if org is not self._shown_org:
            self._fill_people(org)
        pending = {d.id: d.pending for d in stored}
        now = self.ctx.now()
        mine = current_and_future([d.delegation for d in stored],
                                  principal_id=self.ctx.person_id, now=now)
        self._show(org, [(d, pending.get(d.id)) for d in mine], now)
        self.add_button.setEnabled(True)
        self.is_loaded = True
        self.loaded.emit()

    def _fill_people(self, org: Organisation) -> None:
        actor = org.actor(self.ctx.person_id, self.ctx.now()) \
            if self.ctx.person_id in org.people else None
        people = [p for p in active_people(org, actor) if p.id != self.ctx.person_id]
        self._org = self._shown_org = org
        chosen = combo_id(self.delegate)
        self.delegate.clear()
        self.delegate.addItem(self.tr("（请选择）"), "")
        for person in people:
            self.delegate.addItem(person_text(org, person), person.id)
        self.delegate.setCurrentIndex(max(self.delegate.findData(chosen or ""), 0))

    def _show(self, org: Organisation, rows: list[tuple[Delegation, str | None]],
              now: datetime) -> None:
        self.table.setRowCount(len(rows))
        self.end_buttons = {}
        for row, (delegation, pending) in enumerate(rows):
            person = org.people.get(delegation.delegate_id)
            name = person.name if person else delegation.delegate_id
            period = self.tr("{0} 至 {1}").format(times.minute_text(delegation.start),
                                                  times.minute_text(delegation.end))
            for column, text in enumerate((name, period, self._state(delegation, pending, now))):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if pending != "end":
                button = QPushButton(self.tr("结束委托"))
                button.clicked.connect(lambda _=False, d=delegation, n=name: self.end_one(d, n))
                self.table.setCellWidget(row, 3, button)
                self.end_buttons[delegation.id] = button
            else:
                self.table.removeCellWidget(row, 3)
        self.empty.setVisible(not rows)

    def _state(self, delegation: Delegation, pending: str | None, now: datetime) -> str:
        if pending == "end":
            return self.tr("结束待同步")
        state = self.tr("生效中") if delegation.active_at(now) else self.tr("未开始")
        return self.tr("{0}（待同步）").format(state) if pending == "create" else state

    def rows(self) -> list[tuple[str, ...]]:
        """Return the texts of the list (delegate, period, state), row by row."""
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [tuple(text(r, c) for c in range(3)) for r in range(self.table.rowCount())]

    # --- adding ------------------------------------------------------------------------------

    def values(self) -> tuple[str, datetime, datetime]:
        """Return the chosen delegate's id ("" for none), the start and the end."""
        return (combo_id(self.delegate) or "", _from_qdatetime(self.start.dateTime()),
                _from_qdatetime(self.end.dateTime()))

    def validate(self) -> bool:
        """Show each problem of the form beside its field; return whether there is none."""
        delegate_id, start, end = self.values()
        errors: dict[str, str] = {}
        if self._org is not None:
            problems = delegation_problems(
                self._org, principal_id=self.ctx.person_id, delegate_id=delegate_id or "-",
                start=start, end=end, now=self.ctx.now(), existing=self._existing)
            for problem in problems:
                errors.setdefault(str(problem.details.get("field", "")), refusal_text(problem))
        if not delegate_id:
            errors["delegate_id"] = self.tr("请选择受托人")
        self.show_errors(errors)
        return not errors

    def submit(self) -> None:
        """Check the form and, if it is right, queue the delegation."""
        if not self.validate():
            return
        delegate_id, start, end = self.values()
        (self._operation(self.tr("添加委托"), on_store(
            self.ctx, actions.create_delegation, person_id=self.ctx.person_id,
            delegate_id=delegate_id, start=start, end=end))
         .busy(self.add_button)
         .refused(lambda refusal: self.show_errors({refused_field(refusal):
                                                    refusal_text(refusal)}))
         .success(self._created)
         .run())

    def _operation(self, what: str, action: Callable[[datetime], Awaitable[T]]
                   ) -> Operation[T]:
        """A change of the person's delegations (they travel with the directory)."""
        return Operation(self, self.ctx, what=what, action=action).changes(ChangeKind.DIRECTORY)

    def _created(self, delegation: Delegation) -> None:
        self.delegate.setCurrentIndex(0)
        self.reset_form()
        self.created.emit(delegation.id)

    # --- ending ------------------------------------------------------------------------------

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("结束委托"), text)
        return answer == QMessageBox.StandardButton.Yes

    def end_one(self, delegation: Delegation, name: str) -> None:
        """Ask, then end `delegation` now."""
        if not self.confirm(self.tr("确定结束对{0}的委托吗？结束后其不能再代您办理。")
                            .format(name)):
            return
        button = self.end_buttons.get(delegation.id)
        if button is not None:
            button.setEnabled(False)
        (self._operation(self.tr("结束委托"), on_store(
            self.ctx, actions.end_delegation, person_id=self.ctx.person_id,
            delegation_id=delegation.id))
         .refused(self._end_refused)
         .run())

    def _end_refused(self, refusal: Refusal) -> None:
        self.show_errors({"": refusal_text(refusal)})
        self.reload()
