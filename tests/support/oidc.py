"""A real OpenID Connect provider for the tests (panva's oidc-provider under node, installed by
scripts/bootstrap.sh), its signing key, and a scripted "browser" for its pages."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

FOLDER = Path(__file__).resolve().parent / "oidc_provider"
CLIENT_ID = "officeapp-desktop"
KID = "test-key-1"


@dataclass(frozen=True)
class Provider:
    """A running provider: its issuer URL and the private key it signs ID tokens with."""

    issuer: str
    key: rsa.RSAPrivateKey

    def sign(self, claims: dict[str, Any], *, kid: str = KID, algorithm: str = "RS256",
             key: Any = None) -> str:
        """Return a token signed as the provider signs (or with another key)."""
        return jwt.encode(claims, key if key is not None else self.key, algorithm=algorithm,
                          headers={"kid": kid})


def _unavailable(message: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def oidc_provider() -> Iterator[Provider]:
    """Start the provider on a free port of 127.0.0.1 for the session; stop it afterwards."""
    node = shutil.which("node")
    if node is None or not (FOLDER / "node_modules" / "oidc-provider").is_dir():
        _unavailable("oidc-provider is not installed: run scripts/bootstrap.sh (needs node)")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = {**json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key)), "kid": KID, "alg": "RS256",
           "use": "sig"}
    env = {**os.environ, "OIDC_JWKS": json.dumps({"keys": [jwk]}), "OIDC_CLIENT_ID": CLIENT_ID}
    process = subprocess.Popen([str(node), str(FOLDER / "provider.mjs")], cwd=FOLDER, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # blocks until it serves (or dies)
        if not line.startswith("listening "):
            pytest.fail(f"the OIDC provider did not start (exit {process.poll()})")
        yield Provider(issuer=line.split()[1], key=key)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def id_claims(provider: Provider, *, nonce: str, sub: str = "u-1001",
              username: str = "office.clerk", **overrides: Any) -> dict[str, Any]:
    """Return the claims of a genuine ID token for our client, as of now."""
    now = int(time.time())
    claims = {"iss": provider.issuer, "aud": CLIENT_ID, "sub": sub, "iat": now,
              "exp": now + 600, "nonce": nonce, "preferred_username": username}
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


@dataclass
class Browser:
    """The "system browser" of the tests: signs in on the provider's development pages as
    `account` (or presses its cancel link), then follows the redirect to the loopback."""

    account: str = "u-1001"
    deny: bool = False
    # Changes the redirect to the desktop before the browser follows it (a forged answer).
    mangle: Callable[[str], str] = field(default=lambda url: url)
    opened: list[str] = field(default_factory=list)
    landed: str = ""  # the text of the last page shown
    tasks: set[asyncio.Task[None]] = field(default_factory=set)

    def __call__(self, url: str) -> bool:
        self.opened.append(url)
        task = asyncio.get_running_loop().create_task(self._visit(url))
        self.tasks.add(task)
        return True

    async def _visit(self, url: str) -> None:
        async with httpx.AsyncClient(timeout=10, trust_env=False) as http:
            response = await http.get(url)
            for _ in range(20):
                if response.is_redirect:
                    target = urljoin(str(response.url), response.headers["location"])
                    if "/callback" in target and target.startswith("http://127.0.0.1"):
                        target = self.mangle(target)
                    response = await http.get(target)
                elif "<form" in response.text:
                    response = await self._submit(http, response)
                else:
                    break
            self.landed = response.text

    async def _submit(self, http: httpx.AsyncClient, page: httpx.Response) -> httpx.Response:
        html = page.text
        if self.deny:
            abort = re.search(r'href="([^"]*/abort)"', html)
            assert abort is not None, html
            return await http.get(urljoin(str(page.url), abort.group(1)))
        action = re.search(r'action="([^"]+)"', html)
        prompt = re.search(r'name="prompt" value="(\w+)"', html)
        assert action is not None and prompt is not None, html
        form = {"prompt": prompt.group(1)}
        if prompt.group(1) == "login":
            form |= {"login": self.account, "password": "any"}
        return await http.post(urljoin(str(page.url), action.group(1)), data=form)


__all__ = ["CLIENT_ID", "KID", "Browser", "Provider", "id_claims", "oidc_provider"]
