"""`rla fetch`: diagnose a service's logs straight from the Render API (and the options, API client and
Render API sentences `rla follow` shares, analyzer/cli/follow.py).

Registered in analyzer/cli/app.py with `app.command()(fetch)`.
httpx and websockets are imported only when a command talks to the API, so `rla --help`
stays fast. The diagnosis goes through the same `Session` as `rla analyze`.
"""

from __future__ import annotations

import json
import os
import sys
import time
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
    from analyzer.cli.app import fail

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
    from analyzer.cli.app import load_ruleset, resolve_lang

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


# ----------------------------------------------------------------------------- progress bar


class _Bar:
    """Progress on stderr, for a terminal only: logs, pages, window covered, rate-limit waits."""

    def __init__(self, start_ns: int, end_ns: int, backward: bool, lang: str = "en") -> None:
        self.start_ns, self.end_ns, self.backward = start_ns, end_ns, backward
        self.lang = lang
        self.waits = False
        self.logs = self.pages = 0
        self.frac = 0.0
        self.note = ""
        self.covered = ""
        self._last = 0.0

    def request(self) -> None:
        if self.waits:
            self.note, self.waits = "", False
        self.draw()

    def retrying(self, attempt: int, of: int, why: str) -> None:
        """The retry note on its own line above the bar (the bar is drawn again after it)."""
        self.clear()
        RetryNotes(self.lang).retrying(attempt, of, why)
        self.draw(force=True)

    def waiting(self, seconds: float, reason: str) -> None:
        from analyzer.i18n import t

        why = self._reason(reason)
        if seconds >= 1:
            self.note = t("fetch.bar.waiting_s", self.lang, s=f"{seconds:.0f}", reason=why)
        else:
            self.note = t("fetch.bar.waiting", self.lang, reason=why)
        self.waits = True
        self.draw(force=True)

    def _reason(self, reason: str) -> str:
        """render_api's wait reasons ("rate limit", "retry 2/5: …") in the bar's language."""
        import re

        from analyzer.i18n import said, t

        if self.lang == "en":
            return reason
        if reason == "rate limit":
            return t("fetch.wait.rate_limit", self.lang)
        m = re.fullmatch(r"retry (\d+)/(\d+): (.*)", reason, re.S)
        if m:
            return t("fetch.wait.retry", self.lang, n=m.group(1), max=m.group(2), why=m.group(3))
        return said(reason, self.lang)

    def page(self, logs: int, pages: int, covered_from: str | None, covered_to: str | None) -> None:
        from analyzer.render.api import short_ts, ts_ns

        self.logs, self.pages = logs, pages
        try:
            span = max(1, self.end_ns - self.start_ns)
            if self.backward and covered_from:
                self.frac = (self.end_ns - ts_ns(covered_from)) / span
            elif covered_to:
                self.frac = (ts_ns(covered_to) - self.start_ns) / span
        except ValueError:
            pass
        self.frac = min(1.0, max(0.0, self.frac))
        self.covered = f"{short_ts(covered_from)[11:]}→{short_ts(covered_to)[11:]}" if covered_from else ""
        self.draw()

    def draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last < 0.1:
            return
        self._last = now
        width = 24
        full = int(self.frac * width)
        bar = "█" * full + "░" * (width - full)
        from analyzer.i18n import t

        counts = t("fetch.bar.counts", self.lang, logs=_num(self.logs, self.lang), pages=self.pages)
        text = f"{bar} {self.frac:4.0%}  {counts}"
        if self.covered:
            text += f" · {self.covered}"
        if self.note:
            text += f" · {self.note}"
        cols = _stderr_cols()
        from analyzer.redact import redact

        sys.stderr.write("\r\x1b[K" + redact(text)[: cols - 1])  # the note quotes what the API said
        sys.stderr.flush()

    def clear(self) -> None:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()


def _stderr_cols() -> int:
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


