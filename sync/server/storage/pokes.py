"""Pokes: "something new for you", fanned out in-process and across processes by LISTEN/NOTIFY.

A poke carries no data, only which scopes changed; each SSE stream wakes if one of its user's
scopes is among them, and its client then pulls (where visibility is checked again).
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

import psycopg
import sqlalchemy as sa

log = logging.getLogger("officeapp.server.pokes")

CHANNEL = "officeapp_poke"
ALL = "*"
# NOTIFY payloads must stay under 8000 bytes; past this we poke everyone.
MAX_PAYLOAD = 7000


@dataclass(eq=False)
class Subscriber:
    """One open event stream: its scopes and the event that wakes it."""

    scopes: frozenset[str]
    loop: asyncio.AbstractEventLoop
    event: asyncio.Event = field(default_factory=asyncio.Event)


class PokeHub:
    """In-process fan-out of pokes to the event streams of this server process.

    Streams are filed under each of their scopes: a poke names a few scopes and thousands of
    streams may be open, so a poke looks up its streams rather than asking each one.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: set[Subscriber] = set()
        self._by_scope: dict[str, set[Subscriber]] = {}
        self.closing = False

    def close_all(self) -> None:
        """End every stream now and refuse new ones: the server is stopping (any thread)."""
        self.closing = True
        self.publish([ALL])

    def subscribe(self, scopes: frozenset[str]) -> Subscriber:
        """Register a stream of the running event loop."""
        subscriber = Subscriber(scopes, asyncio.get_running_loop())
        with self._lock:
            self._subscribers.add(subscriber)
            for scope in scopes:
                self._by_scope.setdefault(scope, set()).add(subscriber)
        return subscriber

    def unsubscribe(self, subscriber: Subscriber) -> None:
        """Forget a closed stream."""
        with self._lock:
            self._subscribers.discard(subscriber)
            for scope in subscriber.scopes:
                filed = self._by_scope.get(scope)
                if filed is not None:
                    filed.discard(subscriber)
                    if not filed:
                        del self._by_scope[scope]

    def publish(self, scopes: Iterable[str]) -> None:
        """Wake every stream that sees one of `scopes` (any thread may call this)."""
        changed = frozenset(scopes)
        with self._lock:
            if ALL in changed:
                targets = set(self._subscribers)
            else:
                targets = set().union(*(self._by_scope.get(s, ()) for s in changed))
        by_loop: dict[asyncio.AbstractEventLoop, list[Subscriber]] = {}
        for subscriber in targets:
            by_loop.setdefault(subscriber.loop, []).append(subscriber)
        for loop, woken in by_loop.items():
            try:  # one wake-up of each loop, however many of its streams are poked
                loop.call_soon_threadsafe(_wake, woken)
            except RuntimeError:  # the loop has closed; its streams are gone
                for subscriber in woken:
                    self.unsubscribe(subscriber)

    @property
    def count(self) -> int:
        """Return how many streams are open."""
        with self._lock:
            return len(self._subscribers)


def _wake(subscribers: Iterable[Subscriber]) -> None:
    for subscriber in subscribers:
        subscriber.event.set()


def encode(scopes: Iterable[str]) -> str:
    """Return the NOTIFY payload for `scopes`."""
    payload = json.dumps(sorted(set(scopes)), ensure_ascii=False)
    return payload if len(payload.encode()) <= MAX_PAYLOAD else json.dumps([ALL])


def decode(payload: str) -> list[str]:
    """Return the scopes in a NOTIFY payload (everyone if it is unreadable)."""
    try:
        scopes = json.loads(payload)
    except ValueError:
        return [ALL]
    if isinstance(scopes, list) and all(isinstance(s, str) for s in scopes):
        return scopes
    return [ALL]


class Notifier:
    """Sends the pokes of committed transactions: directly, or via PostgreSQL NOTIFY."""

    def __init__(self, engine: sa.Engine, hub: PokeHub) -> None:
        self.hub = hub
        self.engine = engine
        self.uses_notify = engine.dialect.name == "postgresql"
        self._listener: _Listener | None = None
        self._lock = threading.Lock()

    def stage(self, connection: sa.Connection, scopes: Iterable[str]) -> None:
        """Queue a poke inside the writing transaction (PostgreSQL delivers it at commit)."""
        if self.uses_notify:
            connection.execute(sa.select(sa.func.pg_notify(CHANNEL, encode(scopes))))

    def committed(self, scopes: Iterable[str]) -> None:
        """Deliver a poke after commit when there is no NOTIFY to do it."""
        if not self.uses_notify:
            self.hub.publish(scopes)

    def ensure_listening(self) -> None:
        """Start listening for other processes' pokes (once, on the first stream)."""
        if not self.uses_notify:
            return
        with self._lock:
            if self._listener is None:
                dsn = self.engine.url.set(drivername="postgresql").render_as_string(
                    hide_password=False)
                self._listener = _Listener(dsn, self.hub)
                self._listener.start()

    def close(self) -> None:
        """Stop listening."""
        with self._lock:
            listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()


class _Listener:
    """A thread holding one PostgreSQL connection that LISTENs and feeds the hub."""

    def __init__(self, dsn: str, hub: PokeHub) -> None:
        self.dsn = dsn
        self.hub = hub
        self.ready = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="officeapp-listen", daemon=True)

    def start(self) -> None:
        """Start the thread and wait (briefly) until LISTEN is in place."""
        self._thread.start()
        self.ready.wait(timeout=5)

    def stop(self) -> None:
        """Stop the thread and close its connection."""
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._listen()
            except psycopg.Error as error:
                log.warning("LISTEN connection lost, retrying: %s", error)
                self._stop.wait(1.0)

    def _listen(self) -> None:
        with psycopg.connect(self.dsn, autocommit=True, connect_timeout=5) as connection:
            connection.execute(f"LISTEN {CHANNEL}")
            if self.ready.is_set():
                # We may have missed pokes while reconnecting: wake everyone to pull.
                self.hub.publish([ALL])
            self.ready.set()
            while not self._stop.is_set():
                for notify in connection.notifies(timeout=0.5):
                    self.hub.publish(decode(notify.payload))
