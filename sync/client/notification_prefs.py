"""通知方式 on the client: the person's choice as the server last gave it, an edit waiting for
the link, and a refusal of that edit the server sent after the person had moved on.

The client works offline, so an edit is kept at once as pending and sent when the link is
back; the server, not the client, checks the number and the address, so a pending edit may
still be refused, and that refusal is kept (with the refused edit) until the person saves
again. Everything lives in the person's own local store (sync_meta, under their person id),
so a change of server or account never carries another person's choice or edit.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

import pydantic

from officeapp.store import LocalStore
from sync.client.api import Api, ApiError, LoginRequired, Offline, UpgradeRequired
from sync.protocol import NotificationPrefs, NotificationPrefsUpdate

META_KEY = "notification_prefs:{person_id}"
StoreCall = Callable[..., Awaitable[Any]]
Saved = Literal["saved", "pending", "unsupported"]
# Answers that say nothing about the edit itself: it stays pending and is sent again later.
_NOT_A_REFUSAL = frozenset({401, 404, 408, 425, 429})


@dataclass
class PrefsRefusal:
    """The server refused an edit sent in the background: its code, Chinese message and
    details (ui.common.messages shows them, as any refusal), and the edit it refused."""

    code: str
    message: str
    details: dict[str, Any]
    update: NotificationPrefsUpdate


@dataclass(frozen=True)
class PrefsState:
    """What the client knows of the person's 通知方式."""

    known: NotificationPrefs | None = None  # as the server last gave it
    pending: NotificationPrefsUpdate | None = None  # kept here, not yet accepted
    refused: PrefsRefusal | None = None  # a pending edit the server refused

    def shown(self) -> NotificationPrefsUpdate:
        """Return the choice to show: the person's latest edit, else the server's."""
        if self.pending is not None:
            return self.pending
        if self.refused is not None:
            return self.refused.update
        if self.known is not None:
            return NotificationPrefsUpdate.model_validate(
                self.known.model_dump(exclude={"available"}))
        return NotificationPrefsUpdate()


async def _direct(fn: Callable[..., Any], *args: Any) -> Any:
    return fn(*args)


class NotificationPrefsKeeper:
    """Reads, caches and sends one person's 通知方式; store calls go through `call` (the
    client's database worker)."""

    def __init__(self, *, store: LocalStore, person_id: str, call: StoreCall = _direct,
                 on_change: Callable[[PrefsState], None] | None = None) -> None:
        self.store = store
        self.key = META_KEY.format(person_id=person_id)
        self._call = call
        self._on_change = on_change
        self._sending = asyncio.Lock()
        # Whether an edit may wait to be sent: True until the store has been read once, so a
        # round of sync costs no store read once it is known there is nothing to send.
        self.may_have_pending = True
        self.unsupported = False  # the server has no 通知方式 (an older one): stop asking

    # --- the cache ---------------------------------------------------------------------------

    async def state(self) -> PrefsState:
        """Return what the store holds (nothing known yet: an empty state)."""
        raw: str | None = await self._call(lambda s, k: s.get_meta(k), self.store, self.key)
        state = _decode(raw)
        self.may_have_pending = state.pending is not None
        return state

    async def _write(self, state: PrefsState) -> PrefsState:
        await self._call(lambda s, k, v: s.set_meta(k, v), self.store, self.key, _encode(state))
        self.may_have_pending = state.pending is not None
        if self._on_change is not None:
            self._on_change(state)
        return state

    async def keep(self, update: NotificationPrefsUpdate) -> PrefsState:
        """Keep an edit as pending (it replaces an older edit and clears a refusal)."""
        state = await self.state()
        return await self._write(replace(state, pending=update, refused=None))

    # --- the server ----------------------------------------------------------------------------

    async def fetch(self, api: Api) -> PrefsState:
        """Ask the server for the person's choice and cache it; an edit still pending stays
        (it is newer). Raises Offline or ApiError."""
        async with self._sending:  # an answer from before a save never overwrites it
            prefs = await api.notification_prefs()
            self.unsupported = False
            return await self._write(replace(await self.state(), known=prefs))

    async def save(self, api: Api | None, update: NotificationPrefsUpdate) -> Saved:
        """Keep `update` and send it now if the server can be reached. Returns "saved",
        "pending" (it goes when the link is back) or "unsupported"; raises the ApiError of a
        refusal, which the person sees at once (the edit is then dropped, not kept)."""
        await self.keep(update)
        if api is None:
            return "pending"
        # None: a background send took the edit first and has answered for it.
        return await self._send(api, report=False) or "saved"

    async def send_pending(self, api: Api) -> Saved | None:
        """Send the edit waiting for the link, if any (called once a sync round succeeds). A
        refusal is kept for the person to see, with the edit it refused."""
        if not self.may_have_pending or self.unsupported:
            return None
        try:
            return await self._send(api, report=True)
        except ApiError:
            return None  # kept by _send

    async def dismiss_refusal(self) -> None:
        """Forget a refusal the person has read."""
        state = await self.state()
        if state.refused is not None:
            await self._write(replace(state, refused=None))

    async def _send(self, api: Api, *, report: bool) -> Saved | None:
        async with self._sending:  # one at a time: a newer edit goes after the older
            state = await self.state()
            update = state.pending
            if update is None:
                return None
            try:
                prefs = await api.set_notification_prefs(update)
            except (Offline, LoginRequired, UpgradeRequired):
                return "pending"
            except ApiError as error:
                return await self._failed(update, error, report=report)
            await self._sent(update, prefs)
            return "saved"

    async def _failed(self, update: NotificationPrefsUpdate, error: ApiError, *,
                      report: bool) -> Saved:
        if error.status == 404:
            self.unsupported = True
            return "unsupported"
        if error.retryable or error.status in _NOT_A_REFUSAL:
            return "pending"
        state = await self.state()
        if state.pending == update:  # not replaced meanwhile by a newer edit
            refused = (PrefsRefusal(error.code, error.message, dict(error.details), update)
                       if report else None)
            await self._write(replace(state, pending=None, refused=refused))
        raise error

    async def _sent(self, update: NotificationPrefsUpdate, prefs: NotificationPrefs) -> None:
        state = await self.state()
        pending = None if state.pending == update else state.pending  # a newer edit waits
        await self._write(replace(state, known=prefs, pending=pending, refused=None))


# --- stored as JSON in sync_meta -------------------------------------------------------------


def _encode(state: PrefsState) -> str:
    refused = state.refused
    return json.dumps({
        "known": state.known.model_dump() if state.known else None,
        "pending": state.pending.model_dump() if state.pending else None,
        "refused": None if refused is None else {
            "code": refused.code, "message": refused.message, "details": refused.details,
            "update": refused.update.model_dump()},
    }, ensure_ascii=False)


def _decode(raw: str | None) -> PrefsState:
    """Return the stored state; an unreadable one (an older client's) counts as none."""
    if not raw:
        return PrefsState()
    try:
        data = json.loads(raw)
        known, pending, refused = data.get("known"), data.get("pending"), data.get("refused")
        return PrefsState(
            known=NotificationPrefs.model_validate(known) if known else None,
            pending=NotificationPrefsUpdate.model_validate(pending) if pending else None,
            refused=None if not refused else PrefsRefusal(
                str(refused["code"]), str(refused["message"]), dict(refused["details"]),
                NotificationPrefsUpdate.model_validate(refused["update"])))
    except (ValueError, TypeError, KeyError, AttributeError, pydantic.ValidationError):
        return PrefsState()
