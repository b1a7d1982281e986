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

LDAP_KINDS = ("openldap", "ad")
# What differs between an OpenLDAP directory and Active Directory, as defaults of [ldap].
LDAP_DEFAULTS: Mapping[str, Mapping[str, str]] = {
    "openldap": {"user_filter": "(uid={username})", "people_filter": "(objectClass=inetOrgPerson)",
                 "username_attribute": "uid", "name_attribute": "cn",
                 "subject_attribute": "entryUUID", "disabled_attribute": "pwdAccountLockedTime"},
    "ad": {"user_filter": "(sAMAccountName={username})",
           "people_filter": "(&(objectCategory=person)(objectClass=user))",
           "username_attribute": "sAMAccountName", "name_attribute": "displayName",
           "subject_attribute": "objectGUID", "disabled_attribute": "userAccountControl"},
}
# OpenLDAP's ppolicy overlay marks an account locked by an administrator (not a lockout after
# wrong passwords, which ends by itself) with this pwdAccountLockedTime.
LOCKED_FOR_GOOD = "000001010000Z"


def _strings(section: Mapping[str, Any], table: str, key: str,
             default: tuple[str, ...]) -> tuple[str, ...]:
    """Return a list of non-empty strings, or refuse naming [table] and key."""
    value = section.get(key, list(default))
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"配置文件 [{table}] 的 {key} 应当是字符串列表")
    return tuple(value)


def _ldap_roles(section: Mapping[str, Any], table: str, key: str,
                default: tuple[str, ...]) -> tuple[str, ...]:
    """Return role codes (clerk, leader …), or refuse naming [table], key and the role."""
    from officeapp.org import Role

    roles = _strings(section, table, key, default)
    known = tuple(role.value for role in Role)
    for role in roles:
        if role not in known:
            raise ConfigError(f"配置文件 [{table}] 的 {key} 中的角色 {role} 不存在，"
                              f"应当是 {'、'.join(known)} 之一")
    return roles


