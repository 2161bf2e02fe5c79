"""A Redis URL as Render writes it: the host shapes of a Key Value (redis-errors.md §4), what was read
from a value (`RedisURL`), and how a value is shown (redacted, invisible characters made visible).

No message and no check: the lint (analyzer.urllint) says what is wrong with a value.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


def redact_value(text: str, redactor: object | None = None) -> str:
    """Hide the password of every URL in `text`, however broken the URL is.

    The one redaction module does it (`analyzer.redact.Redactor.value`); `redactor`: a shared
    Redactor so that one secret gets one stand-in across a run.
    """
    if not text:
        return text
    from analyzer.redact import Redactor

    r = redactor if isinstance(redactor, Redactor) else Redactor()
    return r.value(text)


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\", '"': '\\"'}


def _escape_char(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if ch == " ":
        return " "
    cat = unicodedata.category(ch)
    if cat[0] in "CZ" or ch in INVISIBLE:  # control, format (zero-width, BOM), separators (NBSP)
        code = ord(ch)
        return f"\\x{code:02x}" if code < 0x100 and cat == "Cc" else f"\\u{code:04x}"
    return ch


def show_value(value: str, redactor: object | None = None) -> str:
    """The value redacted and quoted, with invisible characters made visible: "redis://…\\n"."""
    return '"' + "".join(_escape_char(c) for c in redact_value(value, redactor)) + '"'


def looks_like_redis_url(value: str) -> bool:
    """True for values that are (or try to be) a Redis URL: used to spot other Redis variables."""
    v = value.strip().strip("\"'").lower()
    return bool(re.match(r"^(?:export\s+)?(?:[a-z_][a-z0-9_]*=)?[\"']?\s*re+d+i*s+s*:/", v)) or bool(
        re.match(r"^red-[a-z0-9]{20}(?::\d+)?$", v)
    )


REGIONS = ("oregon", "ohio", "virginia", "frankfurt", "singapore")


INTERNAL_HOST = re.compile(r"^red-[a-z0-9]{20}$")


LOOSE_INTERNAL_HOST = re.compile(r"^red-[a-z0-9]+$")


EXTERNAL_HOST = re.compile(r"^(?P<region>[a-z]+)-(?P<flavor>keyvalue|redis)\.render\.com$")


HANDMADE_HOST = re.compile(r"^(?P<id>red-[a-z0-9]+)\.(?:[a-z]+[.-])?(?:keyvalue|redis)\.render\.com$")


DEFAULT_PORT = 6379


_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")


_LOCAL = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "[::1]", "localhost.localdomain"}


INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00a0", "\u202f", "\u2007"}


QUOTES = "\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb"


SCHEMES = {"redis", "rediss"}


@dataclass(frozen=True)
class RedisURL:
    """What could be read from the value (fields are None when the part is missing or unreadable)."""

    raw: str
    cleaned: str  # after taking off what the lint reported (spaces, quotes, NAME=)
    scheme: str | None = None
    username: str | None = None
    has_password: bool = False
    host: str | None = None
    port: int | None = None  # as written; None = absent (clients use 6379)
    db: int | None = None
    kind: str = "unknown"  # internal | external | local | ip | other | unknown
    instance_id: str | None = None  # red-… from the internal host or the external username
    region: str | None = None  # from the external host
    parsed: bool = False

    @property
    def tls(self) -> bool:
        return self.scheme == "rediss"

    @property
    def effective_port(self) -> int:
        return self.port if self.port is not None else DEFAULT_PORT

    @property
    def shown(self) -> str:
        return show_value(self.raw)


def host_kind(host: str, username: str | None = None) -> tuple[str, str | None, str | None]:
    """(kind, instance id, region) of a URL's host: kind is internal | external | local | ip | other;
    the instance id is the internal host, or an external URL's username when it has the red-… shape."""
    h = host.lower()
    kind, inst, region = "other", None, None
    if h in _LOCAL or h.startswith("127."):
        kind = "local"
    elif INTERNAL_HOST.match(h):
        kind, inst = "internal", h
    elif (em := EXTERNAL_HOST.match(h)) is not None:
        kind, region = "external", em.group("region")
        if username and INTERNAL_HOST.match(username.lower()):
            inst = username.lower()
    elif _IPV4.match(h) or h.startswith("["):
        kind = "ip"
    return kind, inst, region


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
