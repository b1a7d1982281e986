"""The server's configuration file (OFFICEAPP_CONFIG or --config): the outside services it
talks to — the province's directory (LDAP/AD), its OpenID Connect provider, the mail server
and the SMS gateway — and how notifications go out.

The file is TOML, one table per service; a service whose table is missing is not used.
docs/integration.md has sample files for OpenLDAP, Active Directory, an OIDC platform and a
provincial SMS gateway. A wrong file stops the server at start with a Chinese message naming
the table and the key, never half-configured.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ConfigError(ValueError):
    """The configuration file is unreadable or has a wrong value; the message says where."""


def _table(data: Mapping[str, Any], name: str) -> Mapping[str, Any] | None:
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ConfigError(f"配置文件中 [{name}] 应当是一个表")
    return value


def text(section: Mapping[str, Any], table: str, key: str, default: str | None = None) -> str:
    """Return a string value, or refuse naming [table] and key."""
    value = section.get(key, default)
    if value is None:
        raise ConfigError(f"配置文件 [{table}] 缺少 {key}")
    if not isinstance(value, str):
        raise ConfigError(f"配置文件 [{table}] 的 {key} 应当是字符串")
    return value


def number(section: Mapping[str, Any], table: str, key: str, default: float) -> float:
    """Return a number value (int or float), or refuse naming [table] and key."""
    value = section.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"配置文件 [{table}] 的 {key} 应当是数字")
    return float(value)


def flag(section: Mapping[str, Any], table: str, key: str, default: bool) -> bool:
    """Return a true/false value, or refuse naming [table] and key."""
    value = section.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(f"配置文件 [{table}] 的 {key} 应当是 true 或 false")
    return value


# --- the province's directory (LDAP / Active Directory) ---------------------------------------


@dataclass(frozen=True)
class LdapSettings:
    """[ldap]: how to reach the directory and how its entries map onto units and people."""

    url: str  # ldap://host:389 (with StartTLS) or ldaps://host:636

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> LdapSettings:
        """Return the settings of an [ldap] table, or raise ConfigError."""
        return cls(url=text(table, "ldap", "url"))


# --- OpenID Connect ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OidcSettings:
    """[oidc]: the provincial platform's OpenID Connect provider."""

    issuer: str
    client_id: str

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> OidcSettings:
        """Return the settings of an [oidc] table, or raise ConfigError."""
        return cls(issuer=text(table, "oidc", "issuer"),
                   client_id=text(table, "oidc", "client_id"))


# --- notifications: mail, SMS and the queue ---------------------------------------------------


@dataclass(frozen=True)
class SmtpSettings:
    """[smtp]: the mail server (公务邮箱) that notifications are sent through."""

    host: str
    sender: str

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> SmtpSettings:
        """Return the settings of an [smtp] table, or raise ConfigError."""
        return cls(host=text(table, "smtp", "host"), sender=text(table, "smtp", "sender"))


@dataclass(frozen=True)
class SmsSettings:
    """[sms]: the provincial SMS platform's HTTP gateway."""

    url: str

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> SmsSettings:
        """Return the settings of an [sms] table, or raise ConfigError."""
        return cls(url=text(table, "sms", "url"))


@dataclass(frozen=True)
class NotifySettings:
    """[notify]: how the queue sends (rates, retries, the daily digest)."""

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> NotifySettings:
        """Return the settings of a [notify] table, or raise ConfigError."""
        del table
        return cls()


@dataclass(frozen=True)
class Integrations:
    """Every outside service the server is configured to use (none by default)."""

    ldap: LdapSettings | None = None
    oidc: OidcSettings | None = None
    smtp: SmtpSettings | None = None
    sms: SmsSettings | None = None
    notify: NotifySettings = field(default_factory=NotifySettings)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Integrations:
        """Return the integrations of a parsed configuration file, or raise ConfigError."""
        ldap, oidc = _table(data, "ldap"), _table(data, "oidc")
        smtp, sms, notify = _table(data, "smtp"), _table(data, "sms"), _table(data, "notify")
        return cls(
            ldap=LdapSettings.from_table(ldap) if ldap is not None else None,
            oidc=OidcSettings.from_table(oidc) if oidc is not None else None,
            smtp=SmtpSettings.from_table(smtp) if smtp is not None else None,
            sms=SmsSettings.from_table(sms) if sms is not None else None,
            notify=NotifySettings.from_table(notify or {}))


def load(path: Path) -> Integrations:
    """Return the integrations configured in the TOML file at `path`, or raise ConfigError."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"无法读取配置文件 {path}：{error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"配置文件 {path} 格式错误：{error}") from None
    return Integrations.from_mapping(data)
