"""Real outside services for the notification tests: an SMTP server (aiosmtpd) that wants
STARTTLS and AUTH, with a throwaway CA and certificate, and an HTTP receiver standing in for
the provincial SMS gateway. Both count what they accepted, by the notification's id, and can
be told to refuse, to hang, or to hold the next message until released."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import json
import ssl
import threading
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes
from email.header import decode_header, make_header
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from sync.server.config import Integrations, NotifySettings
from sync.server.storage import tables as t

from .processes import free_port

SMTP_USER, SMTP_PASSWORD = "oa-notify", "Mail-Pass-2027"
APP_ID, SECRET = "officeapp", "s3cret{not-a-placeholder}"


@dataclass(frozen=True)
class Certificates:
    """A throwaway CA (its PEM file is the client's ca_file) and a server certificate for
    127.0.0.1 signed by it."""

    ca_file: Path
    cert_file: Path
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def make_certificates(folder: Path) -> Certificates:
    """Make a CA and a certificate for 127.0.0.1 and localhost in `folder`."""
    now = dt.datetime.now(dt.UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    root = _name("测试根证书")
    ca = (x509.CertificateBuilder().subject_name(root).issuer_name(root)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=7))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                       False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    server = (x509.CertificateBuilder().subject_name(_name("127.0.0.1")).issuer_name(ca.subject)
              .public_key(key.public_key()).serial_number(x509.random_serial_number())
              .not_valid_before(now - dt.timedelta(days=1))
              .not_valid_after(now + dt.timedelta(days=7))
              .add_extension(x509.SubjectAlternativeName(
                  [x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                   x509.DNSName("localhost")]), critical=False)
              .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                             critical=False)
              .sign(ca_key, hashes.SHA256()))
    files = Certificates(folder / "ca.pem", folder / "server.pem", folder / "server.key")
    files.ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    files.cert_file.write_bytes(server.public_bytes(serialization.Encoding.PEM))
    files.key_file.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return files


@dataclass
class Inbox:
    """What a service accepted and how it should answer the next messages."""

    received: list[dict[str, Any]] = field(default_factory=list)
    refuse_next: int = 0  # answer the next N messages with a temporary failure
    refuse_all: bool = False
    hold_at: int | None = None  # hold the message that would be the N-th accepted (1-based)
    held: threading.Event = field(default_factory=threading.Event)  # set while holding
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    seen: int = 0  # every message offered, accepted or not

    def counts(self) -> Counter[str]:
        """Return how often each notification id was accepted."""
        with self.lock:
            return Counter(m["id"] for m in self.received)

    def decide(self) -> str:
        """Return "accept", "refuse" or "hold" for the next message (counting it)."""
        with self.lock:
            self.seen += 1
            if self.hold_at is not None and len(self.received) + 1 == self.hold_at:
                self.hold_at = None
                return "hold"
            if self.refuse_all or self.refuse_next > 0:
                self.refuse_next = max(0, self.refuse_next - 1)
                return "refuse"
            return "accept"

    def accept(self, message: dict[str, Any]) -> None:
        with self.lock:
            self.received.append(message)


# --- SMTP --------------------------------------------------------------------------------------


class _Authenticator:
    def __call__(self, server: SMTP, session: Session, envelope: Envelope, mechanism: str,
                 auth_data: Any) -> AuthResult:
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == SMTP_USER.encode()
              and auth_data.password == SMTP_PASSWORD.encode())
        # handled=False: aiosmtpd answers 535 itself (handled=True would answer nothing).
        return AuthResult(success=ok, handled=False)


def _text(header: str | None) -> str:
    return str(make_header(decode_header(header or "")))


class _MailHandler:
    def __init__(self, inbox: Inbox) -> None:
        self.inbox = inbox

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        decision = self.inbox.decide()
        if decision == "hold":
            self.inbox.held.set()
            await asyncio.to_thread(self.inbox.release.wait)
            return "451 4.3.0 held and dropped by the test"
        if decision == "refuse":
            return "451 4.7.1 try again later"
        content = envelope.content if isinstance(envelope.content, bytes) else b""
        message: Message = message_from_bytes(content)
        body = message.get_payload(decode=True)
        self.inbox.accept({
            "id": message.get("X-Officeapp-Notification", ""), "to": envelope.rcpt_tos,
            "subject": _text(message.get("Subject")),
            "body": body.decode("utf-8") if isinstance(body, bytes) else "",
            "message_id": message.get("Message-ID", "")})
        return "250 OK"


@contextmanager
def smtp_server(certificates: Certificates, port: int) -> Iterator[Inbox]:
    """Run an SMTP server on 127.0.0.1:`port` that requires STARTTLS and AUTH."""
    inbox = Inbox()
    controller = Controller(
        _MailHandler(inbox), hostname="127.0.0.1", port=port,
        tls_context=certificates.server_context(), require_starttls=True, auth_required=True,
        auth_require_tls=True, authenticator=_Authenticator())
    controller.start()
    try:
        yield inbox
    finally:
        inbox.release.set()
        controller.stop()


# --- the SMS gateway ---------------------------------------------------------------------------


@dataclass
class Gateway:
    """The SMS gateway's inbox, and whether it hangs."""

    inbox: Inbox = field(default_factory=Inbox)
    hang: threading.Event = field(default_factory=threading.Event)  # set: answer nothing
    hanging: threading.Event = field(default_factory=threading.Event)  # a request is hanging
    unhang: threading.Event = field(default_factory=threading.Event)


def _gateway_handler(gateway: Gateway) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _answer(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            request = json.loads(self.rfile.read(length) or b"{}")
            if gateway.hang.is_set():
                gateway.hanging.set()
                gateway.unhang.wait()
                return
            if request.get("appId") != APP_ID or request.get("secret") != SECRET:
                self._answer(200, {"code": "401", "msg": "bad credentials"})
                return
            decision = gateway.inbox.decide()
            if decision == "hold":
                gateway.inbox.held.set()
                gateway.inbox.release.wait()
                self._answer(500, {"code": "500", "msg": "dropped by the test"})
                return
            if decision == "refuse":
                self._answer(500, {"code": "500", "msg": "platform busy"})
                return
            gateway.inbox.accept({"id": request.get("requestId", ""),
                                  "to": request.get("phone"), "text": request.get("content")})
            self._answer(200, {"code": "0", "msg": "ok"})

    return Handler


@contextmanager
def sms_gateway(port: int) -> Iterator[Gateway]:
    """Run the stand-in SMS gateway on 127.0.0.1:`port` (POST JSON, answers {"code": "0"})."""
    gateway = Gateway()
    server = ThreadingHTTPServer(("127.0.0.1", port), _gateway_handler(gateway))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield gateway
    finally:
        gateway.unhang.set()
        gateway.inbox.release.set()
        server.shutdown()
        server.server_close()
        thread.join()


# --- both, configured as the server sees them --------------------------------------------------


@dataclass
class Services:
    """The running SMTP server and SMS gateway, and the server's configuration of them."""

    smtp: Inbox
    gateway: Gateway
    integrations: Integrations
    config: str  # the same, as the TOML file of --config


def _config(certificates: Certificates, smtp_port: int, sms_port: int,
            notify: NotifySettings) -> str:
    settings = "\n".join(f"{name} = {getattr(notify, name)!r}" for name in (
        "interval", "batch", "lease", "max_attempts", "backoff", "backoff_max",
        "email_per_minute", "sms_per_minute", "due_days", "digest_hour"))
    return f"""
[smtp]
host = "127.0.0.1"
port = {smtp_port}
security = "starttls"
sender = "oa@pingxiang.gov.cn"
username = "{SMTP_USER}"
password = "{SMTP_PASSWORD}"
ca_file = "{certificates.ca_file}"
timeout = 5

[sms]
url = "http://127.0.0.1:{sms_port}/sms/send"
format = "json"
success_field = "code"
success_value = "0"
timeout = 2

[sms.template]
appId = "{APP_ID}"
secret = "{SECRET}"
phone = "{{phone}}"
content = "{{text}}"
requestId = "{{request_id}}"

[notify]
{settings}
"""


@contextmanager
def services(folder: Path, notify: NotifySettings) -> Iterator[Services]:
    """Run both services and return them with the configuration that names them."""
    certificates = make_certificates(folder)
    smtp_port, sms_port = free_port(), free_port()
    config = _config(certificates, smtp_port, sms_port, notify)
    integrations = Integrations.from_mapping(tomllib.loads(config))
    with smtp_server(certificates, smtp_port) as inbox, sms_gateway(sms_port) as gateway:
        yield Services(inbox, gateway, integrations, config)


TEST_NOTIFY = NotifySettings(interval=0.2, batch=20, lease=30.0, max_attempts=3, backoff=60.0,
                             backoff_max=120.0, email_per_minute=100, sms_per_minute=100,
                             due_days=3, digest_hour=0)


def queue_rows(engine: sa.Engine, clock: Callable[[], datetime], channel: str, count: int,
               prefix: str = "test") -> list[str]:
    """Queue `count` messages on a channel directly; return their dedupe keys."""
    keys = [f"{prefix}:{channel}:{n}" for n in range(count)]
    now = clock()
    with engine.begin() as connection:
        connection.execute(sa.insert(t.notification_queue), [{
            "dedupe_key": key, "person_id": "p-office.reviewer", "channel": channel,
            "event": "urging", "address": "13800138000" if channel == "sms"
            else "office_reviewer@pingxiang.gov.cn", "subject": f"[协同办公] 测试 {key}",
            "body": f"测试消息 {key}", "status": "pending", "attempts": 0,
            "next_attempt_at": now, "created_at": now} for key in keys])
    return keys


@pytest.fixture
def notify_services(tmp_path: Path) -> Iterator[Services]:
    """A real SMTP server and SMS gateway for one test (import it to use it)."""
    with services(tmp_path, TEST_NOTIFY) as running:
        yield running
