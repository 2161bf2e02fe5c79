"""What every command shares: the output formats and levels, the common options, exit codes, one
error style (`fail`), the rule pack, the report context, the exit code of a diagnosis, and delivery of
the report (`emit`, `deliver`). Commands import this module, never analyzer.cli.app: the app registers
the commands, the commands never import the app.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Callable, NoReturn, Optional

import typer


class Format(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"  # issue 18: one self-contained page (analyzer/report/html.py)
    github = "github"  # issue 6: CI formats (analyzer/report/ci.py and friends)
    junit = "junit"
    sarif = "sarif"


class Level(str, Enum):
    ok = "ok"
    info = "info"
    warning = "warning"
    error = "error"
    critical = "critical"
    unknown = "unknown"  # as error, and also when nothing could be told (nothing read, no Redis line)


class ScanEngine(str, Enum):
    local = "local"
    dask = "dask"  # issue 21: a Dask cluster (analyzer/cluster.py, extra rla[dask])


class InputFormat(str, Enum):
    auto = "auto"
    plain = "plain"
    dashboard = "dashboard"
    legacy = "legacy"
    rfc3339 = "rfc3339"
    cli_text = "cli-text"
    json = "json"
    syslog = "syslog"
    viewer = "viewer"


EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

RulesOpt = typer.Option(None, "--rules", help="Extra rule pack directory (repeatable); same ids override ours.")
FormatOpt = typer.Option(Format.table, "--format", "-f", help="Output format.")
FailOnOpt = typer.Option(
    None, "--fail-on", show_default=False,
    help="Exit 1 when a finding is at least this severe; 'unknown': also when nothing could be told "
    "(nothing read, no Redis line) [default: config fail-on, else error].",
)
OutputOpt = typer.Option(None, "--output", "-o", help="Write the report to this file instead of stdout.")
LangOpt = typer.Option(None, "--lang", help="en or fr (default: RLA_LANG, then the locale).", envvar=None)


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


# The display options every command takes (the others get them from analyzer.cli.display).
SelectOpt = typer.Option(None, "--select", help="Only these rule ids or prefixes (repeatable, or comma-separated).")
IgnoreOpt = typer.Option(None, "--ignore", help="Leave out these rule ids or prefixes (repeatable, or comma-separated).")
VerboseOpt = typer.Option(False, "--verbose", "-v", help="Every finding's cause and fix; how the input was read (stderr).")
ExplainOpt = typer.Option(False, "--explain", help="Every finding's cause and fix, not only the root cause's.")
QuietOpt = typer.Option(False, "--quiet", "-q", help="Print only the verdict (or the summary line).")
ColorOpt = typer.Option(Color.auto, "--color", help="Colours: auto (terminal, NO_COLOR, FORCE_COLOR), always, never.")
NoPagerOpt = typer.Option(False, "--no-pager", help="Never page long output (also: RLA_PAGER=cat).")
LocalTimeOpt = typer.Option(False, "--local-time", help="Show times in the local zone instead of UTC.")


def show(select, ignore, verbose, explain, quiet, color, no_pager, local_time) -> None:  # type: ignore[no-untyped-def]
    """Put a command's own display options where report_context() and emit() read them."""
    from analyzer.cli.display import set_display, split_ids

    set_display(select=split_ids(select) or None, ignore=split_ids(ignore) or None, verbose=verbose or None,
                explain=explain or None, quiet=quiet or None, color=color.value, pager=False if no_pager else None,
                local_time=local_time or None)


def fail(message: str, lang: str = "en") -> NoReturn:
    """One clear sentence on stderr, exit 2, never a traceback."""
    from analyzer.i18n import said, t
    from analyzer.redact import redact

    # said(): a catalogue message, or the English text of an exception raised with analyzer.i18n.error()
    sys.stderr.write(t("error.prefix", lang) + redact(said(message, lang)) + "\n")
    raise typer.Exit(EXIT_USAGE)


