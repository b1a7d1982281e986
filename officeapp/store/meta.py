"""sync_meta: the client id, the pull cursor, the schema version and free key/values."""

from __future__ import annotations

import sqlite3

from officeapp.errors import ConflictError, ValidationError


def get(conn: sqlite3.Connection, key: str) -> str | None:
    """Return the value stored under `key`, or None."""
    row = conn.execute("SELECT value FROM sync_meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def put(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Store `value` under `key`."""
    if not key:
        raise ValidationError("meta.bad_key", "配置项名称不能为空")
    conn.execute("INSERT INTO sync_meta (key, value) VALUES (?, ?)"
                 " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def cursor(conn: sqlite3.Connection) -> int:
    """Return the change-log position pulled so far."""
    return int(get(conn, "cursor") or 0)


def set_cursor(conn: sqlite3.Connection, value: int, *, reset: bool) -> None:
    """Advance the pull cursor; only a reset (full snapshot) may move it backwards."""
    if value < 0:
        raise ValidationError("sync.bad_cursor", "同步位置不能为负数", cursor=value)
    current = cursor(conn)
    if value < current and not reset:
        raise ConflictError("sync.cursor_backwards", "服务器返回的同步位置早于本地已同步的位置",
                            cursor=value, current=current)
    put(conn, "cursor", str(value))
