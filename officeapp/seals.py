"""电子印章: a unit's seal image and signing key, PAdES signing at 用印, and 验章.

The server holds each unit's `SealKey` and signs; a client only ever verifies, against the
organisation's trusted roots (synced like the directory). Nothing here touches the network:
verification never fetches revocation data.

Signing and verification use pyHanko: a PAdES baseline B-B signature (ETSI.CAdES.detached,
SHA-256) in an invisible, printable signature field, appended as an incremental update, so a
PDF/A-2b input stays PDF/A-2b. Keys are EC P-256, which poppler (NSS) and Acrobat verify.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import io
import logging
import math
import warnings
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final, TypeVar

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from officeapp.clock import day_minute_text
from officeapp.errors import ValidationError

if TYPE_CHECKING:
    from PIL import Image as PILImage
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
    from pyhanko.sign.validation.status import PdfSignatureStatus

log = logging.getLogger(__name__)

T = TypeVar("T")

MAX_IMAGE_BYTES: Final = 2 * 1024 * 1024
MAX_IMAGE_SIDE: Final = 4096
SEAL_RED: Final = (208, 2, 27, 255)  # #d0021b
SEAL_SIZE: Final = 600
FIELD_PREFIX: Final = "Seal"


@dataclass(frozen=True)
class SealKey:
    """A signing identity: its private key, its certificate and the chain above it (PEM)."""

    key_pem: bytes  # PKCS#8, unencrypted (the server stores it; it never reaches a client)
    cert_pem: bytes
    chain_pem: tuple[bytes, ...] = ()  # issuers up to and including the root

    @property
    def subject(self) -> str:
        """Return the certificate's subject as people read it (the unit's name)."""
        return subject_name(x509.load_pem_x509_certificate(self.cert_pem))

    @property
    def not_after(self) -> datetime:
        """Return when the certificate expires (aware)."""
        return x509.load_pem_x509_certificate(self.cert_pem).not_valid_after_utc


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


# --- certificates and keys ------------------------------------------------------------------


def subject_name(cert: x509.Certificate) -> str:
    """Return the CN of `cert`'s subject, or its O when it has no CN (the signer as people
    read it, in 验章 and in the archive's 数字签名)."""
    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        values = cert.subject.get_attributes_for_oid(oid)
        if values:
            return str(values[0].value)
    return cert.subject.rfc4514_string()


def load_pkcs12(data: bytes, password: str, *, now: datetime) -> SealKey:
    """Return the key and chain in a PKCS#12 file; ValidationError (Chinese) when unusable.

    Codes: seal.not_pkcs12, seal.bad_password, seal.no_key, seal.expired, seal.not_yet_valid.
    """
    key, cert, others = _open_pkcs12(data, password)
    if key is None or cert is None:
        raise ValidationError("seal.no_key", "证书文件中没有私钥或签章证书，"
                              "请导出包含私钥的 .p12/.pfx 文件。")
    if _public_der(key.public_key()) != _public_der(cert.public_key()):
        raise ValidationError("seal.no_key", "证书文件中的私钥与签章证书不匹配。")
    _check_validity(cert, now)
    return SealKey(
        key_pem=key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()),
        cert_pem=cert.public_bytes(serialization.Encoding.PEM),
        chain_pem=tuple(c.public_bytes(serialization.Encoding.PEM)
                        for c in _issuer_chain(cert, others)),
    )


def _open_pkcs12(data: bytes, password: str) -> tuple[Any, x509.Certificate | None,
                                                      list[x509.Certificate]]:
    """Return the key, certificate and other certificates of a PKCS#12 file."""
    passwords = [password.encode("utf-8")] + ([None] if not password else [])
    for candidate in passwords:
        try:
            key, cert, others = pkcs12.load_key_and_certificates(data, candidate)
        except (ValueError, TypeError, UnsupportedAlgorithm):
            continue
        return key, cert, list(others)
    if not _is_pfx(data):
        raise ValidationError("seal.not_pkcs12", "所选文件不是 PKCS#12 证书文件（.p12/.pfx）。")
    raise ValidationError("seal.bad_password", "证书密码不正确，请重新输入。")


