"""The server's tables (SQLAlchemy Core). Migrations in `migrations/` are the only schema change."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

metadata = sa.MetaData()

Json = sa.JSON().with_variant(JSONB(), "postgresql")
Moment = sa.DateTime(timezone=True)
Id = sa.String(64)


def _record_columns() -> list[sa.Column[Any]]:
    """The columns every synced record table (公文, 会议, 督办) ends with, in this order."""
    return [
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("updated_at", Moment, nullable=False),
        sa.Column("data", Json, nullable=False),
        sa.Column("scopes", Json, nullable=False),
    ]


def _blob_links(name: str, owner_column: str) -> sa.Table:
    """A table linking a record to the blobs it cites, for the blob download check."""
    return sa.Table(
        name, metadata,
        sa.Column(owner_column, Id, primary_key=True),
        sa.Column("sha256", sa.String(64), primary_key=True, index=True),
    )

units = sa.Table(
    "units", metadata,
    sa.Column("id", Id, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("parent_id", Id, nullable=True),
    sa.Column("agency_code", sa.String(20), nullable=False, server_default=""),
    sa.Column("sort_order", sa.Integer, nullable=False, server_default="0"),
)

people = sa.Table(
    "people", metadata,
    sa.Column("id", Id, primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("unit_id", Id, nullable=False, index=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("roles", Json, nullable=False),
    sa.Column("title", sa.String(100), nullable=False, server_default=""),
    sa.Column("phone", sa.String(50), nullable=False, server_default=""),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("password_hash", sa.String(200), nullable=True),
    # Where the person's identity comes from: "local" (our passwords), "ldap" (made by
    # sync-directory; the password is checked by a bind to the directory).
    sa.Column("source", sa.String(20), nullable=False, server_default="local"),
    sa.Column("email", sa.String(200), nullable=False, server_default=""),
    # When the directory said the person left (离职); their logins end at once.
    sa.Column("left_at", Moment, nullable=True),
    # The last successful bind to the directory: a cached password (password_hash of an
    # "ldap" person) is honoured during an outage only this recently (settings).
    sa.Column("directory_login_at", Moment, nullable=True),
)

# Who a person is at an outside identity provider: ("ldap", entryUUID or DN) from
# sync-directory, (issuer URL, sub) from OpenID Connect.
external_identities = sa.Table(
    "external_identities", metadata,
    sa.Column("provider", sa.String(200), primary_key=True),
    sa.Column("subject", sa.String(255), primary_key=True),
    sa.Column("person_id", Id, nullable=False, index=True),
    sa.Column("created_at", Moment, nullable=False),
)

# OpenID Connect sign-ins under way: the SHA-256 of each unspent nonce the server handed out
# (POST /auth/oidc/start), deleted when an ID token carrying it is accepted or when it expires.
oidc_nonces = sa.Table(
    "oidc_nonces", metadata,
    sa.Column("nonce_hash", sa.String(64), primary_key=True),
    sa.Column("expires_at", Moment, nullable=False, index=True),
)

rooms = sa.Table(
    "rooms", metadata,
    sa.Column("id", Id, primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("data", Json, nullable=False),
)

# Standing delegations (委托授权); `ended_at` is set when one is ended early.
delegations = sa.Table(
    "delegations", metadata,
    sa.Column("id", Id, primary_key=True),
    sa.Column("principal_id", Id, nullable=False, index=True),
    sa.Column("delegate_id", Id, nullable=False, index=True),
    sa.Column("starts_at", Moment, nullable=False),
    sa.Column("ends_at", Moment, nullable=False),
    sa.Column("created_by", Id, nullable=False),
    sa.Column("created_at", Moment, nullable=False),
    sa.Column("ended_at", Moment, nullable=True),
)

documents = sa.Table(
    "documents", metadata,
    sa.Column("id", Id, primary_key=True),
    sa.Column("direction", sa.String(10), nullable=False),
    sa.Column("doc_type", sa.String(10), nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("owner_unit_id", Id, nullable=False, index=True),
    sa.Column("step", sa.String(20), nullable=False),
    sa.Column("agency_code", sa.String(20), nullable=False, server_default=""),
    sa.Column("doc_number", sa.String(60), nullable=True, index=True),
    sa.Column("source_document_id", Id, nullable=True, index=True),
    *_record_columns(),
)

document_blobs = _blob_links("document_blobs", "document_id")

number_registers = sa.Table(
    "number_registers", metadata,
    sa.Column("agency_code", sa.String(20), primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("last_sequence", sa.Integer, nullable=False),
)

archive_counters = sa.Table(
    "archive_counters", metadata,
    sa.Column("unit_id", Id, primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("retention", sa.String(10), primary_key=True),
    sa.Column("last_item", sa.Integer, nullable=False),
)

clients = sa.Table(
    "clients", metadata,
    sa.Column("client_id", Id, primary_key=True),
    sa.Column("person_id", Id, nullable=False, index=True),
    sa.Column("last_mutation_id", sa.BigInteger, nullable=False),
    sa.Column("created_at", Moment, nullable=False),
    # Fingerprint of the scopes the client's mirror was pulled under (sync/server/storage/pull.py).
    sa.Column("scopes_key", sa.String(64), nullable=True),
    # Set by a restore: the client's next push may skip the ids the restore forgot, once.
    sa.Column("restored", sa.Boolean, nullable=False, server_default=sa.false()),
)

mutation_results = sa.Table(
    "mutation_results", metadata,
    sa.Column("client_id", Id, primary_key=True),
    sa.Column("mutation_id", sa.BigInteger, primary_key=True),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("code", sa.String(100), nullable=True),
    sa.Column("message", sa.Text, nullable=True),
    sa.Column("details", Json, nullable=False),
    sa.Column("at", Moment, nullable=False),
)

# One row (id 1): the last change-log seq handed out, and how far revokes were pruned.
sync_counter = sa.Table(
    "sync_counter", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("pruned_through", sa.BigInteger, nullable=False),
)

changes = sa.Table(
    "changes", metadata,
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("entity_id", sa.String(200), nullable=False),
    sa.Column("op", sa.String(10), nullable=False),
    sa.Column("payload", Json, nullable=True),
    sa.Column("created_at", Moment, nullable=False),
    sa.Index("ix_changes_entity", "kind", "entity_id"),
    sa.Index("ix_changes_op_created", "op", "created_at"),
)

change_scopes = sa.Table(
    "change_scopes", metadata,
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("scope", sa.String(100), primary_key=True),
    sa.Index("ix_change_scopes_scope_seq", "scope", "seq"),
)

blobs = sa.Table(
    "blobs", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("received", sa.BigInteger, nullable=False),
    sa.Column("complete", sa.Boolean, nullable=False),
    sa.Column("created_by", Id, nullable=False),
    sa.Column("created_at", Moment, nullable=False),
)

# The bytes of blobs, in the database so that every server host shares them: pieces of at most
# 1 MiB (`blobs.CHUNK`, the client's chunk), keyed by the byte they start at. A person's upload
# writes under their own id; a complete blob's content is the pieces of the person whose upload
# completed it first (`blobs.created_by`), so finishing an upload copies nothing.
blob_chunks = sa.Table(
    "blob_chunks", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("person_id", Id, primary_key=True),
    sa.Column("start", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)

# Who may reference a blob: one row per person who announced it, with their own resumable
# upload. A complete row means they sent the whole content (or could already read it).
blob_uploads = sa.Table(
    "blob_uploads", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("person_id", Id, primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("received", sa.BigInteger, nullable=False),
    sa.Column("complete", sa.Boolean, nullable=False),
    sa.Column("created_at", Moment, nullable=False),
)

token_families = sa.Table(
    "token_families", metadata,
    sa.Column("id", Id, primary_key=True),
    sa.Column("person_id", Id, nullable=False, index=True),
    sa.Column("created_at", Moment, nullable=False),
    sa.Column("revoked_at", Moment, nullable=True),
    sa.Column("revoked_reason", sa.String(20), nullable=True),
)

refresh_tokens = sa.Table(
    "refresh_tokens", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("family_id", Id, nullable=False, index=True),
    sa.Column("created_at", Moment, nullable=False),
    sa.Column("expires_at", Moment, nullable=False),
    sa.Column("used_at", Moment, nullable=True),
)

access_tokens = sa.Table(
    "access_tokens", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("family_id", Id, nullable=False, index=True),
    sa.Column("person_id", Id, nullable=False),
    sa.Column("expires_at", Moment, nullable=False),
)

login_attempts = sa.Table(
    "login_attempts", metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
              autoincrement=True),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("address", sa.String(64), nullable=False),
    sa.Column("at", Moment, nullable=False),
    # NULL while the password is being checked (a reservation), then false or true.
    sa.Column("success", sa.Boolean, nullable=True),
    sa.Index("ix_login_attempts_username_at", "username", "at"),
    sa.Index("ix_login_attempts_address_at", "address", "at"),
)

# One row per account ("user:…"), locked while a login counts the account's failures and
# reserves its attempt, so that parallel attempts are counted one by one.
login_locks = sa.Table(
    "login_locks", metadata,
    sa.Column("key", sa.String(80), primary_key=True),
)

# Meetings (办会): one row per meeting, series or sitting. `start_at`/`end_at` span every
# occurrence (for a series, the first start and the last end), in UTC, for booking windows.
meetings = sa.Table(
    "meetings", metadata,
    sa.Column("id", Id, primary_key=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("organiser_unit_id", Id, nullable=False, index=True),
    sa.Column("room_id", Id, nullable=True, index=True),
    sa.Column("start_at", Moment, nullable=False),
    sa.Column("end_at", Moment, nullable=False),
    sa.Column("series_id", Id, nullable=True, index=True),
    *_record_columns(),
    sa.Index("ix_meetings_start_at_end_at", "start_at", "end_at"),
    sa.Index("ix_meetings_status_end_at", "status", "end_at"),
)

# Agenda materials of a meeting, for the blob download check.
meeting_blobs = _blob_links("meeting_blobs", "meeting_id")

# 督办事项: one row per item (sub-items point at their parent).
supervision_items = sa.Table(
    "supervision_items", metadata,
    sa.Column("id", Id, primary_key=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("status", sa.String(30), nullable=False, index=True),
    sa.Column("supervisor_unit_id", Id, nullable=False, index=True),
    sa.Column("lead_unit_id", Id, nullable=True, index=True),
    sa.Column("parent_id", Id, nullable=True, index=True),
    sa.Column("deadline", Moment, nullable=True),
    *_record_columns(),
)

# Attachments of progress reports and completion requests, for the blob download check.
supervision_blobs = _blob_links("supervision_blobs", "item_id")

# 电子印章: one row per unit that may seal. The key never leaves the server; `chain_pem` holds
# the issuers up to the root (PEM, concatenated), embedded in every signature.
unit_seals = sa.Table(
    "unit_seals", metadata,
    sa.Column("unit_id", Id, primary_key=True),
    sa.Column("image", sa.LargeBinary, nullable=False),
    sa.Column("key_pem", sa.LargeBinary, nullable=False),
    sa.Column("cert_pem", sa.LargeBinary, nullable=False),
    sa.Column("chain_pem", sa.LargeBinary, nullable=False),
    sa.Column("not_after", Moment, nullable=False),
    sa.Column("updated_at", Moment, nullable=False),
)

# The organisation's trusted roots (PEM), synced to clients like the directory for 验章.
trust_roots = sa.Table(
    "trust_roots", metadata,
    sa.Column("id", sa.String(64), primary_key=True),  # SHA-256 fingerprint
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("cert_pem", sa.LargeBinary, nullable=False),
    # The organisation CA's key when the server made the CA itself (create-org-ca); NULL for
    # a root imported from the province's seal system, whose key the office never holds.
    sa.Column("key_pem", sa.LargeBinary, nullable=True),
    sa.Column("created_at", Moment, nullable=False),
)

# The hash chain of every record's trace (留痕): one row per trace entry, written in the
# transaction that appends the entry. `chain_hash` = SHA-256(previous chain_hash ‖ entry_hash).
trace_chain = sa.Table(
    "trace_chain", metadata,
    sa.Column("kind", sa.String(20), primary_key=True),
    sa.Column("record_id", Id, primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("entry_hash", sa.String(64), nullable=False),
    sa.Column("chain_hash", sa.String(64), nullable=False),
    sa.Column("at", Moment, nullable=False),
)

# A signed checkpoint over every chain's head at one moment: `heads` is the JSON list of
# [kind, record_id, seq, chain_hash], `root` its SHA-256, `signature` by the server's trace key.
trace_checkpoints = sa.Table(
    "trace_checkpoints", metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
              autoincrement=True),
    sa.Column("at", Moment, nullable=False),
    sa.Column("records", sa.Integer, nullable=False),
    sa.Column("root", sa.String(64), nullable=False),
    sa.Column("heads", sa.LargeBinary, nullable=False),  # zlib-compressed JSON
    sa.Column("public_key", sa.LargeBinary, nullable=False),  # PEM of the signing key
    sa.Column("signature", sa.LargeBinary, nullable=False),
)

# --- notifications out of the client (短信、邮件) ---------------------------------------------

# Each person's channels, kept by the server and set from the client's settings. `events`
# maps an event name to the channels ("email", "sms") it goes out on.
notification_prefs = sa.Table(
    "notification_prefs", metadata,
    sa.Column("person_id", Id, primary_key=True),
    sa.Column("email", sa.String(200), nullable=False, server_default=""),
    sa.Column("phone", sa.String(50), nullable=False, server_default=""),
    sa.Column("events", Json, nullable=False),
    sa.Column("digest", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("updated_at", Moment, nullable=False),
)

# The durable outbox: one row per message to one address on one channel. `dedupe_key` names
# the event, the person and the channel, so an event is never queued (or sent) twice.
notification_queue = sa.Table(
    "notification_queue", metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
              autoincrement=True),
    sa.Column("dedupe_key", sa.String(255), nullable=False, unique=True),
    sa.Column("person_id", Id, nullable=False, index=True),
    sa.Column("channel", sa.String(10), nullable=False),
    sa.Column("event", sa.String(40), nullable=False),
    sa.Column("address", sa.String(200), nullable=False),
    sa.Column("subject", sa.String(300), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    # pending → sending → sent, or failed after the last attempt.
    sa.Column("status", sa.String(10), nullable=False, index=True),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_attempt_at", Moment, nullable=False, index=True),
    sa.Column("claimed_until", Moment, nullable=True),
    sa.Column("created_at", Moment, nullable=False),
    sa.Column("sent_at", Moment, nullable=True),
    sa.Column("last_error", sa.String(500), nullable=False, server_default=""),
)

# Every attempt to send, for the admin (officeapp-server notifications).
notification_attempts = sa.Table(
    "notification_attempts", metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
              autoincrement=True),
    sa.Column("queue_id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), nullable=False,
              index=True),
    sa.Column("at", Moment, nullable=False, index=True),
    sa.Column("channel", sa.String(10), nullable=False),
    sa.Column("ok", sa.Boolean, nullable=False),
    sa.Column("detail", sa.String(500), nullable=False, server_default=""),
)

# Small named values of the notification service (the change-log seq it has read through,
# the last day a digest went out).
notification_state = sa.Table(
    "notification_state", metadata,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.String(200), nullable=False),
)
