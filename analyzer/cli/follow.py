"""`rla follow`: a service's live logs, diagnosed as they arrive.

Registered in analyzer/cli/app.py with `app.command()(follow)`. Options, the API client and Render
API sentences are shared with `rla fetch` (analyzer/cli/fetch.py).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any, Optional

import typer

from analyzer.cli.api_common import (
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
    EXIT_INTERRUPTED,
    Format,
    Level,
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


# ----------------------------------------------------------------------------- follow

# Formats whose output is one document: no "new finding" line may come before it (a page that starts
# with log lines is no page), so they print the final report alone.
_DOCUMENTS = (Format.json, Format.html)


def follow(
    service: str = typer.Argument(..., help="Service ID (srv-…), service name, or Key Value ID (red-…).",
                                  show_default=False),
    level: Optional[list[str]] = _LEVEL,
    type: Optional[list[str]] = _TYPE,
    text: Optional[list[str]] = _TEXT,
    instance: Optional[list[str]] = _INSTANCE,
    for_: Optional[str] = typer.Option(None, "--for", help="Stop after this long (30s, 15m, 2h) and print the final "
                                       "diagnosis; the exit code then follows --fail-on.", show_default=False),
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
    """Follow a service's live logs and keep the diagnosis up to date; Ctrl-C prints the final one.

    \b
      rla follow srv-d1abc2def3ghi4jkl5mn
      rla follow my-backend --level error --format json > final.json
      rla follow my-backend --for 10m --fail-on error     # a bounded run, for CI

    Starts from the server's now (its last log), not this machine's clock. Render closes a live
    log socket after about a minute; rla reconnects at once and resumes from the last line seen,
    with no gap and no duplicate. On a terminal the verdict and table redraw in place, clipped to
    the terminal's height; otherwise one line per new finding (table/markdown). Ctrl-C or SIGTERM
    (timeout, docker stop) prints the final diagnosis in --format (json, html: only the final document)
    and exits 130; --for prints it when the time is up and exits as analyze does.
    """
    from analyzer.cli.common import exit_code, report_context
    from analyzer.i18n import said, t
    from analyzer.cli.interrupts import Interrupts, write_whole
    from analyzer.render.live import LogTail
    from analyzer.pipeline import Session
    from analyzer.sources.formats import record_from_api_log
    from analyzer.render.api import ConfigError, RenderAPIError, format_ns, label_filter, parse_duration

    language, ruleset = _setup(rules, lang)
    deadline: Optional[float] = None
    if for_ is not None:
        try:
            deadline = time.monotonic() + parse_duration(for_).total_seconds()
        except ValueError as exc:
            _fail(t("follow.error.for", language, value=for_, why=str(exc)), language)
    try:
        level_ok = label_filter(level or [])
    except ConfigError as exc:
        _fail(api_said(exc, language), language)
    client = api_client(api_key_file, api_url, language)
    tty = sys.stdout.isatty()
    err_tty = sys.stderr.isatty()
    with Interrupts() as stop, client:
        res = _resolve(client, service, owner, language)
        source = f"render:{res.id}"
        start_ns = _server_start(client, res, language)
        scope = scope_of(res, level, type, text, instance)
        scope.start = format_ns(start_ns)
        session = Session(ruleset, level=level_ok, scope=scope)
        client.register_secret(session.redactor)
        ctx = report_context(ruleset, language, unexplained, timeline)
        ctx.redactor = session.redactor
        status = {"text": t("follow.connecting", language)}
        printed = {"n": 0}
        shown: set[str] = set()  # rule ids printed as a "new finding" line

        def on_event(kind: str, text: str) -> None:
            status["text"] = said(text, language)

        # --level is applied after joining entries (Session.level): sent to the server, it would drop
        # the continuation lines that carry an error's code
        tail = LogTail(client, res.owner_id, [res.id], types=list(type or []), texts=list(text or []),
                       instances=list(instance or []), start=start_ns, ticks=True, tick=0.5, on_event=on_event)
        pending: list = []
        line_no = 0
        last_draw = last_flush = 0.0
        dirty = True
        error: Optional[RenderAPIError] = None
        interrupted = False
        stream = iter(tail)

        def take(log: dict) -> None:
            nonlocal line_no
            line_no += 1
            try:
                pending.append(record_from_api_log(log, source, line_no))
            except ValueError:
                session.problems.note(f"{source}:{line_no}")
            scope.end = log.get("timestamp") if isinstance(log.get("timestamp"), str) else scope.end

        def flush() -> None:
            nonlocal dirty
            if not pending:
                return
            with stop.deferred():  # a batch is fed whole: no entry half-counted by a Ctrl-C
                batch = list(pending)
                pending.clear()
                session.feed_records(batch, source, more=True)
            dirty = True
            if not tty and format not in _DOCUMENTS:
                printed["n"] += _print_new(session, shown, ruleset, language)

        def redraw() -> None:
            nonlocal last_draw, dirty
            from analyzer.report.dispatch import render

            diag = session.preview()
            # the live screen is text: JSON and HTML are written once, at the end
            body = render(diag, format.value if format in (Format.table, Format.markdown) else "table", ctx)
            head = t("follow.head", language, name=res.name, id=res.id, lines=_num(tail.stats.delivered, language),
                     reconnects=tail.stats.reconnects, status=status["text"]) + "\n\n"
            sys.stdout.write("\x1b[H\x1b[2J" + clip_frame(head + body, *_terminal(), language))
            sys.stdout.flush()
            last_draw, dirty = time.monotonic(), False

        try:
            if tty:
                redraw()
            for log in stream:
                if log is not None:
                    take(log)
                    if len(pending) < 200 and time.monotonic() - last_flush < 0.5:
                        continue
                flush()
                last_flush = time.monotonic()
                if deadline is not None and time.monotonic() >= deadline:
                    break
                if tty and dirty and time.monotonic() - last_draw >= 0.5:
                    redraw()
        except (KeyboardInterrupt, RuntimeError) as exc:
            # A Ctrl-C that lands while websockets' recv() joins its reader thread (a socket just closed)
            # can come out of CPython 3.11's Thread.join as "RuntimeError: release unlocked lock" instead
            # of KeyboardInterrupt: the signal was received all the same, so it is the same stop.
            if not isinstance(exc, KeyboardInterrupt) and not stop.received:
                raise
            interrupted = True
            with stop.deferred(reraise=False):
                for log in tail.drain():  # received before the Ctrl-C: read, so reported
                    take(log)
        except RenderAPIError as exc:
            error = exc
        finally:
            try:
                stream.close()  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001
                pass
        # From here on a second Ctrl-C (or SIGTERM) waits: the final report is computed and written
        # whole, then the run exits 130 (stdout holds a complete document, never half of one).
        with stop.deferred(reraise=False):
            flush()
            if error is not None and tail.stats.connections == 0:
                _fail(api_said(error, language), language)
            incomplete = None
            if error is not None:
                incomplete = t("follow.incomplete", language, why=api_said(error, language).rstrip("."))
            scope.logs = tail.stats.delivered
            diag = session.diagnosis(incomplete)
            from analyzer.report.dispatch import render

            out = render(diag, format.value, ctx)
            if tty:
                out = "\x1b[H\x1b[2J" + out
            elif format not in _DOCUMENTS and printed["n"]:
                out = "\n" + out
            write_whole(out)
            if err_tty:
                sys.stderr.write(t("follow.followed", language, lines=_num(tail.stats.delivered, language),
                                   n=tail.stats.connections) + "\n")
        interrupted = interrupted or bool(stop.received)
    if error is not None:
        _fail(api_said(error, language), language)
    raise typer.Exit(EXIT_INTERRUPTED if interrupted else exit_code(diag, fail_on))


def _terminal() -> tuple[int, int]:
    import shutil

    size = shutil.get_terminal_size((100, 24))
    return size.columns, size.lines


def clip_frame(frame: str, columns: int, rows: int, lang: str = "en") -> str:
    """The live frame cut to the terminal's height, so the top (head, verdict, root cause) stays on
    screen at every redraw instead of scrolling off; a last line says how much is not shown.
    Rows are counted as the terminal wraps them (visible width, colour codes ignored)."""
    import re

    from analyzer.i18n import t

    lines = frame.rstrip("\n").split("\n")
    columns, rows = max(columns, 20), max(rows, 3)

    def height(line: str) -> int:
        width = len(re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", line))
        return max(1, -(-width // columns))

    if sum(height(line) for line in lines) <= rows - 1:  # the last row stays free: nothing scrolls
        return "\n".join(lines)
    kept: list[str] = []
    used = 0
    for line in lines:
        if used + height(line) > rows - 2:  # one row for the note
            break
        kept.append(line)
        used += height(line)
    note = t("follow.clipped", lang, n=len(lines) - len(kept))[: columns - 1]
    return "\n".join(kept) + ("\x1b[0m" if "\x1b[" in frame else "") + "\n" + note


def _server_start(client: Any, res: Any, lang: str) -> int:
    """Where the live stream starts, in the server's time: just after its newest log, else its clock
    (the Date header), else this machine's, which, running ahead, made the stream skip every live
    log. A clock that is off is said on stderr."""
    from analyzer import clock
    from analyzer.render.api import RenderAPIError, ts_ns

    try:
        last = client.last_log_time(res.owner_id, [res.id])
    except RenderAPIError:
        last = None  # the stream itself will say what is wrong
    server = client.server_now()
    warn_clock_skew(client, lang, "follow.clock_then")
    if last is not None:
        try:
            return ts_ns(last) + 1
        except ValueError:
            pass
    return int((server or clock.now()).timestamp()) * 1_000_000_000


def _print_new(session: Any, shown: set[str], ruleset: Any, lang: str) -> int:
    """One line per finding not shown yet: time, severity, rule id, title. From the preview, so an
    entry still open at the end of a batch (the service then fell silent) is shown too."""
    diag = session.preview()
    new = sorted((f for f in diag.findings if f.rule_id not in shown), key=lambda f: f.first.line)
    for finding in new:
        shown.add(finding.rule_id)
        rule = ruleset.get(finding.rule_id)
        title = rule.text(lang).title if rule else finding.rule_id
        line = f"{finding.first.time or ''}  {finding.severity.label:<8} {finding.rule_id}  {title}".strip()
        sys.stdout.write(session.redactor.scrub(line) + "\n")
    sys.stdout.flush()
    return len(new)
