"""电子印章: keys from PKCS#12, the seal image, PAdES signing and 验章, checked by poppler too."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from officeapp.clock import OFFICE_TZ, local
from officeapp.errors import ValidationError
from officeapp.pdf import load_fonts, parse_document, render_pdf, to_pdfa, typeset_document
from officeapp.seals import (
    SealKey,
    SealStatus,
    SealVerdict,
    certificate_fingerprint,
    check_seal_image,
    create_org_ca,
    draw_seal_image,
    issue_unit_certificate,
    load_pkcs12,
    sign_pdf,
    verify_pdf,
)
from tests.officeapp.pdf.conftest import sample_document
from tests.officeapp.pdf.pdfa_check import pdfa_problems, qpdf_check

NOW = dt.datetime(2026, 12, 7, 10, 5, tzinfo=OFFICE_TZ)
UNIT = "萍乡市人民政府办公室"
ORG = "萍乡市人民政府"


def need(tool: str) -> str:
    """Return the tool's path; without it skip, or fail under CI=true (CI must not skip)."""
    found = shutil.which(tool)
    if found:
        return found
    message = (f"{tool} is missing: scripts/bootstrap.sh installs it"
               " (poppler-utils, qpdf, libnss3-tools)")
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def pdfsig(pdf: bytes, folder: Path) -> str:
    """Return what poppler's pdfsig says about `pdf`."""
    path = folder / "checked.pdf"
    path.write_bytes(pdf)
    result = subprocess.run([need("pdfsig"), str(path)], capture_output=True, text=True,
                            check=False)
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def ca() -> SealKey:
    return create_org_ca(ORG, now=NOW)


@pytest.fixture(scope="module")
def unit(ca: SealKey) -> SealKey:
    return issue_unit_certificate(ca, UNIT, "unit-7", now=NOW)


