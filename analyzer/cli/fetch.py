"""`rla fetch`: diagnose a service's logs straight from the Render API (the options, API client and
Render API sentences it shares with `rla follow` and `rla doctor` live in analyzer/cli/api_common.py).

Registered in analyzer/cli/app.py with `app.command()(fetch)`.
httpx and websockets are imported only when a command talks to the API, so `rla --help`
stays fast. The diagnosis goes through the same `Session` as `rla analyze`.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Optional

import typer

from analyzer.cli.api_common import (
    EXIT_INTERRUPTED,
    Format,
    Level,
    RetryNotes,
    _API_URL,
    _FAIL_ON,
    _FORMAT,
    _INSTANCE,
    _KEY_FILE,
    _LANG,
    _LEVEL,
    _OWNER,
    _RULES,
    _TEXT,
    _TYPE,
    _UNEXPLAINED,
    _fail,
    _num,
    _resolve,
    _setup,
    api_client,
    api_said,
    scope_of,
    warn_clock_skew,
)
from analyzer.cli.common import TimelineOpt




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


def _save(path: Path, logs: Iterable[dict], lang: str, redactor: Any = None) -> None:
    """JSON lines of the API's own log objects, in time order: what `rla analyze` reads back.

    Secrets are replaced by the report's stand-ins unless `redactor` is None (`--save-raw`).
    Atomic and regular files only (analyzer.outfile): never half-written, a link is written through,
    a device, FIFO or directory is refused. `logs` is read as it is written (a fetch's spool)."""

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
    timeline: bool = TimelineOpt,
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
                      instance, save, save_raw, format, fail_on, unexplained, stop, timeline)
    raise typer.Exit(EXIT_INTERRUPTED if stop.received else code)


def _fetch(client: Any, service: str, owner: Optional[str], language: str, ruleset: Any, t_start: Any, t_end: Any,
           level_ok: Any, level: Optional[list[str]], type: Optional[list[str]], text: Optional[list[str]],
           instance: Optional[list[str]], save: Optional[Path], save_raw: bool, format: Format, fail_on: Level,
           unexplained: bool, stop: Any, timeline: bool = True) -> int:
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
        result.close()
        _fail(api_said(result.error, language), language)
    from analyzer.redact import Redactor

    redactor = Redactor()
    client.register_secret(redactor)
    scope = scope_of(res, level, type, text, instance)
    scope.start, scope.end = format_dt(t_start), format_dt(t_end)
    with stop.deferred(reraise=False), result:  # a second Ctrl-C waits: the file and the report are written whole
        if save is not None:
            # a pass of its own, before the diagnosis, as when the logs were a list: the file's stand-ins
            # are numbered in file order, and the report's are the same ones
            if save_raw:
                sys.stderr.write(t("warning.prefix", language) + t("fetch.warning.save_raw", language, path=save) + "\n")
            _save(save, result.read(), language, None if save_raw else redactor)
        code = _diagnose_and_print(result, f"render:{res.id}", ruleset, language, format, unexplained, fail_on,
                                   client, redactor, level_ok, scope, timeline)
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
    return t("fetch.incomplete", lang, pages=result.pages, logs=_num(result.count, lang), why=why, gap=gap)


def _explain(error: Any, t_start: Any) -> Any:
    """A 400 for a window that reaches past a week is most likely the plan's log retention."""
    from datetime import timedelta

    from analyzer import clock
    from analyzer.render.api import RETENTION_TEXT, BadRequestError

    if isinstance(error, BadRequestError) and t_start < clock.now() - timedelta(days=7):
        return BadRequestError(f"{str(error).rstrip('.')}; the window starts more than 7 days ago and "
                               f"{RETENTION_TEXT}.", status=error.status)
    return error


def _diagnose_and_print(result: Any, source: str, ruleset: Any, lang: str, fmt: Format, unexplained: bool,
                        fail_on: Level, client: Any = None, redactor: Any = None, level_ok: Any = None,
                        scope: Any = None, timeline: bool = True) -> int:
    """The diagnosis of a fetch (`FetchResult`), its logs read back from the spool in batches."""
    from analyzer.cli.common import emit, exit_code, report_context
    from analyzer.pipeline import Session
    from analyzer.redact import Redactor

    session = Session(ruleset, redactor=Redactor() if redactor is None else redactor, level=level_ok, scope=scope)
    if client is not None:
        client.register_secret(session.redactor)
    session.feed_api_logs(result.read(), source)
    if scope is not None:
        scope.logs = result.count  # exact once read: copies of a log in pages far apart are dropped there
    diag = session.diagnosis(_incomplete(result, lang))
    ctx = report_context(ruleset, lang, unexplained, timeline)
    ctx.redactor = session.redactor
    emit(diag, fmt, ctx)  # type: ignore[arg-type]
    return exit_code(diag, fail_on)  # type: ignore[arg-type]
