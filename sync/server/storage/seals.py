"""电子印章 on the server: each unit's seal and key, the trusted roots, and 用印 itself.

A unit's key (`unit_seals.key_pem`) and the organisation CA's key (`trust_roots.key_pem`) are
read by this module only, to sign; they go into no change row, answer, log line or message.
Clients receive the trusted roots' certificates (change kind "trust_root", seen by everyone),
against which they verify the signed 公文 offline (验章).

At 用印 the server renders the final 公文 (GB/T 9704) with the unit's seal image, converts it
to PDF/A-2b and signs it (PAdES) with the unit's key. The signed file is a blob created by the
server (`blobs.store_system_blob`), referenced by the document's `official_pdf`, and so
downloadable by whoever sees the document or one of its incoming copies.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from cryptography import x509

from officeapp import seals
from officeapp.clock import local
from officeapp.errors import DomainError, ValidationError
from officeapp.org import Organisation, Unit
from officeapp.pdf import render_document, to_pdfa
from officeapp.render import document_layout
from officeapp.seals import SealKey
from officeapp.workflow import Attachment, Document
from sync.server.storage import blobs, changelog
from sync.server.storage import tables as t
from sync.server.storage.changelog import ChangeRow
from sync.server.storage.db import as_utc
from sync.server.storage.pokes import CHANNEL, encode
from sync.server.storage.visibility import EVERYONE

KIND = "trust_root"
REASON = "用印"
EXPIRY_WARNING = timedelta(days=30)
_PEM = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----\s*", re.DOTALL)
# Characters a file name may not hold on the desktops that save the official PDF.
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
MAX_NAME = 120


@dataclass(frozen=True)
class UnitSeal:
    """A unit's seal: the image stamped on its 公文 and the key it signs them with."""

    unit_id: str
    image: bytes
    key: SealKey
    updated_at: datetime

    @property
    def not_after(self) -> datetime:
        """When the seal's certificate expires."""
        return self.key.not_after


@dataclass(frozen=True)
class SealInfo:
    """What an administrator reads about a unit's seal (never its key)."""

    unit_id: str
    subject: str
    not_after: datetime
    updated_at: datetime


@dataclass(frozen=True)
class TrustRoot:
    """A trusted root certificate; `has_key` when the server made it and holds its key."""

    id: str
    name: str
    cert_pem: bytes
    has_key: bool
    created_at: datetime


def split_pems(data: bytes) -> tuple[bytes, ...]:
    """Return each PEM certificate of a concatenation."""
    return tuple(match.group(0).strip() + b"\n" for match in _PEM.finditer(data))


# --- unit seals ------------------------------------------------------------------------------


def load_seal(connection: sa.Connection, unit_id: str) -> UnitSeal | None:
    """Return the unit's seal, or None when it has none."""
    row = connection.execute(sa.select(t.unit_seals).where(
        t.unit_seals.c.unit_id == unit_id)).first()
    if row is None:
        return None
    key = SealKey(key_pem=bytes(row.key_pem), cert_pem=bytes(row.cert_pem),
                  chain_pem=split_pems(bytes(row.chain_pem)))
    return UnitSeal(unit_id, bytes(row.image), key, as_utc(row.updated_at))


def save_seal(connection: sa.Connection, unit_id: str, *, image: bytes, key: SealKey,
              now: datetime) -> None:
    """Store (or replace) the seal of a unit."""
    values = {"image": image, "key_pem": key.key_pem, "cert_pem": key.cert_pem,
              "chain_pem": b"".join(key.chain_pem), "not_after": key.not_after,
              "updated_at": now}
    key_column = t.unit_seals.c.unit_id == unit_id
    if connection.execute(sa.select(t.unit_seals.c.unit_id).where(key_column)).first() is None:
        connection.execute(sa.insert(t.unit_seals).values(unit_id=unit_id, **values))
    else:
        connection.execute(sa.update(t.unit_seals).where(key_column).values(**values))


def list_seals(connection: sa.Connection) -> list[SealInfo]:
    """Return every unit's seal as an administrator reads it, by unit id."""
    s = t.unit_seals.c
    rows = connection.execute(sa.select(s.unit_id, s.cert_pem, s.not_after, s.updated_at)
                              .order_by(s.unit_id))
    return [SealInfo(row.unit_id, SealKey(b"", bytes(row.cert_pem)).subject,
                     as_utc(row.not_after), as_utc(row.updated_at)) for row in rows]


# --- trusted roots ---------------------------------------------------------------------------


def _root_payload(root_id: str, name: str, cert_pem: bytes) -> dict[str, Any]:
    return {"id": root_id, "name": name, "pem": cert_pem.decode("ascii")}


