"""Errors of the PDF layer: each carries a stable code and a Chinese message."""

from __future__ import annotations

from officeapp.errors import DomainError


class PdfError(DomainError):
    """Base of every error the PDF layer raises on purpose."""


class PdfInputError(PdfError):
    """The input of a rendering names a bad, missing or forbidden value; `field` says which."""

    @property
    def field(self) -> str:
        """Return the dotted name of the offending input field."""
        return str(self.details.get("field", ""))


class FontNotFoundError(PdfError):
    """No usable CJK font was found on this machine."""
