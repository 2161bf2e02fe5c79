"""`rla doctor`: the note's checklist for one service, or the offline lint of one URL.

Registered in analyzer/cli/app.py with `app.command()(doctor)`. Rendering of the checklist lives
here; the log-diagnosis part reuses analyzer.report. httpx is only imported by the API client,
so `rla doctor --redis-url …` never loads it and never touches the network.
"""

from __future__ import annotations

import json
import sys
import textwrap
from enum import Enum
from typing import Any, Optional

import typer

from analyzer.i18n import Msg as M
from analyzer.i18n import t, tr
from analyzer.model import Severity
from analyzer.urllint import ITEMS, CheckResult

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
OFFLINE_ITEMS = (2, 3, 4)
# Offline, items 3 and 4 can only be checked from the URL's shape: say so in their titles.
OFFLINE_TITLES = {3: M("doctor.offline.item.3"), 4: M("doctor.offline.item.4")}
SYMBOL = {"ok": "✅", "fail": "❌", "warn": "⚠️ ", "unknown": "? "}
SCHEMA = 1


class DoctorFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    github = "github"  # --blueprint only: annotations at the file and line
    sarif = "sarif"  # --blueprint only


class FailOn(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"
    critical = "critical"


class Use(str, Enum):
    cache = "cache"
    queue = "queue"
    store = "store"


def _die(message: str, lang: str = "en") -> None:
    """One clear sentence on stderr, exit 2, never a traceback."""
    from analyzer.urllint import redact_value

    sys.stderr.write(t("error.prefix", lang) + redact_value(str(tr(message, lang))).rstrip() + "\n")
    raise typer.Exit(EXIT_USAGE)


def doctor(
    service: Optional[str] = typer.Argument(
        None, help="Service ID (srv-…) or name. Omit it with --redis-url.", show_default=False
    ),
    redis_url: Optional[str] = typer.Option(
        None, "--redis-url",
        help="Lint this URL offline instead (no API, no key). '-' reads it from stdin (keeps it out of the "
             "shell history; one final newline is dropped).",
        show_default=False,
    ),
    blueprint: Optional[str] = typer.Option(
        None, "--blueprint",
        help="Check a Blueprint (render.yaml) offline instead: how each service gets the URL, regions, "
             "ipAllowList, maxmemoryPolicy, literal URLs. No API, no key.",
        show_default=False,
    ),
    var: str = typer.Option("REDIS_URL", "--var", help="Name of the variable that holds the Redis URL."),
    format: DoctorFormat = typer.Option(DoctorFormat.table, "--format", "-f", help="Output format."),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on",
                                   help="Exit 1 when a failed item is at least this severe ('?' never fails)."),
    since: str = typer.Option("1h", "--since", help="Log window for item 7 (30m, 2h, 1d)."),
    use: Optional[Use] = typer.Option(
        None, "--use", help="What the Key Value holds, for the maxmemory check: cache, queue (jobs) or store "
                            "(default: cache; with --blueprint, inferred from each service).", show_default=False),
    api_url: Optional[str] = typer.Option(None, "--api-url", help="Render API base URL (default: RENDER_HOST, "
                                          "else https://api.render.com/v1).", show_default=False),
    api_key_file: Optional[str] = typer.Option(None, "--api-key-file",
                                               help="File holding the API key (default: RENDER_API_KEY).",
                                               show_default=False),
    owner: Optional[str] = typer.Option(None, "--owner", help="Workspace ID (tea-…) to look the name up in.",
                                        show_default=False),
    lang: Optional[str] = typer.Option(None, "--lang", help="en or fr (default: RLA_LANG, then the locale).",
                                       show_default=False),
) -> None:
    """Run the Redis checklist of the troubleshooting note against a service, through the Render API.

    \b
      rla doctor srv-d1abc2def3ghi4jkl5mn
      rla doctor fylora-backend --since 2h
      rla doctor --redis-url "$REDIS_URL"          # offline: lint one URL
      printf %s "$REDIS_URL" | rla doctor --redis-url -
      rla doctor srv-… --format json               # for scripts and CI
      rla doctor --blueprint render.yaml -f github # offline: a Blueprint, as a PR check

    One line per item: ✅ ok, ❌ failed, ⚠️ warning, ? could not check (and why); failed items
    come with their cause and fix, then the log diagnosis of the window. Exit 1 when an item
    fails at or above --fail-on, 2 on usage errors.
    """
    from analyzer.cli.common import resolve_lang

    language = resolve_lang(lang)
    threshold = Severity.parse(fail_on.value)
    if blueprint is not None:
        if service or redis_url is not None:
            _die(M("bp.cli.with_service"), language)
        raise typer.Exit(_blueprint(blueprint, var, format.value, threshold, use.value if use else None, language))
    if format.value in ("github", "sarif"):
        _die(M("bp.cli.format_online", fmt=format.value), language)
    if redis_url is not None and service:
        _die(M("doctor.cli.both"), language)
    if redis_url is not None:
        raise typer.Exit(_offline(redis_url, var, format.value, threshold, language))
    if not service or not service.strip():
        _die(M("doctor.cli.none"), language)
    raise typer.Exit(_online(service.strip(), var=var, fmt=format.value, threshold=threshold, since=since,
                             use=use.value if use else "cache", api_url=api_url, api_key_file=api_key_file, owner=owner,
                             lang=language))


