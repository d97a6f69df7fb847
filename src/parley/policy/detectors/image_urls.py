"""Where an image comes from: its host and path, tracking signals, and hosts listed in lexicons.

Host lists live in ``lexicons/common/*.txt``. An entry is one of:

- ``example.com``: that host and every subdomain of it;
- ``example.com/path``: that host (or a subdomain) when the URL path starts with ``/path``;
- ``pixel.*``: any host whose first label is ``pixel``.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import unquote

from parley.policy import lexicons

_FILE_NAME = re.compile(r"^[^/]{1,255}$")
_DATA_URI = re.compile(r"^data:([a-z0-9.+/-]{0,64})((?:;[^,;]{0,64}){0,8}),", re.IGNORECASE)
_MAX_DATA_URI_BYTES = 12 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class UrlParts:
    scheme: str
    """Lower-case; empty for protocol-relative (``//host/...``) and relative URLs."""
    host: str
    """Lower-case, without port, credentials or a final dot; empty when the URL has no host."""
    path: str
    query: str


# RFC 3986, appendix B: every group stops at a delimiter the next one starts with, so matching is linear.
_URL = re.compile(r"(?:([A-Za-z][A-Za-z0-9+.-]{0,31}):)?(?://([^/?#\\]*))?([^?#]*)(?:\?([^#]*))?")
_PORT = re.compile(r":\d*$")


_CACHED_LENGTH = 2048  # longer addresses (data: URIs) are not kept in the caches


def split(url: str) -> UrlParts:
    """The parts of an image URL, leniently: never raises."""
    return _split_cached(url) if len(url) <= _CACHED_LENGTH else _split(url)


@lru_cache(maxsize=16384)
def _split_cached(url: str) -> UrlParts:
    return _split(url)


def _split(url: str) -> UrlParts:
    url = url.strip()
    if _looks_hosted(url):
        url = "//" + url
    match = _URL.match(url)
    if match is None:  # pragma: no cover - every string matches
        return UrlParts("", "", "", "")
    scheme, authority, path, query = match.groups(default="")
    scheme = scheme.lower()
    if scheme not in ("", "http", "https"):
        return UrlParts(scheme, "", path if not authority else "//" + authority + path, query)
    return UrlParts(scheme, _host(authority), path, query)


def _host(authority: str) -> str:
    """``user:pw@Shop.COM.:8080`` → ``shop.com``; an IPv6 literal keeps its brackets."""
    host = authority.rpartition("@")[2]
    if host.startswith("["):
        return host[: host.index("]") + 1] if "]" in host else ""
    return _PORT.sub("", host).lower().rstrip(".")


def _looks_hosted(url: str) -> bool:
    """``www.shop.com/logo.png``: a host written without a scheme."""
    return url[:4].lower() == "www." and " " not in url.split("/", 1)[0]


def is_embedded(url: str) -> bool:
    """``cid:`` (a part of the e-mail) and ``data:`` images load nothing from the network."""
    head = url[:64].lstrip().lower()
    return head.startswith(("cid:", "data:"))


def content_id(url: str) -> str | None:
    """The content ID a ``cid:`` URL refers to (RFC 2392), lower-cased for comparison."""
    url = url.strip()
    if url[:4].lower() != "cid:":
        return None
    return unquote(url[4:]).strip().strip("<>").lower() or None


def data_uri_bytes(url: str) -> tuple[str, bytes] | None:
    """The media type and bytes of a base64 ``data:`` URI, or None."""
    url = url.strip()
    match = _DATA_URI.match(url)
    if match is None or ";base64" not in match.group(2).lower():
        return None
    payload = re.sub(r"\s+", "", url[match.end() :])
    if len(payload) > _MAX_DATA_URI_BYTES * 4 // 3:
        payload = payload[: _MAX_DATA_URI_BYTES * 4 // 3 // 4 * 4]
    try:
        data = base64.b64decode(payload + "=" * (-len(payload) % 4), validate=False)
    except (binascii.Error, ValueError):
        return None
    return match.group(1).lower(), data


def file_name(url: str) -> str:
    """The last path segment, URL-decoded (``logo.png``); empty when the path ends in ``/``."""
    segment = split(url).path.rsplit("/", 1)[-1]
    segment = unquote(segment)
    return segment if _FILE_NAME.match(segment) else ""


def extension(url: str) -> str:
    """The file name's extension, lower-case, without the dot (``gif``)."""
    name = file_name(url)
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def normalise(url: str) -> str:
    """Scheme-less and query-less, host lower-cased: ``host/path``."""
    parts = split(url)
    if not parts.host:
        return url.strip().split("?", 1)[0].split("#", 1)[0]
    return parts.host + unquote(parts.path)


def short(url: str, limit: int = 100) -> str:
    """The URL as shown in an explanation: ``data:`` payloads and long addresses cut short."""
    url = url.strip()
    if url[:5].lower() == "data:":
        return url.split(",", 1)[0] + ",…"
    return url if len(url) <= limit else url[: limit - 1] + "…"


class HostList:
    """Hosts (and host/path prefixes) from one lexicon file, matched in time linear in the host's length."""

    def __init__(self, entries: tuple[str, ...]) -> None:
        self.domains: set[str] = set()
        self.paths: dict[str, list[str]] = {}
        self.first_labels: set[str] = set()
        for raw in entries:
            entry = raw.lower()
            if entry.endswith(".*"):
                self.first_labels.add(entry[:-2])
            elif "/" in entry:
                host, path = entry.split("/", 1)
                self.paths.setdefault(host, []).append("/" + path)
            else:
                self.domains.add(entry)

    def match(self, url: str) -> str | None:
        """The entry ``url``'s host matches, or None."""
        parts = split(url)
        host = parts.host
        if not host:
            return None
        labels = host.split(".")
        if labels[0] in self.first_labels and len(labels) > 2:
            return labels[0] + ".*"
        path = parts.path.lower()
        for index in range(len(labels)):
            suffix = ".".join(labels[index:])
            if suffix in self.domains:
                return suffix
            for prefix in self.paths.get(suffix, ()):
                if path == prefix or path.startswith(prefix.rstrip("/") + "/"):
                    return suffix + prefix
        return None


@cache
def host_list(name: str) -> HostList:
    return HostList(lexicons.load("common", name))


# --- tracking --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrackingSignal:
    pattern: str
    """``tracking-host``, ``tracking-path`` or ``tracking-query``."""
    detail: str
    """What matched: the host entry, the path segment or the query key."""


@cache
def _tracking_segments() -> frozenset[str]:
    return frozenset(entry.lower() for entry in lexicons.load("common", "image_tracking_paths"))


@cache
def _tracking_keys() -> tuple[frozenset[str], tuple[str, ...]]:
    exact, prefixes = set(), []
    for entry in lexicons.load("common", "image_tracking_query_keys"):
        key = entry.lower()
        if key.endswith("*"):
            prefixes.append(key[:-1])
        else:
            exact.add(key)
    return frozenset(exact), tuple(prefixes)


def tracking_signal(url: str) -> TrackingSignal | None:
    """Why an image URL looks like an open-tracking beacon, or None."""
    return _tracking_signal_cached(url) if len(url) <= _CACHED_LENGTH else _tracking_signal(url)


@lru_cache(maxsize=4096)
def _tracking_signal_cached(url: str) -> TrackingSignal | None:
    return _tracking_signal(url)


def _tracking_signal(url: str) -> TrackingSignal | None:
    parts = split(url)
    if not parts.host:
        return None
    host = host_list("image_tracking_hosts").match(url)
    if host:
        return TrackingSignal("tracking-host", host)
    segments = _tracking_segments()
    for segment in parts.path.lower().split("/"):
        if segment and segment in segments:
            return TrackingSignal("tracking-path", "/" + segment)
    if parts.query:
        exact, prefixes = _tracking_keys()
        for pair in parts.query.split("&"):
            key = unquote(pair.split("=", 1)[0]).strip().lower()
            if key in exact or (key and key.startswith(prefixes)):
                return TrackingSignal("tracking-query", key + "=")
    return None


# --- marketplace product images --------------------------------------------------------------

_MARKETPLACE_IMAGE_ID = re.compile(r"^/images/I/([A-Za-z0-9+%-]{6,64})\.", re.IGNORECASE)


def marketplace_image_id(url: str) -> str | None:
    """The image ID in a marketplace product image URL (``/images/I/71abcXYZ._AC_SL1500_.jpg``)."""
    parts = split(url)
    if not parts.host or host_list("image_product_hosts").match(url) is None:
        return None
    match = _MARKETPLACE_IMAGE_ID.match(parts.path)
    return match.group(1) if match else None
