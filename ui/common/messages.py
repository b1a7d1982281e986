"""Refusals and errors as people read them: by their stable code, in the person's language.

The domain and the server refuse with a code, a Chinese message and details (officeapp's
`Rejection`/`DomainError`, the server's `{code, message, details}`). The screens show them
through `refusal_text`: the English template of the code (context "messages", the code as its
source text, `{placeholders}` filled from the details), or the Chinese message when the
language is Chinese or the code has no template. A code made from a pattern
(`meeting.invalid_title`) may share one template (`meeting.invalid_*`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Protocol

from ui.common import times
from ui.common.translate import translate
from ui.common.values import value_text

CONTEXT = "messages"


class Refusal(Protocol):
    """Anything refused with a code: a Rejection, a DomainError, an ApiError, a record."""

    @property
    def code(self) -> str: ...
    @property
    def message(self) -> str: ...


def refusal_text(refusal: Refusal) -> str:
    """Return what a refusal says, in the person's language."""
    return message_text(code=refusal.code, message=refusal.message,
                        details=getattr(refusal, "details", None) or {})


def refused_field(refusal: Refusal) -> str:
    """Return the form field a refusal names ("" for none: it goes to the form's own line)."""
    details = getattr(refusal, "details", None) or {}
    return str(details.get("field") or "")


def message_text(*, code: str, message: str, details: Mapping[str, Any]) -> str:
    """Return the template of `code` filled from `details`, else the Chinese `message`."""
    template = template_of(code)
    if template is None:
        return message
    try:
        return template.format_map({k: _detail(v) for k, v in details.items()})
    except (KeyError, IndexError, ValueError):
        return message


def template_of(code: str) -> str | None:
    """Return the template of `code` in the person's language, or None if it has none."""
    for key in _keys(code):
        text = translate(CONTEXT, key)
        if text != key:
            return text
    return None


def _keys(code: str) -> list[str]:
    """Return `code`, then each pattern it may be made from (some parts of its name a `*`)."""
    family, _, name = code.rpartition(".")
    parts = name.split("_")
    patterns = ["_".join([*parts[:i], "*", *parts[j:]])
                for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)]
    return [code, *(f"{family}.{p}" for p in patterns if p != "*")]


def _detail(value: Any) -> Any:
    """Return a detail as shown: a moment in local time, a domain value in the language."""
    if not isinstance(value, str):
        return value
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value_text(value)
    return times.minute_text(moment) if moment.tzinfo is not None else value
