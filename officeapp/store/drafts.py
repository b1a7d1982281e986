"""Opinions typed but not yet submitted: saved as the user types, never lost."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from officeapp.store.db import timestamp


@dataclass(frozen=True)
class OpinionDraft:
    """The unsent opinion of one person on one document, at the step they typed it."""

    document_id: str
    person_id: str
    step: str
    text: str
    updated_at: datetime


def save(
    conn: sqlite3.Connection, *, document_id: str, person_id: str, step: str, text: str,
    now: datetime,
) -> None:
    """Save the draft; an empty text removes it (the user cleared the box)."""
    if not text.strip():
        delete(conn, document_id=document_id, person_id=person_id)
        return
    conn.execute(
        "INSERT INTO opinion_drafts (document_id, person_id, step, text, updated_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(document_id, person_id) DO UPDATE SET"
        " step = excluded.step, text = excluded.text, updated_at = excluded.updated_at",
        (document_id, person_id, step, text, timestamp(now)))


def restore(
    conn: sqlite3.Connection, *, document_id: str, person_id: str, step: str, text: str,
    now: datetime,
) -> None:
    """Bring a refused opinion back as the draft, unless the user has typed a new one."""
    conn.execute(
        "INSERT OR IGNORE INTO opinion_drafts (document_id, person_id, step, text, updated_at)"
        " VALUES (?, ?, ?, ?, ?)", (document_id, person_id, step, text, timestamp(now)))


def get(conn: sqlite3.Connection, *, document_id: str, person_id: str) -> OpinionDraft | None:
    """Return the draft, or None."""
    row = conn.execute(
        "SELECT step, text, updated_at FROM opinion_drafts WHERE document_id = ? AND"
        " person_id = ?", (document_id, person_id)).fetchone()
    if row is None:
        return None
    return OpinionDraft(document_id, person_id, row[0], row[1], datetime.fromisoformat(row[2]))


def delete(conn: sqlite3.Connection, *, document_id: str, person_id: str) -> None:
    """Remove the draft (it was submitted or cleared)."""
    conn.execute("DELETE FROM opinion_drafts WHERE document_id = ? AND person_id = ?",
                 (document_id, person_id))
