"""A pull answer into the store's terms: staged in SQLite as received, or decoded in Python.

A page of a thousand documents is megabytes of JSON. Decoding it in Python (json.loads, the
pydantic models, rows built per document) was most of an initial sync, so the body goes to
the store as it came (`LocalStore.stage_pull`, see officeapp/store/bulk.py); only the small
envelope — cursor, results, flags — is decoded here and checked against the protocol, as
strictly as `PullResponse` checks it. A page the store does not stage (not in the shape our
server writes) is decoded whole the old way, so every answer is judged as before: a
malformed one is `client.bad_response` and nothing of it is applied.
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Collection
from dataclasses import dataclass

import pydantic

from officeapp.store import PulledChange, PulledRejection, PullPage
from officeapp.store.bulk import Staged, StagedPage
from sync.client.api import ApiError, parse_pull
from sync.protocol import EntityKind, Message, MutationResult, PullResponse

KINDS = frozenset(typing.get_args(EntityKind))
# The envelope as our server writes it first (sync/server/storage/pull.py), when there is
# more to pull: read from an answer's first bytes, before the rest has come.
_MORE_FROM = re.compile(rb'\{"has_more":true,"reset":false,"cursor":(\d{1,18}),')


def next_cursor(prefix: bytes) -> int | None:
    """The cursor to pull from next, read from the start of an answer still arriving; None
    when its start does not say (no more, a reset, or another server's order of keys). Only
    a hint: the page's envelope, checked when it has all come, is what counts."""
    found = _MORE_FROM.match(prefix)
    return int(found.group(1)) if found else None


class PullHead(Message):
    """`PullResponse` without its changes (checked by the store when it stages them)."""

    cursor: int
    last_mutation_id: int
    results: list[MutationResult]
    has_more: bool
    reset: bool = False


class Stages(typing.Protocol):
    """What stages a page: the store itself (on its thread) or a `LocalStore.stager()`."""

    def pull_head(self, body: str) -> str | None: ...

    def stage_pull(self, body: str, *, kinds: Collection[str],
                   head_text: str | None = None) -> Staged | None: ...


@dataclass(frozen=True)
class Peeked:
    """An answer's envelope, checked before its changes are staged: its cursor lets the
    next page be asked for meanwhile."""

    text: str
    head_text: str
    head: PullHead


def peek(stager: Stages, body: bytes) -> Peeked | None:
    """The checked envelope of an answer in the usual shape; None for one to decode whole.
    Raises ApiError("client.bad_response") for a malformed envelope."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    head_text = stager.pull_head(text)
    if head_text is None:
        return None
    head = _head(head_text)
    return None if head is None else Peeked(text, head_text, head)


def read_page(stager: Stages, body: bytes,
              peeked: Peeked | None = None) -> PullPage | StagedPage:
    """Return the page to apply: staged by `stager`, or decoded here. Run it on the
    stager's thread; `peeked` is what `peek` returned for this body, if the caller has it.
    Raises ApiError("client.bad_response") for a malformed answer."""
    if peeked is None:
        peeked = peek(stager, body)
    if peeked is not None:
        staged = stager.stage_pull(peeked.text, kinds=KINDS, head_text=peeked.head_text)
        if staged is not None:
            head = peeked.head
            return StagedPage(token=staged.token, cursor=head.cursor,
                              last_mutation_id=head.last_mutation_id,
                              rejected=rejections(head.results), has_more=head.has_more,
                              reset=head.reset, image=staged.image, size=staged.size)
    return page_of(parse_pull(body))


def _head(text: str) -> PullHead | None:
    """The envelope, checked; None when it must be decoded with the page (a second
    "changes" key: Python reads the last copy, SQLite the first)."""
    data = json.loads(text)
    if not isinstance(data, dict) or "changes" in data:
        return None
    try:
        return PullHead.model_validate(data)
    except pydantic.ValidationError:
        raise ApiError(200, "client.bad_response", "服务器返回的数据格式不正确") from None


def page_of(response: PullResponse) -> PullPage:
    """Translate a decoded answer into the store's terms."""
    changes = [PulledChange(c.kind, c.id, c.op, c.data) for c in response.changes]
    return PullPage(cursor=response.cursor, last_mutation_id=response.last_mutation_id,
                    changes=changes, rejected=rejections(response.results),
                    has_more=response.has_more, reset=response.reset)


def rejections(results: list[MutationResult]) -> list[PulledRejection]:
    """The refusals among a pull's results."""
    return [PulledRejection(r.id, r.code or "sync.rejected", r.message or "服务器拒绝了该操作",
                            r.details)
            for r in results if is_rejection(r)]


def is_rejection(result: MutationResult) -> bool:
    """Whether the server refused the mutation (now, or the first time it saw it)."""
    return result.status == "rejected" or (
        result.status == "duplicate" and result.original == "rejected")
