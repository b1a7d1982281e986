"""The server behind a real nginx with TLS under a throw-away CA, as an office deploys it.

A test CA and a server certificate for 127.0.0.1/localhost are made with `cryptography`. A
real `officeapp-server --demo` process runs on a loopback port, trusting 127.0.0.1 as its
proxy (OFFICEAPP_TRUSTED_PROXIES), and a real nginx runs in front of it with the sample
installer/server/nginx/officeapp.conf itself: the test replaces only its upstream servers,
its two listen ports and its certificate paths, so what passes here is what administrators
install. The real client sync engine, trusting the CA through its `ca_bundle` setting, logs
in, pulls, pushes a draft with an attachment and is poked through the proxy's event stream.

Under CI=true a missing nginx or openssl fails the tests; elsewhere they are skipped.
"""

from __future__ import annotations

import asyncio
import hashlib
import ipaddress
import os
import random
import re
import shutil
import signal
import socket
import ssl
import subprocess
import time
import warnings
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from officeapp.demo import DEMO_PASSWORD, DEMO_PEOPLE, FINANCE_ID
from officeapp.store import LocalStore
from officeapp.workflow import Action, ActionKind
from sync.client import actions
from sync.client.api import Api, Connection, Offline, make_http
from sync.client.blobs import Blobs
from sync.client.engine import SyncEngine
from sync.server import tables as t
from sync.server.settings import Settings
from tests.sync.processes import ROOT, free_port, start_server

SAMPLE = ROOT / "installer" / "server" / "nginx" / "officeapp.conf"
# A client's own address, other than nginx's (127.0.0.1): all of 127.0.0.0/8 is loopback.
CLIENT_ADDRESS = "127.0.0.2"
FORGED = "198.51.100.7"  # what a client writes into X-Forwarded-For itself
NOTICE: dict[str, Any] = {
    "doc_type": "通知",
    "title": "关于印发防汛抗旱应急预案的通知",
    "main_recipients": [FINANCE_ID],
    "body": "各单位：\n\n现将应急预案印发给你们，请认真贯彻执行。",
}
WAIT = 20.0  # seconds a wait for a process or a sync may last before the test gives up


# --- tools ---------------------------------------------------------------------------------


def _tool(name: str) -> str:
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


def _replace(text: str, pattern: str, replacement: str, *, least: int = 1,
             most: int = 1) -> str:
    """Substitute in the sample; a count out of bounds means sample and test drifted apart."""
    new, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
    assert least <= count <= most, f"{pattern!r} matched {count} times in {SAMPLE}"
    return new


def render_sample(sample: str, *, upstream: str, https_port: int, http_port: int,
                  certificates: Certificates) -> str:
    """Return the sample with this test's upstream, listen ports and certificate paths."""
    text = _replace(sample, r"^(\s*server\s+)\S+:\d+\b", rf"\g<1>{upstream}", most=100)
    text = _replace(text, r"^(\s*listen\s+)443\b", rf"\g<1>127.0.0.1:{https_port}")
    text = _replace(text, r"^(\s*listen\s+)80\b", rf"\g<1>127.0.0.1:{http_port}")
    text = _replace(text, r"^(\s*ssl_certificate\s+)\S+;", rf"\g<1>{certificates.certificate};")
    return _replace(text, r"^(\s*ssl_certificate_key\s+)\S+;", rf"\g<1>{certificates.key};")


def nginx_conf(folder: Path, nginx: str) -> str:
    """Return a whole nginx.conf around the sample, with every path inside `folder`.

    The sample is what an administrator drops into /etc/nginx/conf.d, inside Debian's
    http {} block; this stands in for /etc/nginx/nginx.conf so that nothing of the host's
    nginx is touched.
    """
    built = subprocess.run([nginx, "-V"], capture_output=True, text=True, check=True).stderr
    temp = [f"client_body_temp_path {folder}/client_body;", f"proxy_temp_path {folder}/proxy;"]
    temp += [f"{name}_temp_path {folder}/{name};" for name in ("fastcgi", "uwsgi", "scgi")
             if f"--without-http_{name}_module" not in built]
    # As root, nginx's workers run as nobody and could not enter pytest's private temp folder
    # (mode 0700) to spool an upload; a production nginx keeps its own user and folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    lines = "\n    ".join(temp)
    return (f"{user}worker_processes 1;\npid {folder}/nginx.pid;\n"
            f"error_log {folder}/error.log notice;\n"
            "events { worker_connections 256; }\n"
            f"http {{\n    access_log {folder}/access.log;\n    {lines}\n"
            f"    include {folder}/officeapp.conf;\n}}\n")


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


