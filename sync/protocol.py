"""The wire protocol: every message the client and the server exchange, typed and versioned.

All bodies are JSON. Every model refuses unknown fields and oversized values, so a malformed
or hostile request is answered with a 4xx naming the problem, never a crash.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from officeapp.mutators import MUTATORS as MUTATORS
from officeapp.mutators import RANDOM_ID_PATTERN as RANDOM_ID_PATTERN
from officeapp.mutators import ActArgs as ActArgs
from officeapp.mutators import CreateDelegationArgs as CreateDelegationArgs
from officeapp.mutators import CreateDocumentArgs as CreateDocumentArgs
from officeapp.mutators import CreateMeetingArgs as CreateMeetingArgs
from officeapp.mutators import CreateSittingArgs as CreateSittingArgs
from officeapp.mutators import CreateSupervisionArgs as CreateSupervisionArgs
from officeapp.mutators import EndDelegationArgs as EndDelegationArgs
from officeapp.mutators import MeetingActArgs as MeetingActArgs
from officeapp.mutators import Moment as Moment
from officeapp.mutators import MutationArgs as MutationArgs
from officeapp.mutators import Mutator as Mutator
from officeapp.mutators import RandomId as RandomId
from officeapp.mutators import SupervisionActArgs as SupervisionActArgs
from officeapp.mutators import acted_moment as acted_moment
from officeapp.mutators import parse_args as parse_args
from officeapp.mutators import parse_moment as parse_moment

# The protocol this release speaks: the `schema_version` of every push and pull. Raise it with
# every change of the wire that a server of the previous number would refuse or misread (a
# new mutation, a new mutator version, a new field in a mutation's args): that server then
# refuses the whole request (409 `sync.schema_unsupported`) before any action is applied or
# lost, and the client says the server must be upgraded first (`docs/sync.md`, Upgrading).
# 1: wave 1 (524761f). 2: creations carry `acted_at`, which a wave-1 server refuses.
SCHEMA_VERSION = 2
# The oldest protocol this release's server still serves; a client speaking an older one is
# refused with 409 `sync.client_too_old` and told to upgrade (its outbox stays on its disk).
OLDEST_SCHEMA_VERSION = 1
# The stable codes of those two refusals; clients map them to "upgrade me" / "upgrade it".
CLIENT_TOO_OLD = "sync.client_too_old"
SERVER_TOO_OLD = "sync.schema_unsupported"  # the code wave 1 already answered with
API_PREFIX = "/api/v1"

MAX_MUTATIONS_PER_PUSH = 100
MAX_PULL_LIMIT = 1000
DEFAULT_PULL_LIMIT = 500
MAX_ID = 2**53 - 1  # exact in every JSON number implementation

ClientId = Annotated[
    str, StringConstraints(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_.:\-]+$")
]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Username = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Password = Annotated[str, StringConstraints(min_length=1, max_length=256)]
Token = Annotated[str, StringConstraints(min_length=16, max_length=256)]


class Message(BaseModel):
    """Base of every wire message: unknown fields are refused, values are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ErrorBody(Message):
    """Every error answer: a stable code and a Chinese message, with optional details."""

    code: str
    message: str
    details: dict[str, Any] = Field(default_factory=dict)


# --- auth ----------------------------------------------------------------------------------


class LoginRequest(Message):
    """Username and password; the server answers with a token pair."""

    username: Username
    password: Password


class ChangePasswordRequest(Message):
    """The signed-in person's current password and the new one (修改密码)."""

    current_password: Password
    new_password: Password


class RefreshRequest(Message):
    """A refresh token, spent by this call and replaced by a new one."""

    refresh_token: Token


class LogoutRequest(Message):
    """Ends the login of the access token in the Authorization header."""


class PersonInfo(Message):
    """Who the tokens belong to."""

    id: str
    name: str
    unit_id: str
    roles: list[str]
    username: str


