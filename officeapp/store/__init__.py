"""The client's local store: the only SQLite code of the client (see docs/store.md)."""

from officeapp.store.blobs import BLOB_STATES, BlobRecord, BlobState
from officeapp.store.drafts import OpinionDraft
from officeapp.store.errors import NotFoundError, StoreError
from officeapp.store.inbox import (
    Folder,
    InboxFilter,
    InboxLine,
    InboxRow,
    InboxSort,
    SortKey,
)
from officeapp.store.local import LocalStore
from officeapp.store.outbox import OutboxMutation, RejectionRecord
from officeapp.store.pull import PulledChange, PulledRejection, PullOutcome, PullPage
from officeapp.store.schema import LATEST_VERSION, MIGRATIONS
from officeapp.store.search import SNIPPET_END, SNIPPET_START, SearchHit

__all__ = [
    "BLOB_STATES", "LATEST_VERSION", "MIGRATIONS", "SNIPPET_END", "SNIPPET_START",
    "BlobRecord", "BlobState", "Folder", "InboxFilter", "InboxLine", "InboxRow", "InboxSort",
    "LocalStore",
    "NotFoundError", "OpinionDraft", "OutboxMutation", "PullOutcome", "PullPage",
    "PulledChange", "PulledRejection", "RejectionRecord", "SearchHit",
    "SortKey", "StoreError",
]