# --- the deployment ------------------------------------------------------------------------


@dataclass(frozen=True)
class Deployment:
    """A server behind nginx: the https URL clients use and what the test looks into."""

    url: str
    http_url: str
    https_port: int
    server_url: str
    database_url: str
    certificates: Certificates
    openssl: str

    @property
    def trusting(self) -> ssl.SSLContext:
        """A TLS context that trusts the test CA only, as the client's `ca_bundle` does."""
        return ssl.create_default_context(cafile=self.certificates.ca)


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    """Start `officeapp-server --demo` and nginx with the rendered sample in front of it."""
    nginx, openssl = _tool("nginx"), _tool("openssl")
    folder = tmp_path_factory.mktemp("deploy")
    certificates = make_certificates(folder)
    server_port, https_port, http_port = free_port(), free_port(), free_port()
    database_url = f"sqlite:///{folder / 'server.sqlite3'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OFFICEAPP_TRUSTED_PROXIES", "127.0.0.1")  # nginx's address, as documented
        server = start_server(database_url, folder / "data", server_port)
    try:
        proxy = folder / "nginx"
        proxy.mkdir()
        (proxy / "officeapp.conf").write_text(render_sample(
            SAMPLE.read_text(encoding="utf-8"), upstream=f"127.0.0.1:{server_port}",
            https_port=https_port, http_port=http_port, certificates=certificates),
            encoding="utf-8")
        (proxy / "nginx.conf").write_text(nginx_conf(proxy, nginx), encoding="utf-8")
        process = start_nginx(proxy, nginx, https_port)
        try:
            yield Deployment(f"https://127.0.0.1:{https_port}", f"http://127.0.0.1:{http_port}",
                             https_port, f"http://127.0.0.1:{server_port}", database_url,
                             certificates, openssl)
        finally:
            stop(process)
    finally:
        stop(server)


# --- the real client -----------------------------------------------------------------------


class ListeningApi(Api):
    """The client's API, noting every server-sent event that reaches it."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        super().__init__(http)
        self.heard: list[str] = []

    async def events(self) -> AsyncIterator[str]:
        async for event in super().events():
            self.heard.append(event)
            yield event


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


async def install(deployment: Deployment, folder: Path, username: str) -> Installation:
    """Log a demo user in through the proxy, trusting the test CA as the client's setting."""
    connection = Connection(server_url=deployment.url, ca_bundle=str(deployment.certificates.ca))
    api = ListeningApi(make_http(connection))
    await api.login(username, DEMO_PASSWORD)
    assert api.person is not None
    person_id = str(api.person["id"])
    store = LocalStore.open(folder / f"{username}.sqlite3")
    store.record_person(person_id)
    blobs = Blobs(api=api, store=store, root=folder / f"{username}-blobs")
    # No polling: after the first rounds, only a poke through the proxy starts a sync.
    engine = SyncEngine(api=api, store=store, blobs=blobs, poll_seconds=3600)
    return Installation(person_id, api, store, blobs, engine)


async def until(condition: Callable[[], bool], what: str) -> None:
    """Wait until `condition` holds (a bounded wait, not a timing assertion)."""
    deadline = asyncio.get_running_loop().time() + WAIT
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            pytest.fail(f"gave up waiting: {what}")
        await asyncio.sleep(0.05)


# --- the tests -----------------------------------------------------------------------------


