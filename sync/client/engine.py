"""The sync engine: pushes the outbox in order, pulls pages atomically, listens for pokes.

It runs on the asyncio loop (qasync in the client) and never touches SQLite itself: every
store call goes through `call`, which runs it on the one database worker thread.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import math
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from officeapp.errors import DomainError
from officeapp.store import LocalStore, OutboxMutation, PulledRejection, PullPage
from officeapp.store.bulk import StagedPage, Stager
from officeapp.store.db import Checkpointer
from officeapp.store.pull import PullOutcome
from sync.client.api import Api, ApiError, LoginRequired, Offline, UpgradeRequired
from sync.client.blobs import Blobs
from sync.client.pages import is_rejection, next_cursor, peek, read_page
from sync.client.pages import page_of as _page  # noqa: F401  (tests use it)
from sync.protocol import (
    MAX_MUTATIONS_PER_PUSH,
    MAX_PULL_LIMIT,
    SCHEMA_VERSION,
    Mutation,
    MutationResult,
    PullRequest,
    PushRequest,
    Upgrade,
)

log = logging.getLogger(__name__)
T = TypeVar("T")
# How often a long pull tells the UI what its pages changed (see _Told).
CHANGED_EVERY_SECONDS = 1.0
# While the server is older than this client, how often to ask again: the administrator may
# upgrade it while the client runs, and until then every attempt is refused the same way.
SERVER_UPGRADE_WAIT_SECONDS = 300.0
# While the event stream is open its pokes tell of anything new: the client then polls only
# this often, in case a poke was lost on the way (polling every `poll_seconds` is the
# fallback for when there is no stream). Thousands of clients polling every 30 s were a
# third of a city server's requests.
STREAM_POLL_SECONDS = 300.0
# At start, how long the first sync waits for the event stream to open: pulling after the
# stream listens leaves no gap for a poke to fall into, so its `ready` needs no second pull.
FIRST_READY_WAIT_SECONDS = 2.0
# Changes asked for in one pull (the most the server gives).
PAGE_SIZE = MAX_PULL_LIMIT
UPGRADE_MESSAGES: dict[Upgrade, str] = {
    "client": "客户端版本过旧，服务器已不再接受，请升级客户端（安装新版本）后再同步；"
              "未同步的操作已保留在本机",
    "server": "服务器版本比客户端旧，请联系管理员先升级服务器；未同步的操作已保留在本机，"
              "升级后自动同步",
}
StoreCall = Callable[..., Awaitable[Any]]


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows: online or not, what waits, when it last worked, what failed."""

    online: bool = False
    syncing: bool = False
    pending: int = 0
    last_sync: datetime | None = None
    error: str | None = None
    login_required: bool = False
    # Records pulled so far in this round: a first sync of 100k shows its progress.
    received: int = 0
    # Which side must be upgraded before syncing can work again (client and server speak
    # protocols too far apart); `error` then says what to do.
    upgrade: Upgrade | None = None


class OutOfOrder(Exception):
    """The server expects another mutation id: the outbox and the server disagree."""


