"""What the commands that read the Render API share (fetch, follow, doctor): their options, the API
client, retry notes, the scope of a query, and the API's sentences in the reader's language (`api_said`).
A module of its own so that no command imports another.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class Format(str, Enum):  # the same values as analyze's --format
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


class Level(str, Enum):  # the same values as analyze's --fail-on
    ok = "ok"
    info = "info"
    warning = "warning"
    error = "error"
    critical = "critical"
    unknown = "unknown"  # as error, and also when nothing could be told (an empty window)


# ----------------------------------------------------------------------------- shared options

_FORMAT = typer.Option(Format.table, "--format", "-f", help="Output format.")
# None: the configuration's fail-on (.rla.yaml, [tool.rla]), else error, as for analyze
_FAIL_ON = typer.Option(None, "--fail-on", show_default=False,
                        help="Exit 1 when a finding is at least this severe; 'unknown': also when nothing could "
                             "be told (default: the configuration's fail-on, else error).")
_RULES = typer.Option(None, "--rules", help="Extra rule pack directory (repeatable); same ids override ours.")
_LANG = typer.Option(None, "--lang", help="en or fr (default: RLA_LANG, then the locale).")
_LEVEL = typer.Option(None, "--level", help="Only these levels (repeatable; Render wildcards/regex work): "
                      "debug, info, notice, warning, error, critical, alert, emergency.", show_default=False)
_TYPE = typer.Option(None, "--type", help="Only these log types (repeatable): app, request, build.",
                     show_default=False)
_TEXT = typer.Option(None, "--text", help="Only logs whose text matches (repeatable; `*` wildcards, /regex/).",
                     show_default=False)
_INSTANCE = typer.Option(None, "--instance", help="Only this instance (repeatable), e.g. srv-…-t7v9k.",
                         show_default=False)
_OWNER = typer.Option(None, "--owner", envvar="RENDER_WORKSPACE",
                      help="Workspace ID (tea-…); default: the service's own (env RENDER_WORKSPACE).",
                      show_default=False)
_API_URL = typer.Option(None, "--api-url", help="Render API base URL (default: RENDER_HOST, else "
                        "https://api.render.com/v1).", show_default=False)
_KEY_FILE = typer.Option(None, "--api-key-file", help="File holding the API key (default: env RENDER_API_KEY).",
                         show_default=False)
_UNEXPLAINED = typer.Option(True, "--unexplained/--no-unexplained", help="List error lines no rule explains.")


def _fail(message: str, lang: str = "en") -> None:
    from analyzer.cli.common import fail

    fail(message, lang)


# Render API errors: analyzer/render/api.py raises one English sentence per failure. The
# reader's language is chosen here, by the error's class (and status) and the sentence's variable
# parts; a sentence not listed stays English. (class name, status, English pattern, catalogue key)
_API_SAID: list[tuple[str, Optional[int], str, str]] = [
    ("ConfigError", None, r"No Render API key: .*", "api.no_key"),
    ("ConfigError", None, r"Cannot read the API key file (?P<path>.+): (?P<why>[^:]+)\.", "api.key_file_unreadable"),
    ("ConfigError", None, r"The API key file (?P<path>.+) is empty\.", "api.key_file_empty"),
    ("ConfigError", None, r"The Render API key contains spaces or characters that cannot be sent in a header\.",
     "api.key_chars"),
    ("ConfigError", None, r"Use either --since or --start, not both\.", "api.since_and_start"),
    ("ConfigError", None, r"Bad time window: the start \((?P<start>[^)]+)\) is not before the end \((?P<end>[^)]+)\)\.",
     "api.window_order"),
    ("ConfigError", None, r"Logs before (?P<when>.+)Z are gone: .*, so ask for at most --since (?P<days>\d+)d "
     r"\(or less on smaller plans\)\.", "api.retention"),
    ("ConfigError", None, r"Refusing to send the API key over plain http:// to (?P<host>\S+): use https:// .*",
     "api.http_refused"),
    ("AuthError", 401, r"The Render API rejected the API key \(401\).*", "api.401"),
    ("ForbiddenError", 403, r"This API key has no access to that resource or workspace \(403\)(?P<detail>.*)\.",
     "api.403"),
    ("NotFoundError", 404, r"Not found on Render \(404\)(?P<detail>.*): check the service ID or name\.", "api.404"),
    ("BadRequestError", 400, r"The Render API rejected the request \(400\)(?P<detail>.*?); the window starts more than "
     r"7 days ago and .*\.", "api.400_old"),
    ("BadRequestError", 400, r"The Render API rejected the request \(400\)(?P<detail>.*)\.", "api.400"),
    ("RetriesExhausted", 429, r"The Render API kept answering 429 \(rate limited\) after (?P<n>\d+) waits\.", "api.429"),
    ("RetriesExhausted", None, r"The Render API failed (?P<n>\d+) times in a row \((?P<why>.*)\)\.", "api.failed_n"),
    ("RenderAPIError", None, r"The TLS connection to (?P<host>\S+) failed \((?P<why>.*)\); check --api-url .*", "api.tls"),
    ("RenderAPIError", None, r"The Render API answered (?P<status>\d+)(?P<detail>.*) for (?P<path>\S+)\.", "api.status"),
]


def api_said(exc: object, lang: str = "en") -> str:
    """A Render API error's sentence in `lang` (English: exactly as raised)."""
    import re

    from analyzer.i18n import said, t

    text = str(exc)
    if lang == "en":
        return text
    shown = said(text, lang)  # raised with analyzer.i18n.error (live.py)
    if shown != text:
        return shown
    names = {c.__name__ for c in type(exc).__mro__}
    for cls, status, pattern, key in _API_SAID:
        if cls in names and (status is None or getattr(exc, "status", None) == status):
            m = re.fullmatch(pattern, text, re.S)
            if m:
                return t(key, lang, **{k: v or "" for k, v in m.groupdict().items()})
    return text


