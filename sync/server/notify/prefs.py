"""Each person's notification choice (通知方式): reading it, checking it, keeping it."""

from __future__ import annotations

import re
from datetime import datetime

import sqlalchemy as sa

from sync.protocol import NOTIFICATION_EVENTS, NotificationPrefs, NotificationPrefsUpdate
from sync.server.errors import ApiError
from sync.server.storage import db
from sync.server.storage import tables as t

# A reasonable check, not RFC 5322: one @, a dotted domain, no spaces or controls.
EMAIL = re.compile(r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(\.[A-Za-z0-9\-]{1,63})+")
# 中国大陆手机号, with or without +86 / 86.
PHONE = re.compile(r"(?:\+?86)?(1[3-9]\d{9})")


def refuse(code: str, message: str, **details: str) -> ApiError:
    """Return the 422 refusal of a choice."""
    return ApiError(422, code, message, headers=None, **details)


def normal_phone(phone: str) -> str:
    """Return the 11-digit number of a mainland mobile number (+86 and spaces dropped), or
    refuse it."""
    compact = re.sub(r"[\s\-]", "", phone)
    match = PHONE.fullmatch(compact)
    if match is None:
        raise refuse("notify.invalid_phone",
                     "手机号码格式不正确，应为11位中国大陆手机号（可加 +86）", field="phone")
    return match.group(1)


def normal_email(email: str) -> str:
    """Return the address trimmed, or refuse it."""
    address = email.strip()
    if EMAIL.fullmatch(address) is None or ".." in address:
        raise refuse("notify.invalid_email", "电子邮箱地址格式不正确", field="email")
    return address


def checked(update: NotificationPrefsUpdate, available: list[str]) -> NotificationPrefsUpdate:
    """Return the choice with its addresses normalised, or refuse it (422)."""
    email = normal_email(update.email) if update.email.strip() else ""
    phone = normal_phone(update.phone) if update.phone.strip() else ""
    addresses = {"email": email, "sms": phone}
    events: dict[str, list[str]] = {}
    for event, channels in update.events.items():
        chosen: list[str] = list(dict.fromkeys(channels))
        for channel in chosen:
            if channel not in available:
                raise refuse("notify.channel_unavailable", "本服务器未配置该通知方式"
                             f"（{'电子邮件' if channel == 'email' else '短信'}），不能选择",
                             channel=channel, event=event)
            if not addresses[channel]:
                raise refuse("notify.address_missing", "选择该通知方式前请先填写"
                             f"{'电子邮箱' if channel == 'email' else '手机号码'}",
                             channel=channel, event=event)
        if chosen:
            events[event] = chosen
    if update.digest and ("email" not in available or not email):
        raise refuse("notify.address_missing" if "email" in available
                     else "notify.channel_unavailable",
                     "每日摘要通过电子邮件发送：请先填写电子邮箱" if "email" in available
                     else "本服务器未配置电子邮件，不能订阅每日摘要", channel="email")
    return NotificationPrefsUpdate.model_validate(
        {"email": email, "phone": phone, "events": events, "digest": update.digest})


def load(connection: sa.Connection, person_id: str, available: list[str]) -> NotificationPrefs:
    """Return a person's choice; before they made one, their directory e-mail and phone and
    no event."""
    n, p = t.notification_prefs.c, t.people.c
    row = connection.execute(sa.select(n.email, n.phone, n.events, n.digest)
                             .where(n.person_id == person_id)).first()
    if row is None:
        person = connection.execute(sa.select(p.email, p.phone)
                                    .where(p.id == person_id)).first()
        email, phone = (person.email, person.phone) if person is not None else ("", "")
        return NotificationPrefs.model_validate(
            {"email": email[:200], "phone": phone[:50], "available": available})
    stored = row.events if isinstance(row.events, dict) else {}
    events = {e: [c for c in stored.get(e, []) if c in ("email", "sms")]
              for e in NOTIFICATION_EVENTS if stored.get(e)}
    return NotificationPrefs.model_validate(
        {"email": row.email, "phone": row.phone, "events": events, "digest": bool(row.digest),
         "available": available})


def save(engine: sa.Engine, person_id: str, update: NotificationPrefsUpdate,
         available: list[str], now: datetime) -> NotificationPrefs:
    """Keep a checked choice and return it as GET would."""
    good = checked(update, available)
    values = {"email": good.email, "phone": good.phone,
              "events": {e: list(c) for e, c in good.events.items()}, "digest": good.digest,
              "updated_at": now}
    with db.write(engine) as connection:
        db.insert_ignore(connection, t.notification_prefs, {"person_id": person_id, **values})
        connection.execute(sa.update(t.notification_prefs)
                           .where(t.notification_prefs.c.person_id == person_id).values(values))
        return load(connection, person_id, available)