async def _direct(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    return fn(*args, **kwargs)


class SyncEngine:
    """Keeps one client's store in sync with the server."""

    def __init__(
        self, *, api: Api, store: LocalStore, call: StoreCall = _direct,
        on_status: Callable[[SyncStatus], None] | None = None,
        on_changed: Callable[[PullOutcome], None] | None = None,
        poll_seconds: float = 30.0, stream_poll_seconds: float = STREAM_POLL_SECONDS,
        page_size: int = PAGE_SIZE, clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        blobs: Blobs | None = None,
    ) -> None:
        self.api = api
        self.store = store
        self.blobs = blobs
        self._call = call
        self._on_status = on_status
        self._on_changed = on_changed
        self.poll_seconds = poll_seconds
        self.stream_poll_seconds = stream_poll_seconds
        self.page_size = page_size
        self._clock = clock
        self.status = SyncStatus()
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        # Set once the event stream said `ready` (or could not open, or the first sync stopped
        # waiting for it); `_streaming` while it is open.
        self._listening = asyncio.Event()
        self._streaming = False
        self._listener: asyncio.Future[Any] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._stopping = False
        self._failures = 0
        self._saved_offset: timedelta | None = None
        self._pools: dict[str, concurrent.futures.ThreadPoolExecutor] = {}
        self._stager_made: Stager | None = None
        self._roots_known = False
        # Pulled documents whose trace is still to check (officeapp/store/traces.py); at
        # start, those a previous run wrote and did not check before it ended.
        self._unchecked = True
        self._checking: asyncio.Future[None] | None = None

    # --- one round -------------------------------------------------------------------------

    async def sync_once(self) -> None:
        """Push everything pending, then pull until current. Raises on failure."""
        async with self._lock:
            self._set(syncing=True, received=0)
            try:
                await self.push()
                await self._save_offset()
                await self.pull()
                await self._save_offset()
                await self._fetch_trust_roots()
            except (Offline, ApiError) as error:
                await self._save_offset()  # an error answer carries the server's Date too
                self._failed(error)
                raise
            except OutOfOrder as error:
                self._set(syncing=False, error=f"同步序号不一致：{error}")
                raise
            pending = await self._call(_pending_count, self.store)
            self._failures = 0
            self._set(online=True, syncing=False, pending=pending, error=None,
                      last_sync=self._clock(), login_required=False, upgrade=None)

    async def _fetch_trust_roots(self) -> None:
        """Ask once for the trusted roots when this store never received them by pull."""
        if self._roots_known:
            return
        if await self._call(lambda s: s.trust_roots_known(), self.store):
            self._roots_known = True  # kept by pulls from now on: no question per round
            return
        try:
            answer = await self.api.trust_roots()
        except ApiError as error:
            if error.status != 404:
                raise
            roots: list[dict[str, Any]] = []  # a server without seals: none to trust yet
        else:
            roots = [root.model_dump() for root in answer.roots]
        await self._call(lambda s, r: s.replace_trust_roots(r), self.store, roots)
        self._roots_known = True
        if roots:
            self._changed(PullOutcome(directory=True))

    async def _save_offset(self) -> None:
        """Keep the server's clock offset the last exchange measured, for corrected_now()."""
        offset = self.api.server_offset
        if offset != self._saved_offset:
            with contextlib.suppress(DomainError):  # never fail a round over a clock note
                await self._call(lambda s, o: s.set_server_offset(o), self.store, offset)
                self._saved_offset = offset

    async def push(self) -> None:
        """Send pending mutations in order, each batch once per round."""
        client_id: str = await self._call(lambda s: s.client_id, self.store)
        after = 0
        while True:
            batch: list[OutboxMutation] = await self._call(_pending_after, self.store, after)
            if not batch:
                return
            if self.blobs is not None:
                # The server rejects a document naming a blob it does not hold in full.
                await self.blobs.upload_referenced([m.args for m in batch])
            request = PushRequest(client_id=client_id, schema_version=SCHEMA_VERSION,
                                  mutations=[_wire(m) for m in batch])
            try:
                response = await self.api.push(request)
            except (Offline, ApiError) as error:
                await self._call(_attempted, self.store, batch[0].mutation_id, str(error))
                raise
            await self._handle_results(response.results)
            after = batch[-1].mutation_id

    async def _handle_results(self, results: list[MutationResult]) -> None:
        rejected = [r for r in results if is_rejection(r)]
        for result in results:
            if result.status == "out_of_order":
                raise OutOfOrder(
                    f"服务器期待第{result.expected_id}号操作，本机发送的是第{result.id}号")
        if rejected:
            refusals = [PulledRejection(r.id, r.code or "sync.rejected",
                                        r.message or "服务器拒绝了该操作", r.details)
                        for r in rejected]
            outcome = await self._call(lambda s, r: s.apply_rejections(r), self.store, refusals)
            self._changed(outcome)

    async def pull(self) -> None:
        """Pull pages until the server has nothing more; each page lands atomically.

        Several things run at once: the store writes page n (its database thread), page n+1
        is staged on a connection of its own (the staging thread; SQLite lets go of the GIL,
        so a second core works), page n+2 is asked for as soon as n+1's envelope, read first,
        gives its cursor, and in a long pull the WAL is checkpointed on a third thread. Our
        server writes the envelope at the start of an answer, so the next page is asked for
        as soon as an answer's first bytes arrive (`_Ahead`): on a slow link two answers are
        in flight, one on the wire while the server builds the other.
        """
        client_id: str = await self._call(lambda s: s.client_id, self.store)
        cursor: int = await self._call(lambda s: s.get_cursor(), self.store)
        stager = await self._stager()
        checkpoints = _Checkpoints(self)
        told = _Told(self)
        ahead = _Ahead(self, client_id)
        applying: asyncio.Future[None] | None = None
        try:
            await ahead.ask(cursor)
            body = await ahead.take()
            while True:
                peeked = await self._staging_call(peek, stager, body)
                asked = None
                if peeked is not None and peeked.head.has_more and not peeked.head.reset:
                    asked = peeked.head.cursor
                    await ahead.ask(asked)
                page = await self._staging_call(read_page, stager, body, peeked)
                if applying is not None:
                    await applying
                    applying = None
                if page.reset:
                    # The answer to a reset carries no data: wipe, then pull again from zero.
                    await ahead.drop()
                    self._reopen_stream()  # what the user may see changed: so do their pokes
                    await self._call(lambda s: s.wipe_mirror(), self.store)
                    told.flush()
                    self._changed(PullOutcome(directory=True))
                    await ahead.ask(0)
                    body = await ahead.take()
                    continue
                if page.has_more and asked != page.cursor:  # decoded whole: known only now
                    await ahead.ask(page.cursor)
                applying = asyncio.ensure_future(self._apply(page, checkpoints, told))
                if not page.has_more:
                    await ahead.drop()  # asked for by an envelope the page contradicted
                    await applying
                    applying = None
                    break
                # A page that fails to be written is reported at once, not after the next.
                await asyncio.wait((ahead.next(), applying),
                                   return_when=asyncio.FIRST_COMPLETED)
                if applying.done():
                    applying.result()
                body = await ahead.take()
        except BaseException:
            await ahead.drop()
            if applying is not None:
                # A page being written lands (or fails) whole; let it end and be announced.
                with contextlib.suppress(BaseException):
                    await applying
            raise
        finally:
            told.flush()  # pages written before a failure are announced too
            checkpoints.close()
            self._check_traces_soon()

    def _check_traces_soon(self) -> None:
        """Check the traces the pulled pages wrote unchecked, in the background: off the
        pull's path (the store shows a break meanwhile by checking the record it is asked
        for), a batch per store call so the views' reads come in between."""
        if self._stopping:
            return  # the list stays in the store for the next start
        if self._unchecked and (self._checking is None or self._checking.done()):
            self._unchecked = False
            self._checking = asyncio.ensure_future(self._check_traces())
            self._tasks.add(self._checking)  # keep a reference until it ends
            self._checking.add_done_callback(self._tasks.discard)

    async def _check_traces(self) -> None:
        try:
            while await self._call(lambda s: s.verify_traces(), self.store) \
                    or self._unchecked:
                self._unchecked = False  # a page landed meanwhile: its rows are read too
        except Exception:  # the list stays in the store: the next pull starts it again
            self._unchecked = True
            log.exception("checking pulled traces failed")

    async def traces_checked(self) -> None:
        """Wait until the traces pulled so far are checked against their chain hashes."""
        while self._checking is not None and not self._checking.done():
            await asyncio.shield(self._checking)

    async def _apply(self, page: PullPage | StagedPage, checkpoints: _Checkpoints,
                     told: _Told) -> None:
        outcome = await self._call(lambda s, p: s.apply_pull(p), self.store, page)
        self._unchecked |= isinstance(page, StagedPage)
        self._set(received=self.status.received + page.size)
        told.add(outcome, last=not page.has_more)
        if page.has_more:
            await checkpoints.after_page()

    async def _stager(self) -> Stager:
        """The engine's stager, made at the first pull on the staging thread, its one user
        (a staging call abandoned by a failed pull ends there before the next begins)."""
        if self._stager_made is None:
            self._stager_made = await self._staging_call(self.store.stager)
        return self._stager_made

    async def _staging_call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn` on the staging thread."""
        return await asyncio.get_running_loop().run_in_executor(
            self._pool("staging"), fn, *args)

    def _pool(self, name: str) -> concurrent.futures.ThreadPoolExecutor:
        """The engine's one thread for `name` (staging, checkpoints)."""
        pool = self._pools.get(name)
        if pool is None:
            pool = self._pools[name] = concurrent.futures.ThreadPoolExecutor(
                max_workers=1, thread_name_prefix=f"officeapp-{name}")
        return pool

    async def _fetch(self, client_id: str, cursor: int,
                     on_prefix: Callable[[bytes], None] | None = None) -> bytes:
        return await self.api.pull_raw(PullRequest(
            client_id=client_id, cursor=cursor, schema_version=SCHEMA_VERSION,
            limit=self.page_size), on_prefix)

    # --- running in the background -----------------------------------------------------------

    def trigger(self) -> None:
        """Ask for a sync soon (after a local action, or a poke)."""
        self._wake.set()

    def start(self) -> None:
        """Start the sync loop and the event listener as background tasks."""
        self._stopping = False
        self._listening.clear()
        self._spawn(self._loop())
        self._listener = self._spawn(self._listen())
        self._check_traces_soon()  # what a previous run left unchecked, even when offline

    async def stop(self) -> None:
        """Stop the background tasks and wait for them to end."""
        self._stopping = True
        self._wake.set()
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._stager_made is not None:
            self._pool("staging").submit(self._stager_made.close)
            self._stager_made = None
        for pool in self._pools.values():
            pool.shutdown(wait=False)  # they still close the connections queued to close
        self._pools.clear()

    def _spawn(self, coroutine: Awaitable[Any]) -> asyncio.Future[Any]:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)  # keep a reference until it ends
        task.add_done_callback(self._tasks.discard)
        return task

    def _reopen_stream(self) -> None:
        """Open the event stream again: the server files a stream under the scopes its user
        had when it opened, and a reset says they changed (moved to another unit)."""
        if self._listener is not None and not self._listener.done():
            self._listener.cancel()
            self._listener = self._spawn(self._listen())

    async def _loop(self) -> None:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(FIRST_READY_WAIT_SECONDS):
                await self._listening.wait()
        self._listening.set()  # a `ready` from now on may follow a change this round missed
        while not self._stopping:
            self._wake.clear()
            polled = False  # a failed round is retried on its backoff, stream or not
            try:
                await self.sync_once()
                delay, polled = self.poll_seconds, True
            except LoginRequired:
                return
            except UpgradeRequired as error:
                if error.side == "client":
                    return  # nothing changes until this installation is upgraded (a restart)
                delay = SERVER_UPGRADE_WAIT_SECONDS
            except (Offline, ApiError, OutOfOrder):
                delay = self._backoff()
            except Exception:  # never let a bug end syncing silently
                log.exception("sync round failed")
                delay = self._backoff()
            await self._sleep(delay, stretch=polled)

    async def _sleep(self, delay: float, *, stretch: bool = False) -> None:
        """Wait `delay` seconds, or less if someone triggers a sync. With `stretch`, the wait
        lasts `stream_poll_seconds` while the event stream is open; the stream's state is
        looked at again every `delay` seconds, and once it closes the next poll is `delay`
        after the last round."""
        started = time.monotonic()
        while not self._wake.is_set():
            streaming = stretch and self._streaming
            due = max(delay, self.stream_poll_seconds) if streaming else delay
            left = started + due - time.monotonic()
            if left <= 0:
                return
            # A timeout rather than wait_for: cancelling never strands an unawaited coroutine.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(min(left, delay)):
                    await self._wake.wait()

    def _backoff(self) -> float:
        """Return the next wait after a failure: exponential with jitter, at most 5 minutes."""
        self._failures += 1
        base = min(300.0, 2.0 ** min(self._failures, 9))
        return float(base * (0.5 + random.random() / 2))

    async def _listen(self) -> None:
        """Turn server pokes into syncs; reconnect with backoff when the stream drops."""
        failures = 0
        while not self._stopping and not self._client_too_old():
            try:
                async for event in self.api.events():
                    failures = 0
                    self._streaming = True
                    if self._client_too_old():
                        return  # syncing has stopped until the client is upgraded
                    if event == "poke" or (event == "ready" and self._listening.is_set()):
                        self.trigger()
                    elif event == "ready":
                        self._listening.set()  # the first sync, waiting for this, pulls now
            except LoginRequired:
                return
            except (Offline, ApiError) as error:
                log.info("event stream closed: %s", error)
            except Exception:
                log.exception("event stream failed")
            finally:
                self._streaming = False
            self._listening.set()  # no stream to wait for
            failures += 1
            await asyncio.sleep(min(60.0, 2.0 ** min(failures, 6)) * (0.5 + random.random() / 2))

    # --- status ------------------------------------------------------------------------------

    def _client_too_old(self) -> bool:
        """Whether the server turned this client away until it is upgraded."""
        return self.status.upgrade == "client"

    def _failed(self, error: Exception) -> None:
        if isinstance(error, LoginRequired):
            self._set(online=False, syncing=False, error="登录已失效，请重新登录",
                      login_required=True)
        elif isinstance(error, UpgradeRequired):
            self._set(online=True, syncing=False, error=UPGRADE_MESSAGES[error.side],
                      upgrade=error.side)
        elif isinstance(error, Offline) and error.certificate:
            self._set(online=False, syncing=False,
                      error="服务器证书无法验证，已离线工作：请在设置中检查CA证书文件")
        elif isinstance(error, Offline):
            self._set(online=False, syncing=False, error="无法连接服务器，已离线工作")
        else:
            assert isinstance(error, ApiError)
            self._set(online=not error.retryable, syncing=False, error=error.message)

    def _set(self, **changes: Any) -> None:
        self.status = replace(self.status, **changes)
        if self._on_status is not None:
            self._on_status(self.status)

    def _changed(self, outcome: PullOutcome) -> None:
        if self._on_changed is not None and outcome.changed:
            self._on_changed(outcome)


class _Told:
    """What a pull's pages changed, told at most every CHANGED_EVERY_SECONDS: each telling
    makes the open views read the store again, on the thread that writes the pages (a
    hundred pages of an initial sync would pay for a hundred re-reads). The first page and
    the last are told at once, so a pull of one page is never held back."""

    def __init__(self, engine: SyncEngine) -> None:
        self._engine = engine
        self._pending: PullOutcome | None = None
        self._told_at = -math.inf

    def add(self, outcome: PullOutcome, *, last: bool) -> None:
        if self._pending is not None:
            outcome = self._pending.merged(outcome)
        now = time.monotonic()
        if last or now - self._told_at >= CHANGED_EVERY_SECONDS:
            self._pending = None
            self._told_at = now
            self._engine._changed(outcome)
        else:
            self._pending = outcome

    def flush(self) -> None:
        if self._pending is not None:
            outcome, self._pending = self._pending, None
            self._engine._changed(outcome)


class _Checkpoints:
    """A long pull's checkpoints, on the engine's checkpoint thread: one at a time, started
    after a page is written unless one still runs (then it takes that page's frames too)."""

    def __init__(self, engine: SyncEngine) -> None:
        self._engine = engine
        self._checkpointer: Checkpointer | None = None
        self._running: asyncio.Future[None] | None = None
        self._opened = False

    async def after_page(self) -> None:
        if not self._opened:
            self._opened = True
            self._checkpointer = await self._engine._call(lambda s: s.checkpointer(),
                                                          self._engine.store)
        if self._checkpointer is not None and (self._running is None or self._running.done()):
            self._running = asyncio.get_running_loop().run_in_executor(
                self._engine._pool("checkpoints"), self._checkpointer.checkpoint)

    def close(self) -> None:
        if self._checkpointer is not None:
            self._engine._pool("checkpoints").submit(self._checkpointer.close)


class _Ahead:
    """The answers a pull has asked for and not yet taken, in the order it takes them: at
    most two, each a few megabytes.

    The loop asks for the page after the one it reads (`ask`, from that page's envelope);
    besides, when an answer's first bytes say where the page after it starts
    (`pages.next_cursor`), that page is asked for at once (only from the newest answer, and
    while one answer at most waits), so the server builds it while the link still carries
    the first. A hint the checked envelope contradicts costs one wasted request: `ask`
    drops every answer it did not want.
    """

    def __init__(self, engine: SyncEngine, client_id: str) -> None:
        self._engine = engine
        self._client_id = client_id
        self._asked: list[tuple[int, asyncio.Future[bytes]]] = []
        # A cursor told by the newest answer while two waited, with that answer.
        self._held: tuple[asyncio.Future[bytes], int] | None = None

    async def ask(self, cursor: int) -> None:
        """Make the next answer taken the page from `cursor`: keep it if it is on its way
        already (asked early), drop whatever else was asked."""
        if self._asked and self._asked[0][0] == cursor:
            return
        await self.drop()
        self._start(cursor)

    def next(self) -> asyncio.Future[bytes]:
        """The answer `take` returns next."""
        return self._asked[0][1]

    async def take(self) -> bytes:
        """Wait for the next answer and hand it over."""
        body = await self._asked[0][1]
        self._asked.pop(0)
        if self._held is not None and len(self._asked) == 1 and self._asked[0][1] is self._held[0]:
            self._start(self._held[1])  # told while two answers waited: asked for now
        self._held = None
        return body

    async def drop(self) -> None:
        """Cancel every answer not taken, and wait for them to end."""
        asked, self._asked, self._held = self._asked, [], None
        for _cursor, future in asked:
            await _abandon(future)

    def _start(self, cursor: int) -> None:
        future: asyncio.Future[bytes] = asyncio.ensure_future(self._engine._fetch(
            self._client_id, cursor, lambda prefix: self._early(future, prefix)))
        self._asked.append((cursor, future))

    def _early(self, source: asyncio.Future[bytes], prefix: bytes) -> None:
        cursor = next_cursor(prefix)
        if cursor is None or not self._asked or self._asked[-1][1] is not source:
            return
        if len(self._asked) == 1:
            self._start(cursor)
        else:
            self._held = (source, cursor)


async def _abandon(task: asyncio.Future[Any] | None) -> None:
    """Cancel a request that is no longer wanted and wait for it to end."""
    if task is not None:
        task.cancel()
        with contextlib.suppress(BaseException):
            await task


def _wire(mutation: OutboxMutation) -> Mutation:
    return Mutation(id=mutation.mutation_id, name=mutation.name, v=mutation.mutator_version,
                    args=mutation.args)


def _pending_after(store: LocalStore, after: int) -> list[OutboxMutation]:
    rows = store.pending_mutations()
    return [m for m in rows if m.mutation_id > after][:MAX_MUTATIONS_PER_PUSH]


def _pending_count(store: LocalStore) -> int:
    return store.pending_count()


def _attempted(store: LocalStore, mutation_id: int, error: str) -> None:
    store.record_attempt(mutation_id=mutation_id, error=error[:500])
