"""Address safety: which addresses a fetch may connect to (the SSRF guard).

Public addresses are always allowed. Loopback is allowed only when the caller asks for it
(``loopback=True``, the CLI's ``--allow-private-network``); any other private address only for hosts
named one by one (``--allow-host HOST``). Link-local addresses, cloud metadata endpoints, unspecified,
multicast and broadcast addresses are never fetched, whatever is allowed. The policy is applied twice:
to a literal IP in a URL before anything is sent, and by the network backend (see ``network.py``) to
every address a host name resolves to, just before it connects to that very address.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass, field

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.ip_network("64:ff9b::/96")

#: Never connected to: link-local (which holds most clouds' metadata service, 169.254.169.254),
#: the metadata endpoints that live elsewhere (AWS over IPv6, Alibaba, Azure's wire server), the
#: "this network" and unspecified addresses (0.0.0.0 reaches the local machine), multicast, broadcast.
NEVER_FETCHED = tuple(
    ipaddress.ip_network(net)
    for net in (
        "169.254.0.0/16",
        "fe80::/10",
        "fd00:ec2::254/128",
        "100.100.100.200/32",
        "168.63.129.16/32",
        "0.0.0.0/8",
        "::/128",
        "224.0.0.0/4",
        "ff00::/8",
        "255.255.255.255/32",
    )
)


def parse_address(address: str) -> IPAddress | None:
    """The IP of a literal address ("10.0.0.1", "::1", "fe80::1%eth0"); an IPv4 address embedded in an
    IPv6 one (mapped, 6to4, NAT64) is returned as that IPv4 address. None if it is no IP address."""
    try:
        ip: IPAddress = ipaddress.ip_address(address.strip("[]").split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = (
            ip.ipv4_mapped
            or ip.sixtofour
            or (ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in _NAT64 else None)
        )
        if embedded is not None:
            return embedded
    return ip


def never_fetched(ip: IPAddress) -> bool:
    return any(ip.version == net.version and ip in net for net in NEVER_FETCHED)


def is_public_address(address: str) -> bool:
    """True if ``address`` (a literal IP) is globally routable; False for loopback, private,
    link-local, multicast, reserved, unspecified and shared addresses, also when embedded in IPv6."""
    ip = parse_address(address)
    if ip is None or never_fetched(ip):
        return False
    flags = (ip.is_loopback, ip.is_private, ip.is_link_local, ip.is_multicast, ip.is_reserved)
    return not any(flags) and ip.is_global


def literal_ip(host: str) -> str | None:
    """The IP a host names without DNS: "10.0.0.1", "::1", and legacy forms like "0x7f.1" or "2130706433"."""
    with contextlib.suppress(ValueError):
        return str(ipaddress.ip_address(host.strip("[]")))
    if re.fullmatch(r"[0-9a-fA-FxX.]+", host) and any(ch.isdigit() for ch in host):
        with contextlib.suppress(OSError):
            return socket.inet_ntoa(socket.inet_aton(host))
    return None


def normalise_host(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


def is_local_name(host: str) -> bool:
    """ "localhost" and its subdomains, which resolve to loopback without asking DNS (RFC 6761)."""
    return host == "localhost" or host.endswith(".localhost")


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses may be connected to, for which host names."""

    loopback: bool = False
    hosts: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *, loopback: bool = False, hosts: Iterable[str] = ()) -> AddressPolicy:
        return cls(loopback, frozenset(normalise_host(h) for h in hosts if h.strip()))

    def refusal(self, host: str, address: str) -> str | None:
        """Why connecting to ``address`` for ``host`` is refused, or None when it is allowed."""
        host = normalise_host(host)
        ip = parse_address(address)
        if ip is None:
            return f"{address} is not an IP address"
        if never_fetched(ip):
            return f"{address} is a link-local, metadata or broadcast address, which is never fetched"
        if is_public_address(str(ip)):
            return None
        if host in self.hosts:
            return None
        if ip.is_loopback:
            if self.loopback:
                return None
            return f"{address} is a loopback address (private network not allowed)"
        return f"{address} is a private address (allow this host by name to fetch it)"

    def name_refusal(self, host: str) -> str | None:
        """Why a host name is refused before it is resolved ("localhost"), or None."""
        host = normalise_host(host)
        if is_local_name(host) and not (self.loopback or host in self.hosts):
            return "local network name (private network not allowed)"
        return None