def _negotiate(deployment: Deployment, version: ssl.TLSVersion) -> str | None:
    context = deployment.trusting
    context.minimum_version = context.maximum_version = version
    with socket.create_connection(("127.0.0.1", deployment.https_port), timeout=5) as raw, \
            context.wrap_socket(raw, server_hostname="localhost") as tls:
        return tls.version()


def test_the_sample_serves_tls_1_2_and_1_3_under_the_extranet_ca(
        deployment: Deployment) -> None:
    assert _negotiate(deployment, ssl.TLSVersion.TLSv1_2) == "TLSv1.2"
    assert _negotiate(deployment, ssl.TLSVersion.TLSv1_3) == "TLSv1.3"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # TLS 1.1 is deprecated, rightly
        old = deployment.trusting
        old.set_ciphers("DEFAULT:@SECLEVEL=0")  # so that this client offers TLS 1.1 at all
        old.minimum_version = old.maximum_version = ssl.TLSVersion.TLSv1_1
    # This client can speak TLS 1.1; nginx refuses it (ssl_protocols, and the cipher list has
    # nothing older TLS could use).
    with socket.create_connection(("127.0.0.1", deployment.https_port), timeout=5) as raw, \
            pytest.raises(ssl.SSLError):
        old.wrap_socket(raw, server_hostname="localhost")
    # The check docs/deploy.md gives administrators: the chain and the name verify.
    checked = subprocess.run(
        [deployment.openssl, "s_client", "-connect", f"127.0.0.1:{deployment.https_port}",
         "-servername", "localhost", "-verify_hostname", "localhost",
         "-CAfile", str(deployment.certificates.ca), "-verify_return_error", "-brief"],
        input="", capture_output=True, text=True, timeout=WAIT, check=False)
    assert checked.returncode == 0, checked.stderr
    assert "Verification: OK" in checked.stderr
    with httpx.Client(verify=deployment.trusting, timeout=10) as http:
        health = http.get(f"{deployment.url}/api/v1/health")
        assert health.status_code == 200 and health.json()["status"] == "ok"
        assert http.get(f"{deployment.url}/docs").status_code == 404  # only the API is public
        moved = http.get(f"{deployment.http_url}/api/v1/health")
    assert moved.status_code == 301
    assert moved.headers["location"].startswith("https://")


def test_the_client_engine_syncs_through_the_proxy_and_is_poked(
        deployment: Deployment, tmp_path: Path) -> None:
    data = random.Random(16).randbytes(2_500_001)  # three upload chunks of the real client
    source = tmp_path / "预案.pdf"
    source.write_bytes(data)

    async def scenario() -> None:
        clerk = await install(deployment, tmp_path, "office.clerk")
        reviewer = await install(deployment, tmp_path, "office.reviewer")
        try:
            # Pull: the whole demo directory and the clerk's demo work arrive.
            await clerk.engine.sync_once()
            assert clerk.engine.status.online and clerk.engine.status.error is None
            people = clerk.store.organisation().people
            assert {p.id for p in DEMO_PEOPLE} <= set(people)
            assert clerk.store.get_cursor() > 0
            # The reviewer's client runs as the desktop runs it: event stream and sync loop.
            reviewer.engine.start()
            await until(lambda: "ready" in reviewer.api.heard
                        and reviewer.engine.status.last_sync is not None,
                        "the reviewer's event stream and first sync")
            heard = len(reviewer.api.heard)
            # Push: a draft with an attachment, sent on to 核稿.
            now = datetime.now(UTC)
            attachment = await clerk.blobs.attach(source, name="预案.pdf")
            document = actions.draft_outgoing(clerk.store, person_id=clerk.person_id,
                                              fields={**NOTICE, "attachments": [attachment]},
                                              now=now)
            actions.act(clerk.store, person_id=clerk.person_id, document_id=document.id,
                        action=Action(ActionKind.APPROVE, opinion="请核稿"), now=now)
            await clerk.engine.sync_once()
            assert clerk.store.pending_mutations() == []
            assert clerk.store.rejections() == []
            blob = clerk.store.get_blob(hashlib.sha256(data).hexdigest())
            assert blob is not None and blob.state == "synced"
            # The push pokes the reviewer through nginx's event stream, and the poke's sync
            # (the only one: no polling) brings the document.
            await until(lambda: "poke" in reviewer.api.heard[heard:]
                        and document.id in reviewer.todo(), "the poke and the document")
            received = reviewer.store.get_document(document.id)
            assert received is not None and received.trace[-1].opinion == "请核稿"
            opened = await reviewer.blobs.open(received.attachments[0])
            assert opened.read_bytes() == data  # downloaded through the proxy, verified
        finally:
            await reviewer.close()
            await clerk.close()

    asyncio.run(scenario())