@pytest.fixture(scope="module")
def pdfa(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """Return a sealed 公文 (the drawn seal in its page content) as PDF/A-2b."""
    seal = tmp_path_factory.mktemp("seal") / "seal.png"
    seal.write_bytes(draw_seal_image(UNIT))
    typeset = typeset_document(parse_document(sample_document(seal_image=str(seal))),
                               fonts=load_fonts())
    return to_pdfa(render_pdf(typeset))


@pytest.fixture(scope="module")
def signed(pdfa: bytes, unit: SealKey) -> bytes:
    return sign_pdf(pdfa, unit, signed_at=NOW, location="萍乡")


def byte_range(pdf: bytes) -> tuple[int, int, int, int]:
    """Return the last signature's /ByteRange."""
    found = re.findall(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", pdf)
    start, length, start2, length2 = (int(n) for n in found[-1])
    return start, length, start2, length2


# --- signing and 验章 -------------------------------------------------------------------------


def test_a_signed_document_verifies(signed: bytes, ca: SealKey) -> None:
    verdict = verify_pdf(signed, [ca.cert_pem])
    assert verdict.status is SealStatus.VALID and verdict.ok
    assert verdict.signer == UNIT
    assert verdict.signed_at == NOW
    assert verdict.intact and verdict.trusted
    assert verdict.signatures == 1
    assert verdict.message == (f"印章有效：由“{UNIT}”于2026年12月7日 10:05签章，签章后未被修改，"
                               "证书属于本单位体系的可信根。")


def test_the_signature_is_pades_in_an_incremental_update(pdfa: bytes, signed: bytes) -> None:
    assert signed.startswith(pdfa)
    tail = signed[len(pdfa):]
    assert b"/ETSI.CAdES.detached" in tail
    assert b"/Reason" in tail and b"/Location" in tail
    assert byte_range(signed)[2] + byte_range(signed)[3] == len(signed)


def test_the_signing_time_is_the_one_given(pdfa: bytes, unit: SealKey, ca: SealKey) -> None:
    later = NOW + dt.timedelta(days=3, hours=2)
    verdict = verify_pdf(sign_pdf(pdfa, unit, signed_at=later), [ca.cert_pem])
    assert verdict.signed_at == later
    assert "2026年12月10日 12:05" in verdict.message


def test_poppler_sees_a_valid_signature_over_the_whole_file(signed: bytes,
                                                             tmp_path: Path) -> None:
    report = pdfsig(signed, tmp_path)
    assert "Signature #1:" in report
    assert f"Signer Certificate Common Name: {UNIT}" in report
    assert "Signature Type: ETSI.CAdES.detached" in report
    assert "Signing Hash Algorithm: SHA-256" in report
    assert "Total document signed" in report
    assert "Signature Validation: Signature is Valid." in report


def test_a_changed_byte_is_caught_by_both_verifiers(signed: bytes, ca: SealKey,
                                                    tmp_path: Path) -> None:
    at = signed.index(b"ReportLab")  # the Info producer: inside the signed bytes
    assert at < byte_range(signed)[1]
    changed = signed[:at] + b"X" + signed[at + 1:]
    verdict = verify_pdf(changed, [ca.cert_pem])
    assert verdict.status is SealStatus.MODIFIED
    assert not verdict.intact and verdict.signer == UNIT
    assert "篡改" in verdict.message
    report = pdfsig(changed, tmp_path)
    assert "Signature Validation: Digest Mismatch." in report
    assert "Signature is Valid" not in report


def test_content_appended_after_signing_is_modified(signed: bytes, ca: SealKey,
                                                    tmp_path: Path) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    stamp = generic.StreamObject(stream_data=b"1 0 0 rg 100 100 200 50 re f")
    writer.add_stream_to_page(0, writer.add_object(stamp))
    output = io.BytesIO()
    writer.write(output)
    updated = output.getvalue()
    verdict = verify_pdf(updated, [ca.cert_pem])
    assert verdict.status is SealStatus.MODIFIED
    assert not verdict.intact
    assert "追加修改" in verdict.message
    report = pdfsig(updated, tmp_path)
    assert "Not total document signed" in report


def test_a_rewritten_file_is_modified(signed: bytes, ca: SealKey) -> None:
    with pikepdf.open(io.BytesIO(signed)) as document:
        output = io.BytesIO()
        document.save(output)
    assert verify_pdf(output.getvalue(), [ca.cert_pem]).status is SealStatus.MODIFIED


def test_a_second_seal_is_judged_last(signed: bytes, ca: SealKey) -> None:
    other = issue_unit_certificate(ca, "萍乡市财政局", "unit-9", now=NOW)
    twice = sign_pdf(signed, other, signed_at=NOW + dt.timedelta(hours=1))
    verdict = verify_pdf(twice, [ca.cert_pem])
    assert verdict.status is SealStatus.VALID
    assert verdict.signatures == 2
    assert verdict.signer == "萍乡市财政局"
    assert b"(Seal2)" in twice[len(signed):]


def test_a_foreign_root_is_untrusted(signed: bytes) -> None:
    stranger = create_org_ca("别的机关", now=NOW)
    verdict = verify_pdf(signed, [stranger.cert_pem])
    assert verdict.status is SealStatus.UNTRUSTED
    assert verdict.intact and not verdict.trusted and not verdict.ok
    assert verdict.signer == UNIT
    assert "不属于本单位体系的可信根" in verdict.message


def test_no_roots_is_untrusted(signed: bytes) -> None:
    assert verify_pdf(signed, []).status is SealStatus.UNTRUSTED


def test_an_unsigned_pdf(pdfa: bytes, ca: SealKey) -> None:
    verdict = verify_pdf(pdfa, [ca.cert_pem])
    assert verdict.status is SealStatus.UNSIGNED
    assert verdict.signatures == 0 and verdict.message


def test_an_encrypted_pdf(signed: bytes, ca: SealKey) -> None:
    with pikepdf.open(io.BytesIO(signed)) as document:
        output = io.BytesIO()
        document.save(output, encryption=pikepdf.Encryption(owner="owner", user=""))
    verdict = verify_pdf(output.getvalue(), [ca.cert_pem])
    assert verdict.status is SealStatus.ENCRYPTED


def test_verifying_inside_a_running_event_loop(signed: bytes, ca: SealKey) -> None:
    async def verify() -> SealVerdict:
        return verify_pdf(signed, [ca.cert_pem])

    assert asyncio.run(verify()).status is SealStatus.VALID


@pytest.mark.parametrize("mutate", [
    pytest.param(lambda pdf: b"", id="empty"),
    pytest.param(lambda pdf: b"%PDF-1.7\n", id="header-only"),
    pytest.param(lambda pdf: os.urandom(4096), id="random"),
    pytest.param(lambda pdf: b"%PDF-1.7\n" + os.urandom(4096) + b"\n%%EOF\n", id="random-body"),
    pytest.param(lambda pdf: pdf[: len(pdf) // 2], id="half"),
    pytest.param(lambda pdf: pdf[:-40], id="cut-tail"),
    pytest.param(lambda pdf: pdf[100:], id="cut-head"),
    pytest.param(lambda pdf: pdf[: byte_range(pdf)[1] + 200] + pdf[-30:], id="cut-signature"),
    pytest.param(lambda pdf: re.sub(rb"/Contents <[0-9A-F]{20}", b"/Contents <" + b"0" * 20, pdf),
                 id="zeroed-cms"),
    pytest.param(lambda pdf: pdf.replace(b"/ByteRange [", b"/ByteRange [9 "), id="bad-range"),
])
def test_damage_never_raises(signed: bytes, ca: SealKey, mutate: object) -> None:
    assert callable(mutate)
    damaged = mutate(signed)
    assert damaged != signed
    verdict = verify_pdf(damaged, [ca.cert_pem])
    assert verdict.status in (SealStatus.DAMAGED, SealStatus.MODIFIED, SealStatus.UNSIGNED)
    assert verdict.message


def test_truncation_is_damaged(signed: bytes, ca: SealKey) -> None:
    for length in (0, 10, len(signed) // 3, len(signed) - 10):
        assert verify_pdf(signed[:length], [ca.cert_pem]).status is SealStatus.DAMAGED


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_change_in_the_signed_bytes_is_never_accepted(signed: bytes, ca: SealKey,
                                                        data: st.DataObject) -> None:
    at = data.draw(st.integers(0, byte_range(signed)[1] - 1), label="offset")
    flip = data.draw(st.integers(1, 255), label="xor")
    changed = signed[:at] + bytes([signed[at] ^ flip]) + signed[at + 1:]
    verdict = verify_pdf(changed, [ca.cert_pem])
    assert verdict.status not in (SealStatus.VALID, SealStatus.UNTRUSTED)


@settings(max_examples=40, deadline=None)
@given(junk=st.binary(max_size=2048), cut=st.integers(0, 4096))
def test_any_input_gives_a_verdict(signed: bytes, ca: SealKey, junk: bytes, cut: int) -> None:
    for pdf in (junk, signed[:cut] + junk, signed[:-cut or None] + junk):
        verdict = verify_pdf(pdf, [b"not a certificate", junk, ca.cert_pem])
        assert isinstance(verdict, SealVerdict) and verdict.message


# --- PDF/A ------------------------------------------------------------------------------------


def test_a_signed_pdfa_stays_pdfa(signed: bytes, pdfa: bytes) -> None:
    assert pdfa_problems(pdfa) == []
    assert pdfa_problems(signed) == []


def test_the_signed_file_passes_qpdf(signed: bytes) -> None:
    need("qpdf")
    result = qpdf_check(signed)
    assert result is not None
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


def test_the_signature_widget_prints_and_is_not_hidden(signed: bytes) -> None:
    with pikepdf.open(io.BytesIO(signed)) as document:
        field = document.Root.AcroForm.Fields[0]
        flags = int(field.F)
        assert field.FT == "/Sig"
        assert flags & 4 and not flags & (1 | 2 | 32)
        assert document.Root.AcroForm.SigFlags == 3


def test_signing_something_else_is_refused(unit: SealKey) -> None:
    with pytest.raises(ValidationError) as caught:
        sign_pdf(b"no pdf here", unit, signed_at=NOW)
    assert caught.value.code == "seal.bad_pdf"


# --- certificates -----------------------------------------------------------------------------


def test_the_unit_certificate(unit: SealKey, ca: SealKey) -> None:
    cert = x509.load_pem_x509_certificate(unit.cert_pem)
    assert unit.subject == UNIT
    assert cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == ORG
    assert cert.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)[0].value == \
        "unit-7"
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    assert not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert unit.chain_pem == (ca.cert_pem,)
    assert unit.not_after.tzinfo is not None
    assert unit.not_after <= ca.not_after
    cert.verify_directly_issued_by(x509.load_pem_x509_certificate(ca.cert_pem))


def test_the_root(ca: SealKey) -> None:
    cert = x509.load_pem_x509_certificate(ca.cert_pem)
    assert cert.subject == cert.issuer
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert cert.extensions.get_extension_for_class(x509.KeyUsage).value.key_cert_sign
    assert ORG in ca.subject
    assert ca.not_after == NOW.astimezone(dt.UTC) + dt.timedelta(days=365 * 20)


def test_the_fingerprint(ca: SealKey) -> None:
    der = x509.load_pem_x509_certificate(ca.cert_pem).public_bytes(serialization.Encoding.DER)
    digest = hashes.Hash(hashes.SHA256())
    digest.update(der)
    assert certificate_fingerprint(ca.cert_pem) == digest.finalize().hex()


def test_a_subject_without_cn_is_named_by_its_organisation() -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _certificate(x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "萍乡市档案馆")]),
                        key, key, ca=False)
    sealed = SealKey(b"", cert.public_bytes(serialization.Encoding.PEM))
    assert sealed.subject == "萍乡市档案馆"


# --- PKCS#12 ----------------------------------------------------------------------------------


def _p12(key: SealKey, password: str, *, with_key: bool = True) -> bytes:
    """Return `key` as a PKCS#12 file protected by `password`."""
    private = serialization.load_pem_private_key(key.key_pem, password=None)
    assert isinstance(private, ec.EllipticCurvePrivateKey)
    cert = x509.load_pem_x509_certificate(key.cert_pem)
    cas = [x509.load_pem_x509_certificate(c) for c in key.chain_pem]
    encryption = (serialization.BestAvailableEncryption(password.encode()) if password
                  else serialization.NoEncryption())
    if not with_key:
        return pkcs12.serialize_key_and_certificates(b"seal", None, None, [cert, *cas],
                                                     encryption)
    return pkcs12.serialize_key_and_certificates(b"seal", private, cert, cas, encryption)


def _certificate(subject: x509.Name, key: ec.EllipticCurvePrivateKey,
                 issuer_key: ec.EllipticCurvePrivateKey, *, ca: bool,
                 issuer: x509.Name | None = None) -> x509.Certificate:
    """Return a certificate for `key`'s public key, signed by `issuer_key`."""
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer or subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .sign(issuer_key, hashes.SHA256())
    )


