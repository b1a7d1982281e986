"""电子印章: a unit's seal image and signing key, PAdES signing at 用印, and 验章.

SKELETON written by the lead to fix the interface; the bodies are filled in by the seals work.
Every function keeps its name, arguments and return type.

The server holds each unit's `SealKey` and signs; a client only ever verifies, against the
organisation's trusted roots (synced like the directory). Nothing here touches the network:
verification never fetches revocation data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True)
class SealKey:
    """A signing identity: its private key, its certificate and the chain above it (PEM)."""

    key_pem: bytes  # PKCS#8, unencrypted (the server stores it; it never reaches a client)
    cert_pem: bytes
    chain_pem: tuple[bytes, ...] = ()  # issuers up to and including the root

    @property
    def subject(self) -> str:
        """Return the certificate's subject as people read it (the unit's name)."""
        raise NotImplementedError

    @property
    def not_after(self) -> datetime:
        """Return when the certificate expires (aware)."""
        raise NotImplementedError


class SealStatus(StrEnum):
    """The verdict of 验章 on one PDF."""

    VALID = "valid"  # signed, unchanged since, chains to a trusted root
    UNTRUSTED = "untrusted"  # signed and unchanged, but the signer is not under our roots
    MODIFIED = "modified"  # the signed bytes changed, or content was added after signing
    UNSIGNED = "unsigned"  # a readable PDF without a signature
    ENCRYPTED = "encrypted"
    DAMAGED = "damaged"  # not a PDF, truncated, or a signature that cannot be read


@dataclass(frozen=True)
class SealVerdict:
    """What 验章 found. `message` is the Chinese sentence shown to people."""

    status: SealStatus
    message: str
    signer: str = ""  # the signing unit (certificate subject CN/O)
    signed_at: datetime | None = None  # the signing time claimed in the signature (aware)
    intact: bool = False  # the signed bytes are unchanged and cover the whole file
    trusted: bool = False  # the signer chains to one of the trusted roots
    signatures: int = 0

    @property
    def ok(self) -> bool:
        """Return whether the document is proven: intact and trusted."""
        return self.status is SealStatus.VALID


def load_pkcs12(data: bytes, password: str, *, now: datetime) -> SealKey:
    """Return the key and chain in a PKCS#12 file; ValidationError (Chinese) when unusable.

    Codes: seal.not_pkcs12, seal.bad_password, seal.no_key, seal.expired, seal.not_yet_valid.
    """
    raise NotImplementedError


def check_seal_image(data: bytes) -> tuple[int, int]:
    """Return the (width, height) of a seal image; ValidationError seal.bad_image otherwise."""
    raise NotImplementedError


def draw_seal_image(unit_name: str) -> bytes:
    """Return a red round seal (PNG, transparent) with a star and `unit_name` along the rim."""
    raise NotImplementedError


def create_org_ca(org_name: str, *, now: datetime, years: int = 20) -> SealKey:
    """Return a new self-signed organisation root (for the demo and small offices)."""
    raise NotImplementedError


def issue_unit_certificate(ca: SealKey, unit_name: str, unit_id: str, *, now: datetime,
                           years: int = 10) -> SealKey:
    """Return a new key and a certificate for `unit_name` issued by `ca` (chain: the CA)."""
    raise NotImplementedError


def certificate_fingerprint(cert_pem: bytes) -> str:
    """Return the SHA-256 fingerprint (hex) of a PEM certificate: a trusted root's id."""
    raise NotImplementedError


def sign_pdf(pdf: bytes, key: SealKey, *, signed_at: datetime, reason: str = "用印",
             location: str = "") -> bytes:
    """Return `pdf` with a PAdES baseline signature by `key`, its chain embedded.

    An incremental update: a PDF/A-2b input stays PDF/A-2b.
    """
    raise NotImplementedError


def verify_pdf(pdf: bytes, trust_roots: Sequence[bytes]) -> SealVerdict:
    """Return the verdict on `pdf` against PEM `trust_roots`; never raises on bad input."""
    raise NotImplementedError