def resolve_lang(option: Optional[str]) -> str:
    from analyzer.i18n import detect_lang

    try:
        return detect_lang(option)
    except ValueError as exc:
        fail(str(exc), detect_lang(None))  # --lang xx: say it in the language of RLA_LANG / the locale


def project_config():  # type: ignore[no-untyped-def]
    """The project's configuration (analyzer.cli.config.find), read once per command line: the rule
    pack, the selection, the exit code and the report each ask for it, and each search walked up the
    folders and parsed pyproject.toml again. Kept in the Click context's meta, as the display options
    are; outside a command it is read afresh. A ConfigError is raised to each caller, as before."""
    from analyzer.cli.config import find
    from analyzer.cli.display import get_current_context

    ctx = get_current_context(silent=True)
    if ctx is None:
        return find()
    found = ctx.meta.get(_CONFIG)
    if found is None:
        found = ctx.meta[_CONFIG] = find()
    return found


_CONFIG = "rla.config"


def load_ruleset(extra: Optional[list[Path]], lang: str = "en"):  # type: ignore[no-untyped-def]
    from analyzer.cli.config import ConfigError
    from analyzer.i18n import t
    from analyzer.engine.packcache import cached_rules
    from analyzer.engine.rules import RuleError

    try:
        packs = [*project_config().rules, *(extra or [])]  # [tool.rla] / .rla.yaml packs, then --rules
        ruleset = cached_rules(list(dict.fromkeys(packs)))
    except (RuleError, ConfigError) as exc:
        fail(str(exc), lang)
    if packs:
        _refuse_slow_patterns(ruleset, [Path(p) for p in packs], lang)
    for rule_id in ruleset.overridden:
        sys.stderr.write(t("rules.overridden", lang, id=rule_id) + "\n")
    from analyzer.cli.collector import started

    started()  # the rule pack is the last of start-up: the garbage collector runs as usual from here
    return ruleset


def _refuse_slow_patterns(ruleset, packs: list[Path], lang: str) -> None:  # type: ignore[no-untyped-def]
    """A user pack's pattern that backtracks catastrophically ((a+)+$) would hang the run on one long
    line: time each of them on adversarial lines (`rla rules lint`'s probe, in a worker process that
    is killed past its budget) and refuse the pack with the file, line and reason. Ours are linted in CI."""
    from analyzer.engine.slowpatterns import ATTACK_LEN, TIME_BUDGET, slow_patterns

    roots = [p.resolve() for p in packs]
    mine: list[tuple[object, str]] = []
    for rule in ruleset.rules:
        path = Path(str(getattr(rule, "path", "") or "")).resolve()
        if any(path == root or root in path.parents for root in roots):
            for pattern in [*rule.patterns, *getattr(rule, "extract", [])]:
                mine.append((rule, getattr(pattern, "pattern", str(pattern))))
    if not mine:
        return
    slow = slow_patterns([p for _, p in mine], TIME_BUDGET, bounded=True)
    if not slow:
        return
    rule, pattern = mine[min(slow)]
    line = 1
    try:
        text = Path(str(rule.path)).read_text(encoding="utf-8")  # type: ignore[attr-defined]
        line = next((n for n, row in enumerate(text.splitlines(), 1) if pattern in row or repr(pattern)[1:-1] in row), 1)
    except OSError:
        pass
    fail(f"{rule.path}:{line}: rule {rule.id}: the pattern {pattern!r} takes over {TIME_BUDGET:g} s on a "  # type: ignore[attr-defined]
         f"{ATTACK_LEN:,}-character line (nested or adjacent repeats backtrack catastrophically); anchor it on "
         "literal text or make the repeats exclusive.", lang)


TimelineOpt = typer.Option(True, "--timeline/--no-timeline", help="Draw Redis errors over time (under the verdict; Mermaid in markdown; a chart in html).")