# --------------------------------------------------------------------------------------------
# the two modes
# --------------------------------------------------------------------------------------------


def _offline(value: str, var: str, fmt: str, threshold: Severity, lang: str = "en") -> int:
    from analyzer.render.doctor import new_redactor, worst_failure
    from analyzer.urllint import lint_redis_url, show_value

    if value == "-":
        value = sys.stdin.read()
        if value.endswith("\n"):
            value = value[:-1]
    redactor = new_redactor()
    results = lint_redis_url(value, var=var)
    from dataclasses import replace

    results = [replace(r, value=show_value(value, redactor)) if r.value is not None else r for r in results]
    for item in OFFLINE_ITEMS:
        if not any(r.item == item for r in results):
            results.append(CheckResult(f"item-{item}", item, "unknown", Severity.INFO,
                                       M("doctor.offline.after_item_2")))
    head = {"mode": "offline", "var": var, "value": show_value(value, redactor)}
    note = M("doctor.offline.note")
    _write(_render(fmt, head, results, OFFLINE_ITEMS, None, None, note, lang), redactor)
    return EXIT_FAILED if worst_failure(results, threshold) else EXIT_OK


def _blueprint(path: str, var: str, fmt: str, threshold: Severity, use: str | None, lang: str = "en") -> int:
    from analyzer.render.blueprint import BlueprintError, check_blueprint, load_blueprint
    from analyzer.render.blueprint_report import render_blueprint
    from analyzer.render.doctor import new_redactor, worst_failure

    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        _die(M("bp.error.read", path=path, why=getattr(exc, "strerror", None) or type(exc).__name__), lang)
    try:
        bp = load_blueprint(text, path)
    except BlueprintError as exc:
        _die(str(exc), lang)
    redactor = new_redactor()
    results = check_blueprint(bp, var=var, use=use, redactor=redactor)
    _write(render_blueprint(fmt, path, var, results, lang), redactor)
    return EXIT_FAILED if worst_failure(results, threshold) else EXIT_OK


def _online(ref: str, *, var: str, fmt: str, threshold: Severity, since: str, use: str, api_url: str | None,
            api_key_file: str | None, owner: str | None, lang: str = "en") -> int:
    from analyzer.cli.api_common import api_client, api_said  # the API client and sentences of every command
    from analyzer.render.doctor import gather, new_redactor, run_checks, worst_failure
    from analyzer.render.api import ConfigError, RenderAPIError, resolve_window

    try:
        resolve_window(since, None, None)
    except ConfigError as exc:
        _die(api_said(exc, lang), lang)
    client = api_client(api_key_file, api_url, lang)  # one retry policy for every command
    redactor = new_redactor()
    rules = _load_rules(lang)
    with client:
        try:
            res = client.resolve(ref, owner)
            if res.kind == "key_value":
                _die(M("doctor.cli.key_value", ref=ref), lang)
            svc = client.get_service(res.id)
        except RenderAPIError as exc:
            # Without the service every item would be "?" for the same reason: nothing can be
            # checked, so say that reason once and fail (an unreachable API, a 500 that lasted).
            _die(api_said(exc, lang), lang)
        if not isinstance(svc, dict):
            _die(M("doctor.cli.odd_answer", ref=ref), lang)
        progress = (lambda what: sys.stderr.write("\r\x1b[K" + t("doctor.cli.reading", lang, what=t(f"doctor.fetch.{what}", lang)))) \
            if sys.stderr.isatty() else None
        facts = gather(client, svc, var=var, since=since, use=use, rules=rules, redactor=redactor,
                       progress=progress)
        if progress:
            sys.stderr.write("\r\x1b[K")
    results = run_checks(facts)
    head = {
        "mode": "service",
        "service": {"id": svc.get("id"), "name": svc.get("name"), "type": svc.get("type"),
                    "region": (svc.get("serviceDetails") or {}).get("region"), "owner": svc.get("ownerId")},
        "var": var,
        "log_window": facts.log_window,
    }
    _write(_render(fmt, head, results, None, facts, rules, None, lang), redactor)
    if all(r.status == "unknown" for r in results):  # "?" alone never fails, but all of it is no answer
        sys.stderr.write(t("error.prefix", lang) + t("doctor.cli.nothing_checked", lang) + "\n")
        return EXIT_USAGE
    return EXIT_FAILED if worst_failure(results, threshold) else EXIT_OK


