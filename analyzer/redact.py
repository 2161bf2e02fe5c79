"""Secrets out of every string that leaves the process.

Every output path (reports, errors, saved files, progress) passes its text through a `Redactor`.
The same secret always becomes the same stand-in («secret-1», «secret-2» …) within one run, so
counts and correlations survive redaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# scheme://user:password@host -> keep scheme, user and host; hide the password. The password runs
# to the LAST "@" of the URL: an unencoded "@" or "#" inside it must not leak the rest.
_URL_PASSWORD = re.compile(
    r"(?P<head>\b[a-zA-Z][a-zA-Z0-9+.\-]{1,20}://[^\s:/@'\"]*:)(?P<secret>[^\s'\"]+)(?=@[^\s@'\"]*(?:[\s'\"]|$))"
)
_RENDER_KEY = re.compile(r"\brnd_[A-Za-z0-9]{8,}\b")
_AWS_KEY = re.compile(r"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b")
_JWT = re.compile(r"\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\b")
_AUTH_HEADER = re.compile(r"(?i)(?P<head>\bauthorization\s*[:=]\s*(?:bearer\s+|basic\s+|token\s+)?)(?P<secret>[^\s'\",]+)")
_PAIR = re.compile(
    r"(?i)(?P<head>\b(?:password|passwd|pwd|secret|api[_-]?key|token|access[_-]?key)\s*[=:]\s*['\"]?)"
    r"(?P<secret>[^\s'\",;&]+)"
)
# Secrets shown inside a redis AUTH command echoed by a client ("AUTH default s3cret").
_AUTH_CMD = re.compile(
    r"(?P<head>\bAUTH\s+(?:default\s+)?)(?P<secret>(?!called\b|failed\b|[A-Z_]+\b)[^\s'\",:<>]{6,})(?!:)"
)


# ioredis prints the failing command with its arguments: { name: 'auth', args: [ 'default', 'pw' ] }.
_AUTH_ARGS = re.compile(r"(?P<head>name: '(?i:auth|hello)',\s*args: \[[^\]]*?')(?P<secret>[^']+)(?='\s*\])")


@dataclass
class Redactor:
    """Replaces secrets with stable stand-ins. One instance per run; not shared across runs."""

    _seen: dict[str, str] = field(default_factory=dict)

    def stand_in(self, secret: str) -> str:
        if secret.startswith("«secret-"):
            return secret
        token = self._seen.get(secret)
        if token is None:
            token = f"«secret-{len(self._seen) + 1}»"
            self._seen[secret] = token
        return token

    def __call__(self, text: str) -> str:
        if not text:
            return text
        sub = self._sub
        text = _URL_PASSWORD.sub(sub, text)
        text = _AUTH_HEADER.sub(sub, text)
        text = _PAIR.sub(sub, text)
        text = _AUTH_CMD.sub(sub, text)
        text = _AUTH_ARGS.sub(sub, text)
        for pattern in (_RENDER_KEY, _AWS_KEY, _JWT):
            text = pattern.sub(lambda m: self.stand_in(m.group(0)), text)
        return text

    def _sub(self, m: re.Match[str]) -> str:
        return m.group("head") + self.stand_in(m.group("secret"))

    def add(self, secret: str | None) -> None:
        """Register a known secret (the API key in use) so it is hidden wherever it shows up."""
        if secret:
            self.stand_in(secret)

    def scrub(self, text: str) -> str:
        """Redact patterns, then any registered secret found verbatim."""
        text = self(text)
        for secret, token in self._seen.items():
            if len(secret) >= 6 and secret in text:
                text = text.replace(secret, token)
        return text


def redact(text: str) -> str:
    """One-off redaction (stand-ins numbered from 1 for this string alone)."""
    return Redactor().scrub(text)
