"""A real OpenLDAP server for tests: `slapd` (Debian packages slapd and ldap-utils, listed in
scripts/bootstrap.sh) on a free port, with a throwaway CA and server certificate for StartTLS
and ldaps://, the ppolicy overlay (pwdAccountLockedTime), seeded and changed with ldapadd and
ldapmodify. It runs as root, as the suite does here and in CI."""

from __future__ import annotations

import base64
import ipaddress
import shutil
import socket
import subprocess
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

SUFFIX = "dc=example,dc=org"
ADMIN_DN = f"cn=admin,{SUFFIX}"
ADMIN_PASSWORD = "admin-secret"
READER_DN = f"cn=reader,{SUFFIX}"
READER_PASSWORD = "reader-secret"
SCHEMAS = ("core", "cosine", "nis", "inetorgperson")


@dataclass(frozen=True)
class Authority:
    """A throwaway CA: its certificate (PEM file) and key."""

    path: Path
    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_authority(path: Path, common: str) -> Authority:
    """Make a CA certificate and key; write the certificate to `path`."""
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(_name(common)).issuer_name(_name(common))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=2))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                         False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA256()))
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return Authority(path, cert, key)


def issue_server_cert(ca: Authority, cert_path: Path, key_path: Path) -> None:
    """Issue a certificate for 127.0.0.1 and localhost, signed by `ca`."""
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    names = [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
    cert = (x509.CertificateBuilder().subject_name(_name("localhost"))
            .issuer_name(ca.cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca.key.public_key()), critical=False)
            .sign(ca.key, hashes.SHA256()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_path.chmod(0o600)


def free_port() -> int:
    """Return a TCP port nobody listens on (now)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _value(name: str, value: str) -> str:
    if value.isascii() and not value.startswith((" ", ":", "<")):
        return f"{name}: {value}"
    return f"{name}:: {base64.b64encode(value.encode()).decode()}"


def ldif_entry(dn: str, attributes: Mapping[str, str | Sequence[str]]) -> str:
    """Return one LDIF record (non-ASCII values base64, as LDIF wants)."""
    lines = [_value("dn", dn)]
    for name, values in attributes.items():
        for value in [values] if isinstance(values, str) else values:
            lines.append(_value(name, value))
    return "\n".join(lines) + "\n\n"


class Slapd:
    """slapd on 127.0.0.1: ldap:// (StartTLS) and ldaps:// ports, a reader account, the
    suffix dc=example,dc=org; stopped by `stop()`."""

    def __init__(self, root: Path) -> None:
        if shutil.which("slapd", path="/usr/sbin:/usr/bin") is None or shutil.which(
                "ldapadd") is None:
            raise RuntimeError("slapd/ldapadd missing: run scripts/bootstrap.sh "
                               "(Debian packages slapd and ldap-utils)")
        self.root = root
        (root / "db").mkdir(parents=True)
        self.ca = make_authority(root / "ca.pem", "officeapp test directory CA")
        self.other_ca = make_authority(root / "other-ca.pem", "someone else's CA")
        issue_server_cert(self.ca, root / "server.pem", root / "server.key")
        self.port, self.tls_port = free_port(), free_port()
        (root / "slapd.conf").write_text(self._config(), encoding="utf-8")
        self.log = (root / "slapd.log").open("wb")
        urls = f"ldap://127.0.0.1:{self.port}/ ldaps://127.0.0.1:{self.tls_port}/"
        self.process = subprocess.Popen(
            ["/usr/sbin/slapd", "-f", str(root / "slapd.conf"), "-h", urls, "-d", "0"],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self._wait()
        self.add(ldif_entry(SUFFIX, {"objectClass": ["dcObject", "organization"],
                                     "dc": "example", "o": "Example"}) +
                 ldif_entry(READER_DN, {"objectClass": ["simpleSecurityObject",
                                                        "organizationalRole"],
                                        "cn": "reader", "userPassword": READER_PASSWORD}))

    @property
    def url(self) -> str:
        """The ldap:// URL (StartTLS)."""
        return f"ldap://127.0.0.1:{self.port}"

    @property
    def tls_url(self) -> str:
        """The ldaps:// URL."""
        return f"ldaps://127.0.0.1:{self.tls_port}"

    def _config(self) -> str:
        root = self.root
        includes = "\n".join(f"include /etc/ldap/schema/{name}.schema" for name in SCHEMAS)
        return f"""{includes}
pidfile {root}/slapd.pid
argsfile {root}/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload ppolicy
TLSCACertificateFile {root}/ca.pem
TLSCertificateFile {root}/server.pem
TLSCertificateKeyFile {root}/server.key
database mdb
suffix "{SUFFIX}"
rootdn "{ADMIN_DN}"
rootpw {ADMIN_PASSWORD}
directory {root}/db
index objectClass eq
overlay ppolicy
access to attrs=userPassword by anonymous auth by self write by * none
access to * by users read by * none
"""

    def _wait(self) -> None:
        for _ in range(200):
            if self.process.poll() is not None:
                break
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        self.stop()
        log = (self.root / "slapd.log").read_text(errors="replace")
        raise RuntimeError(f"slapd did not start:\n{log[-3000:]}")

    def _tool(self, tool: str, ldif: str, *extra: str) -> None:
        result = subprocess.run(
            [tool, "-x", "-H", self.url, "-D", ADMIN_DN, "-w", ADMIN_PASSWORD, *extra],
            input=ldif.encode(), capture_output=True, check=False, timeout=30)
        if result.returncode != 0:
            raise RuntimeError(f"{tool} failed: {result.stderr.decode(errors='replace')}\n{ldif}")

    def add(self, ldif: str) -> None:
        """Add the entries of an LDIF text (ldapadd)."""
        self._tool("ldapadd", ldif)

    def modify(self, ldif: str) -> None:
        """Apply an LDIF change text (ldapmodify)."""
        self._tool("ldapmodify", ldif)

    def add_entries(self, entries: Iterable[tuple[str, Mapping[str, str | Sequence[str]]]]
                    ) -> None:
        """Add (dn, attributes) entries."""
        self.add("".join(ldif_entry(dn, attributes) for dn, attributes in entries))

    def stop(self) -> None:
        """Stop slapd."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


# --- building a test organisation -------------------------------------------------------------

Attributes = Mapping[str, str | Sequence[str]]


def ou(parent: str, name: str) -> tuple[str, Attributes]:
    """An organizational unit named `name` under `parent`."""
    return f"ou={name},{parent}", {"objectClass": "organizationalUnit", "ou": name}


def person(parent: str, uid: str, name: str, password: str, **extra: str | Sequence[str]
           ) -> tuple[str, Attributes]:
    """An inetOrgPerson `uid` under `parent`, with a password and any other attributes."""
    return f"uid={uid},{parent}", {"objectClass": "inetOrgPerson", "uid": uid, "cn": name,
                                   "sn": name[:1], "userPassword": password, **extra}


def group(parent: str, name: str, members: Sequence[str]) -> tuple[str, Attributes]:
    """A groupOfNames `name` under `parent` with these members' DNs."""
    return f"cn={name},{parent}", {"objectClass": "groupOfNames", "cn": name,
                                   "member": list(members)}


def config_table(slapd: Slapd, base: str, **overrides: object) -> dict[str, object]:
    """An [ldap] table for this slapd: StartTLS, the reader account, people under `base`."""
    return {"url": slapd.url, "bind_dn": READER_DN, "bind_password": READER_PASSWORD,
            "people_base": base, "ca_file": str(slapd.ca.path), "timeout": 3, **overrides}


def change(dn: str, *lines: str) -> str:
    """An LDIF change record for `dn` (lines such as "changetype: modrdn", ...)."""
    return _value("dn", dn) + "\n" + "\n".join(
        _value(*line.split(": ", 1)) if ": " in line else line for line in lines) + "\n\n"