class TokenPair(Message):
    """An access token for the Authorization header and a rotating refresh token."""

    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
    person: PersonInfo


# 统一身份认证: OpenID Connect sign-in from the desktop (docs/integration.md § 3).
IdToken = Annotated[str, StringConstraints(min_length=16, max_length=16_384)]


class OidcMethod(Message):
    """The provider the desktop signs in at: where, as which client, with which scopes."""

    issuer: str
    client_id: str
    scopes: list[str]


class AuthMethods(Message):
    """How people can log in at this server (GET /auth/methods, before any login)."""

    password: bool
    oidc: OidcMethod | None = None


class OidcStart(Message):
    """A single-use nonce for the next sign-in: the client puts it in its authorization
    request, the provider signs it into the ID token, the server spends it when it accepts
    that token (so a token cannot be replayed, nor one made for another sign-in used)."""

    nonce: str
    expires_in: int


class OidcLoginRequest(Message):
    """The ID token the provider issued for a nonce from POST /auth/oidc/start."""

    id_token: IdToken


class Health(Message):
    """The server is up and its database answers."""

    status: Literal["ok"]
    schema_version: int
    database: str


# --- push ----------------------------------------------------------------------------------

MutationName = Annotated[str, StringConstraints(min_length=1, max_length=64,
                                                pattern=r"^[a-z_]+(\.[a-z_]+)*$")]


class Mutation(Message):
    """One user action from the client's outbox; `id` is sequential per client from 1."""

    id: int = Field(ge=1, le=MAX_ID)
    name: MutationName
    v: int = Field(default=1, ge=1, le=1000)
    args: dict[str, Any]


class PushRequest(Message):
    """Outbox mutations in order; the server applies each in its own transaction."""

    client_id: ClientId
    schema_version: int = Field(ge=1, le=10_000)
    mutations: list[Mutation] = Field(min_length=1, max_length=MAX_MUTATIONS_PER_PUSH)


MutationStatus = Literal["applied", "duplicate", "rejected", "out_of_order"]


class MutationResult(Message):
    """The answer for one mutation; `rejected` carries a code, a Chinese message and details.

    `duplicate` repeats the first answer in `original` (applied or rejected, with its code).
    `out_of_order` means nothing was applied: the server expects `expected_id` next.
    """

    id: int
    status: MutationStatus
    code: str | None = None
    message: str | None = None
    details: dict[str, Any] = Field(default_factory=dict)
    original: Literal["applied", "rejected"] | None = None
    expected_id: int | None = None


class PushResponse(Message):
    """One result per mutation processed, in order; processing stops at an out-of-order id."""

    last_mutation_id: int
    results: list[MutationResult]


# Every mutation, its args model and its versions are declared once, in officeapp.mutators;
# the wire's version table is read from there (the names below are that declaration).
MUTATOR_VERSIONS: dict[str, int] = {name: m.version for name, m in MUTATORS.items()}

Upgrade = Literal["client", "server"]


def who_must_upgrade(schema_version: int, mutations: Iterable[Mutation] = ()) -> Upgrade | None:
    """Return which side must be upgraded before a request in protocol `schema_version`
    carrying `mutations` can be served here: "server" when the client speaks a newer protocol,
    "client" when it speaks one older than this server still serves or sends a mutator
    version older than it still applies; None when the two can talk. (An unknown name or a
    newer mutator version within a served protocol is rejected by itself, as before.)"""
    if schema_version > SCHEMA_VERSION:
        return "server"
    if schema_version < OLDEST_SCHEMA_VERSION:
        return "client"
    for mutation in mutations:
        known = MUTATORS.get(mutation.name)
        if known is not None and mutation.v < known.oldest:
            return "client"
    return None

# --- pull ----------------------------------------------------------------------------------


class PullRequest(Message):
    """Ask for changes after `cursor` (0 for everything)."""

    client_id: ClientId
    cursor: int = Field(ge=0, le=MAX_ID)
    schema_version: int = Field(ge=1, le=10_000)
    limit: int = Field(default=DEFAULT_PULL_LIMIT, ge=1, le=MAX_PULL_LIMIT)


