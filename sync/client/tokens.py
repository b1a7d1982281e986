"""The refresh token lives in the OS keyring, never in a plain file; passwords are never kept."""

from __future__ import annotations

import contextlib
import logging

import keyring
import keyring.errors

SERVICE = "officeapp"
log = logging.getLogger(__name__)


def _key(server_url: str, username: str) -> str:
    return f"{server_url.rstrip('/')}|{username}"


class TokenKeeper:
    """Saves, loads and deletes one login's refresh token in the OS keyring."""

    def __init__(self, server_url: str, username: str) -> None:
        self.key = _key(server_url, username)

    def load(self) -> str | None:
        """Return the stored refresh token, or None (also when no keyring is available)."""
        try:
            return keyring.get_password(SERVICE, self.key)
        except keyring.errors.KeyringError as error:
            log.warning("系统密钥环不可用，无法读取登录凭据：%s", error)
            return None

    def save(self, token: str | None) -> None:
        """Store `token`, or delete the stored one when None."""
        try:
            if token is None:
                self._delete()
            else:
                keyring.set_password(SERVICE, self.key, token)
        except keyring.errors.KeyringError as error:
            # Without a keyring the person simply logs in at the next start.
            log.warning("系统密钥环不可用，下次启动需要重新登录：%s", error)

    def _delete(self) -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            keyring.delete_password(SERVICE, self.key)


def keyring_available() -> bool:
    """Return whether this machine has a system keyring to keep a login in (many 麒麟/UOS
    desktops have none: then every start asks for the password)."""
    try:
        backend = keyring.get_keyring()
    except keyring.errors.KeyringError:
        return False
    return getattr(backend, "priority", 0) > 0 and "fail" not in type(backend).__module__