def test_a_good_pkcs12(unit: SealKey) -> None:
    loaded = load_pkcs12(_p12(unit, "正确的密码"), "正确的密码", now=NOW)
    assert loaded.subject == UNIT
    assert loaded.cert_pem == unit.cert_pem and loaded.chain_pem == unit.chain_pem
    assert loaded.key_pem.startswith(b"-----BEGIN PRIVATE KEY-----")
    assert serialization.load_pem_private_key(loaded.key_pem, password=None)


def test_a_pkcs12_without_password(unit: SealKey) -> None:
    assert load_pkcs12(_p12(unit, ""), "", now=NOW).subject == UNIT


def test_the_chain_is_ordered_up_to_the_root() -> None:
    root_key, middle_key, leaf_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    names = [x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
             for name in ("根", "中间", "单位")]
    root = _certificate(names[0], root_key, root_key, ca=True)
    middle = _certificate(names[1], middle_key, root_key, ca=True, issuer=names[0])
    leaf = _certificate(names[2], leaf_key, middle_key, ca=False, issuer=names[1])
    data = pkcs12.serialize_key_and_certificates(b"seal", leaf_key, leaf, [root, middle],
                                                 serialization.BestAvailableEncryption(b"pw"))
    loaded = load_pkcs12(data, "pw", now=NOW)
    pem = serialization.Encoding.PEM
    assert loaded.chain_pem == (middle.public_bytes(pem), root.public_bytes(pem))


