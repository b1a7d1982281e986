"""Server settings, declared once: name, type, default and what each one means."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path


def utc_now() -> datetime:
    """Return the server's clock: the only clock that decides order and times."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class PasswordCost:
    """argon2id parameters; the defaults are argon2-cffi's (RFC 9106 low-memory profile)."""

    time_cost: int = 3
    memory_cost: int = 65536
    parallelism: int = 4


@dataclass(frozen=True)
class Settings:
    """Everything the server can be configured with."""

    # SQLAlchemy URL: sqlite:///path (embedded default) or postgresql+psycopg://… (production).
    database_url: str = "sqlite:///data/officeapp.sqlite3"
    # Where blobs live (content-addressed by SHA-256); shared by every server process.
    data_dir: Path = Path("data")
    access_token_ttl: timedelta = timedelta(minutes=15)
    refresh_token_ttl: timedelta = timedelta(days=30)
    # Login throttling: this many failures within the window blocks the user and the address.
    login_max_failures: int = 5
    login_window: timedelta = timedelta(minutes=15)
    # Revokes older than this are pruned; a client whose cursor is older must reset.
    tombstone_retention: timedelta = timedelta(days=90)
    # SSE heartbeat, so proxies keep the stream open and clients notice a dead link.
    heartbeat_interval: float = 20.0
    # Largest JSON body accepted, and largest blob chunk in one PATCH.
    max_json_body: int = 4 * 1024 * 1024
    max_chunk: int = 16 * 1024 * 1024
    password_cost: PasswordCost = field(default_factory=PasswordCost)
    # Size of the connection pool (per server process).
    pool_size: int = 10
    clock: Callable[[], datetime] = utc_now

    @property
    def blob_dir(self) -> Path:
        """Return the folder of stored blobs."""
        return self.data_dir / "blobs"


def database_url_from_env(default: str) -> str:
    """Return OFFICEAPP_DATABASE_URL if set, else `default`."""
    return os.environ.get("OFFICEAPP_DATABASE_URL") or default