def _save(path: Path, logs: list[dict], lang: str, redactor: Any = None) -> None:
    """JSON lines of the API's own log objects: what `rla analyze` reads back.

    Secrets are replaced by the report's stand-ins unless `redactor` is None (`--save-raw`).
    Atomic and regular files only (analyzer.outfile): never half-written, a link is written through,
    a device, FIFO or directory is refused."""

    def clean(value: Any) -> Any:
        if redactor is None:
            return value
        if isinstance(value, str):
            return redactor.scrub(value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    from analyzer.outfile import atomic_text

    try:
        with atomic_text(path, private=True, parents=True) as fh:
            for log in logs:
                fh.write(json.dumps({k: clean(log[k]) for k in ("id", "timestamp", "message", "labels") if k in log},
                                    ensure_ascii=False) + "\n")
    except OSError as exc:
        from analyzer.i18n import Msg

        _fail(Msg("fetch.error.cannot_write", path=path, why=exc.strerror or exc), lang)


# ----------------------------------------------------------------------------- fetch


def fetch(
    service: str = typer.Argument(..., help="Service ID (srv-…), service name, or Key Value ID (red-…).",
                                  show_default=False),
    since: Optional[str] = typer.Option(None, "--since", help="How far back: 15m, 2h, 1d … (default 1h).",
                                        show_default=False),
    start: Optional[str] = typer.Option(None, "--start", help="Window start, RFC 3339 (2026-11-26T06:00:00Z).",
                                        show_default=False),
    end: Optional[str] = typer.Option(None, "--end", help="Window end, RFC 3339 (default: now).",
                                      show_default=False),
    level: Optional[list[str]] = _LEVEL,
    type: Optional[list[str]] = _TYPE,
    text: Optional[list[str]] = _TEXT,
    instance: Optional[list[str]] = _INSTANCE,
    save: Optional[Path] = typer.Option(None, "--save", help="Also write the raw logs here as JSON lines "
                                        "(`rla analyze FILE` gives the same diagnosis; with --level, every level is "
                                        "saved); secrets replaced by the report's stand-ins.", show_default=False),
    save_raw: bool = typer.Option(False, "--save-raw", help="With --save: keep the logs exactly as fetched, "
                                  "secrets included (a warning says so)."),
    format: Format = _FORMAT,
    fail_on: Optional[Level] = _FAIL_ON,
    rules: Optional[list[Path]] = _RULES,
    lang: Optional[str] = _LANG,
    unexplained: bool = _UNEXPLAINED,
    owner: Optional[str] = _OWNER,
    api_url: Optional[str] = _API_URL,
    api_key_file: Optional[str] = _KEY_FILE,
) -> None:
    """Fetch a service's logs from the Render API (every page of the window) and diagnose them.

    \b
      export RENDER_API_KEY=rnd_...
      rla fetch srv-d1abc2def3ghi4jkl5mn --since 2h
      rla fetch my-backend --start 2026-11-26T06:00:00Z --end 2026-11-26T07:00:00Z
      rla fetch srv-... --since 1d --save logs.jsonl   # later: rla analyze logs.jsonl

    Render keeps logs 7 days (Hobby), 14 (Professional) or 30 (Organization/Enterprise).
    Exit 0 ok, 1 findings at or above --fail-on, 2 API or usage error, 130 interrupted (Ctrl-C, SIGTERM); a run
    stopped half-way still diagnoses (and saves) what it fetched and says where it stopped.
    """
    from analyzer.i18n import Msg, t
    from analyzer.cli.interrupts import Interrupts
    from analyzer.render.api import ConfigError, label_filter, resolve_window

    language, ruleset = _setup(rules, lang)
    if save_raw and save is None:
        _fail(Msg("fetch.error.save_raw"), language)
    try:
        t_start, t_end = resolve_window(since, start, end)
        level_ok = label_filter(level or [])
    except ConfigError as exc:
        _fail(api_said(exc, language), language)
    client = api_client(api_key_file, api_url, language)
    with Interrupts() as stop:  # SIGTERM stops the fetch as Ctrl-C does; the final output is written whole
        code = _fetch(client, service, owner, language, ruleset, t_start, t_end, level_ok, level, type, text,
                      instance, save, save_raw, format, fail_on, unexplained, stop)
    raise typer.Exit(EXIT_INTERRUPTED if stop.received else code)


def _fetch(client: Any, service: str, owner: Optional[str], language: str, ruleset: Any, t_start: Any, t_end: Any,
           level_ok: Any, level: Optional[list[str]], type: Optional[list[str]], text: Optional[list[str]],
           instance: Optional[list[str]], save: Optional[Path], save_raw: bool, format: Format, fail_on: Level,
           unexplained: bool, stop: Any) -> int:
    from analyzer.i18n import t
    from analyzer.render.api import LogQuery, format_dt, ts_ns

    bar = None
    with client:
        res = _resolve(client, service, owner, language)
        warn_clock_skew(client, language, "fetch.clock_then")
        # --level is applied after joining entries (Session.level), not sent: the server would drop the
        # continuation lines that carry an error's code
        query = LogQuery(res.owner_id, [res.id], t_start, t_end, types=list(type or []),
                         texts=list(text or []), instances=list(instance or []))
        if sys.stderr.isatty():
            bar = _Bar(ts_ns(format_dt(t_start)), ts_ns(format_dt(t_end)), backward=query.direction == "backward",
                       lang=language)
            client.progress = bar
        result = client.fetch_logs(query)
        if bar:
            bar.clear()
    if result.error is not None:
        result.error = _explain(result.error, t_start)
    if result.error is not None and result.pages == 0:
        _fail(api_said(result.error, language), language)
    from analyzer.redact import Redactor

    redactor = Redactor()
    client.register_secret(redactor)
    scope = scope_of(res, level, type, text, instance)
    scope.start, scope.end, scope.logs = format_dt(t_start), format_dt(t_end), len(result.logs)
    with stop.deferred(reraise=False):  # a second Ctrl-C waits: the file and the report are written whole
        if save is not None:
            if save_raw:
                sys.stderr.write(t("warning.prefix", language) + t("fetch.warning.save_raw", language, path=save) + "\n")
            _save(save, result.logs, language, None if save_raw else redactor)
        code = _diagnose_and_print(result.logs, f"render:{res.id}", _incomplete(result, language), ruleset, language,
                                   format, unexplained, fail_on, client, redactor, level_ok, scope)
    if result.interrupted:
        return EXIT_INTERRUPTED
    if result.error is not None:
        _fail(api_said(result.error, language), language)
    return code


def _incomplete(result: Any, lang: str) -> Optional[str]:
    """The report's sentence for a window not fetched to the end (render_api's `incomplete`), in `lang`."""
    from analyzer.i18n import t
    from analyzer.render.api import short_ts

    if lang == "en" or result.incomplete is None:
        return result.incomplete
    if result.interrupted:
        why = t("fetch.incomplete.interrupted", lang)
    elif result.error:
        why = api_said(result.error, lang).rstrip(".")
    else:
        why = t("fetch.incomplete.stopped", lang)
    gap = ""
    if result.missing_start and result.missing_end:
        gap = t("fetch.incomplete.gap", lang, start=short_ts(result.missing_start), end=short_ts(result.missing_end))
    return t("fetch.incomplete", lang, pages=result.pages, logs=_num(len(result.logs), lang), why=why, gap=gap)


def _explain(error: Any, t_start: Any) -> Any:
    """A 400 for a window that reaches past a week is most likely the plan's log retention."""
    from datetime import timedelta

    from analyzer import clock
    from analyzer.render.api import RETENTION_TEXT, BadRequestError

    if isinstance(error, BadRequestError) and t_start < clock.now() - timedelta(days=7):
        return BadRequestError(f"{str(error).rstrip('.')}; the window starts more than 7 days ago and "
                               f"{RETENTION_TEXT}.", status=error.status)
    return error


def _diagnose_and_print(logs: list[dict], source: str, incomplete: Optional[str], ruleset: Any, lang: str,
                        fmt: Format, unexplained: bool, fail_on: Level, client: Any = None,
                        redactor: Any = None, level_ok: Any = None, scope: Any = None) -> int:
    from analyzer.cli.app import emit, exit_code, report_context
    from analyzer.pipeline import Session
    from analyzer.redact import Redactor
    from analyzer.sources.formats import records_from_api_logs

    session = Session(ruleset, redactor=Redactor() if redactor is None else redactor, level=level_ok, scope=scope)
    if client is not None:
        client.register_secret(session.redactor)
    session.feed_records(list(records_from_api_logs(logs, source)), source)
    diag = session.diagnosis(incomplete)
    ctx = report_context(ruleset, lang, unexplained)
    ctx.redactor = session.redactor
    emit(diag, fmt, ctx)  # type: ignore[arg-type]
    return exit_code(diag, fail_on)  # type: ignore[arg-type]