def _load_rules(lang: str = "en") -> Any:
    from analyzer.engine.packcache import cached_rules
    from analyzer.engine.rules import RuleError

    try:
        return cached_rules([])
    except RuleError as exc:  # pragma: no cover - the built-in pack is tested
        _die(str(exc), lang)


def _write(text: str, redactor: Any) -> None:
    from analyzer.cli.interrupts import write_whole

    scrub = getattr(redactor, "scrub", None)
    write_whole(scrub(text) if scrub else text)


# --------------------------------------------------------------------------------------------
# rendering
# --------------------------------------------------------------------------------------------


def _render(fmt: str, head: dict[str, Any], results: list[CheckResult], items: Any, facts: Any, rules: Any,
            note: str | None, lang: str = "en") -> str:
    """Every human text goes through tr(…, lang) here; ids, statuses and JSON keys stay English."""
    from analyzer.render.doctor import summarize

    summary = summarize(results, items)
    if head.get("mode") == "offline":
        for s in summary:
            s.title = OFFLINE_TITLES.get(s.item, s.title)
    for s in summary:
        s.title, s.message = str(tr(s.title, lang)), str(tr(s.message, lang))
    note = str(tr(note, lang)) if note else note
    if fmt == "json":
        return _render_json(head, summary, results, facts, rules, note, lang)
    if fmt == "markdown":
        return _render_markdown(head, summary, facts, rules, note, lang)
    return _render_table(head, summary, facts, rules, note, lang)


def _title(head: dict[str, Any], lang: str = "en") -> str:
    if head["mode"] == "offline":
        return t("doctor.title.offline", lang, var=head['var'], value=head['value'])
    s = head["service"]
    if "id" not in s:
        return f"rla doctor — {s['ref']}"
    bits = ", ".join(str(x) for x in (s.get("id"), s.get("type"), s.get("region")) if x)
    return t("doctor.title.service", lang, name=s.get('name'), bits=bits, var=head['var'])


DETAIL_LABELS = ("value", "cause", "fix")


def _details(r: CheckResult, lang: str = "en") -> list[tuple[str, str]]:
    out = []
    if r.value:
        out.append((t("doctor.label.value", lang), r.value))
    if r.cause:
        out.append((t("doctor.label.cause", lang), str(tr(r.cause, lang))))
    if r.fix:
        out.append((t("doctor.label.fix", lang), str(tr(r.fix, lang))))
    return out


def _wrap(label: str, text: str, width: int | None = None, lang: str = "en") -> list[str]:
    colon = t("colon", lang)
    pad = max(len(t(f"doctor.label.{k}", lang)) for k in DETAIL_LABELS) + len(colon)
    prefix = f"     {label + colon:<{pad}} "
    if width is None:
        from analyzer import terminal

        width = terminal.width()
    return textwrap.wrap(text, width=width, initial_indent=prefix, subsequent_indent=" " * len(prefix),
                         break_long_words=False, break_on_hyphens=False) or [prefix]


def _log_ctx(rules: Any, lang: str = "en") -> Any:
    from analyzer.cli.common import report_context

    return report_context(rules, lang)  # the one width policy, colour and display options


def _log_section(facts: Any, rules: Any, fmt: str, lang: str = "en") -> str:
    if facts is None:
        return ""
    window = tr(facts.log_window or M("doctor.window.recent"), lang)
    if facts.diagnosis is None:
        why = tr(facts.errors.get("logs", M("doctor.not_fetched")), lang)
        return t("doctor.logs.section_error", lang, window=window, why=why) + "\n"
    from analyzer.report.dispatch import render

    ctx = _log_ctx(rules, lang)
    if facts.redactor is not None:
        ctx.redactor = facts.redactor
    body = render(facts.diagnosis, fmt, ctx)
    colon = "" if fmt == "markdown" else t("colon", lang)
    return t("doctor.logs.section", lang, window=window, n=facts.log_count or 0, colon=colon) + f"\n\n{body}"


