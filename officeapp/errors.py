"""The one exception tree of the domain: every error has a stable code and a Chinese message."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Rejection:
    """Why an action or input was refused: a stable code for programs, a message for people."""

    code: str
    message: str
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the wire form used by the sync protocol."""
        return {"code": self.code, "message": self.message, "details": dict(self.details)}


class DomainError(Exception):
    """Base of every error the domain raises on purpose."""

    def __init__(self, code: str, message: str, **details: Any) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.details = details

    @property
    def rejection(self) -> Rejection:
        """Return this error as a Rejection value."""
        return Rejection(self.code, self.message, dict(self.details))


class ValidationError(DomainError):
    """Input that breaks a rule of the domain (a field is missing, malformed or not allowed)."""


class ForbiddenError(DomainError):
    """The actor may not do this."""


class ConflictError(DomainError):
    """The record is no longer in the state the action expected."""