def _is_pfx(data: bytes) -> bool:
    """Return whether `data` parses as a PKCS#12 PFX structure (whatever its password)."""
    from asn1crypto import pkcs12 as asn1_pkcs12  # type: ignore[import-untyped]

    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        return bool(pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].native
                    in ("data", "signed_data"))
    except (ValueError, TypeError, KeyError):
        return False


def _public_der(public_key: Any) -> bytes:
    """Return a public key as DER SubjectPublicKeyInfo, to compare keys."""
    der: bytes = public_key.public_bytes(serialization.Encoding.DER,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)
    return der


def _check_validity(cert: x509.Certificate, now: datetime) -> None:
    """Raise seal.expired or seal.not_yet_valid when `cert` is not valid at `now`."""
    if now > cert.not_valid_after_utc:
        when = day_minute_text(cert.not_valid_after_utc)
        raise ValidationError("seal.expired", f"签章证书已于{when}（北京时间）过期，请更换证书。",
                              not_after=cert.not_valid_after_utc.isoformat())
    if now < cert.not_valid_before_utc:
        when = day_minute_text(cert.not_valid_before_utc)
        raise ValidationError("seal.not_yet_valid", f"签章证书自{when}（北京时间）起才生效。",
                              not_before=cert.not_valid_before_utc.isoformat())


def _issuer_chain(cert: x509.Certificate,
                  others: Sequence[x509.Certificate]) -> list[x509.Certificate]:
    """Return `others` ordered from `cert`'s issuer up to the root, the unrelated ones after."""
    remaining = [c for c in others if c != cert]
    chain: list[x509.Certificate] = []
    current = cert
    while current.issuer != current.subject:
        issuer = next((c for c in remaining if c.subject == current.issuer), None)
        if issuer is None:
            break
        chain.append(issuer)
        remaining.remove(issuer)
        current = issuer
    return chain + remaining


def create_org_ca(org_name: str, *, now: datetime, years: int = 20) -> SealKey:
    """Return a new self-signed organisation root (for the demo and small offices)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"{org_name}电子印章根证书"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, org_name)])
    usage = x509.KeyUsage(digital_signature=False, content_commitment=False,
                          key_encipherment=False, data_encipherment=False, key_agreement=False,
                          key_cert_sign=True, crl_sign=True, encipher_only=False,
                          decipher_only=False)
    cert = (
        _builder(name, name, key.public_key(), now, now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()),
                       critical=False)
        .sign(key, hashes.SHA256())
    )
    return _seal_key(key, cert, ())


def issue_unit_certificate(ca: SealKey, unit_name: str, unit_id: str, *, now: datetime,
                           years: int = 10) -> SealKey:
    """Return a new key and a certificate for `unit_name` issued by `ca` (chain: the CA)."""
    ca_cert = x509.load_pem_x509_certificate(ca.cert_pem)
    ca_key = serialization.load_pem_private_key(ca.key_pem, password=None)
    if not isinstance(ca_key, ec.EllipticCurvePrivateKey):
        raise ValidationError("seal.bad_ca", "根证书的私钥不是 EC 密钥，无法签发单位证书。")
    key = ec.generate_private_key(ec.SECP256R1())
    org = ca_cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, unit_name)]
    if org:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, str(org[0].value)))
    # The unit's id lets a verifier map the certificate back to the unit in the directory.
    attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit_id))
    usage = x509.KeyUsage(digital_signature=True, content_commitment=True,
                          key_encipherment=False, data_encipherment=False, key_agreement=False,
                          key_cert_sign=False, crl_sign=False, encipher_only=False,
                          decipher_only=False)
    not_after = min(now + timedelta(days=365 * years), ca_cert.not_valid_after_utc)
    cert = (
        _builder(x509.Name(attributes), ca_cert.subject, key.public_key(), now, not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    return _seal_key(key, cert, (ca.cert_pem,))


def _builder(subject: x509.Name, issuer: x509.Name, public_key: ec.EllipticCurvePublicKey,
             now: datetime, not_after: datetime) -> x509.CertificateBuilder:
    """Return a certificate builder with the fields every certificate here has."""
    start = now.astimezone(UTC) - timedelta(minutes=5)  # a little slack for clock skew
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(not_after.astimezone(UTC))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )


def _seal_key(key: ec.EllipticCurvePrivateKey, cert: x509.Certificate,
              chain: tuple[bytes, ...]) -> SealKey:
    """Return `key` and `cert` as a SealKey of PEMs."""
    return SealKey(
        key_pem=key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()),
        cert_pem=cert.public_bytes(serialization.Encoding.PEM),
        chain_pem=chain,
    )


def certificate_fingerprint(cert_pem: bytes) -> str:
    """Return the SHA-256 fingerprint (hex) of a PEM certificate: a trusted root's id."""
    return x509.load_pem_x509_certificate(cert_pem).fingerprint(hashes.SHA256()).hex()