def _group_roles(section: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Return [ldap.roles]: each group's DN and the roles its members get."""
    table = section.get("roles", {})
    if not isinstance(table, Mapping):
        raise ConfigError("配置文件中 [ldap.roles] 应当是一个表：组的DN = 角色")
    roles = {}
    for group, value in table.items():
        names = [value] if isinstance(value, str) else value
        roles[group] = _ldap_roles({group: names}, "ldap.roles", group, ())
    return roles


@dataclass(frozen=True)
class LdapSettings:
    """[ldap]: how to reach the directory and how its entries map onto units and people.

    Every connection is TLS (ldaps://, or StartTLS on ldap://) and the directory's
    certificate is checked against `ca_file`. Who signs in is found by a search as the
    service account (`bind_dn`), then their password is checked by a bind as their entry.
    """

    url: str  # ldap://host:389 (with StartTLS) or ldaps://host:636
    bind_dn: str  # the service account that searches the directory (read-only)
    bind_password: str
    people_base: str  # where people are searched
    ca_file: str  # the CA (PEM) that signed the directory's certificate
    kind: str = "openldap"  # openldap | ad: the defaults of the keys below
    user_filter: str = "(uid={username})"  # {username} is replaced, escaped
    people_filter: str = "(objectClass=inetOrgPerson)"  # every person, for sync-directory
    start_tls: bool = True
    timeout: float = 5.0  # seconds to connect, and to wait for each answer
    units_base: str = ""  # the OU tree that becomes our units ("" = people_base)
    unit_filter: str = "(objectClass=organizationalUnit)"
    unit_name_attribute: str = "ou"  # the unit's name, e.g. ou or description
    unit_id_attribute: str = ""  # an attribute holding our unit id ("" = derived)
    root_unit: str = ""  # our unit the top OUs hang under ("" = they are roots)
    username_attribute: str = "uid"
    name_attribute: str = "cn"
    email_attribute: str = "mail"
    phone_attribute: str = "telephoneNumber"
    title_attribute: str = "title"
    # The attribute that names an entry for good, whatever its DN becomes ("" = the DN).
    subject_attribute: str = "entryUUID"
    # A person is disabled (treated as having left) when this attribute holds one of
    # `disabled_values` (any value, if none are listed); AD's userAccountControl is
    # disabled by its bit 2 (ACCOUNTDISABLE).
    disabled_attribute: str = "pwdAccountLockedTime"
    disabled_values: tuple[str, ...] = (LOCKED_FOR_GOOD,)
    group_member_attribute: str = "member"  # member, or uniqueMember (groupOfUniqueNames)
    # [ldap.roles]: a group's DN → the roles its members get.
    roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    default_roles: tuple[str, ...] = ("clerk",)  # for people in none of those groups
    # During an outage, people whose last directory sign-in is this recent may sign in
    # with a hash of that password kept here (0 = off: nothing is kept).
    cached_login_days: int = 0

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> LdapSettings:
        """Return the settings of an [ldap] table, or raise ConfigError."""
        kind = text(table, "ldap", "kind", "openldap")
        if kind not in LDAP_KINDS:
            raise ConfigError(f"配置文件 [ldap] 的 kind 只能是 {'、'.join(LDAP_KINDS)} 之一")
        defaults = LDAP_DEFAULTS[kind]

        def key(name: str, default: str | None = None) -> str:
            return text(table, "ldap", name, defaults.get(name, default))

        url, start_tls = key("url"), flag(table, "ldap", "start_tls", True)
        if not url.startswith(("ldap://", "ldaps://")) or len(url.split("://", 1)[1]) < 1:
            raise ConfigError("配置文件 [ldap] 的 url 应当是 ldap://主机:389 或 ldaps://主机:636")
        if url.startswith("ldap://") and not start_tls:
            raise ConfigError("配置文件 [ldap] 的 start_tls 不能为 false：ldap:// 不加密时密码"
                              "以明文传输；请启用 start_tls 或改用 ldaps://")
        if "{username}" not in key("user_filter"):
            raise ConfigError("配置文件 [ldap] 的 user_filter 应当包含 {username}，"
                              "如 (uid={username})")
        ca = key("ca_file")
        if not Path(ca).is_file():
            raise ConfigError(f"配置文件 [ldap] 的 ca_file 文件不存在：{ca}")
        timeout = number(table, "ldap", "timeout", cls.timeout)
        if not 0 < timeout <= 60:
            raise ConfigError("配置文件 [ldap] 的 timeout 应当大于 0 且不超过 60（秒）")
        days = table.get("cached_login_days", 0)
        if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 90:
            raise ConfigError("配置文件 [ldap] 的 cached_login_days 应当是 0 到 90 之间的整数")
        for name in ("bind_dn", "people_base"):
            if not key(name).strip():
                raise ConfigError(f"配置文件 [ldap] 的 {name} 不能为空")
        disabled = key("disabled_attribute", cls.disabled_attribute)
        return cls(
            url=url, bind_dn=key("bind_dn"), bind_password=key("bind_password"),
            people_base=key("people_base"), ca_file=ca, kind=kind,
            user_filter=key("user_filter"), people_filter=key("people_filter"),
            start_tls=start_tls, timeout=timeout,
            units_base=key("units_base", "") or key("people_base"),
            unit_filter=key("unit_filter", cls.unit_filter),
            unit_name_attribute=key("unit_name_attribute", cls.unit_name_attribute),
            unit_id_attribute=key("unit_id_attribute", ""), root_unit=key("root_unit", ""),
            username_attribute=key("username_attribute"), name_attribute=key("name_attribute"),
            email_attribute=key("email_attribute", cls.email_attribute),
            phone_attribute=key("phone_attribute", cls.phone_attribute),
            title_attribute=key("title_attribute", cls.title_attribute),
            subject_attribute=key("subject_attribute"), disabled_attribute=disabled,
            disabled_values=_strings(table, "ldap", "disabled_values",
                                     cls.disabled_values if disabled == cls.disabled_attribute
                                     else ()),
            group_member_attribute=key("group_member_attribute", cls.group_member_attribute),
            roles=_group_roles(table),
            default_roles=_ldap_roles(table, "ldap", "default_roles", cls.default_roles),
            cached_login_days=days)


# --- OpenID Connect ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OidcSettings:
    """[oidc]: the provincial platform's OpenID Connect provider (统一身份认证), which the
    desktop signs in at with PKCE; the server checks the ID token it brings back."""

    issuer: str  # exactly as the provider's discovery document and tokens spell it
    client_id: str  # the public (native) client registered for the desktop
    scopes: tuple[str, ...] = ("openid", "profile")
    # The ID token claim that names the person's username here, for a first sign-in.
    username_claim: str = "preferred_username"
    timeout: float = 10.0  # seconds for each call to the provider (discovery, keys)
    ca_file: str = ""  # the CA that signed the provider's certificate, if not a public one

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> OidcSettings:
        """Return the settings of an [oidc] table, or raise ConfigError."""
        issuer = text(table, "oidc", "issuer")
        if not issuer.startswith(("https://", "http://")) or len(issuer) > 200:
            raise ConfigError("配置文件 [oidc] 的 issuer 应当是 https:// 开头、"
                              "不超过200个字符的地址")
        scopes = table.get("scopes", list(cls.scopes))
        if not isinstance(scopes, list) or not all(isinstance(s, str) and s for s in scopes):
            raise ConfigError("配置文件 [oidc] 的 scopes 应当是字符串列表")
        if "openid" not in scopes:
            raise ConfigError("配置文件 [oidc] 的 scopes 必须包含 openid")
        timeout = number(table, "oidc", "timeout", cls.timeout)
        if timeout <= 0:
            raise ConfigError("配置文件 [oidc] 的 timeout 应当大于0")
        ca_file = text(table, "oidc", "ca_file", "")
        if ca_file and not Path(ca_file).is_file():
            raise ConfigError(f"配置文件 [oidc] 的 ca_file 不存在：{ca_file}")
        return cls(issuer=issuer, client_id=text(table, "oidc", "client_id"),
                   scopes=tuple(scopes), timeout=timeout, ca_file=ca_file,
                   username_claim=text(table, "oidc", "username_claim", cls.username_claim))


# --- notifications: mail, SMS and the queue ---------------------------------------------------

SMTP_SECURITY = ("starttls", "tls", "none")
SMS_AUTH = ("none", "basic", "token")
SMS_FORMATS = ("json", "form")
LOCAL_HOSTS = ("127.0.0.1", "::1", "localhost")


def whole(section: Mapping[str, Any], table: str, key: str, default: int, *,
          low: int, high: int) -> int:
    """Return a whole number in [low, high], or refuse naming [table] and key."""
    value = section.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ConfigError(f"配置文件 [{table}] 的 {key} 应当是 {low} 到 {high} 之间的整数")
    return value


def positive(section: Mapping[str, Any], table: str, key: str, default: float) -> float:
    """Return a number greater than zero, or refuse naming [table] and key."""
    value = number(section, table, key, default)
    if not value > 0:
        raise ConfigError(f"配置文件 [{table}] 的 {key} 应当大于 0")
    return value


def choice(section: Mapping[str, Any], table: str, key: str, default: str,
           allowed: tuple[str, ...]) -> str:
    """Return one of `allowed`, or refuse naming [table], key and the allowed values."""
    value = text(section, table, key, default)
    if value not in allowed:
        raise ConfigError(f"配置文件 [{table}] 的 {key} 只能是 {'、'.join(allowed)} 之一")
    return value


def ca_file(section: Mapping[str, Any], table: str) -> str:
    """Return the CA file to verify the service's certificate with ("" = the system's)."""
    path = text(section, table, "ca_file", "")
    if path and not Path(path).is_file():
        raise ConfigError(f"配置文件 [{table}] 的 ca_file 文件不存在：{path}")
    return path


@dataclass(frozen=True)
class SmtpSettings:
    """[smtp]: the mail server (公务邮箱) that notifications are sent through.

    STARTTLS (or implicit TLS) is required, the server's certificate is verified against
    `ca_file` (or the system's CAs); plain SMTP is allowed only to a relay on this host.
    """

    host: str
    sender: str
    port: int = 587
    security: str = "starttls"  # starttls | tls | none (local relay only)
    username: str = ""
    password: str = ""
    ca_file: str = ""
    timeout: float = 10.0
    sender_name: str = "协同办公"

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> SmtpSettings:
        """Return the settings of an [smtp] table, or raise ConfigError."""
        host, sender = text(table, "smtp", "host"), text(table, "smtp", "sender")
        if not host.strip():
            raise ConfigError("配置文件 [smtp] 的 host 不能为空")
        if "@" not in sender or any(c in sender for c in "\r\n<> "):
            raise ConfigError("配置文件 [smtp] 的 sender 应当是一个邮箱地址，如 oa@example.gov.cn")
        security = choice(table, "smtp", "security", "starttls", SMTP_SECURITY)
        if security == "none" and host not in LOCAL_HOSTS:
            raise ConfigError("配置文件 [smtp] 的 security = \"none\" 只允许用于本机中继"
                              "（host 为 127.0.0.1 或 localhost），"
                              "其他邮件服务器须用 starttls 或 tls")
        username = text(table, "smtp", "username", "")
        password = text(table, "smtp", "password", "")
        if bool(username) != bool(password):
            raise ConfigError("配置文件 [smtp] 的 username 和 password 须同时填写或同时不填")
        default_port = {"starttls": 587, "tls": 465, "none": 25}[security]
        return cls(host=host, sender=sender, security=security, username=username,
                   password=password, ca_file=ca_file(table, "smtp"),
                   port=whole(table, "smtp", "port", default_port, low=1, high=65535),
                   timeout=positive(table, "smtp", "timeout", 10.0),
                   sender_name=text(table, "smtp", "sender_name", "协同办公"))


@dataclass(frozen=True)
class SmsSettings:
    """[sms]: the provincial SMS platform's HTTP gateway.

    `template` is the request body, a table whose strings may hold {phone}, {text} and
    {request_id} (the notification's dedupe key, so the platform can drop a repeat); it is
    sent as JSON or as a form. Success is HTTP 2xx and, when `success_field` is set, that
    field of the JSON answer (dotted path) equal to `success_value`.
    """

    url: str
    template: Mapping[str, Any] = field(default_factory=dict)
    method: str = "POST"
    format: str = "json"
    auth: str = "none"  # none | basic | token
    username: str = ""
    password: str = ""
    token_header: str = "Authorization"
    token: str = ""
    success_field: str = ""
    success_value: str = ""
    timeout: float = 10.0
    ca_file: str = ""

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> SmsSettings:
        """Return the settings of an [sms] table, or raise ConfigError."""
        url = text(table, "sms", "url")
        if not url.startswith(("https://", "http://")):
            raise ConfigError("配置文件 [sms] 的 url 应当以 https:// 或 http:// 开头")
        template = _table(table, "template")
        if not template or not _mentions(template, "{phone}") or not _mentions(template, "{text}"):
            raise ConfigError("配置文件 [sms] 缺少 [sms.template] 表，或其中没有 {phone} 和 {text}")
        auth = choice(table, "sms", "auth", "none", SMS_AUTH)
        values = cls(
            url=url, template=dict(template), auth=auth,
            method=choice(table, "sms", "method", "POST", ("POST", "PUT")),
            format=choice(table, "sms", "format", "json", SMS_FORMATS),
            username=text(table, "sms", "username", ""),
            password=text(table, "sms", "password", ""),
            token_header=text(table, "sms", "token_header", "Authorization"),
            token=text(table, "sms", "token", ""),
            success_field=text(table, "sms", "success_field", ""),
            success_value=str(table.get("success_value", "")),
            timeout=positive(table, "sms", "timeout", 10.0), ca_file=ca_file(table, "sms"))
        if auth == "basic" and not values.username:
            raise ConfigError("配置文件 [sms] 的 auth = \"basic\" 时须填写 username 和 password")
        if auth == "token" and not (values.token and values.token_header):
            raise ConfigError("配置文件 [sms] 的 auth = \"token\" 时须填写 token_header 和 token")
        return values


def _mentions(template: Mapping[str, Any], placeholder: str) -> bool:
    """Return whether some string of the (nested) template holds `placeholder`."""
    for value in template.values():
        if isinstance(value, str) and placeholder in value:
            return True
        if isinstance(value, Mapping) and _mentions(value, placeholder):
            return True
    return False


@dataclass(frozen=True)
class NotifySettings:
    """[notify]: how the queue sends (rates, retries, the daily digest)."""

    interval: float = 10.0  # seconds between two runs of the sending loop; 0: no loop
    batch: int = 20  # messages claimed at once by one process
    lease: float = 120.0  # seconds a claim lasts before another process may retry the row
    max_attempts: int = 6
    backoff: float = 30.0  # the first retry's delay, doubled each time (with ±25 % jitter)
    backoff_max: float = 3600.0
    email_per_minute: int = 60
    sms_per_minute: int = 30
    due_days: int = 3  # 督办事项到期前几天提醒
    digest_hour: int = 8  # 每日摘要发送的时刻（北京时间）

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> NotifySettings:
        """Return the settings of a [notify] table, or raise ConfigError."""
        interval = number(table, "notify", "interval", 10.0)
        if interval < 0:
            raise ConfigError("配置文件 [notify] 的 interval 不能为负数（0 表示不在服务中发送）")
        return cls(
            interval=interval,
            batch=whole(table, "notify", "batch", 20, low=1, high=1000),
            lease=positive(table, "notify", "lease", 120.0),
            max_attempts=whole(table, "notify", "max_attempts", 6, low=1, high=100),
            backoff=positive(table, "notify", "backoff", 30.0),
            backoff_max=positive(table, "notify", "backoff_max", 3600.0),
            email_per_minute=whole(table, "notify", "email_per_minute", 60, low=1, high=100000),
            sms_per_minute=whole(table, "notify", "sms_per_minute", 30, low=1, high=100000),
            due_days=whole(table, "notify", "due_days", 3, low=0, high=365),
            digest_hour=whole(table, "notify", "digest_hour", 8, low=0, high=23))


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
