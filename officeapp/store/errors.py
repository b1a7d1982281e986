"""Errors of the local store, in the domain's one exception tree."""

from __future__ import annotations

from officeapp.errors import DomainError


class StoreError(DomainError):
    """The local database itself cannot do what was asked (unreadable, too new, busy, full)."""


class NotFoundError(DomainError):
    """The record asked for is not in the local store."""