# --- the seal image ---------------------------------------------------------------------------


def check_seal_image(data: bytes) -> tuple[int, int]:
    """Return the (width, height) of a seal image; ValidationError seal.bad_image otherwise."""
    from PIL import Image, UnidentifiedImageError

    if len(data) > MAX_IMAGE_BYTES:
        raise ValidationError("seal.bad_image", f"印章图片过大（{len(data) // 1024} KB），"
                              "请使用不超过 2 MB 的 PNG 图片。", size=len(data))
    try:
        with warnings.catch_warnings():
            # The size is checked below: a huge image is refused, not a warning.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if max(width, height) > MAX_IMAGE_SIDE:
                    raise ValidationError(
                        "seal.bad_image", f"印章图片尺寸过大（{width}×{height} 像素），"
                        f"边长不能超过 {MAX_IMAGE_SIDE} 像素。", width=width, height=height)
                image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError,
            SyntaxError) as error:
        raise ValidationError("seal.bad_image", "所选文件不是可以读取的图片，"
                              "请使用 PNG 格式的印章图片。", error=str(error)) from error
    return width, height


def draw_seal_image(unit_name: str) -> bytes:
    """Return a red round seal (PNG, transparent) with a star and `unit_name` along the rim."""
    from PIL import Image

    scale = 2  # drawn large and scaled down: Pillow's shapes are not anti-aliased
    size = SEAL_SIZE * scale
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    _draw_ring(image)
    _draw_star(image)
    _draw_rim_text(image, unit_name.strip())
    output = io.BytesIO()
    image.resize((SEAL_SIZE, SEAL_SIZE), Image.Resampling.LANCZOS).save(output, "PNG",
                                                                       optimize=True)
    return output.getvalue()


def _draw_ring(image: PILImage.Image) -> None:
    """Draw the seal's outer ring."""
    from PIL import ImageDraw

    size = image.width
    margin = size * 0.02
    ImageDraw.Draw(image).ellipse((margin, margin, size - margin, size - margin),
                                  outline=SEAL_RED, width=round(size * 0.035))


def _draw_star(image: PILImage.Image) -> None:
    """Draw the five-pointed star in the seal's centre."""
    from PIL import ImageDraw

    centre = image.width / 2
    outer = image.width * 0.19
    inner = outer * 0.382  # the inner vertices of a regular star
    points = []
    for index in range(10):
        radius = outer if index % 2 == 0 else inner
        angle = math.radians(-90 + index * 36)
        points.append((centre + radius * math.cos(angle), centre + radius * math.sin(angle)))
    ImageDraw.Draw(image).polygon(points, fill=SEAL_RED)


