"""Addresses: which hosts keep the server to this machine, and how each goes in a URL."""

from __future__ import annotations

import ipaddress

#: Names that mean every interface: the page is opened through some other name.
WILDCARDS = ("", "0.0.0.0", "::")


def is_loopback(host: str) -> bool:
    """Whether `host` only listens on this machine (`localhost`, 127.0.0.0/8, ::1)."""
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_host(host: str) -> str:
    """`host` as it goes in a URL: an IPv6 address in brackets."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def page_url(host: str, port: int) -> str:
    """Where to open the page: a wildcard address is reached as localhost on this machine."""
    return f"http://{url_host('localhost' if host in WILDCARDS else host)}:{port}"