def save_trust_root(connection: sa.Connection, cert_pem: bytes, *, name: str, now: datetime,
                    key_pem: bytes | None = None) -> str:
    """Trust a root certificate (keeping a key it already has); log its change for every
    client; return its id (the fingerprint)."""
    root_id = seals.certificate_fingerprint(cert_pem)
    r = t.trust_roots.c
    stored = connection.execute(sa.select(r.key_pem).where(r.id == root_id)).first()
    if stored is None:
        connection.execute(sa.insert(t.trust_roots).values(
            id=root_id, name=name, cert_pem=cert_pem, key_pem=key_pem, created_at=now))
    elif key_pem is not None and stored.key_pem is None:
        connection.execute(sa.update(t.trust_roots).where(r.id == root_id)
                           .values(key_pem=key_pem))
    if stored is None:
        _publish(connection, [ChangeRow(KIND, root_id, changelog.PUT,
                                        _root_payload(root_id, name, cert_pem),
                                        frozenset({EVERYONE}))], now)
    return root_id


def _publish(connection: sa.Connection, rows: list[ChangeRow], now: datetime) -> None:
    changelog.append(connection, rows, now)
    if connection.dialect.name == "postgresql":
        # Admin commands run in their own process: wake every server's streams at commit.
        connection.execute(sa.select(sa.func.pg_notify(CHANNEL, encode([EVERYONE]))))


def trust_roots(connection: sa.Connection) -> list[TrustRoot]:
    """Return the trusted roots, oldest first."""
    r = t.trust_roots.c
    rows = connection.execute(sa.select(r.id, r.name, r.cert_pem, r.key_pem.is_not(None)
                                        .label("has_key"), r.created_at)
                              .order_by(r.created_at, r.id))
    return [TrustRoot(row.id, row.name, bytes(row.cert_pem), bool(row.has_key),
                      as_utc(row.created_at)) for row in rows]


def org_ca(connection: sa.Connection) -> SealKey | None:
    """Return the organisation CA the server made (the newest), or None."""
    r = t.trust_roots.c
    row = connection.execute(sa.select(r.cert_pem, r.key_pem).where(r.key_pem.is_not(None))
                             .order_by(r.created_at.desc(), r.id).limit(1)).first()
    if row is None:
        return None
    return SealKey(key_pem=bytes(row.key_pem), cert_pem=bytes(row.cert_pem))


# --- 用印 ------------------------------------------------------------------------------------


def usable_seal(connection: sa.Connection, unit_id: str, now: datetime) -> UnitSeal:
    """Return the unit's seal; refuse 用印 when it has none or its certificate is not valid."""
    seal = load_seal(connection, unit_id)
    if seal is None:
        raise DomainError("seal.not_configured",
                          "本单位尚未配置电子印章，无法用印。请联系管理员导入印章"
                          "（officeapp-server seal-import）", unit_id=unit_id)
    if seal.not_after <= now:
        day = local(seal.not_after).strftime("%Y-%m-%d")
        raise DomainError("seal.expired",
                          f"本单位电子印章的证书已于{day}过期，无法用印。请联系管理员更新印章"
                          "（officeapp-server seal-import 或 seal-issue）", unit_id=unit_id)
    return seal


def signed_pdf(doc: Document, org: Organisation, seal: UnitSeal, now: datetime) -> bytes:
    """Return the final 公文 as the server issues it: rendered with the seal, PDF/A-2b,
    signed by the unit's key at `now`."""
    today = doc.written_date or local(now).date()
    layout = replace(document_layout(doc, org, today=today), seal_image=seal.image)
    unit = org.units.get(doc.owner_unit_id)
    return seals.sign_pdf(to_pdfa(render_document(layout)), seal.key, signed_at=now,
                          reason=REASON, location=unit.name if unit else "")


def official_pdf_name(doc: Document) -> str:
    """Return the file name of a document's official PDF: its title, made safe."""
    title = _UNSAFE_NAME.sub("_", doc.title).strip(" .") or "公文"
    return f"{title[:MAX_NAME]}.pdf"


def seal_document(connection: sa.Connection, doc: Document, org: Organisation,
                  now: datetime) -> Attachment:
    """Seal and sign a numbered document and store the file; return the attachment naming it.

    Refused (DomainError) when the unit has no usable seal: the whole action is then undone.
    """
    if not doc.doc_number:
        raise DomainError("seal.no_number", "文件尚未编号，不能用印", document_id=doc.id)
    pdf = signed_pdf(doc, org, usable_seal(connection, doc.owner_unit_id, now), now)
    sha256 = blobs.store_system_blob(connection, pdf, now=now)
    return Attachment(official_pdf_name(doc), sha256, len(pdf))


