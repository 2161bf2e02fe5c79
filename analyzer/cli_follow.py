"""`rla follow`: a service's live logs, diagnosed as they arrive.

Registered in analyzer/cli.py with `app.command()(follow)`. Options, the API client and Render
API sentences are shared with `rla fetch` (analyzer/cli_fetch.py).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any, Optional

import typer

from analyzer.cli_fetch import (
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
    _client,
    _fail,
    _num,
    _resolve,
    _setup,
    api_said,
)


# ----------------------------------------------------------------------------- follow


def follow(
    service: str = typer.Argument(..., help="Service ID (srv-…), service name, or Key Value ID (red-…).",
                                  show_default=False),
    level: Optional[list[str]] = _LEVEL,
    type: Optional[list[str]] = _TYPE,
    text: Optional[list[str]] = _TEXT,
    instance: Optional[list[str]] = _INSTANCE,
    format: Format = _FORMAT,
    fail_on: Level = _FAIL_ON,
    rules: Optional[list[Path]] = _RULES,
    lang: Optional[str] = _LANG,
    unexplained: bool = _UNEXPLAINED,
    owner: Optional[str] = _OWNER,
    api_url: Optional[str] = _API_URL,
    api_key_file: Optional[str] = _KEY_FILE,
) -> None:
    """Follow a service's live logs and keep the diagnosis up to date; Ctrl-C prints the final one.

    \b
      rla follow srv-d1abc2def3ghi4jkl5mn
      rla follow my-backend --level error --format json > final.json

    Starts from now. Render closes a live log socket after about a minute; rla reconnects at
    once and resumes from the last line seen, with no gap and no duplicate. On a terminal the
    verdict and table redraw in place; otherwise one line per new finding (table/markdown) and,
    on Ctrl-C, the final diagnosis in --format (json: only the final document). Exit 130.
    """
    from analyzer.cli import emit, report_context
    from analyzer.i18n import said, t
    from analyzer.live import LogTail
    from analyzer.pipeline import Session
    from analyzer.sources.formats import record_from_api_log
    from analyzer.sources.render_api import RenderAPIError

    language, ruleset = _setup(rules, lang)
    client = _client(api_key_file, api_url, language)
    tty = sys.stdout.isatty()
    err_tty = sys.stderr.isatty()
    with client:
        res = _resolve(client, service, owner, language)
        source = f"render:{res.id}"
        session = Session(ruleset)
        client.register_secret(session.redactor)
        ctx = report_context(ruleset, language, unexplained)
        ctx.redactor = session.redactor
        status = {"text": t("follow.connecting", language)}
        printed = {"n": 0}

        def on_event(kind: str, text: str) -> None:
            status["text"] = said(text, language)

        tail = LogTail(client, res.owner_id, [res.id], levels=list(level or []), types=list(type or []),
                       texts=list(text or []), instances=list(instance or []), ticks=True, tick=0.5,
                       on_event=on_event)
        pending: list = []
        line_no = 0
        last_draw = last_flush = 0.0
        dirty = True
        error: Optional[RenderAPIError] = None
        stream = iter(tail)

        def flush() -> None:
            nonlocal dirty
            if not pending:
                return
            batch = list(pending)
            pending.clear()
            new = session.feed_records(batch, source)
            dirty = True
            if new and not tty and format != Format.json:
                printed["n"] += _print_new(new, batch, ruleset, language, session)

        def redraw() -> None:
            nonlocal last_draw, dirty
            from analyzer.report import render

            diag = session.diagnosis()
            body = render(diag, format.value if format != Format.json else "table", ctx)
            head = t("follow.head", language, name=res.name, id=res.id, lines=_num(tail.stats.delivered, language),
                     reconnects=tail.stats.reconnects, status=status["text"]) + "\n\n"
            sys.stdout.write("\x1b[H\x1b[2J" + head + body)
            sys.stdout.flush()
            last_draw, dirty = time.monotonic(), False

        try:
            if tty:
                redraw()
            for log in stream:
                if log is not None:
                    line_no += 1
                    try:
                        pending.append(record_from_api_log(log, source, line_no))
                    except ValueError:
                        session.problems.note(f"{source}:{line_no}")
                    if len(pending) < 200 and time.monotonic() - last_flush < 0.5:
                        continue
                flush()
                last_flush = time.monotonic()
                if tty and dirty and time.monotonic() - last_draw >= 0.5:
                    redraw()
        except KeyboardInterrupt:
            pass
        except RenderAPIError as exc:
            error = exc
        finally:
            try:
                stream.close()  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001
                pass
        flush()
        if error is not None and tail.stats.connections == 0:
            _fail(api_said(error, language), language)
        incomplete = None
        if error is not None:
            incomplete = t("follow.incomplete", language, why=api_said(error, language).rstrip("."))
        diag = session.diagnosis(incomplete)
        if tty:
            sys.stdout.write("\x1b[H\x1b[2J")
        elif format != Format.json and printed["n"]:
            sys.stdout.write("\n")
        emit(diag, format, ctx)  # type: ignore[arg-type]
        if err_tty:
            sys.stderr.write(t("follow.followed", language, lines=_num(tail.stats.delivered, language),
                               n=tail.stats.connections) + "\n")
    if error is not None:
        _fail(api_said(error, language), language)
    raise typer.Exit(EXIT_INTERRUPTED)


def _print_new(new_ids: list[str], batch: list, ruleset: Any, lang: str, session: Any) -> int:
    """One line per new finding: time, severity, rule id, title."""
    diag = session.diagnosis()
    by_id = {f.rule_id: f for f in diag.findings}
    for rule_id in dict.fromkeys(new_ids):
        rule = ruleset.get(rule_id)
        finding = by_id.get(rule_id)
        when = (finding.first.time if finding and finding.first.time else "") or ""
        sev = finding.severity.label if finding else (rule.severity.label if rule else "?")
        title = rule.text(lang).title if rule else rule_id
        line = f"{when}  {sev:<8} {rule_id}  {title}".strip()
        sys.stdout.write(session.redactor.scrub(line) + "\n")
    sys.stdout.flush()
    return len(new_ids)