def report_context(ruleset, lang: str, unexplained: bool = True, timeline: bool = True):  # type: ignore[no-untyped-def]
    """The one width policy ($COLUMNS, else the terminal, else 80), colour and the display options."""
    from analyzer import terminal
    from analyzer.cli.display import display
    from analyzer.report import ReportContext

    shown = display()
    return ReportContext(
        ruleset,
        lang=lang,
        color=terminal.use_color(shown.color),
        width=terminal.width(),
        unexplained=unexplained,
        local_time=shown.local_time,
        explain=shown.explain or shown.verbose,
        timeline=timeline,
    )


def rule_filter(ruleset=None):  # type: ignore[no-untyped-def]
    """--select/--ignore, else the configuration's; a typo is refused with its closest rule id."""
    from analyzer.cli.display import did_you_mean, display
    from analyzer.cli.config import ConfigError, RuleFilter
    from analyzer.i18n import Msg

    shown = display()
    try:
        cfg = project_config()
    except ConfigError as exc:
        fail(str(exc))
    filt = RuleFilter(shown.select or cfg.select, shown.ignore or cfg.ignore)
    if ruleset is not None:
        known = [r.id for r in ruleset.rules]
        typo = filt.unknown(known)
        if typo:
            close = did_you_mean(typo, known, prefixes=True)
            fail(Msg("check.error.select_typo", id=typo) if close is None else Msg("error.select_typo_close", id=typo, close=close))
    return filt


def fail_level(option) -> str:  # type: ignore[no-untyped-def]
    """--fail-on, else the configuration's fail-on, else error."""
    if option is not None:
        return option.value if hasattr(option, "value") else str(option)
    from analyzer.cli.config import ConfigError

    try:
        return project_config().fail_on or "error"
    except ConfigError as exc:
        fail(str(exc))


def exit_code(diag, fail_on) -> int:  # type: ignore[no-untyped-def]
    from analyzer.model import Severity
    from analyzer.report import filtered, worst

    diag = filtered(diag, rule_filter().allows)
    level = fail_level(fail_on)
    if level == "unknown":
        if diag.verdict.state == "unknown":
            return EXIT_FINDINGS
        level = "error"
    top = worst(diag)
    return EXIT_FINDINGS if top is not None and top >= Severity.parse(level) else EXIT_OK


def emit(diag, fmt: Format, ctx, output: Optional[Path] = None) -> None:  # type: ignore[no-untyped-def]
    """Render and deliver: the selected rules only, -q the verdict alone, long output paged on a terminal."""
    from analyzer.cli.display import display
    from analyzer.report import filtered
    from analyzer.report.dispatch import render

    diag = filtered(diag, rule_filter().allows)
    shown = display()
    if output is not None:
        ctx.color = False  # no terminal colours in a file
    summary = (lambda: render(diag, "markdown", ctx)) if fmt.value == "github" else None
    text = render(diag, fmt.value, ctx)
    if shown.quiet and fmt.value == "table":
        text = text.split("\n\n", 1)[0].rstrip("\n") + "\n"  # the verdict and what was read
    deliver(text, output, summary, ctx.lang, pager=shown.pager and output is None)


def deliver(text: str, output: Optional[Path], summary: Optional[Callable[[], str]] = None, lang: str = "en",
            pager: bool = False) -> None:
    """Already-redacted text to -o FILE or stdout (through the pager when it is taller than the
    terminal); the markdown summary to $GITHUB_STEP_SUMMARY."""
    from analyzer import terminal
    from analyzer.i18n import Msg, t

    if output is not None and str(output) != "-":
        from analyzer.outfile import write_text

        try:
            write_text(Path(output), text)
        except OSError as exc:
            fail(Msg("check.error.cannot_write", path=output, why=exc.strerror or exc), lang)
    elif not (pager and terminal.page(text)):
        from analyzer.cli.interrupts import write_whole

        write_whole(text)  # whole or not at all, even with a second Ctrl-C during the write
    if summary is not None and os.environ.get("GITHUB_STEP_SUMMARY"):
        from analyzer.report.github import append_step_summary  # here: the CI modules only when writing for CI

        problem = append_step_summary(summary())
        if problem:
            sys.stderr.write(t("warning.prefix", lang) + f"{problem}\n")