# --- administration ----------------------------------------------------------------------------


def known_unit(org: Organisation, unit_id: str) -> Unit:
    """Return the unit; refuse an id the directory does not have."""
    unit = org.units.get(unit_id)
    if unit is None:
        raise ValidationError("org.unknown_unit", f"单位不存在：{unit_id}", unit_id=unit_id)
    return unit


def create_ca(connection: sa.Connection, org_name: str, *, now: datetime,
              years: int = 20) -> TrustRoot:
    """Make the organisation CA and trust it (the server keeps its key); refused when one
    exists already."""
    existing = next((r for r in trust_roots(connection) if r.has_key), None)
    if existing is not None:
        raise ValidationError("seal.ca_exists",
                              f"已经创建过组织根证书“{existing.name}”（指纹 {existing.id[:16]}…），"
                              "seal-issue 会使用它", root_id=existing.id)
    if not org_name.strip():
        raise ValidationError("seal.no_name", "组织名称不能为空")
    ca = seals.create_org_ca(org_name.strip(), now=now, years=years)
    root_id = save_trust_root(connection, ca.cert_pem, name=ca.subject, now=now,
                              key_pem=ca.key_pem)
    return TrustRoot(root_id, ca.subject, ca.cert_pem, True, now)


def issue_seal(connection: sa.Connection, org: Organisation, unit_id: str, *,
               image: bytes | None, now: datetime, years: int = 10) -> SealInfo:
    """Issue the unit a certificate from the organisation CA and store its seal (the image
    given, else one drawn with the unit's name)."""
    unit = known_unit(org, unit_id)
    ca = org_ca(connection)
    if ca is None:
        raise ValidationError("seal.no_ca",
                              "服务器上没有组织根证书，无法签发印章证书。请先运行 officeapp-server "
                              "seal-create-ca --name 组织名称，或用 seal-import 导入省级签发的印章")
    if image is None:
        image = seals.draw_seal_image(unit.name)
    else:
        seals.check_seal_image(image)
    key = seals.issue_unit_certificate(ca, unit.name, unit.id, now=now, years=years)
    save_seal(connection, unit.id, image=image, key=key, now=now)
    return SealInfo(unit.id, key.subject, key.not_after, now)


@dataclass(frozen=True)
class Imported:
    """A checked PKCS#12 import, ready to store: the seal, and the root to trust."""

    key: SealKey
    image: bytes
    root_pem: bytes


def check_import(p12: bytes, password: str, image: bytes, *, root_pem: bytes | None,
                 now: datetime) -> Imported:
    """Check a province-issued PKCS#12 and seal image before anything is stored: the key
    opens and is valid now, the image is an image, and a test signature verifies against
    the root (the chain's own, or `root_pem`)."""
    key = seals.load_pkcs12(p12, password, now=now)
    seals.check_seal_image(image)
    root = _root_of(key, root_pem)
    verdict = seals.verify_pdf(seals.sign_pdf(_blank_pdf(), key, signed_at=now), [root])
    if not verdict.ok:
        raise ValidationError("seal.untrusted_chain",
                              f"印章证书“{key.subject}”不能由该根证书验证：{verdict.message}",
                              status=verdict.status.value)
    return Imported(key, image, root)


def _root_of(key: SealKey, root_pem: bytes | None) -> bytes:
    """Return the root to trust: `root_pem`, else the self-signed end of the key's chain."""
    if root_pem is not None:
        found = split_pems(root_pem)
        if not found:
            raise ValidationError("seal.bad_root", "根证书文件不是PEM格式的证书")
        _certificate(found[0])
        return found[0]
    for pem in reversed(key.chain_pem):
        certificate = _certificate(pem)
        if certificate.issuer == certificate.subject:
            return pem
    raise ValidationError("seal.no_root",
                          "PKCS#12 文件中没有根证书，请用 --root 指定签发机构的根证书（PEM）")


def _certificate(pem: bytes) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(pem)
    except ValueError:
        raise ValidationError("seal.bad_root", "根证书文件不是PEM格式的证书") from None


def _blank_pdf() -> bytes:
    """Return a one-page empty PDF, to sign once as a check of an imported key."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def import_seal(connection: sa.Connection, org: Organisation, unit_id: str,
                imported: Imported, *, now: datetime) -> SealInfo:
    """Store a checked import as the unit's seal and trust its root."""
    unit = known_unit(org, unit_id)
    name = SealKey(b"", imported.root_pem).subject
    save_trust_root(connection, imported.root_pem, name=name, now=now)
    save_seal(connection, unit.id, image=imported.image, key=imported.key, now=now)
    return SealInfo(unit.id, imported.key.subject, imported.key.not_after, now)