def test_a_wrong_password(unit: SealKey) -> None:
    with pytest.raises(ValidationError) as caught:
        load_pkcs12(_p12(unit, "正确的密码"), "错误的密码", now=NOW)
    assert caught.value.code == "seal.bad_password"
    assert "密码" in caught.value.message


@pytest.mark.parametrize("data", [b"", b"hello", os.urandom(2048), b"%PDF-1.7\n%%EOF\n"])
def test_not_a_pkcs12(data: bytes) -> None:
    with pytest.raises(ValidationError) as caught:
        load_pkcs12(data, "pw", now=NOW)
    assert caught.value.code == "seal.not_pkcs12"


def test_a_pkcs12_without_a_key(unit: SealKey) -> None:
    with pytest.raises(ValidationError) as caught:
        load_pkcs12(_p12(unit, "pw", with_key=False), "pw", now=NOW)
    assert caught.value.code == "seal.no_key"


def test_an_expired_certificate(unit: SealKey) -> None:
    with pytest.raises(ValidationError) as caught:
        load_pkcs12(_p12(unit, "pw"), "pw", now=unit.not_after + dt.timedelta(days=1))
    expiry = local(unit.not_after)
    assert caught.value.code == "seal.expired"
    assert f"{expiry.year}年{expiry.month}月{expiry.day}日 {expiry:%H:%M}" in caught.value.message
    assert "北京时间" in caught.value.message


