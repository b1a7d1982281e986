"""Server settings, declared once: name, type, default and what each one means."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sync.server.config import Integrations, load

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


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
    # The embedded SQLite database's folder. Blobs live in the database (every server host
    # shares them); releases before migration 0007 kept them under `blob_dir` here.
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
    # Seconds between runs of the scheduled jobs (automatic urging, meeting reminders) in a
    # served app; 0 turns them off (run `officeapp-server run-jobs` from cron instead).
    jobs_interval: float = 300.0
    # A meeting's unanswered invitations are reminded this long before it starts.
    reminder_lead: timedelta = timedelta(hours=24)
    # Reverse proxies whose X-Forwarded-For is believed (addresses or networks; none by
    # default). The client's address is the rightmost X-Forwarded-For entry that is not
    # one of them; a request from any other peer keeps its own address, header ignored.
    trusted_proxies: tuple[Network, ...] = ()
    # The outside services (directory, OIDC, mail, SMS) from the configuration file.
    integrations: Integrations = field(default_factory=Integrations)
    clock: Callable[[], datetime] = utc_now

    @property
    def blob_dir(self) -> Path:
        """Return the blob folder of releases before migration 0007, which
        `officeapp-server migrate` moves into the database."""
        return self.data_dir / "blobs"


def database_url_from_env(default: str) -> str:
    """Return OFFICEAPP_DATABASE_URL if set, else `default`."""
    return os.environ.get("OFFICEAPP_DATABASE_URL") or default


def parse_networks(text: str) -> tuple[Network, ...]:
    """Return the networks in "10.0.0.5, 192.168.0.0/16" (an address is a /32 or /128).

    Raises ValueError naming the first entry that is neither an address nor a network.
    """
    networks = []
    for entry in text.replace("，", ",").replace(";", ",").replace("；", ",").split(","):
        entry = entry.strip()
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            raise ValueError(f"不是有效的地址或网段：{entry}") from None
    return tuple(networks)


def trusted_proxies_from_env() -> tuple[Network, ...]:
    """Return OFFICEAPP_TRUSTED_PROXIES (comma-separated addresses or networks), or none."""
    return parse_networks(os.environ.get("OFFICEAPP_TRUSTED_PROXIES", ""))


def integrations_from_env() -> Integrations:
    """Return the integrations of the file named by OFFICEAPP_CONFIG, or none.

    Raises ConfigError (with a Chinese message) for a file that is missing or wrong.
    """
    path = os.environ.get("OFFICEAPP_CONFIG")
    return load(Path(path)) if path else Integrations()


def settings_from_env() -> Settings:
    """Return settings from OFFICEAPP_DATABASE_URL, OFFICEAPP_DATA_DIR,
    OFFICEAPP_TRUSTED_PROXIES, OFFICEAPP_JOBS_INTERVAL and OFFICEAPP_CONFIG (how each
    process of a multi-worker server gets them)."""
    data_dir = Path(os.environ.get("OFFICEAPP_DATA_DIR") or "data")
    url = database_url_from_env(f"sqlite:///{data_dir / 'officeapp.sqlite3'}")
    jobs = os.environ.get("OFFICEAPP_JOBS_INTERVAL")
    return Settings(database_url=url, data_dir=data_dir,
                    trusted_proxies=trusted_proxies_from_env(),
                    integrations=integrations_from_env(),
                    jobs_interval=float(jobs) if jobs else Settings.jobs_interval)
