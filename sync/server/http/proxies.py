"""The client's address behind reverse proxies: X-Forwarded-For, believed only from trusted peers.

Every proxy appends the address it received the request from, so the header reads
"client, proxy1, proxy2" and the direct peer is the last proxy. Entries left of the first
untrusted one can be anything the client wrote, so the client is the rightmost entry that is
not a trusted proxy. A peer that is not trusted keeps its own address: its header is ignored.
"""

from __future__ import annotations

import ipaddress

from starlette.types import ASGIApp, Receive, Scope, Send

from sync.server.settings import Network


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1:text.index("]")]
    elif text.count(":") == 1:  # "203.0.113.7:51234"
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address,
             proxies: tuple[Network, ...]) -> bool:
    return any(address.version == net.version and address in net for net in proxies)


def client_address(peer: str, forwarded_for: list[str], proxies: tuple[Network, ...]) -> str:
    """Return the client's address for a request from `peer` with these X-Forwarded-For values.

    An entry that is not an address ends the walk: the trusted hop that wrote it is used.
    """
    current = _address(peer)
    if current is None or not _trusted(current, proxies):
        return peer
    entries = [e for value in forwarded_for for e in value.split(",") if e.strip()]
    for entry in reversed(entries):
        address = _address(entry)
        if address is None:
            break
        current = address
        if not _trusted(address, proxies):
            break
    return str(current)


class ForwardedFor:
    """ASGI middleware: replace the scope's client by the address `client_address` finds."""

    def __init__(self, app: ASGIApp, *, proxies: tuple[Network, ...]) -> None:
        self.app = app
        self.proxies = proxies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        if scope["type"] in ("http", "websocket") and client and self.proxies:
            values = [v.decode("latin-1") for k, v in scope["headers"]
                      if k == b"x-forwarded-for"]
            host = client_address(client[0], values, self.proxies)
            if host != client[0]:
                scope["client"] = (host, 0)
        await self.app(scope, receive, send)