def test_a_certificate_not_yet_valid(unit: SealKey) -> None:
    with pytest.raises(ValidationError) as caught:
        load_pkcs12(_p12(unit, "pw"), "pw", now=NOW - dt.timedelta(days=2))
    assert caught.value.code == "seal.not_yet_valid"


# --- the seal image ---------------------------------------------------------------------------


def test_the_drawn_seal() -> None:
    data = draw_seal_image(UNIT)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert check_seal_image(data) == (600, 600)
    with Image.open(io.BytesIO(data)) as image:
        assert image.mode == "RGBA"
        assert image.getpixel((0, 0)) == (0, 0, 0, 0)  # transparent outside the ring
        assert image.getpixel((300, 300)) == (208, 2, 27, 255)  # the star's centre
        red = [p for p in image.get_flattened_data() if p[3] == 255]
        assert len(red) > 20_000
        assert all(p[0] > 150 and p[1] < 60 and p[2] < 80 for p in red)


@pytest.mark.parametrize("data", [b"", b"not an image", b"\x89PNG\r\n\x1a\n" + b"\0" * 64])
def test_not_an_image(data: bytes) -> None:
    with pytest.raises(ValidationError) as caught:
        check_seal_image(data)
    assert caught.value.code == "seal.bad_image"
    assert "图片" in caught.value.message


def test_a_huge_image() -> None:
    output = io.BytesIO()
    Image.new("1", (5000, 10)).save(output, "PNG")
    with pytest.raises(ValidationError) as caught:
        check_seal_image(output.getvalue())
    assert caught.value.code == "seal.bad_image"
    assert "5000" in caught.value.message


def test_a_heavy_file() -> None:
    with pytest.raises(ValidationError) as caught:
        check_seal_image(b"\x89PNG" + b"\0" * (2 * 1024 * 1024 + 1))
    assert caught.value.code == "seal.bad_image"
    assert "2 MB" in caught.value.message


def test_an_unreadable_root_is_skipped(signed: bytes, ca: SealKey) -> None:
    verdict = verify_pdf(signed, [b"not a certificate", b"", ca.cert_pem])
    assert verdict.status is SealStatus.VALID


def test_a_third_party_trusts_the_seal_with_our_root_alone(signed: bytes, ca: SealKey,
                                                           tmp_path: Path) -> None:
    """How an outside office verifies without our software (docs/records.md): the root the
    server exports (`officeapp-server seals --export-roots`) in an NSS database, then pdfsig.
    Without the root the signature is intact but its issuer unknown."""
    nss = tmp_path / "nss"
    nss.mkdir()
    root = tmp_path / "root.pem"
    root.write_bytes(ca.cert_pem)
    certutil = need("certutil")
    subprocess.run([certutil, "-N", "-d", f"sql:{nss}", "--empty-password"], check=True)
    subprocess.run([certutil, "-A", "-d", f"sql:{nss}", "-n", "org-root", "-t", "CT,C,C",
                    "-i", str(root)], check=True)
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    trusted = subprocess.run([need("pdfsig"), "-nssdir", f"sql:{nss}", str(path)],
                             capture_output=True, text=True, check=False).stdout
    assert "Signature Validation: Signature is Valid." in trusted
    assert "Certificate Validation: Certificate is Trusted." in trusted
    untrusted = pdfsig(signed, tmp_path)
    assert "Certificate is Trusted." not in untrusted
