"""What a notification says: short Chinese texts, and what is withheld from them.

Safe to send: the title and 文号 of a 公开 document, the titles of meetings and supervision
items, times, places, steps and deadlines. Never sent: a document's body, attachments,
opinions (free text that may quote the content), and the title of any document that is not
公开 (内部 documents name only their 文号). SMS travels through a carrier and e-mail may leave
the government network, so both channels get the same rule.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from officeapp.clock import local
from officeapp.documents import Classification
from officeapp.workflow import Document

SMS_LENGTH = 70  # one SMS of Chinese text (UCS-2)
SIGNATURE = "【协同办公】"
WITHHELD = "（内部公文，标题不在通知中显示）"


def moment_text(moment: datetime) -> str:
    """Return `M月D日HH:MM`, Beijing time."""
    at = local(moment)
    return f"{at.month}月{at.day}日{at:%H:%M}"


def day_text(moment: datetime) -> str:
    """Return `M月D日`, Beijing time."""
    at = local(moment)
    return f"{at.month}月{at.day}日"


def may_show_title(doc: Document) -> bool:
    """Return whether a document's title may leave the server in a notification."""
    return doc.classification is Classification.PUBLIC


def document_label(doc: Document, title: str | None = None) -> str:
    """Return how a notification names a document: 文号《title》, or only the 文号."""
    number = doc.doc_number or ""
    if not may_show_title(doc):
        return f"{number}{WITHHELD}" if number else f"一份{WITHHELD}"
    return f"{number}《{doc.title if title is None else title}》"


def fit(make: Callable[[str], str], title: str, limit: int = SMS_LENGTH) -> str:
    """Return `make(title)`, the title shortened with "…" until the text fits `limit`."""
    text = make(title)
    cut = len(title)
    while len(text) > limit and cut > 1:
        cut -= 1
        text = make(title[:cut] + "…")
    return text[:limit]
