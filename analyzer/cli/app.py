"""Typer commands: parse options, call the pipeline, choose the renderer. No logic here.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or input error,
130 interrupted (what was read so far is still diagnosed and printed).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Optional

import typer
import typer.core
from typer.core import TyperGroup

click = getattr(typer.core, "_click", None) or typer.core.click  # typer vendors click since 0.2x

from analyzer import __version__
from analyzer.clock import ClockError
from analyzer.cli.common import (
    Color,
    ColorOpt,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    ExplainOpt,
    FailOnOpt,
    Format,
    FormatOpt,
    IgnoreOpt,
    InputFormat,
    LangOpt,
    Level,
    LocalTimeOpt,
    NoPagerOpt,
    OutputOpt,
    QuietOpt,
    RulesOpt,
    ScanEngine,
    SelectOpt,
    TimelineOpt,
    VerboseOpt,
    emit,
    exit_code,
    fail,
    fail_level,
    load_ruleset,
    report_context,
    resolve_lang,
    rule_filter,
    show,
)


class LazyGroup(TyperGroup):
    """A command group whose commands listed in `lazy` are imported only when they run (or their own
    --help is asked): start-up pays for the command that runs, not for every command (issue 17).
    `lazy` maps a command name to (module, function, summary); the summary is the first paragraph of
    the function's docstring, shown by the group's --help (tests/test_cli_lazy.py keeps them equal)."""

    lazy: dict[str, tuple[str, str, str]] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:  # type: ignore[name-defined]
        # plain commands, then the lazy ones, then the sub-groups: the order of the help listing
        loaded = [n for n in self.commands if n not in self.lazy]
        groups = [n for n in loaded if isinstance(self.commands[n], TyperGroup)]
        return [*(n for n in loaded if n not in groups), *self.lazy, *groups]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            from analyzer.cli.display import add_display_options

            loaded = load_command(cmd_name, *self.lazy[cmd_name][:2])
            add_display_options(loaded)  # what `command()` gives the commands loaded up front
            self.commands[cmd_name] = loaded
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.commands.get(name) or typer.core.TyperCommand(name=name, help=self.lazy[name][2])
            if not cmd.hidden:
                rows.append((name, cmd))
        if rows:
            limit = formatter.width - 6 - max(len(name) for name, _ in rows)
            with formatter.section("Commands"):
                formatter.write_dl([(name, cmd.get_short_help_str(limit)) for name, cmd in rows])


def load_command(name: str, module: str, function: str) -> click.Command:
    """The click command typer makes of `module.function`, registered as `name`."""
    import importlib

    one = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
    one.command(name=name)(getattr(importlib.import_module(module), function))
    return typer.main.get_command(one)


class _Root(LazyGroup):
    lazy = {
        # analyze and rules list/show live in this module, lazy too: a command line builds only its own options
        "analyze": ("analyzer.cli.app", "analyze", "Diagnose Render logs from files or a paste."),
        "doctor": ("analyzer.cli.doctor", "doctor", "Run the Redis checklist of the troubleshooting note against a "
                   "service, through the Render API."),  # issue 5
        "fetch": ("analyzer.cli.fetch", "fetch", "Fetch a service's logs from the Render API (every page of the "
                  "window) and diagnose them."),  # issue 4
        "follow": ("analyzer.cli.follow", "follow", "Follow a service's live logs and keep the diagnosis up to date; "
                   "Ctrl-C prints the final one."),  # issue 4
        "check": ("analyzer.cli.check", "check", "Gate CI on log samples: fail on findings, on expectation "
                  "mismatches, or on new findings."),  # issue 6
    }


class _Rules(LazyGroup):
    lazy = {
        "list": ("analyzer.cli.app", "rules_list", "List the rules, grouped by topic, with their severity and title."),
        "show": ("analyzer.cli.app", "rules_show", "Show one rule: cause, fix, the lines it matches and does not match."),
        "test": ("analyzer.cli.check", "rules_test", "Every rule matches its examples.match lines, none of its "
                 "examples.no_match lines, and no\nexample line triggers a more severe rule elsewhere unless "
                 "declared (examples.also)."),  # issue 6
        "lint": ("analyzer.cli.check", "rules_lint", "Schema, unknown keys, regex dialect, duplicate ids, references, "
                 "missing examples and\nslow (catastrophically backtracking) patterns."),  # issue 6
        "export": ("analyzer.cli.export", "rules_export", "Export the detecting rules as Sigma rules, or as "
                   "Loki/Elastic/OpenSearch/Splunk alerts."),  # issue 20
    }


app = typer.Typer(
    cls=_Root,
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="rla: paste or fetch Render logs, get the Redis diagnosis with cause and fix.",
)
rules_app = typer.Typer(cls=_Rules, no_args_is_help=True, help="List, show, test and lint diagnosis rules.")
app.add_typer(rules_app, name="rules")


def analyze(
    paths: Optional[list[str]] = typer.Argument(
        None, help="Log files, globs or directories; '-' or nothing reads stdin.", show_default=False
    ),
    format: Format = FormatOpt,
    fail_on: Level = FailOnOpt,
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help="Force one line format."),
    rules: Optional[list[Path]] = RulesOpt,
    lang: Optional[str] = LangOpt,
    unexplained: bool = typer.Option(True, "--unexplained/--no-unexplained", help="List error lines no rule explains."),
    output: Optional[Path] = OutputOpt,
    select: Optional[list[str]] = SelectOpt,
    ignore: Optional[list[str]] = IgnoreOpt,
    verbose: bool = VerboseOpt,
    explain: bool = ExplainOpt,
    quiet: bool = QuietOpt,
    color: Color = ColorOpt,
    no_pager: bool = NoPagerOpt,
    local_time: bool = LocalTimeOpt,
    timeline: bool = TimelineOpt,
    engine: ScanEngine = typer.Option(
        ScanEngine.local, "--engine", help="Where to scan: local (this machine's cores) or dask (a Dask cluster; rla[dask])."
    ),
    cluster: Optional[str] = typer.Option(
        None, "--cluster", metavar="ADDRESS", help="A Dask scheduler (tcp://host:8786); implies --engine dask.", show_default=False
    ),
) -> None:
    """Diagnose Render logs from files or a paste.

    \b
      rla analyze render-logs.txt
      pbpaste | rla analyze
      rla analyze logs/*.log --format json
      rla analyze 'archive/**/*.jsonl.gz' --engine dask
    """
    from analyzer.i18n import said, t
    from analyzer.pipeline import Session
    from analyzer.sources.files import InputError, Problems, read_sources

    language = resolve_lang(lang)
    show(select, ignore, verbose, explain, quiet, color, no_pager, local_time)
    ruleset = load_ruleset(rules, language)
    rule_filter(ruleset)  # a --select typo is refused before anything is read
    targets = list(paths or ["-"])
    if targets == ["-"] and sys.stdin.isatty():
        sys.stderr.write(t("paste.hint", language) + "\n")
    on_cluster = engine is ScanEngine.dask or cluster is not None
    if on_cluster:
        from analyzer import cluster as dask_engine  # only here: a plain run never imports dask

        if not dask_engine.available():
            fail(t("cluster.missing", language, extra=dask_engine.EXTRA), language)
        if "-" in targets:
            fail(t("cluster.stdin", language), language)
    session = Session(ruleset, input_format.value)
    session.redactor.add(os.environ.get("RENDER_API_KEY", "").strip() or None)  # hidden even in a pasted log
    problems: Problems = session.problems
    started = time.perf_counter()
    incomplete = None
    code = EXIT_OK
    try:
        if on_cluster:
            try:
                dask_engine.run(session, targets, cluster, progress=dask_engine.progress_printer(verbose, language))
            except OSError as exc:  # no scheduler at that address (distributed raises OSError on timeout)
                fail(t("cluster.unreachable", language, address=cluster or "127.0.0.1", why=exc), language)
        else:
            for block in read_sources(targets, problems):
                session.feed_block(block)
    except InputError as exc:
        fail(str(exc), language)
    except KeyboardInterrupt:
        incomplete = t("interrupted", language)
        code = EXIT_INTERRUPTED
    for skipped in problems.skipped:
        sys.stderr.write(session.redactor.scrub(f"rla: {t('summary.skipped', language, what=skipped)}") + "\n")
    for note in problems.notes:
        sys.stderr.write(session.redactor.scrub(f"rla: {t('summary.note', language, what=said(note, language))}") + "\n")
    diag = session.diagnosis(incomplete)
    if not diag.stats.sources:  # nothing read: name what was asked for ("read 0 lines from x.log")
        diag.stats.sources = ["<stdin>" if p == "-" else p for p in targets]
    if verbose:
        sys.stderr.write(session.redactor.scrub(session.describe(time.perf_counter() - started)) + "\n")
    ctx = report_context(ruleset, language, unexplained, timeline)
    ctx.redactor = session.redactor
    ctx.fail_on = fail_level(fail_on)
    emit(diag, format, ctx, output)
    raise typer.Exit(code or exit_code(diag, fail_on))


def rules_list(
    rules: Optional[list[Path]] = RulesOpt,
    lang: Optional[str] = LangOpt,
) -> None:
    """List the rules, grouped by topic, with their severity and title."""
    from analyzer.i18n import t
    from analyzer.terminal import columns

    language = resolve_lang(lang)
    ruleset = load_ruleset(rules, language)
    by_topic: dict[str, list] = {}
    for rule in ruleset.rules:
        by_topic.setdefault(rule.topic or "-", []).append(rule)
    out = []
    for topic in sorted(by_topic):
        group = sorted(by_topic[topic], key=lambda r: r.id)
        out.append(f"{topic} ({len(group)})")
        rows = [[r.id, r.severity.label, r.text(language).title] for r in group]
        table = columns(rows)
        if table is None:
            from tabulate import tabulate

            table = tabulate(rows, tablefmt="plain", disable_numparse=True)
        out.append(table)
        out.append("")
    out.append(t("rules.count", language, n=len(ruleset.rules)))
    _page("\n".join(out) + "\n")


def rules_show(
    rule_id: str = typer.Argument(..., help="A rule id, e.g. redis-econnrefused."),
    rules: Optional[list[Path]] = RulesOpt,
    lang: Optional[str] = LangOpt,
) -> None:
    """Show one rule: cause, fix, the lines it matches and does not match."""
    from analyzer.i18n import t

    language = resolve_lang(lang)
    ruleset = load_ruleset(rules, language)
    rule = ruleset.get(rule_id)
    if rule is None:
        from analyzer.cli.display import did_you_mean

        close = did_you_mean(rule_id, [r.id for r in ruleset.rules])
        fail(t("rules.unknown_close", language, id=rule_id, close=close) if close else t("rules.unknown", language, id=rule_id), language)
    texts = rule.text(language)
    out = [
        f"{rule.id}  ({rule.severity.label}, {rule.kind}{', ' + rule.topic if rule.topic else ''})",
        texts.title,
        "",
        t("rules.cause", language) + t("colon", language),
        "  " + texts.cause,
        "",
        t("rules.fix", language) + t("colon", language),
        *[f"  • {s}" for s in texts.solution],
    ]
    if texts.elsewhere:  # the same fix for a log from another platform or one that shows none
        out += ["", t("rules.fix_elsewhere", language) + t("colon", language), *[f"  • {s}" for s in texts.elsewhere]]
    if texts.after_fix:  # what a linked finding of this rule leaves once its root cause is fixed
        out += ["", t("rules.after_fix", language) + t("colon", language), *[f"  • {s}" for s in texts.after_fix]]
    if rule.docs:
        out += ["", t("rules.docs", language) + t("colon", language) + " " + " ".join(rule.docs)]
    if rule.patterns:
        out += ["", t("rules.patterns", language) + t("colon", language), *[f"  {p.pattern}" for p in rule.patterns]]
    # examples are pasted log lines: a user's pack may carry a real password or key in one
    from analyzer.redact import redact

    if rule.examples_match:
        out += ["", t("rules.examples_match", language) + t("colon", language), *[f"  {redact(e)}" for e in rule.examples_match]]
    if rule.examples_no_match:
        out += ["", t("rules.examples_no_match", language) + t("colon", language), *[f"  {redact(e)}" for e in rule.examples_no_match]]
    out += ["", f"{rule.path}"]
    _page("\n".join(out) + "\n")


def _page(text: str) -> None:
    """Human text of a command that is not a diagnosis (rules list/show), fitted to the width and paged."""
    from analyzer import terminal
    from analyzer.cli.display import display

    text = terminal.fit(text, terminal.width())
    if not (display().pager and terminal.page(text)):
        sys.stdout.write(text)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rla {__version__}")
        raise typer.Exit()


def version_report() -> str:
    """`rla --version --verbose`: the version, the interpreter and the prefilter engine a big log
    gets here (RLA_ENGINE honoured), with the engines installed and the ones missing."""
    import platform

    from analyzer.engine.prefilter import ENGINES, available, engine_version

    here = available()
    chosen = os.environ.get("RLA_ENGINE", "").strip() or "auto"
    runs = next((e for e in ENGINES if e in here), "python") if chosen == "auto" else chosen
    lines = [
        f"rla {__version__}",
        f"python {platform.python_version()} ({platform.python_implementation()}, {platform.machine()}): {sys.executable}",
        f"engine: {runs}" + (f" (RLA_ENGINE={chosen})" if chosen != "auto" else ""),
    ]
    for name in ENGINES:
        state = engine_version(name) if name in here else "not installed"
        lines.append(f"  {name}: {state}")
    return "\n".join(lines)


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version; with --verbose, also the search engine in use."),
    debug: bool = typer.Option(False, "--debug", help="On an unexpected error, show the (redacted) traceback "
                               "for a bug report; also accepted after the command, or as RLA_DEBUG=1."),
) -> None:
    """rla: the Render log analyzer."""


def _take_debug(argv: list[str]) -> tuple[list[str], bool]:
    """`--debug` anywhere before a `--` (global or per command) -> (argv without it, True)."""
    end = argv.index("--") if "--" in argv else len(argv)
    found = "--debug" in argv[:end]
    return [a for i, a in enumerate(argv) if not (a == "--debug" and i < end)], found


def crash_report(exc: BaseException, debug: bool) -> str:
    """What an unexpected exception shows: one redacted sentence, and with --debug the redacted
    traceback. The API key in the environment is hidden verbatim whatever its shape."""
    import traceback

    from analyzer.redact import Redactor

    redactor = Redactor()
    redactor.add(os.environ.get("RENDER_API_KEY", "").strip() or None)
    name = type(exc).__name__
    text = str(exc).strip().splitlines()
    head = f"rla: internal error: {name}" + (f": {text[0][:300]}" if text else "")
    if debug:
        body = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return redactor.scrub(body.rstrip() + "\n" + head + "\n")
    return redactor.scrub(head) + ". This is a bug in rla: run the command again with --debug and report the " \
                                  "(redacted) traceback.\n"


def command():  # type: ignore[no-untyped-def]
    """The Click command of the whole CLI, every subcommand with the shared display options."""
    from analyzer.cli.display import add_display_options

    cmd = typer.main.get_command(app)
    add_display_options(cmd)
    return cmd


def run(argv: list[str]) -> int:
    """Run one command line; a usage error is one sentence (`rla: error: …`), exit 2."""
    from analyzer.cli.display import click_exceptions as exc_types, usage_error

    try:
        code = command().main(args=argv, prog_name="rla", standalone_mode=False)
    except exc_types.NoArgsIsHelpError as exc:  # `rla` alone: the help, as before
        sys.stdout.write(exc.ctx.get_help() + "\n")
        return EXIT_OK
    except exc_types.UsageError as exc:
        from analyzer.i18n import detect_lang

        sys.stderr.write(usage_error(exc, _lang_or_en(detect_lang)) + "\n")
        return EXIT_USAGE
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        return EXIT_INTERRUPTED
    except exc_types.ClickException as exc:
        sys.stderr.write(f"rla: error: {exc.format_message()}\n")
        return EXIT_USAGE
    return code if isinstance(code, int) else EXIT_OK


def _lang_or_en(detect) -> str:  # type: ignore[no-untyped-def]
    try:
        return detect(None)
    except ValueError:
        return "en"


def main() -> None:
    from analyzer.cli.interrupts import sigterm_is_ctrl_c

    argv, debug = _take_debug(sys.argv[1:])
    debug = debug or os.environ.get("RLA_DEBUG", "") not in ("", "0")
    sigterm_is_ctrl_c()  # `timeout`, `docker stop`, a cancelled CI job: what was read is still printed
    if sorted(argv) == ["--verbose", "--version"]:  # `rla --version --verbose`
        sys.stdout.write(version_report() + "\n")
        sys.exit(EXIT_OK)
    try:
        sys.exit(run(argv))
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except SystemExit:
        raise
    except ClockError as exc:  # a bad RLA_NOW is the user's setting, not a bug
        sys.stderr.write(f"rla: error: {exc}\n")
        sys.exit(EXIT_USAGE)
    except BrokenPipeError:  # `rla … | head`: the reader left; nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_OK)
    except Exception as exc:  # noqa: BLE001 - never a raw traceback: one sentence, --debug for the rest
        sys.stderr.write(crash_report(exc, debug))
        sys.exit(EXIT_USAGE)
