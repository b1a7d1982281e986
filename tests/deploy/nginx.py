"""What the deployment tests share: a throw-away CA, a real nginx running the sample
installer/server/nginx/officeapp.conf, and the real client sync engine behind it.

The sample is rendered, not rewritten: only its upstream servers, its two listen ports and its
certificate paths change (`render_sample`), so what passes is what administrators install.
nginx runs in the foreground on a config of its own (`nginx_conf`) that stands in for Debian's
/etc/nginx/nginx.conf and keeps every path inside the test's folder; its access log names the
upstream that answered each request (`access_log`), which is how a test knows which server
host served what.

Under CI=true a missing nginx or openssl fails the tests; elsewhere they are skipped.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from officeapp.demo import DEMO_PASSWORD
from officeapp.store import LocalStore
from sync.client.api import Api, Connection, make_http
from sync.client.blobs import Blobs
from sync.client.engine import SyncEngine
from tests.sync.processes import ROOT

SAMPLE = ROOT / "installer" / "server" / "nginx" / "officeapp.conf"
WAIT = 20.0  # seconds a wait for a process or a sync may last before the test gives up


# --- tools ---------------------------------------------------------------------------------


def tool(name: str) -> str:
    """Return the path of a command, or fail (CI=true) / skip (elsewhere) without it."""
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if found:
        return found
    message = f"{name} is not installed (bash scripts/bootstrap.sh installs it)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


# --- a test CA -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Certificates:
    """PEM files: the CA (what clients trust) and the server's certificate and key."""

    ca: Path
    certificate: Path
    key: Path


def _write_key(key: rsa.RSAPrivateKey, path: Path) -> None:
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                       serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    path.chmod(0o600)


def make_certificates(folder: Path) -> Certificates:
    """Make a CA valid for a day and a server certificate it signs for 127.0.0.1/localhost."""
    now = datetime.now(UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "测试政务外网"),
                         x509.NameAttribute(NameOID.COMMON_NAME, "测试政务外网CA")])
    ca = (x509.CertificateBuilder()
          .subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number())
          .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False,
                                       encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                         critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([
            x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_encipherment=True,
                                     content_commitment=False, data_encipherment=False,
                                     key_agreement=False, key_cert_sign=False, crl_sign=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256()))
    found = Certificates(folder / "extranet-ca.pem", folder / "officeapp.crt",
                         folder / "officeapp.key")
    found.ca.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    found.certificate.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    _write_key(key, found.key)
    return found


# --- nginx with the sample -----------------------------------------------------------------


def _replace(text: str, pattern: str, replacement: str | Callable[[re.Match[str]], str], *,
             least: int = 1, most: int = 1) -> str:
    """Substitute in the sample; a count out of bounds means sample and test drifted apart."""
    new, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
    assert least <= count <= most, f"{pattern!r} matched {count} times in {SAMPLE}"
    return new


def render_sample(sample: str, *, upstreams: Sequence[str], https_port: int, http_port: int,
                  certificates: Certificates) -> str:
    """Return the sample with this test's upstream servers, listen ports and certificate paths.

    The sample's `server` lines take the upstreams in turn (one upstream fills them all).
    """
    turn = iter(range(100))

    def upstream(match: re.Match[str]) -> str:
        return f"{match.group(1)}{upstreams[next(turn) % len(upstreams)]}"

    text = _replace(sample, r"^(\s*server\s+)\S+:\d+\b", upstream, least=len(upstreams),
                    most=100)
    text = _replace(text, r"^(\s*listen\s+)443\b", rf"\g<1>127.0.0.1:{https_port}")
    text = _replace(text, r"^(\s*listen\s+)80\b", rf"\g<1>127.0.0.1:{http_port}")
    text = _replace(text, r"^(\s*ssl_certificate\s+)\S+;", rf"\g<1>{certificates.certificate};")
    return _replace(text, r"^(\s*ssl_certificate_key\s+)\S+;", rf"\g<1>{certificates.key};")


def nginx_conf(folder: Path, nginx: str) -> str:
    """Return a whole nginx.conf around the sample, with every path inside `folder`.

    The sample is what an administrator drops into /etc/nginx/conf.d, inside Debian's
    http {} block; this stands in for /etc/nginx/nginx.conf so that nothing of the host's
    nginx is touched. Its access log says which upstream answered (`access_log`).
    """
    built = subprocess.run([nginx, "-V"], capture_output=True, text=True, check=True).stderr
    temp = [f"client_body_temp_path {folder}/client_body;", f"proxy_temp_path {folder}/proxy;"]
    temp += [f"{name}_temp_path {folder}/{name};" for name in ("fastcgi", "uwsgi", "scgi")
             if f"--without-http_{name}_module" not in built]
    # As root, nginx's workers run as nobody and could not enter pytest's private temp folder
    # (mode 0700) to spool an upload; a production nginx keeps its own user and folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    lines = "\n    ".join(temp)
    # One worker: least_conn counts the connections of its own worker only.
    return (f"{user}worker_processes 1;\npid {folder}/nginx.pid;\n"
            f"error_log {folder}/error.log notice;\n"
            "events { worker_connections 256; }\n"
            "http {\n"
            "    log_format upstreams '$msec $request_time $remote_addr $request_method "
            "$request_uri $status \"$upstream_addr\"';\n"
            f"    access_log {folder}/access.log upstreams;\n    {lines}\n"
            f"    include {folder}/officeapp.conf;\n}}\n")