def _draw_rim_text(image: PILImage.Image, text: str) -> None:
    """Draw `text` along the upper arc, each character upright towards the centre."""
    if not text:
        return
    from PIL import ImageFont

    size = image.width
    count = len(text)
    # A short name is spaced out over at least 180 degrees; a long one uses up to 260.
    span = min(260.0, max(180.0, 24.0 * count))
    step = span / count
    height = size * 0.15
    arc = 2 * math.pi * (size * 0.35) * step / 360
    # Like engraved lettering, a long name gets narrower characters before smaller ones.
    squeeze = min(0.8, arc * 0.92 / height)
    if squeeze < 0.5:
        height, squeeze = height * squeeze / 0.5, 0.5
    radius = size * 0.425 - height / 2  # the characters' tops follow the ring
    path, index = _seal_font_path()
    font = ImageFont.truetype(path, round(height), index=index)
    for number, char in enumerate(text):
        angle = -span / 2 + step * (number + 0.5)  # degrees clockwise from the top
        _paste_char(image, char, font, squeeze, (angle, radius))


def _paste_char(image: PILImage.Image, char: str, font: Any, squeeze: float,
                at: tuple[float, float]) -> None:
    """Paste one character, `squeeze`d, at polar `at` (degrees from the top, radius)."""
    from PIL import Image, ImageDraw

    angle, radius = at
    box = round(font.size * 1.3)
    tile = Image.new("RGBA", (box, box), (0, 0, 0, 0))
    # A stroke gives the thin 宋体 lines the weight of engraved lettering.
    ImageDraw.Draw(tile).text((box / 2, box / 2), char, font=font, fill=SEAL_RED, anchor="mm",
                              stroke_width=max(1, round(font.size * 0.035)),
                              stroke_fill=SEAL_RED)
    tile = tile.resize((round(box * squeeze), box), Image.Resampling.LANCZOS)
    rotated = tile.rotate(-angle, resample=Image.Resampling.BICUBIC, expand=True)
    centre = image.width / 2
    x = centre + radius * math.sin(math.radians(angle))
    y = centre - radius * math.cos(math.radians(angle))
    image.alpha_composite(rotated, (round(x - rotated.width / 2), round(y - rotated.height / 2)))


def _seal_font_path() -> tuple[str, int]:
    """Return the file and face index of the 宋体-like font the documents use."""
    from officeapp.pdf.fonts import FontRole, load_fonts

    font = load_fonts().primary(FontRole.SONGTI)
    return str(font.path), font.index


# --- signing ----------------------------------------------------------------------------------


def sign_pdf(pdf: bytes, key: SealKey, *, signed_at: datetime, reason: str = "用印",
             location: str = "") -> bytes:
    """Return `pdf` with a PAdES baseline signature by `key`, its chain embedded.

    An incremental update: a PDF/A-2b input stays PDF/A-2b.
    """
    from pyhanko.pdf_utils.misc import PdfError as HankoPdfError

    try:
        writer = _metadata_keeping_writer(pdf)
    except (HankoPdfError, ValueError, KeyError, TypeError) as error:
        raise ValidationError("seal.bad_pdf", "文件不是可以签章的 PDF。",
                              error=str(error)) from error
    if writer.prev.encrypted:
        raise ValidationError("seal.encrypted", "PDF 已加密，无法签章。")
    signer = _pdf_signer(key, field_name=_new_field_name(writer.prev), signed_at=signed_at,
                         reason=reason, location=location)
    output = io.BytesIO()
    _run(signer.async_sign_pdf(writer, output=output))
    return output.getvalue()