def test_without_the_extranet_ca_the_client_refuses_with_a_certificate_error(
        deployment: Deployment, tmp_path: Path) -> None:
    async def scenario() -> None:
        trusting = await install(deployment, tmp_path, "finance.clerk")
        untrusting = Api(make_http(Connection(server_url=deployment.url)))  # no CA setting
        engine = SyncEngine(api=untrusting, store=trusting.store, poll_seconds=3600)
        try:
            with pytest.raises(Offline, match="CERTIFICATE_VERIFY_FAILED"):
                await untrusting.login("finance.clerk", DEMO_PASSWORD)
            # A client holding a login whose CA setting no longer fits the server's
            # certificate works offline and says so: no crash, nothing lost.
            untrusting.access_token = trusting.api.access_token
            untrusting.refresh_token = trusting.api.refresh_token
            with pytest.raises(Offline, match="CERTIFICATE_VERIFY_FAILED"):
                await engine.sync_once()
            assert not engine.status.online and engine.status.error == "无法连接服务器，已离线工作"
        finally:
            await engine.stop()
            await untrusting.http.aclose()
            await trusting.close()

    asyncio.run(scenario())


def _failed_login(url: str, username: str, verify: ssl.SSLContext | bool) -> None:
    """Log in with a wrong password from CLIENT_ADDRESS, with a forged X-Forwarded-For."""
    transport = httpx.HTTPTransport(verify=verify, local_address=CLIENT_ADDRESS)
    with httpx.Client(transport=transport, timeout=10) as http:
        answer = http.post(f"{url}/api/v1/auth/login", headers={"X-Forwarded-For": FORGED},
                           json={"username": username, "password": "wrong-password"})
    assert answer.status_code == 401, answer.text


def test_the_server_sees_the_client_address_only_through_the_trusted_proxy(
        deployment: Deployment) -> None:
    _failed_login(deployment.url, "nobody.proxied", deployment.trusting)
    _failed_login(deployment.server_url, "nobody.direct", False)
    engine = sa.create_engine(deployment.database_url, poolclass=sa.NullPool)
    try:
        with engine.connect() as connection:
            a = t.login_attempts.c
            rows = connection.execute(sa.select(a.username, a.address).where(
                a.username.in_(["nobody.proxied", "nobody.direct"])))
            seen = {row.username: row.address for row in rows}
    finally:
        engine.dispose()
    # Through nginx (a trusted proxy) the client's real address counts, never what it wrote;
    # straight from a client the header is ignored and the peer's address counts.
    assert seen == {"nobody.proxied": CLIENT_ADDRESS, "nobody.direct": CLIENT_ADDRESS}


def test_a_chunk_at_the_servers_limit_passes_the_proxy_and_the_server_answers_past_it(
        deployment: Deployment) -> None:
    with httpx.Client(verify=deployment.trusting, timeout=30,
                      base_url=f"{deployment.url}/api/v1") as http:
        tokens = http.post("/auth/login", json={"username": "edu.clerk",
                                                "password": DEMO_PASSWORD}).json()
        answer = http.patch(f"/blobs/{'0' * 64}", content=b"\0" * (Settings.max_chunk + 1),
                            headers={"Authorization": f"Bearer {tokens['access_token']}",
                                     "Upload-Offset": "0",
                                     "Content-Type": "application/offset+octet-stream"})
    # The server's own refusal (JSON, Chinese message) reaches the client, not nginx's page.
    assert answer.status_code == 413
    assert answer.json()["code"] == "request.too_large"