def _num(n: int, lang: str) -> str:
    """1,234 in English, 1 234 in French."""
    return f"{n:,}".replace(",", "\u202f") if lang == "fr" else f"{n:,}"


def _setup(rules: Optional[list[Path]], lang: Optional[str]) -> tuple[str, Any]:
    from analyzer.cli.common import load_ruleset, resolve_lang

    language = resolve_lang(lang)
    return language, load_ruleset(rules, language)


def api_client(api_key_file: Optional[str], api_url: Optional[str], lang: str, **kw: Any) -> Any:
    """The API client of every command (fetch, follow, doctor): one retry policy (RLA_* knobs), and
    a note on stderr for each retry."""
    from analyzer.render.api import ConfigError, RetryPolicy, client_from_env

    try:
        return client_from_env(api_key_file, api_url, policy=RetryPolicy.from_env(), progress=RetryNotes(lang),
                               **kw)
    except ConfigError as exc:
        _fail(api_said(exc, lang), lang)


class RetryNotes:
    """The client's observer when there is no progress bar: one stderr line per retry, so a run
    that waits says why ("rla: 127.0.0.1:9 refused the connection; retrying (1/2)…")."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang

    def request(self) -> None: ...

    def waiting(self, seconds: float, reason: str) -> None: ...

    def page(self, logs: int, pages: int, covered_from: Optional[str], covered_to: Optional[str]) -> None: ...

    def retrying(self, attempt: int, of: int, why: str) -> None:
        from analyzer.i18n import t, tr

        sys.stderr.write(t("api.retrying", self.lang, why=tr(why, self.lang), n=attempt, max=of) + "\n")
        sys.stderr.flush()


def _resolve(client: Any, ref: str, owner: Optional[str], lang: str) -> Any:
    from analyzer.render.api import RenderAPIError

    try:
        return client.resolve(ref, owner)
    except RenderAPIError as exc:
        _fail(api_said(exc, lang), lang)
    except KeyboardInterrupt:
        raise typer.Exit(EXIT_INTERRUPTED) from None


def scope_of(res: Any, level: Optional[list[str]], type: Optional[list[str]], text: Optional[list[str]],
           instance: Optional[list[str]]) -> Any:
    """The report's account of what was read (service, filters); the window is filled by the caller.
    --level is applied by rla after joining entries (see Session.level), so it is not sent."""
    from analyzer.model import Scope

    sent = {k: list(v) for k, v in (("type", type), ("text", text), ("instance", instance)) if v}
    return Scope(res.name, res.id, filters=sent, after_join={"level": list(level)} if level else {})


CLOCK_SLACK = 5.0  # seconds: the Date header has whole seconds, and the request took some time


def warn_clock_skew(client: Any, lang: str, then_key: str) -> None:
    """A warning on stderr when this machine's "now" (analyzer.clock) and the API's (its last Date
    header) differ by more than CLOCK_SLACK; `then_key` says what that does to this command."""
    from analyzer import clock
    from analyzer.i18n import t

    server = client.server_now()
    if server is None:
        return
    skew = (clock.now() - server).total_seconds()
    if abs(skew) > CLOCK_SLACK:
        key = "api.clock_ahead" if skew > 0 else "api.clock_behind"
        sys.stderr.write(t("warning.prefix", lang) + t(key, lang, s=f"{abs(skew):.0f}", then=t(then_key, lang)) + "\n")
