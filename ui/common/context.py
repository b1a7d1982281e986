"""What every window needs: the database worker, the store, the engine, and the change signal."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from officeapp.clock import Clock
from officeapp.org import Actor, Organisation
from officeapp.store import LocalStore
from officeapp.store.pull import PullOutcome, by_kind
from sync.client.engine import SyncEngine, SyncStatus
from sync.client.notification_prefs import NotificationPrefsKeeper
from ui.common.qt import QObject, Signal
from ui.common.settings import Settings
from ui.common.worker import Worker

log = logging.getLogger(__name__)
T = TypeVar("T")


class ChangeKind(StrEnum):
    """A kind of data a write or a pull may change; views refresh on the kinds they show.

    A record kind's member is the kind's name (officeapp.store.tables.TABLES), so a pull's
    ids by kind name turn into kinds here and `Changes.of(ChangeKind.MEETING)` finds them.
    """

    DOCUMENT = "document"
    MEETING = "meeting"
    SUPERVISION = "supervision"
    DIRECTORY = "directory"
    REJECTION = "rejection"
    OUTBOX = "outbox"


@dataclass(frozen=True)
class Changes:
    """What a write touched: kinds of data, the ids of the records by kind, and who caused it
    (views skip refreshes they caused themselves). A pull names every record it changed; a
    local write names the documents it touched and leaves the meetings and supervision items
    empty (any of that kind may have changed)."""

    kinds: frozenset[ChangeKind]
    # A mapping has no hash; equal values still hash alike on the other fields.
    ids: Mapping[str, frozenset[str]] = field(default_factory=dict, hash=False)
    origin: object | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ids", by_kind(self.ids))

    def of(self, kind: ChangeKind) -> frozenset[str]:
        """Return the records of one kind named as changed (empty: none named)."""
        return self.ids.get(kind, frozenset())


class AppContext(QObject):
    """Shared by every window of one logged-in session."""

    changed = Signal(object)  # Changes
    status_changed = Signal(object)  # SyncStatus
    error = Signal(str)  # a message for people, shown in the status bar
    notification_prefs_changed = Signal(object)  # PrefsState: 通知方式 cached, sent, refused

    def __init__(self, *, settings: Settings, worker: Worker, store: LocalStore,
                 person_id: str, engine: SyncEngine | None = None,
                 clock: Clock | None = None) -> None:
        super().__init__()
        self.clock = clock or Clock(offset=engine.api.server_offset if engine else timedelta(0))
        self.settings = settings
        self.worker = worker
        self.store = store
        self.person_id = person_id
        self.engine = engine
        self._tasks: set[asyncio.Task[Any]] = set()
        self._org: Organisation | None = None
        self.notification_prefs = NotificationPrefsKeeper(
            store=store, person_id=person_id, call=worker.run,
            on_change=self.notification_prefs_changed.emit)
        self._sending_prefs: asyncio.Task[Any] | None = None

    # --- time ------------------------------------------------------------------------------

    def now(self) -> datetime:
        """Return the one clock of the session: the server's time as last measured (actions,
        due dates and lights all read it; the server decides for real)."""
        return self.clock.now()

    # --- the database worker -----------------------------------------------------------------

    async def db(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run `fn(store, *args, **kwargs)` on the database thread and return its result."""
        return await self.worker.run(fn, self.store, *args, **kwargs)

    def db_now(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run `fn(store, ...)` on the database thread and wait (start-up and tests only)."""
        return self.worker.call(fn, self.store, *args, **kwargs)

    async def organisation(self) -> Organisation:
        """Return the directory, cached until it changes."""
        if self._org is None:
            loaded: Organisation = await self.db(lambda s: s.organisation())
            self._org = loaded
            return loaded
        return self._org

    async def actor(self) -> Actor:
        """Return the logged-in person as the rules see them now.

        Before the first sync has brought the directory, the person holds nothing yet.
        """
        org = await self.organisation()
        if self.person_id not in org.people:
            self._org = None
            return Actor(self.person_id, "", "", (), frozenset())
        return org.actor(self.person_id, self.now())

    # --- writes and broadcasting -------------------------------------------------------------

    async def write(self, fn: Callable[..., T], /, *args: Any,
                    kinds: Iterable[ChangeKind] = (ChangeKind.DOCUMENT,),
                    ids: Mapping[str, Iterable[str]] | None = None,
                    origin: object | None = None, **kwargs: Any) -> T:
        """Run a user action on the database thread, broadcast it, and ask for a sync.

        `ids`: the records touched, by kind (`{ChangeKind.DOCUMENT: (document_id,)}`).
        """
        result = await self.db(fn, *args, **kwargs)
        self.wrote(Changes(frozenset(kinds), by_kind(ids or {}), origin))
        return result

    def wrote(self, changes: Changes) -> None:
        """Broadcast a local write (it always adds to the outbox) and ask for a sync."""
        self.broadcast(replace(changes, kinds=changes.kinds | {ChangeKind.OUTBOX}))
        if self.engine is not None:
            self.engine.trigger()

    def broadcast(self, changes: Changes) -> None:
        """Tell every view what changed."""
        if ChangeKind.DIRECTORY in changes.kinds:
            self._org = None
        self.changed.emit(changes)

    def pulled(self, outcome: PullOutcome) -> None:
        """Turn what a pull changed into a broadcast (called by the sync engine)."""
        kinds = {ChangeKind.OUTBOX, *(ChangeKind(kind) for kind in outcome.ids)}
        if outcome.directory:
            kinds.add(ChangeKind.DIRECTORY)
        if outcome.rejected:
            kinds.add(ChangeKind.REJECTION)
        self.broadcast(Changes(frozenset(kinds), outcome.ids))

    def sync_status(self, status: SyncStatus) -> None:
        """Forward the engine's status to the views; once a round worked, send what waits."""
        if self.engine is not None and status.online:
            self.clock.offset = self.engine.api.server_offset  # as the last exchange measured
        self.status_changed.emit(status)
        if status.online and not status.syncing and status.error is None:
            self.send_notification_prefs()

    def send_notification_prefs(self) -> None:
        """Send a 通知方式 edit kept while offline (once at a time; a refusal is kept and
        announced through notification_prefs_changed)."""
        keeper = self.notification_prefs
        if (self.engine is None or self._sending_prefs is not None
                or not keeper.may_have_pending or keeper.unsupported):
            return
        task = self.spawn(keeper.send_pending(self.engine.api), what="保存通知方式")
        self._sending_prefs = task
        task.add_done_callback(lambda _task: setattr(self, "_sending_prefs", None))

    # --- background tasks --------------------------------------------------------------------

    def spawn(self, coroutine: Awaitable[Any], *, what: str = "") -> asyncio.Task[Any]:
        """Run a coroutine in the background, keeping a reference until it ends."""
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(lambda t: self._finished(t, what))
        return task

    def _finished(self, task: asyncio.Task[Any], what: str) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            message = getattr(error, "message", None) or str(error)
            log.error("background task %s failed", what or task, exc_info=error)
            self.error.emit(f"{what}失败：{message}" if what else str(message))

    async def close(self) -> None:
        """Stop syncing, cancel background work and close the store."""
        if self.engine is not None:
            await self.engine.stop()
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await self.worker.run(self.store.close)
