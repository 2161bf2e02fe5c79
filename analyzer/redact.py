"""Secrets out of every string that leaves the process: the one redaction module.

Every output path (reports in every format, errors, `--verbose` and `--debug` lines, saved files,
progress, the URL lint of `rla doctor`) passes its text through a `Redactor`. The same secret
always becomes the same stand-in («secret-1», «secret-2» …) within one run, so counts and
correlations survive redaction.

Two modes:

- `Redactor.__call__` / `scrub`: free text (log lines, messages). A URL password runs to the last
  "@" of its whitespace-delimited token whose right side looks like a host, so an unencoded "@",
  "#" or a quote inside it never leaks the rest; other secret shapes are listed below.
- `Redactor.value`: one configuration value (an env var, `--redis-url`), however broken. The
  password then runs to the last "@" of the line (spaces included), a word where a URL port should
  be is a password whose host was lost, and `?password=` query parameters are hidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import TypeVar

from analyzer.i18n import Msg

T = TypeVar("T")

# ---------------------------------------------------------------------------- free text

# What follows the password: @host[:port] then something that cannot continue a host.
_HOST_TAIL = r"@(?:\[[^\]\s]*\]|[\w.\-%]+)(?::\w*)?(?![\w.\-%@\[])"
# scheme://user:password@host — any scheme (redis, rediss, postgres, amqp, https…). The first
# alternative stops at a closing quote (one followed by a space, `,` `;` `:` `)` `}` `]` or the end:
# a JSON line with two URLs keeps the second) but takes a quote inside the password
# (`rediss://red-x:ab"cd@host`); the second one takes any password up to an @host rather than let
# it through.
_URL_PASSWORD = re.compile(
    r"(?P<head>\b[a-zA-Z][a-zA-Z0-9+.\-]{1,20}://[^\s:/@'\"`]{0,256}:)"
    r"(?P<secret>(?:[^\s'\"`]|['\"`](?![\s,;:)}\]]|$)){1,512}(?=" + _HOST_TAIL + r")|\S{1,512}?(?=" + _HOST_TAIL + r"))"
)
_RENDER_KEY = re.compile(r"\brnd_[A-Za-z0-9]{8,}")
# Not secrets: what docs and clients print in a password's place (`redis://default:<password>@…`,
# Celery's `redis://:**@…`, `{password}`, the word itself: `redis://user:password@host:port`), so a fix step keeps
# its meaning. A word registered as a secret is hidden verbatim everywhere after (Redactor.scrub): the example URL
# of redis-noauth's fix made every later 'password' of a report, rule ids and log lines included, a stand-in.
_PLACEHOLDER = re.compile(
    r"<[^<>\s]{1,40}>|\*{1,8}|\{[A-Za-z_]{1,40}\}|\[[A-Z_]{1,40}\]"
    r"|(?i:(?:your|my|redis)?[-_]?(?:pass(?:word|wd)?|pwd|secret)|changeme|x{3,})"
)
_AWS_KEY = re.compile(r"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[A-Z0-9]{16}\b")
_AWS_SECRET = re.compile(
    r"(?i)(?P<head>\baws_?secret_?(?:access_?)?key\s*[=:]\s*['\"]?)(?P<secret>[A-Za-z0-9/+=]{20,})"
)
_JWT = re.compile(r"\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}")
_AUTH_HEADER = re.compile(
    r"(?i)(?P<head>\b(?:proxy-)?authorization\s*['\"]?\s*[:=]\s*['\"]?\s*(?:bearer\s+|basic\s+|token\s+|digest\s+)?)"
    r"(?P<secret>[^\s'\",}]+)"
)
# name=value, name: value, "name": "value", 'name' => 'value' … where the NAME says it holds a secret
# (REDIS_PASSWORD, REDISCLI_AUTH, x_password, authToken, api-key, PASS): the name is split into words
# (on _ . - and camelCase) and checked against _SECRET_WORDS, so one pattern covers env assignments,
# JSON, YAML, logfmt and printed objects. A quoted value runs to its closing quote (spaces included).
_NAMED = re.compile(
    r"(?P<head>(?<![\w.\-])(?P<q>[\"']?)(?P<name>[A-Za-z0-9_.\-]{0,60}(?i:pass|pwd|secret|token|key|auth|cred)"
    r"[A-Za-z0-9_.\-]{0,60})\\?(?P=q)"
    r"\s*(?P<sep>=>?|:(?!//))[ \t]*(?P<vq>\\?[\"'`])?)"
    r"(?P<secret>(?(vq)(?:(?!(?P=vq))[^\n]){1,512}|[^\s'\",;&}\]]{1,512}))"
)
_SECRET_WORDS = frozenset(
    "password passwd pass pwd passphrase secret secrets token tokens key apikey auth credential credentials "
    "authorization cred creds".split()
)
_SECRET_ENDINGS = ("password", "passwd", "secret", "token")
_NAME_TAILS = frozenset({"base", "value", "raw", "b64", "str", "string"})
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_TOKEN_LIKE = re.compile(r"(?=[^:]*\d)(?=[^:]*[A-Za-z])[^:\s]{8,}")
_NOT_SECRET = re.compile(r"(?i)null|none|nil|undefined|true|false|empty|required|missing|invalid|\(?none\)?|\W*")
# Command-line password flags: `redis-cli -a PW` (-a only after a *-cli program, where it means the
# password), and --pass/--password/--auth/--token/--secret/--api-key PW or =PW anywhere.
_CLI_FLAG = re.compile(
    r"(?P<head>(?:\b(?:redis|valkey|keydb)-cli\b[^\n]*?\s-a|(?<!\S)--(?:pass|password|passwd|auth|token|"
    r"secret|api-key|apikey|access-token|requirepass|masterauth))(?:=|\s+)(?P<vq>[\"'])?)"
    r"(?P<secret>(?(vq)[^\"'\n]{1,512}|(?!-)[^\s'\"]{1,512}))"
)
# A bearer token on its own ("Bearer abc…" without an Authorization header in front).
_BEARER = re.compile(r"(?P<head>(?i:\bbearer)\s+)(?P<secret>[A-Za-z0-9\-._~+/]{8,}=*)")
# URL user-info with no colon: redis://PASSWORD@host (redis clients read it as the password), or a
# user name alone; either way it is hidden (`[^:]` so the user:password form stays with _URL_PASSWORD).
_URL_USERINFO = re.compile(
    r"(?P<head>\b[a-zA-Z][a-zA-Z0-9+.\-]{1,20}://)(?P<secret>[^\s:/@'\"`?#]{1,256})(?=" + _HOST_TAIL + r")"
)
# user:password@host:port with the scheme lost (a host with a port, or a Render Key Value host).
_BARE_USERINFO = re.compile(
    r"(?P<head>(?<![\w/.@:\-])[A-Za-z0-9_.\-]{0,64}:)(?P<secret>[^\s:@/'\"`]{3,256})"
    r"(?=@(?:red-[a-z0-9]+|[\w.\-]+:\d{2,5}\b))"
)
# password@host:port alone, a URL's user-info without scheme nor user name, where StackExchange.Redis, given one,
# quotes it as its endpoint's name ('password@host:6380 did not respond', 'UnableToConnect on password@host:6380/
# Interactive'; public heldout14 aspnet/SignalR#2468). Only in those words: 'NewClient@interface.go:512' is a Go
# logger's function and line (public juicefs#5391). A stand-in or a <placeholder> is no password.
_BARE_PASSWORD = re.compile(
    r"(?P<head>)(?<![\w/.@:\-«»<>])(?P<secret>[^\s:@/'\"`«»<>]{3,256})(?=@[\w.\-]+:\d{2,5}"
    r"(?:/(?:Interactive|Subscription)\b|:? did not respond\b| failed to nominate\b|: (?:Standalone|Cluster|Sentinel) v))"
)
_QUERY_SECRET = re.compile(r"(?i)(?P<head>[?&](?:password|pass|pwd|auth|token|secret|key)=)(?P<secret>[^&#\s'\"]+)")
# Secrets shown inside a redis AUTH command echoed by a client ("AUTH default s3cret").
_AUTH_CMD = re.compile(
    r"(?P<head>\bAUTH\s+(?:default\s+)?)(?P<secret>(?!called\b|failed\b|[A-Z_]+\b)[^\s'\",:<>]{6,})(?!:)"
)
# ioredis prints the failing command with its arguments: { name: 'auth', args: [ 'default', 'pw' ] }.
_AUTH_ARGS = re.compile(r"(?P<head>name: '(?i:auth|hello)',\s*args: \[[^\]]*?')(?P<secret>[^']+)(?='\s*\])")

# ---------------------------------------------------------------------------- one value

# scheme://user:PASSWORD@host — in a single value the password runs to the LAST "@" of the line, so
# an unencoded "@", "#", "/", "?", a space or a quote inside it is hidden too.
_VALUE_USERINFO = re.compile(
    r"(?P<head>(?:(?<=[\s\"'=`])|^)(?:[A-Za-z][A-Za-z0-9+.\-]*:/{0,3})?[^\s:/@=\"'`]*:)"
    r"(?P<secret>[^\n]{0,1024})(?=@[^@\n]*$)",
    re.M,
)
# A "port" that is not a number after a URL host is usually a password whose host was lost
# (`rediss://red-x:PASSWORD` copied without the `@host` part).
_VALUE_WORD_PORT = re.compile(
    r"(?P<head>://(?:\[[^\]\s]*\]|[^\s:/@?#\[]+):)(?P<secret>[^\s:/?#@]*[^\s\d:/?#@][^\s:/?#@]*)(?=[/?#\s]|$)"
)

_STAND_IN = re.compile(r"«secret-\d+»")
# A literal that every match of a free-text pattern above holds (checked against each pattern by
# tests/test_redact_gate.py): a text without any cannot hold a secret of those shapes, and most report
# strings and log lines have none, so one search spares them the fourteen substitutions.
_MAY_HOLD = re.compile(
    r"(?i:pass|pwd|secret|token|key|auth|cred|bearer|name: ')|://|-cli|@|rnd_|eyJ|KIA|SIA|GPA|IDA|ROA|NPA"
)
_ATOMS = frozenset({int, float, bool, type(None)})  # what `tree` returns as it is
SCRUBS_KEPT = 4096  # distinct texts a Redactor remembers the scrubbed form of (bounded: `follow` runs for hours)


@dataclass
class Redactor:
    """Replaces secrets with stable stand-ins. One instance per run; not shared across runs."""

    _seen: dict[str, str] = field(default_factory=dict)
    # scrub()'s answers while no secret was added since: a report says the same keys, ids and titles many
    # times (rla check's document, a table's lines), and an answer depends only on the text and `_seen`
    _done: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _done_at: int = field(default=0, repr=False, compare=False)  # len(_seen) when _done was last valid

    def stand_in(self, secret: str) -> str:
        if _STAND_IN.fullmatch(secret):
            return secret
        token = self._seen.get(secret)
        if token is None:
            token = f"«secret-{len(self._seen) + 1}»"
            self._seen[secret] = token
        return token

    def __call__(self, text: str) -> str:
        if not text or _MAY_HOLD.search(text) is None:
            return text
        return self._patterns(text)

    def _patterns(self, text: str) -> str:
        """Every free-text pattern applied, in order (what `__call__` does to a text that passes the gate)."""
        sub = self._sub
        text = _URL_PASSWORD.sub(sub, text)
        text = _AUTH_HEADER.sub(sub, text)
        text = _AWS_SECRET.sub(sub, text)
        text = _NAMED.sub(self._named, text)
        text = _CLI_FLAG.sub(sub, text)
        text = _BEARER.sub(sub, text)
        text = _URL_USERINFO.sub(sub, text)
        text = _BARE_USERINFO.sub(sub, text)
        text = _BARE_PASSWORD.sub(sub, text)
        text = _QUERY_SECRET.sub(sub, text)
        text = _AUTH_CMD.sub(sub, text)
        text = _AUTH_ARGS.sub(sub, text)
        for pattern in (_RENDER_KEY, _AWS_KEY, _JWT):
            text = pattern.sub(lambda m: self.stand_in(m.group(0)), text)
        return text

    def _sub(self, m: re.Match[str]) -> str:
        secret = m.group("secret")
        if not secret or _STAND_IN.fullmatch(secret) or _PLACEHOLDER.fullmatch(secret):
            return m.group(0)
        return m.group("head") + self.stand_in(secret)

    def _named(self, m: re.Match[str]) -> str:
        """A name=value pair: redacted when a word of the name says secret and the value is not a
        word that says the value is absent ("password: undefined" is a clue worth keeping)."""
        words = [w.lower() for w in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", m.group("name"))]
        while len(words) > 1 and (words[-1].isdigit() or words[-1] in _NAME_TAILS):
            words.pop()  # SECRET_KEY_BASE, REDIS_PASSWORD_2, authTokenValue
        # The name must END with a secret word: REDIS_PASSWORD, not redis-auth-failed (a rule id) or
        # PASSWORD_FILE (a path).
        keep = not words or not (words[-1] in _SECRET_WORDS or words[-1].endswith(_SECRET_ENDINGS))
        # "key: session:42", "auth: failed" are prose; "auth: 9f8e7d6c5b" is not
        keep = keep or (words in (["key"], ["auth"]) and m.group("sep") != "="
                        and not _TOKEN_LIKE.fullmatch(m.group("secret")))
        # "name": 4 — a JSON number is a count, and replacing it would break the document
        keep = keep or (bool(m.group("q")) and not m.group("vq") and _NUMBER.fullmatch(m.group("secret")) is not None)
        if keep:  # not a secret's value: it may still hold a pair of its own ("monkey: KEY=…")
            return m.group("head") + _NAMED.sub(self._named, m.group("secret"))
        if _NOT_SECRET.fullmatch(m.group("secret")) or _STAND_IN.search(m.group("secret")):
            return m.group(0)
        return self._sub(m)

    def add(self, secret: str | None) -> None:
        """Register a known secret (the API key in use) so it is hidden wherever it shows up."""
        if secret:
            self.stand_in(secret)

    def scrub(self, text: str) -> str:
        """Redact patterns, then any registered secret found verbatim."""
        if self._done_at != len(self._seen):  # a secret was added: an earlier answer may hold it verbatim
            self._done.clear()
            self._done_at = len(self._seen)
        done = self._done.get(text)
        if done is None:
            done = self._scrub(text)
            if self._done_at != len(self._seen):
                self._done.clear()
                self._done_at = len(self._seen)
            if len(self._done) < SCRUBS_KEPT:
                self._done[text] = done
        return done

    def _scrub(self, text: str) -> str:
        text = self(text)
        for secret, token in self._seen.items():
            if len(secret) >= 6 and secret in text:
                text = text.replace(secret, token)
        return text

    def tree(self, obj: T) -> T:
        """Every string inside a report's data (dataclasses, dicts, lists, tuples) redacted, keys
        included. Done BEFORE a format escapes the text: JSON's `\\"`, XML's `&amp;` or `&quot;`
        would hide a secret's shape from the patterns (`?a=1&amp;password=…`)."""
        kind = type(obj)  # the common types first, by identity: a report holds thousands of nodes
        if kind is str:
            return self.scrub(obj)  # type: ignore[arg-type, return-value]
        if kind is dict:
            return {self.tree(k): self.tree(v) for k, v in obj.items()}  # type: ignore[attr-defined, return-value]
        if kind is list:
            return [self.tree(v) for v in obj]  # type: ignore[attr-defined, return-value]
        if kind is tuple:
            return tuple([self.tree(v) for v in obj])  # type: ignore[attr-defined, return-value]
        if kind in _ATOMS:
            return obj
        if isinstance(obj, Msg):  # a text in every language: each one redacted, none lost to English
            return Msg.lazy(lambda lang, msg=obj: self.scrub(msg.tr(lang)))  # type: ignore[return-value]
        if isinstance(obj, str):
            return self.scrub(obj)  # type: ignore[return-value]
        if isinstance(obj, dict):
            return {self.tree(k): self.tree(v) for k, v in obj.items()}  # type: ignore[return-value]
        if isinstance(obj, (list, tuple)):
            return type(obj)(self.tree(v) for v in obj)  # type: ignore[return-value]
        if is_dataclass(obj) and not isinstance(obj, type):
            changes = {f.name: self.tree(getattr(obj, f.name)) for f in fields(obj) if f.init}
            return replace(obj, **changes)
        return obj

    def value(self, text: str) -> str:
        """Redact one configuration value (a URL however broken), then as free text."""
        if not text:
            return text
        sub = self._sub
        text = _VALUE_USERINFO.sub(sub, text)
        text = _VALUE_WORD_PORT.sub(lambda m: sub(m) if len(m.group("secret")) >= 8 else m.group(0), text)
        return self.scrub(text)


def redact(text: str) -> str:
    """One-off redaction (stand-ins numbered from 1 for this string alone). The API key of the
    environment (RENDER_API_KEY) is hidden verbatim too, whatever its shape."""
    import os

    r = Redactor()
    r.add(os.environ.get("RENDER_API_KEY", "").strip() or None)
    return r.scrub(text)


def redact_value(text: str) -> str:
    """One-off redaction of a configuration value (see `Redactor.value`)."""
    return Redactor().value(text)