def _metadata_keeping_writer(pdf: bytes) -> Any:
    """Return a pyHanko incremental writer on `pdf` that leaves the document metadata alone."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    class _Writer(IncrementalPdfFileWriter):
        # pyHanko would append itself to the Info /Producer but write only itself into the
        # XMP pdf:Producer (and rewrite the XMP): PDF/A-2b requires the two to agree. A
        # signature needs no metadata change, so the signed revision makes none.
        def _update_meta(self) -> None:
            return None

    return _Writer(io.BytesIO(pdf), strict=False)


def _new_field_name(reader: PdfFileReader) -> str:
    """Return a signature field name not yet used in the document."""
    from pyhanko.sign.fields import enumerate_sig_fields

    taken = {name for name, _, _ in enumerate_sig_fields(reader, filled_status=None)}
    number = 1
    while f"{FIELD_PREFIX}{number}" in taken:
        number += 1
    return f"{FIELD_PREFIX}{number}"


def _pdf_signer(key: SealKey, *, field_name: str, signed_at: datetime, reason: str,
                location: str) -> Any:
    """Return a pyHanko PdfSigner that signs with `key` at the claimed time `signed_at`."""
    from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
    from pyhanko.sign import fields, signers
    from pyhanko.sign.signers.pdf_signer import PdfSigningSession
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    cert = next(load_certs_from_pemder_data(key.cert_pem))
    chain = [c for pem in key.chain_pem for c in load_certs_from_pemder_data(pem)]
    registry = SimpleCertificateStore.from_certs([cert, *chain])  # type: ignore[no-untyped-call]
    signer = signers.SimpleSigner(
        signing_cert=cert,
        signing_key=load_private_key_from_pemder_data(key.key_pem, passphrase=None),
        cert_registry=registry,
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
    )
    spec = fields.SigFieldSpec(field_name, invis_sig_settings=fields.InvisSigSettings(
        set_print_flag=True, set_hidden_flag=False))  # PDF/A: printable, never hidden

    class _TimedSigner(signers.PdfSigner):
        def init_signing_session(self, pdf_out: Any,
                                 existing_fields_only: bool = False) -> PdfSigningSession:
            session = super().init_signing_session(pdf_out, existing_fields_only)
            session.system_time = signed_at
            return session

    return _TimedSigner(meta, signer, new_field_spec=spec)


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a pyHanko coroutine to its end, also when called inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


# --- the seal in a signed file ---------------------------------------------------------------


def seal_image_of(pdf: bytes) -> bytes | None:
    """Return the seal pressed on a signed 公文 (PNG with its transparency), or None.

    The renderer draws one image with a soft mask per sealed page, the seal (a 公文 body has
    no pictures), so a client that never holds the unit's seal image can still put the same
    seal on the OFD of an issued document, as its stamp annotation.
    """
    import pikepdf
    from pikepdf import PdfImage

    try:
        with pikepdf.open(io.BytesIO(pdf)) as document:
            for page in reversed(document.pages):
                for _name, raw in page.get_images().items():
                    mask = raw.get("/SMask")
                    if not isinstance(raw, pikepdf.Stream) or not isinstance(mask,
                                                                            pikepdf.Stream):
                        continue
                    colour = PdfImage(raw).as_pil_image().convert("RGB")
                    alpha = PdfImage(mask).as_pil_image().convert("L")
                    if alpha.size != colour.size:
                        alpha = alpha.resize(colour.size)
                    colour.putalpha(alpha)
                    out = io.BytesIO()
                    colour.save(out, format="PNG")
                    return out.getvalue()
    except Exception as error:  # a foreign or damaged file: no seal to copy, never a crash
        log.info("no seal image read from the PDF: %r", error)
    return None


# --- verification -----------------------------------------------------------------------------


def verify_pdf(pdf: bytes, trust_roots: Sequence[bytes]) -> SealVerdict:
    """Return the verdict on `pdf` against PEM `trust_roots`; never raises on bad input."""
    try:
        return _verify(pdf, trust_roots)
    except Exception as error:  # 验章 reports any unreadable input, it never crashes
        log.info("seal verification failed: %r", error)
        return SealVerdict(SealStatus.DAMAGED, "文件已损坏或格式无法识别，无法验证印章。")


def _verify(pdf: bytes, trust_roots: Sequence[bytes]) -> SealVerdict:
    """Return the verdict on `pdf`; may raise on input pyHanko cannot read."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    if not _looks_complete(pdf):
        return SealVerdict(SealStatus.DAMAGED,
                           "文件不是完整的 PDF（可能已损坏或未下载完整），无法验证印章。")
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    if reader.encrypted:
        return SealVerdict(SealStatus.ENCRYPTED, "PDF 已加密，无法验证印章。")
    signatures = reader.embedded_regular_signatures
    if not signatures:
        return SealVerdict(SealStatus.UNSIGNED, "文件没有电子印章。")
    embedded = signatures[-1]
    status = _validate(embedded, trust_roots)
    return _verdict(status, embedded, len(signatures))


