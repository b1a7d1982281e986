"""The senders: e-mail through SMTP (STARTTLS or TLS, authenticated, the certificate
verified) and SMS through the provincial platform's HTTP gateway. Each raises SendError with
a Chinese detail for the admin; nothing here touches the database."""

from __future__ import annotations

import hashlib
import smtplib
import ssl
from collections.abc import Mapping
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any

import httpx

from sync.server.config import SmsSettings, SmtpSettings


class SendError(Exception):
    """A message was not accepted; `detail` says why, in Chinese."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail[:500]


def request_id(dedupe_key: str) -> str:
    """Return the id a gateway or mail server sees for a message: 32 hex characters, the same
    for every attempt at one message, so that a platform that drops repeats can."""
    return hashlib.sha256(dedupe_key.encode("utf-8")).hexdigest()[:32]


def _tls(ca_file: str) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=ca_file or None)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def email_message(smtp: SmtpSettings, *, to: str, subject: str, body: str,
                  dedupe_key: str) -> EmailMessage:
    """Return the e-mail of one notification (plain text, UTF-8, a stable Message-ID)."""
    message = EmailMessage()
    local, _, domain = smtp.sender.partition("@")
    message["From"] = Address(smtp.sender_name, local, domain)
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = f"<{request_id(dedupe_key)}@{domain or 'officeapp'}>"
    message["X-Officeapp-Notification"] = request_id(dedupe_key)
    message.set_content(body + "\n\n（本邮件由协同办公系统自动发送，请勿回复。）\n")
    return message


def send_email(smtp: SmtpSettings, *, to: str, subject: str, body: str, dedupe_key: str) -> None:
    """Send one e-mail, or raise SendError."""
    message = email_message(smtp, to=to, subject=subject, body=body, dedupe_key=dedupe_key)
    try:
        client = _connect(smtp)
        try:
            if smtp.username:
                _login(client, smtp)
            client.send_message(message)
        finally:
            _quit(client)
    except (smtplib.SMTPException, OSError) as error:
        raise SendError(_smtp_problem(smtp, error)) from None


def _smtp_problem(smtp: SmtpSettings, error: Exception) -> str:
    """Return what went wrong with the mail server, in Chinese."""
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return f"邮件服务器拒绝登录：{error.smtp_code} {_said(error.smtp_error)}"
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "邮件服务器拒绝收件人：" + "；".join(
            f"{code} {_said(text)}" for code, text in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return f"邮件服务器拒绝：{error.smtp_code} {_said(error.smtp_error)}"
    if isinstance(error, ssl.SSLError):
        return f"与邮件服务器的加密连接失败（证书无效或不受信任）：{error}"
    return f"无法连接邮件服务器 {smtp.host}:{smtp.port}：{error}"


def _connect(smtp: SmtpSettings) -> smtplib.SMTP:
    if smtp.security == "tls":
        return smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout,
                                context=_tls(smtp.ca_file))
    client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
    try:
        client.ehlo()
        if smtp.security == "starttls":
            if not client.has_extn("starttls"):
                raise SendError(f"邮件服务器 {smtp.host} 不支持 STARTTLS，未发送")
            client.starttls(context=_tls(smtp.ca_file))
            client.ehlo()
    except BaseException:
        _quit(client)
        raise
    return client


def _login(client: smtplib.SMTP, smtp: SmtpSettings) -> None:
    """Log in with PLAIN or LOGIN, once: smtplib's `login` tries every mechanism in turn,
    so a refused password would be tried again (and lock the mailbox sooner)."""
    offered = client.esmtp_features.get("auth", "").upper().split()
    for mechanism in ("PLAIN", "LOGIN"):
        if mechanism in offered:
            client.user, client.password = smtp.username, smtp.password
            method = client.auth_plain if mechanism == "PLAIN" else client.auth_login
            client.auth(mechanism, method)
            return
    client.login(smtp.username, smtp.password)


def _quit(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()


def _said(text: bytes | str) -> str:
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)


def check_smtp(smtp: SmtpSettings) -> str | None:
    """Return why the mail server cannot be reached or logged in to, or None (for doctor)."""
    try:
        client = _connect(smtp)
        try:
            if smtp.username:
                _login(client, smtp)
        finally:
            _quit(client)
    except SendError as error:
        return error.detail
    except (smtplib.SMTPException, OSError) as error:
        return _smtp_problem(smtp, error)
    return None


# --- SMS ---------------------------------------------------------------------------------------


def _filled(template: Any, values: Mapping[str, str]) -> Any:
    """Return the template with {phone}, {text} and {request_id} replaced in every string
    (other braces, as in a secret, are left alone)."""
    if isinstance(template, str):
        for name, value in values.items():
            template = template.replace("{" + name + "}", value)
        return template
    if isinstance(template, Mapping):
        return {key: _filled(value, values) for key, value in template.items()}
    if isinstance(template, list):
        return [_filled(value, values) for value in template]
    return template


def sms_request(sms: SmsSettings, *, phone: str, text: str, dedupe_key: str) -> dict[str, Any]:
    """Return the keyword arguments of the gateway request for one SMS."""
    body = _filled(dict(sms.template), {"phone": phone, "text": text,
                                        "request_id": request_id(dedupe_key)})
    request: dict[str, Any] = {"json": body} if sms.format == "json" else {
        "data": {key: str(value) for key, value in body.items()}}
    if sms.auth == "basic":
        request["auth"] = httpx.BasicAuth(sms.username, sms.password)
    elif sms.auth == "token":
        request["headers"] = {sms.token_header: sms.token}
    return request


def send_sms(sms: SmsSettings, *, phone: str, text: str, dedupe_key: str) -> None:
    """Send one SMS through the gateway, or raise SendError."""
    request = sms_request(sms, phone=phone, text=text, dedupe_key=dedupe_key)
    verify: ssl.SSLContext | bool = _tls(sms.ca_file) if sms.ca_file else True
    try:
        with httpx.Client(timeout=sms.timeout, verify=verify) as client:
            response = client.request(sms.method, sms.url, **request)
    except httpx.TimeoutException:
        raise SendError(f"短信网关 {sms.timeout:g} 秒内未应答") from None
    except httpx.HTTPError as error:
        raise SendError(f"无法连接短信网关：{error}") from None
    if not response.is_success:
        raise SendError(f"短信网关返回 HTTP {response.status_code}：{response.text[:200]}")
    if sms.success_field:
        got = _field(response, sms.success_field)
        if got != sms.success_value:
            raise SendError(f"短信网关未接受：{sms.success_field} = {got}（应为 "
                            f"{sms.success_value}）：{response.text[:200]}")


def _field(response: httpx.Response, path: str) -> str | None:
    try:
        value: Any = response.json()
    except ValueError:
        return None
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return str(value)