class TrustRootOut(Message):
    """One trusted root as `GET /sync/trust-roots` gives it (the payload of a trust_root)."""

    id: str = Field(min_length=64, max_length=64)
    name: str = Field(max_length=200)
    pem: str = Field(max_length=65_536)


class TrustRootsResponse(Message):
    """Every root the organisation trusts, for a store that never received them by pull
    (one that pulled with protocol 1, to which trust_root changes are not sent)."""

    roots: list[TrustRootOut]


# `meeting_code` carries a meeting's check-in code, seen by the organising unit only.
# `trust_root` (protocol 2) is a root certificate 验章 trusts: {"id", "name", "pem"}.
EntityKind = Literal["document", "unit", "person", "room", "meeting", "meeting_code",
                     "supervision", "delegation", "trust_root"]
# Kinds a client of an older protocol does not know, by the protocol that added them: the
# server leaves them out of its pulls (an unknown kind would fail its whole page).
KINDS_SINCE: dict[str, int] = {"trust_root": 2}


class Change(Message):
    """One change-log entry: `put` carries the whole record, `revoke` removes it locally."""

    seq: int
    kind: EntityKind
    id: str
    op: Literal["put", "revoke"]
    data: dict[str, Any] | None = None


class PullResponse(Message):
    """A page of changes and the cursor to store with it, in one local transaction.

    `last_mutation_id` comes from the same snapshot as `changes`: every effect of mutations
    up to it is in this page or an earlier one. `results` lists this client's rejected
    mutations in the page's range. `reset` means: wipe the mirror and pull from cursor 0
    (the outbox is kept).
    """

    cursor: int
    last_mutation_id: int
    changes: list[Change]
    results: list[MutationResult]
    has_more: bool
    reset: bool = False


# --- blobs ---------------------------------------------------------------------------------

MAX_BLOB_SIZE = 2 * 1024**3


class BlobAnnounce(Message):
    """The client has a blob with this hash and size and may want to upload it."""

    sha256: Sha256
    size: int = Field(ge=0, le=MAX_BLOB_SIZE)


class BlobStatus(Message):
    """How much of a blob the server holds; `complete` means nothing to upload."""

    sha256: str
    size: int
    offset: int
    complete: bool


class Poke(Message):
    """The only payload of an SSE `poke` event: "something new, pull"."""

    type: Literal["poke"] = "poke"


# --- notifications out of the client (通知方式) -------------------------------------------------

# What a person can be told away from the client, and how.
NotificationEvent = Literal[
    "urgent_document",  # a 特急 document reaches the person's 待办
    "urging",  # 催办 of a document or a supervision item the person handles
    "meeting",  # a meeting notice, a change of it, a reminder to reply
    "supervision_due",  # a 督办 item the person handles is due soon or overdue
]
NotificationChannel = Literal["email", "sms"]
NOTIFICATION_EVENTS: tuple[NotificationEvent, ...] = (
    "urgent_document", "urging", "meeting", "supervision_due")
EmailAddress = Annotated[str, StringConstraints(max_length=200)]
PhoneNumber = Annotated[str, StringConstraints(max_length=50)]


class NotificationPrefsUpdate(Message):
    """How the signed-in person wants to be told (PUT /me/notifications); the server checks
    the address and the number and keeps the choice."""

    email: EmailAddress = ""
    phone: PhoneNumber = ""
    events: dict[NotificationEvent, list[NotificationChannel]] = Field(default_factory=dict)
    digest: bool = False  # 每日摘要 by e-mail


class NotificationPrefs(NotificationPrefsUpdate):
    """The person's choice as the server keeps it, and which channels this server can send
    on (a channel whose service is not configured is shown but cannot be chosen)."""

    available: list[NotificationChannel] = Field(default_factory=list)