def _looks_complete(pdf: bytes) -> bool:
    """Return whether `pdf` starts with a PDF header and ends with %%EOF (not truncated)."""
    return b"%PDF-" in pdf[:1024] and b"%%EOF" in pdf[-1024:]


def _validate(embedded: EmbeddedPdfSignature, trust_roots: Sequence[bytes]) -> PdfSignatureStatus:
    """Return pyHanko's status of `embedded`, checked offline against `trust_roots`."""
    from pyhanko.sign.validation import async_validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    roots = [cert for root in trust_roots for cert in _readable_certificates(root)]
    # Offline, without a timestamp: the chain is judged at the time the signer claims, so that
    # a seal made while its certificate was valid stays valid in the archive.
    moment = embedded.self_reported_timestamp or datetime.now(UTC)
    context = ValidationContext(trust_roots=roots, allow_fetching=False,
                                revocation_mode="soft-fail", moment=moment)
    return _run(async_validate_pdf_signature(embedded, context))


def _readable_certificates(pem_or_der: bytes) -> list[Any]:
    """Return the certificates in one trusted root entry; [] (logged) if it is unreadable."""
    from pyhanko.keys import load_certs_from_pemder_data

    try:
        certs = list(load_certs_from_pemder_data(pem_or_der))
        # asn1crypto parses lazily: a broken root fails here, not in the middle of 验章.
        return [cert for cert in certs if cert.native is not None]
    except Exception as error:  # one corrupt root must not stop 验章 against the others
        log.warning("skipping an unreadable trusted root: %r", error)
        return []


def _verdict(status: PdfSignatureStatus, embedded: EmbeddedPdfSignature,
             count: int) -> SealVerdict:
    """Return the verdict that pyHanko's `status` of the last signature amounts to."""
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    cert = x509.load_der_x509_certificate(status.signing_cert.dump())
    signer = subject_name(cert)
    signed_at = status.signer_reported_dt or embedded.self_reported_timestamp
    whole = status.coverage is SignatureCoverageLevel.ENTIRE_FILE or (
        status.coverage is SignatureCoverageLevel.ENTIRE_REVISION
        and status.modification_level in (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES)
    )
    intact = bool(status.intact and status.valid and whole)
    trusted = bool(status.trusted)
    when = f"于{day_minute_text(signed_at)}" if signed_at is not None else ""
    if not (status.intact and status.valid):
        verdict, message = SealStatus.MODIFIED, (
            f"印章无效：“{signer}”{when}签章后，文件内容已被篡改。")
    elif not intact:
        verdict, message = SealStatus.MODIFIED, (
            f"印章无效：“{signer}”{when}签章后，文件又被追加修改，签章不覆盖现在的内容。")
    elif not trusted:
        verdict, message = SealStatus.UNTRUSTED, (
            f"印章不可信：由“{signer}”{when}签章，签章后未被修改，但证书不属于本单位体系的可信根。")
    else:
        verdict, message = SealStatus.VALID, (
            f"印章有效：由“{signer}”{when}签章，签章后未被修改，证书属于本单位体系的可信根。")
    return SealVerdict(verdict, message, signer=signer, signed_at=signed_at, intact=intact,
                       trusted=trusted, signatures=count)
