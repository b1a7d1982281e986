"""The newest read of a pane wins: a newer read cancels the one still running, and a result
that arrives after a newer read started, or after the pane is gone, is dropped."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from ui.common.context import AppContext
from ui.common.qt import QObject, alive

T = TypeVar("T")


class LatestLoad:
    """Runs the reads of one pane (one at a time, the newest one)."""

    def __init__(self, owner: QObject, ctx: AppContext, *, what: str) -> None:
        self._owner = owner
        self._ctx = ctx
        self._what = what
        self._task: asyncio.Task[Any] | None = None
        self._generation = 0

    def start(self, read: Callable[[], Awaitable[T]], show: Callable[[T], object]) -> None:
        """Cancel the read still running, then `show(await read())` unless outrun meanwhile."""
        self.cancel()
        self._generation += 1
        self._task = self._ctx.spawn(self._run(self._generation, read, show), what=self._what)

    def idle(self) -> bool:
        """Return whether no read is running (the last one was shown, dropped or failed)."""
        return self._task is None or self._task.done()

    def cancel(self) -> None:
        """Stop the read still running (its result will not be shown)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

    async def _run(self, generation: int, read: Callable[[], Awaitable[T]],
                   show: Callable[[T], object]) -> None:
        result = await read()
        if generation == self._generation and alive(self._owner):
            show(result)
