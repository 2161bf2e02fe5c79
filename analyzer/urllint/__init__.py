"""Lint one Redis connection URL, offline: the part of `rla doctor` that needs no API.

    >>> [r.id for r in lint_redis_url("redis://red-d1abc2def3ghi4jkl5mn:6379\\n") if r.status != "ok"]
    ['url.whitespace']

Every check returns `CheckResult`s (plain data). Values are always shown redacted: the password of
the URL is replaced before any message is built, even when the URL is too broken to parse.

The checks follow the user's troubleshooting note (diagnostic-redis.fr.md, §2 and §4) and the Render
Key Value facts in research/redis-errors.md §4:

- internal URL  `redis://red-<20 chars>:6379`: plaintext, same region and workspace only;
- external URL  `rediss://red-<id>:<password>@<region>-keyvalue.render.com:6379`: TLS and auth always,
  IP allowlist required.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from urllib.parse import unquote

from analyzer.i18n import Msg as M
from analyzer.i18n import join
from analyzer.model import Severity
from analyzer.urllint.checklist import ITEMS, STATUSES, CheckResult, fail, ok, warn
from analyzer.urllint.host import COPY_FIX, INTERNAL_EXAMPLE, check_host
from analyzer.urllint.redisurl import (
    INVISIBLE,
    SCHEMES,
    QUOTES,
    DEFAULT_PORT,
    LOOSE_INTERNAL_HOST,
    RedisURL,
    edit_distance,
    host_kind,
    looks_like_redis_url,
    redact_value,
    show_value,
)

__all__ = [
    "CheckResult",
    "RedisURL",
    "ITEMS",
    "STATUSES",
    "inspect_redis_url",
    "lint_redis_url",
    "show_value",
    "redact_value",
    "looks_like_redis_url",
    "unusable",
]


# What leaves a client without an address to connect to (it fails to parse, or falls back to localhost:6379).
# A database path, a fragment, a password's encoding: the client still knows where to connect.
UNUSABLE = frozenset({
    "url.empty", "url.whitespace", "url.inner-whitespace", "url.no-scheme", "url.scheme", "url.slashes",
    "url.ipv6-brackets", "url.ipv6-invalid", "url.no-host", "url.bad-host", "url.port",
})  # fmt: skip


def unusable(value: str) -> CheckResult | None:
    """The first problem of `value` that leaves a client with no address (UNUSABLE), or None.

        >>> unusable("redis:/red-d0cjkelq67qs70c2kvup:6379").id
        'url.slashes'
        >>> unusable("redis://:**@localhost:6379//") is None
        True
    """
    return next((r for r in lint_redis_url(value, on_render=False) if r.status == "fail" and r.id in UNUSABLE), None)


# --------------------------------------------------------------------------------------------
# The lint
# --------------------------------------------------------------------------------------------

# `REDIS_URL=redis://…`, `export REDIS_URL=…` (a .env line) or `REDIS_URL: redis://…` (YAML)
_ENV_PREFIX = re.compile(r"^(?P<prefix>(?:export\s+)?(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:\s*=\s*|:\s+))(?=\S)")
_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*):(?P<slashes>/*)")


def _blank(c: str) -> bool:
    return c.isspace() or c in INVISIBLE


def _describe_ws(chars: str) -> str:
    """'  \n' -> "2 spaces, a newline (\\n)" (a catalogue message: French too)."""
    names = {" ": "space", "\t": "tab", "\n": "newline", "\r": "cr"}
    parts: list[str] = []
    i = 0
    while i < len(chars):
        j = i
        while j < len(chars) and chars[j] == chars[i]:
            j += 1
        n = j - i
        name = names.get(chars[i])
        if name:
            parts.append(M(f"ws.{name}.n", n=n) if n > 1 else M(f"ws.{name}.1"))
        else:
            other = f"U+{ord(chars[i]):04X} ({unicodedata.name(chars[i], 'invisible')})".lower()
            parts.append(M("ws.other.n", n=n, name=other) if n > 1 else M("ws.other.1", name=other))
        i = j
    return join(parts)


def lint_redis_url(value: str, *, var: str = "REDIS_URL", on_render: bool = True) -> list[CheckResult]:
    """Check one URL value; never raises. See `inspect_redis_url`."""
    return inspect_redis_url(value, var=var, on_render=on_render)[1]


def inspect_redis_url(
    value: str, *, var: str = "REDIS_URL", on_render: bool = True
) -> tuple[RedisURL, list[CheckResult]]:
    """Read and check one URL value. Never raises, whatever the text.

    on_render: the client runs on Render (the normal case for REDIS_URL). An external URL is then
    a warning; with False it is the right URL and only its TLS/auth are checked.
    """
    try:
        return _inspect(value, var, on_render)
    except Exception as exc:  # noqa: BLE001 - a lint must never crash; say "?" instead
        url = RedisURL(raw=value, cleaned=value)
        return url, [
            CheckResult(
                "url.internal-error",
                2,
                "unknown",
                Severity.INFO,
                M("lint.internal_error", var=var, error=type(exc).__name__),
                value=show_value(value),
            )
        ]


def _inspect(value: str, var: str, on_render: bool) -> tuple[RedisURL, list[CheckResult]]:
    out: list[CheckResult] = []
    shown = show_value(value)

    if value == "":
        return RedisURL(raw=value, cleaned=value), [
            fail(
                "url.empty", 2, Severity.CRITICAL, M("lint.empty.msg", var=var),
                M("lint.empty.cause"),
                M("lint.fill_fix", var=var, example=INTERNAL_EXAMPLE),
                value=shown,
            )
        ]
    if all(_blank(c) for c in value):
        return RedisURL(raw=value, cleaned=""), [
            fail(
                "url.empty", 2, Severity.CRITICAL, M("lint.blank.msg", var=var, ws=_describe_ws(value)),
                M("lint.blank.cause"),
                M("lint.fill_fix", var=var, example=INTERNAL_EXAMPLE),
                value=shown,
            )
        ]

    s = value
    # 1. leading / trailing whitespace (spaces, tabs, newlines; also NBSP/zero-width from web pages)
    lead_n = next(i for i, c in enumerate(s) if not _blank(c))
    trail_n = next(i for i, c in enumerate(reversed(s)) if not _blank(c))
    if lead_n or trail_n:
        where = []
        if lead_n:
            where.append(M("lint.ws.start", ws=_describe_ws(s[:lead_n])))
        if trail_n:
            where.append(M("lint.ws.end", ws=_describe_ws(s[len(s) - trail_n:])))
        out.append(
            fail(
                "url.whitespace", 2, Severity.ERROR, M("lint.whitespace.msg", var=var, where=join(where, sep_key="sep.and")),
                M("lint.whitespace.cause"),
                M("lint.whitespace.fix", var=var),
                value=shown,
                data={"leading": s[:lead_n], "trailing": s[len(s) - trail_n:]},
            )
        )
        s = s[lead_n:len(s) - trail_n]

    # 2. NAME=value pasted as the value (`REDIS_URL=redis://…`, `export REDIS_URL=…`)
    m = _ENV_PREFIX.match(s)
    if m:
        rest = s[m.end():]
        prefix = m.group("prefix").strip()
        out.append(
            fail(
                "url.name-in-value", 2, Severity.CRITICAL,
                M("lint.name_in_value.msg", var=var, prefix=prefix),
                M("lint.name_in_value.cause", prefix=prefix),
                M("lint.name_in_value.fix", var=var, example=INTERNAL_EXAMPLE),
                value=shown,
            )
        )
        s = rest.strip()

    # 3. quotes around (or inside) the value
    if s and (s[0] in QUOTES or s[-1] in QUOTES):
        q = [c for c in (s[0], s[-1]) if c in QUOTES]
        out.append(
            fail(
                "url.quotes", 2, Severity.CRITICAL, M("lint.quotes.msg", var=var, quotes=' '.join(dict.fromkeys(q))),
                M("lint.quotes.cause"),
                M("lint.quotes.fix", example=INTERNAL_EXAMPLE),
                value=shown,
            )
        )
        s = s.strip(QUOTES).strip()

    # 4. whitespace or invisible characters inside
    inner = [(i, c) for i, c in enumerate(s) if c.isspace() or c in INVISIBLE or unicodedata.category(c) in ("Cc", "Cf")]
    if inner:
        i, c = inner[0]
        more = M("lint.inner.more", n=len(inner) - 1) if len(inner) > 1 else ""
        out.append(
            fail(
                "url.inner-whitespace", 2, Severity.CRITICAL,
                M("lint.inner.msg", var=var, ws=_describe_ws(c), pos=i + 1, more=more),
                M("lint.inner.cause"),
                M("lint.inner.fix"),
                value=shown,
                data={"position": i + 1},
            )
        )
        s = "".join(ch for ch in s if not (ch.isspace() or ch in INVISIBLE or unicodedata.category(ch) in ("Cc", "Cf")))

    url = RedisURL(raw=value, cleaned=s)
    url, problems = _check_structure(url, s, var, shown)
    out.extend(problems)
    if url.parsed:
        out.extend(check_host(url, var, shown, on_render))

    if not any(r.item == 2 and r.status != "ok" for r in out):
        port = M("lint.format.port", port=url.port) if url.port is not None else M("lint.format.no_port", default=DEFAULT_PORT)
        out.insert(0, ok("url.format", 2, M("lint.format.ok", scheme=url.scheme, host=url.host, port=port), value=shown))
    return url, out


def _check_structure(url: RedisURL, s: str, var: str, shown: str) -> tuple[RedisURL, list[CheckResult]]:
    out: list[CheckResult] = []
    sm = _SCHEME.match(s)

    # --- scheme -----------------------------------------------------------------------------
    if not sm or (
        sm.group("slashes") == ""
        and min(edit_distance(sm.group("scheme").lower(), "redis"), edit_distance(sm.group("scheme").lower(), "rediss")) > 2
    ):
        # no scheme: `red-xxx:6379`, `host:port`, `//host`, `user:pw@host`
        hostish = s.split("@")[-1].split("/")[0]
        bare_internal = LOOSE_INTERNAL_HOST.match(hostish.split(":")[0].lower() or "")
        out.append(
            fail(
                "url.no-scheme", 2, Severity.CRITICAL, M("lint.no_scheme.msg", var=var),
                M("lint.no_scheme.cause", extra=M("lint.no_scheme.blueprint") if bare_internal else ""),
                M("lint.no_scheme.fix", url=redact_value('redis://' + s.lstrip('/')) if bare_internal else INTERNAL_EXAMPLE,
                 extra=M("lint.no_scheme.fix_blueprint") if bare_internal else "."),
                value=shown,
            )
        )
        return url, out

    scheme, slashes = sm.group("scheme"), sm.group("slashes")
    low = scheme.lower()
    if low in SCHEMES and scheme != low:
        out.append(
            fail(
                "url.scheme-case", 2, Severity.ERROR, M("lint.scheme_case.msg", scheme=scheme),
                M("lint.scheme_case.cause"),
                M("lint.scheme_case.fix", low=low),
                value=shown,
            )
        )
    elif low not in SCHEMES:
        if low in ("http", "https", "ws", "wss", "tcp"):
            why = M("lint.scheme.web", low=low)
        elif low in ("valkey", "valkeys"):
            why = M("lint.scheme.valkey", low=low)
        elif low == "unix":
            why = M("lint.scheme.unix")
        elif min(edit_distance(low, "redis"), edit_distance(low, "rediss")) <= 2 or low.startswith("redis"):
            why = M("lint.scheme.typo", scheme=scheme)
        else:
            why = M("lint.scheme.other", scheme=scheme)
        want = "rediss" if low.endswith("ss") or low in ("https", "wss", "valkeys") else "redis"
        out.append(
            fail(
                "url.scheme", 2, Severity.CRITICAL, M("lint.scheme.msg", scheme=scheme),
                why,
                M("lint.scheme.fix", want=want, example=INTERNAL_EXAMPLE),
                value=shown,
            )
        )
        if slashes != "//":
            return url, out
        # keep reading the host (item 3); the scheme stays unknown, so no TLS verdict (item 4)
    if low in SCHEMES and slashes != "//":
        out.append(
            fail(
                "url.slashes", 2, Severity.CRITICAL,
                M("lint.slashes.msg", scheme=scheme, slashes=slashes, low=low),
                M("lint.slashes.cause", scheme=scheme, slashes=slashes),
                M("lint.slashes.fix", low=low, example=INTERNAL_EXAMPLE),
                value=shown,
            )
        )
        if slashes == "" or len(slashes) > 3:
            return url, out
        if slashes == "///" and s[sm.end():].startswith("/"):
            return url, out
    rest = s[sm.end():]
    url = replace(url, scheme=low if low in SCHEMES else None)

    # --- authority: userinfo@host:port --------------------------------------------------------
    # The password may contain unencoded "@", "#", "/" or "?". Take the LAST "@" whose right side
    # looks like host[:port][/db][?query] as the end of the userinfo, then say what is wrong.
    userinfo = None
    at = rest.rfind("@")
    if at >= 0 and re.match(r"^(?:\[[0-9A-Fa-f:.]*\]|[^\s/?#@\[\]]*)(?::[^/?#]*)?(?:[/?#].*)?$", rest[at + 1:], re.S):
        userinfo, hostpart = rest[:at], rest[at + 1:]
    else:
        hostpart = rest
    if userinfo is not None:
        bad = [c for c in ("@", "#", "/", "?") if c in userinfo]
        if bad:
            enc = ", ".join(f"{c} → %{ord(c):02X}" for c in bad)
            cut = {"@": M("lint.cut.at"), "#": M("lint.cut.hash"), "/": M("lint.cut.slash"), "?": M("lint.cut.query")}
            out.append(
                fail(
                    "url.password-encoding", 2, Severity.ERROR,
                    M("lint.password_encoding.msg", chars=' '.join(repr(c) for c in bad)),
                    M("lint.password_encoding.cause", cut=cut[bad[0]]),
                    M("lint.password_encoding.fix", enc=enc),
                    value=shown,
                )
            )
        if re.search(r"%(?![0-9A-Fa-f]{2})", userinfo):
            out.append(
                fail(
                    "url.bad-percent", 2, Severity.ERROR, M("lint.bad_percent.msg"),
                    M("lint.bad_percent.cause"),
                    M("lint.bad_percent.fix"),
                    value=shown,
                )
            )
        user, sep, pw = userinfo.partition(":")
        url = replace(url, username=unquote(user) or None, has_password=bool(sep and pw))

    m = re.match(r"^(?P<host>\[[^\]]*\]|[^:/?#]*)(?::(?P<port>[^/?#]*))?(?P<path>/[^?#]*)?(?P<query>\?[^#]*)?(?P<frag>#.*)?$", hostpart, re.S)
    if not m:  # pragma: no cover - the regex accepts every string
        return url, out
    host, port_s, path = m.group("host"), m.group("port"), m.group("path")
    # unbracketed IPv6: `redis://::1:6379`, `redis://2001:db8::1:6379` (two colons at least: `redis://:6379` has no host)
    if port_s and ":" in port_s:
        out.append(
            fail(
                "url.ipv6-brackets", 2, Severity.CRITICAL, M("lint.ipv6_brackets.msg"),
                M("lint.ipv6_brackets.cause"),
                M("lint.ipv6_brackets.fix"),
                value=shown,
            )
        )
        return url, out
    if host.startswith("[") and not re.match(r"^\[[0-9A-Fa-f:.]+\]$", host):
        out.append(
            fail(
                "url.ipv6-invalid", 2, Severity.CRITICAL, M("lint.ipv6_invalid.msg", host=host),
                M("lint.ipv6_invalid.cause"), M("lint.ipv6_invalid.fix"),
                value=shown,
            )
        )
        return url, out
    if not host:
        out.append(
            fail(
                "url.no-host", 2, Severity.CRITICAL, M("lint.no_host.msg"),
                M("lint.no_host.cause"),
                M("lint.no_host.fix", scheme=url.scheme, example=INTERNAL_EXAMPLE),
                value=shown,
            )
        )
        return url, out
    if not host.startswith("[") and not re.match(r"^[A-Za-z0-9._\-%]+$", host):
        out.append(
            fail(
                "url.bad-host", 2, Severity.CRITICAL, M("lint.bad_host.msg", host=redact_value(host)),
                M("lint.bad_host.cause"),
                COPY_FIX,
                value=shown,
            )
        )
        return url, out

    port: int | None = None
    if port_s is not None:
        if port_s == "":
            out.append(
                warn(
                    "url.empty-port", 2, M("lint.empty_port.msg"),
                    M("lint.empty_port.cause"),
                    M("lint.empty_port.fix", host=host, port=DEFAULT_PORT),
                    value=shown,
                )
            )
        elif not port_s.isdigit():
            out.append(
                fail(
                    "url.port", 2, Severity.CRITICAL, M("lint.port_word.msg", port=redact_value('://h:' + port_s)[5:]),
                    M("lint.port_word.cause"),
                    COPY_FIX,
                    value=shown,
                )
            )
            return url, out
        elif not 0 < int(port_s) < 65536:
            out.append(
                fail(
                    "url.port", 2, Severity.CRITICAL, M("lint.port_range.msg", port=port_s),
                    M("lint.port_range.cause"), M("lint.port_range.fix", port=DEFAULT_PORT), value=shown,
                )
            )
            return url, out
        else:
            port = int(port_s)

    db: int | None = None
    if path and path != "/":
        seg = path[1:]
        if not seg.isdigit():
            out.append(
                fail(
                    "url.db", 2, Severity.ERROR, M("lint.db.msg", path=redact_value(seg)),
                    M("lint.db.cause"),
                    M("lint.db.fix"),
                    value=shown,
                )
            )
        else:
            db = int(seg)
            if db > 15:
                out.append(
                    warn(
                        "url.db-range", 2, M("lint.db_range.msg", db=db),
                        M("lint.db_range.cause"),
                        M("lint.db_range.fix"),
                        value=shown,
                    )
                )
    if m.group("frag"):
        out.append(
            fail(
                "url.fragment", 2, Severity.ERROR, M("lint.fragment.msg"),
                M("lint.fragment.cause"),
                COPY_FIX,
                value=shown,
            )
        )

    kind, inst, region = host_kind(host, url.username)
    url = replace(url, host=host, port=port, db=db, kind=kind, instance_id=inst, region=region, parsed=True)
    return url, out


