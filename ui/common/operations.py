"""One object per user action (like Anki's `CollectionOp`): the view says what to run, what is
busy meanwhile, what changes, and what follows success; the operation does the rest.

    Operation(self, self.ctx, what=self.tr("签收"),
              action=lambda now: self.ctx.db(actions.act, ..., now=now))
        .busy(self.ok_button, flag=self._set_busy)
        .changes(ChangeKind.DOCUMENT, ids={ChangeKind.DOCUMENT: (document_id,)})
        .success(self._acted)
        .run()

It owns
- the busy state: `flag(True)` and the controls disabled until the action ends;
- the clock: the action gets the one server-corrected `now` of the session (`ctx.now()`);
- refusals: a `Rejected` verdict, a raised `DomainError` or the server's `ApiError` goes to
  one refusal callback (by default a message box with `refusal_text`); a failure the view
  explains itself (a file not written, the server out of reach) goes to its `expect` callback;
- the "pane still alive" guard: once the owner is gone (its window closed meanwhile) nothing
  of it is touched, though what was written is still broadcast;
- the change broadcast: after success, `ctx.wrote(Changes(...))` tells every view, with the
  owner as origin, and asks for a sync (a change of this client alone, `queued=False`, is
  only broadcast).

Any other exception goes to `ctx.spawn`, which logs it and shows it in the status bar.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable, Iterable, Mapping
from datetime import datetime
from typing import Any, Generic, Self, TypeVar

from officeapp.core.verdict import Rejected
from officeapp.errors import DomainError
from officeapp.store.pull import by_kind
from sync.client.api import ApiError
from ui.common.context import AppContext, ChangeKind, Changes
from ui.common.messages import Refusal, refusal_text
from ui.common.qt import QMessageBox, Qt, QWidget, alive

R = TypeVar("R")  # what a successful action returns (a verdict's Accepted, or anything)
T = TypeVar("T")
E = TypeVar("E", bound=Exception)


class Operation(Generic[R]):
    """A user action run in the background on behalf of `owner` (a pane, a dialog)."""

    def __init__(self, owner: QWidget, ctx: AppContext, *, what: str,
                 action: Callable[[datetime], Awaitable[R | Rejected]]) -> None:
        self.owner = owner
        self.ctx = ctx
        self.what = what
        self._action = action
        self._controls: tuple[QWidget, ...] = ()
        self._flag: Callable[[bool], object] | None = None
        self._success: Callable[[R], object] | None = None
        self._refused: Callable[[Refusal], object] = self._show_refusal
        self._changes: Changes | None = None
        self._queued = True
        self._expected: list[tuple[type[Exception], Callable[[Any], object]]] = []

    # --- what the view says --------------------------------------------------------------

    def busy(self, *controls: QWidget, flag: Callable[[bool], object] | None = None) -> Self:
        """Disable `controls` and hold `flag(True)` while the action runs."""
        self._controls = controls
        self._flag = flag
        return self

    def changes(self, *kinds: ChangeKind, ids: Mapping[str, Iterable[str]] | None = None,
                queued: bool = True) -> Self:
        """Broadcast these kinds of records (and their ids, by kind) as changed once the action
        succeeds; `queued=False` for a change of this client alone (nothing goes to the
        outbox, so no sync is asked for)."""
        self._changes = Changes(frozenset(kinds), by_kind(ids or {}), self.owner)
        self._queued = queued
        return self

    def success(self, callback: Callable[[R], object]) -> Self:
        """Call `callback(result)` after success (awaited if it returns an awaitable); an
        action that returns a verdict calls it with the `Accepted` one only."""
        self._success = callback
        return self

    def refused(self, callback: Callable[[Refusal], object]) -> Self:
        """Call `callback(refusal)` instead of showing the refusal in a message box."""
        self._refused = callback
        return self

    def expect(self, error: type[E], callback: Callable[[E], object]) -> Self:
        """Call `callback(error)` when the action raises `error`: a failure the view explains
        itself (a file not written, the server out of reach) instead of the status bar."""
        self._expected.append((error, callback))
        return self

    # --- running -------------------------------------------------------------------------

    def run(self) -> asyncio.Task[Any]:
        """Start the action in the background (the context keeps the task until it ends)."""
        self._set_busy(True)
        return self.ctx.spawn(self._run(self.ctx.now()), what=self.what)

    async def _run(self, now: datetime) -> None:
        try:
            result = await self._action(now)
        except (DomainError, ApiError) as error:
            self._finish()
            await self._call(self._refused, error)
            return
        except BaseException as error:
            self._finish()
            await self._call(self._handler(error), error)
            return
        self._finish()
        if isinstance(result, Rejected):
            await self._call(self._refused, result.rejection)
            return
        if self._changes is not None:
            self._broadcast(self._changes)
        if self._success is not None:
            await self._call(self._success, result)

    def _handler(self, error: BaseException) -> Callable[[Any], object]:
        """Return the callback expecting `error`; re-raise it when none does."""
        for expected, callback in self._expected:
            if isinstance(error, expected):
                return callback
        raise error

    def _broadcast(self, changes: Changes) -> None:
        if self._queued:
            self.ctx.wrote(changes)
        else:
            self.ctx.broadcast(changes)

    def _set_busy(self, busy: bool) -> None:
        if self._flag is not None:
            self._flag(busy)
        for control in self._controls:
            if alive(control):
                control.setEnabled(not busy)

    def _finish(self) -> None:
        if alive(self.owner):
            self._set_busy(False)

    async def _call(self, callback: Callable[[Any], object], argument: object) -> None:
        """Call back into the owner unless it is gone; await what the callback returns."""
        if not alive(self.owner):
            return
        outcome = callback(argument)
        if inspect.isawaitable(outcome):
            await outcome

    def _show_refusal(self, refusal: Refusal) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.what, refusal_text(refusal),
                          QMessageBox.StandardButton.Ok, self.owner)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()  # not exec(): the event loop (and the sync) go on while it shows


def on_store(ctx: AppContext, fn: Callable[..., T], /, **kwargs: Any
             ) -> Callable[[datetime], Awaitable[T]]:
    """Return an action that runs `fn(store, now=now, **kwargs)` on the database thread."""
    def action(now: datetime) -> Awaitable[T]:
        return ctx.db(fn, now=now, **kwargs)
    return action