@dataclass(frozen=True)
class Logged:
    """One request in nginx's access log."""

    started: float  # seconds since the epoch
    ended: float
    client: str  # the client's address
    method: str
    path: str
    status: int
    upstream: str  # the server that answered (the last one tried)
    tried: tuple[str, ...]  # every server nginx tried, in order


def access_log(folder: Path) -> list[Logged]:
    """Return the requests nginx has logged so far (it logs each one when it ends)."""
    path = folder / "access.log"
    found = []
    for line in path.read_text().splitlines() if path.exists() else []:
        ended, took, client, method, uri, status, upstreams = line.split(" ", 6)
        tried = tuple(u.strip() for u in upstreams.strip('"').replace(" : ", ", ").split(","))
        found.append(Logged(float(ended) - float(took), float(ended), client, method, uri,
                            int(status), tried[-1], tried))
    return found


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def start_nginx(folder: Path, nginx: str, https_port: int) -> subprocess.Popen[bytes]:
    """Start nginx in the foreground on the config in `folder`; wait until it listens."""
    log = folder / "error.log"
    process = subprocess.Popen(
        [nginx, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", str(log),
         "-g", "daemon off;"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx exited: {log.read_text(errors='replace') if log.exists() else ''}")
        if _listening(https_port):
            return process
        time.sleep(0.05)
    stop(process)
    pytest.fail("nginx did not listen")


def serve_sample(folder: Path, nginx: str, *, upstreams: Sequence[str], https_port: int,
                 http_port: int, certificates: Certificates) -> subprocess.Popen[bytes]:
    """Render the sample for `upstreams` into `folder` and start nginx on it."""
    folder.mkdir()
    (folder / "officeapp.conf").write_text(render_sample(
        SAMPLE.read_text(encoding="utf-8"), upstreams=upstreams, https_port=https_port,
        http_port=http_port, certificates=certificates), encoding="utf-8")
    (folder / "nginx.conf").write_text(nginx_conf(folder, nginx), encoding="utf-8")
    return start_nginx(folder, nginx, https_port)


def stop(process: subprocess.Popen[bytes]) -> None:
    """End a process this test started (and its children) with SIGTERM, else SIGKILL."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # its own session: only what it started
        process.wait()


# --- the real client -----------------------------------------------------------------------


class ListeningApi(Api):
    """The client's API, noting every server-sent event that reaches it (and when)."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        super().__init__(http)
        self.heard: list[str] = []
        self.heard_at: list[float] = []  # seconds since the epoch, as nginx logs

    async def events(self) -> AsyncIterator[str]:
        async for event in super().events():
            self.heard.append(event)
            self.heard_at.append(time.time())
            yield event


@dataclass
class Link(httpx.AsyncBaseTransport):
    """A client's network: TLS to nginx trusting the test CA (what the client's `ca_bundle`
    setting does), from a loopback address of its own so that nginx's log tells clients
    apart. While `gate` is clear, every request but the event stream waits; `before` sees
    each request as it leaves."""

    ca: Path
    address: str
    gate: asyncio.Event | None = None
    before: Callable[[httpx.Request], Awaitable[None]] | None = None
    in_flight: int = 0
    inner: httpx.AsyncHTTPTransport = field(init=False)

    def __post_init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport(verify=ssl.create_default_context(cafile=self.ca),
                                              local_address=self.address)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.gate is not None and not request.url.path.endswith("/sync/events"):
            await self.gate.wait()
        if self.before is not None:
            await self.before(request)
        self.in_flight += 1
        try:
            return await self.inner.handle_async_request(request)
        finally:
            self.in_flight -= 1

    async def aclose(self) -> None:
        await self.inner.aclose()


@dataclass
class Installation:
    """One person's desktop client: store, content store, API and sync engine."""

    person_id: str
    api: ListeningApi
    store: LocalStore
    blobs: Blobs
    engine: SyncEngine

    def todo(self) -> list[str]:
        actor = self.store.organisation().actor(self.person_id, datetime.now(UTC))
        return [row.id for row in self.store.inbox(actor=actor, folder="todo", limit=100)]

    async def close(self) -> None:
        await self.engine.stop()
        await self.api.http.aclose()
        self.store.close()


async def install(url: str, ca: Path, folder: Path, username: str, *,
                  link: Link | None = None) -> Installation:
    """Log a demo user in through the proxy at `url`, trusting the CA `ca` as the client's
    setting does (through `link` if given)."""
    connection = Connection(server_url=url, ca_bundle=str(ca))
    api = ListeningApi(make_http(connection, transport=link))
    await api.login(username, DEMO_PASSWORD)
    assert api.person is not None
    person_id = str(api.person["id"])
    store = LocalStore.open(folder / f"{username}.sqlite3")
    store.record_person(person_id)
    blobs = Blobs(api=api, store=store, root=folder / f"{username}-blobs")
    # No polling: after the first rounds, only a poke through the proxy starts a sync.
    engine = SyncEngine(api=api, store=store, blobs=blobs, poll_seconds=3600)
    return Installation(person_id, api, store, blobs, engine)


async def until(condition: Callable[[], bool], what: str, *, wait: float = WAIT) -> None:
    """Wait until `condition` holds (a bounded wait, not a timing assertion)."""
    deadline = asyncio.get_running_loop().time() + wait
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            pytest.fail(f"gave up waiting: {what}")
        await asyncio.sleep(0.05)