def _render_table(head: dict[str, Any], summary: list[Any], facts: Any, rules: Any, note: str | None,
                  lang: str = "en") -> str:
    lines = [_title(head, lang), ""]
    sparks = _sparks_allowed()
    for s in summary:
        lines.append(f" {SYMBOL[s.status]} {s.item}. {s.title}{t('colon', lang)} {s.message}")
        if sparks:
            lines += spark_lines(s.results)
    bad = [(s, r) for s in summary for r in s.results if r.status in ("fail", "warn")]
    if bad:
        lines += ["", t("doctor.wrong.title", lang) + t("colon", lang)]
        for s, r in bad:
            lines.append("")
            lines.append(f" {SYMBOL[r.status]} {s.item}. {tr(r.message, lang)}  [{r.severity.label}, {r.id}]")
            for label, text in _details(r, lang):
                lines += _wrap(label, text, lang=lang)
    if note:
        lines += ["", note]
    from analyzer import terminal

    out = terminal.fit("\n".join(lines), terminal.width()) + "\n"  # the one width policy, as every command
    section = _log_section(facts, rules, "table", lang)
    if section:
        out += "\n" + section
    return out


def _sparks_allowed() -> bool:
    """Sparklines only where they render: a colour terminal at least 100 columns wide."""
    import os
    import shutil

    return (sys.stdout.isatty() and "NO_COLOR" not in os.environ
            and shutil.get_terminal_size((80, 24)).columns >= 100)


def spark_lines(results: list[CheckResult]) -> list[str]:
    """One sparkline per metric figure (results whose data holds a series), under its item."""
    from analyzer.render.doctor_metrics import sparkline

    out = []
    for r in results:
        spark = (r.data or {}).get("spark")
        if spark:
            name = r.id.split(".", 1)[-1]
            out.append(f"      {name:<12} {sparkline(list(spark), 24, (r.data or {}).get('spark_top'))}")
    return out


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _render_markdown(head: dict[str, Any], summary: list[Any], facts: Any, rules: Any, note: str | None,
                     lang: str = "en") -> str:
    md = {"ok": "✅", "fail": "❌", "warn": "⚠️", "unknown": "❔"}
    lines = [f"### {_md(_title(head, lang))}", "",
             f"| | {t('doctor.col.item', lang)} | {t('doctor.col.result', lang)} |", "|---|---|---|"]
    for s in summary:
        lines.append(f"| {md[s.status]} | {s.item}. {_md(s.title)} | {_md(s.message)} |")
    bad = [(s, r) for s in summary for r in s.results if r.status in ("fail", "warn")]
    if bad:
        lines += ["", "#### " + t("doctor.wrong.title", lang), ""]
        value_label = t("doctor.label.value", lang)
        for s, r in bad:
            lines.append(f"- {md[r.status]} **{s.item}. {_md(str(tr(r.message, lang)))}** (`{r.id}`, {r.severity.label})")
            for label, text in _details(r, lang):
                lines.append(f"  - {label}{t('colon', lang)} {'`' + text + '`' if label == value_label else _md(text)}")
    if note:
        lines += ["", f"_{note}_"]
    out = "\n".join(lines) + "\n"
    section = _log_section(facts, rules, "markdown", lang)
    if section:
        out += "\n#### " + section
    return out


def _result_dict(r: CheckResult, lang: str = "en") -> dict[str, Any]:
    return {"id": r.id, "item": r.item, "status": r.status, "severity": r.severity.label,
            "message": tr(r.message, lang), "cause": tr(r.cause, lang) or None, "fix": tr(r.fix, lang) or None,
            "value": r.value, "data": r.data or {}}


def _render_json(head: dict[str, Any], summary: list[Any], results: list[CheckResult], facts: Any, rules: Any,
                 note: str | None, lang: str = "en") -> str:
    from analyzer import __version__

    doc: dict[str, Any] = {
        "schema": SCHEMA,
        "tool": {"name": "rla", "version": __version__, "command": "doctor"},
        **head,
        "checklist": [
            {"item": s.item, "title": s.title, "status": s.status, "severity": s.severity.label,
             "message": s.message, "results": [_result_dict(r, lang) for r in s.results]}
            for s in summary
        ],
        "counts": {st: sum(1 for s in summary if s.status == st) for st in ("ok", "fail", "warn", "unknown")},
    }
    if note:
        doc["note"] = note
    if facts is not None:
        doc["api_errors"] = {k: tr(v, lang) for k, v in facts.errors.items() if not k.endswith("_status")}
        if facts.diagnosis is not None:
            from analyzer.report import to_dict

            ctx = _log_ctx(rules, lang)
            doc["logs"] = {"window": tr(facts.log_window, lang), "lines": facts.log_count,
                           "diagnosis": to_dict(facts.diagnosis, ctx)}
        else:
            doc["logs"] = {"window": tr(facts.log_window, lang), "error": tr(facts.errors.get("logs"), lang)}
    return json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n"


__all__ = ["doctor", "ITEMS"]
