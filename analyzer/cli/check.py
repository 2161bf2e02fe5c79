"""`rla check PATHS`: the CI gate over log samples, and `rla rules test` / `rla rules lint`.

check runs the same pipeline as `analyze` once per file and gates the run three ways:
  severity   (default) a finding at or above --fail-on fails;
  expect     --expect FILE: each sample must give exactly its expected findings (pending: skipped);
  baseline   --baseline FILE: only findings not recorded by --write-baseline fail.
Exit 0/1/2 as analyze in every output format; --exit-zero keeps 0 unless a file cannot be read.
"""

from __future__ import annotations

import json
import os
import sys
import zlib
from pathlib import Path
from typing import Any, Optional

import typer

from analyzer.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    Format,
    InputFormat,
    LangOpt,
    Level,
    OutputOpt,
    RulesOpt,
    TimelineOpt,
    deliver,
    fail,
    load_ruleset,
    project_config,
    report_context,
    resolve_lang,
)
from analyzer.i18n import Msg, error, said, t, tr

BASELINE_VERSION = 1



def _split(values: Optional[list[str]]) -> tuple[str, ...]:
    return tuple(v.strip() for raw in values or [] for v in raw.split(",") if v.strip())


# ---- baselines --------------------------------------------------------------------------------


def _key_path(path: str, base: Path) -> str:
    """A sample's path relative to the baseline file's folder, so the baseline works from any cwd."""
    if path == "<stdin>":
        return path
    return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()


def read_baseline(path: Path) -> list[dict[str, Any]]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(error("check.baseline.no_file", path=path)) from None
    except OSError as exc:
        raise ValueError(error("check.baseline.unreadable", path=path, why=exc.strerror or exc)) from None
    except json.JSONDecodeError as exc:
        raise ValueError(error("check.baseline.invalid_json", path=path, line=exc.lineno)) from None
    except RecursionError:  # nested too deep for the parser: not a baseline
        raise ValueError(error("check.baseline.invalid", path=path)) from None
    entries = doc.get("findings") if isinstance(doc, dict) else None
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and all(isinstance(e.get(k), str) for k in ("file", "rule", "fingerprint")) for e in entries
    ):
        raise ValueError(error("check.baseline.invalid", path=path))
    return entries


def baseline_doc(results: list[Any], base: Path) -> dict[str, Any]:
    from analyzer.model import Severity
    from analyzer.report.ci import fingerprint

    entries = []
    for res in results:
        if res.diag is None:
            continue
        for f in res.diag.findings:
            if f.severity > Severity.OK:
                entries.append(
                    {"file": _key_path(res.path, base), "rule": f.rule_id, "fingerprint": fingerprint(f), "severity": f.severity.label, "count": f.count}
                )
    entries.sort(key=lambda e: (e["file"], e["rule"], e["fingerprint"]))
    return {
        "schema": BASELINE_VERSION,
        "tool": "rla",
        "about": "Known findings: `rla check --baseline` fails only on findings not listed here. Matched on file, rule and an "
        "evidence fingerprint (not line numbers). Rewrite with `rla check --write-baseline`.",
        "findings": entries,
    }


# ---- the command ------------------------------------------------------------------------------


def check(
    paths: list[str] = typer.Argument(..., help="Log samples: files, globs or directories (recursively).", show_default=False),
    format: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    output: Optional[Path] = OutputOpt,
    fail_on: Optional[Level] = typer.Option(
        None, "--fail-on", help="Fail on a finding at least this severe [default: config fail-on, else error]."
    ),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when the check fails (report-only jobs)."),
    expect: Optional[Path] = typer.Option(None, "--expect", help="Expectations YAML: each sample must give exactly its findings."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Known findings (JSON): only new ones fail."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Record today's findings as the baseline."),
    rules: Optional[list[Path]] = RulesOpt,
    select: Optional[list[str]] = typer.Option(None, "--select", help="Only these rule ids or prefixes (repeatable, or comma-separated)."),
    ignore: Optional[list[str]] = typer.Option(None, "--ignore", help="Leave out these rule ids or prefixes (repeatable, or comma-separated)."),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help="Force one line format."),
    lang: Optional[str] = LangOpt,
    timeline: bool = TimelineOpt,
) -> None:
    """Gate CI on log samples: fail on findings, on expectation mismatches, or on new findings.

    \b
      rla check logs/ --fail-on warning --format github
      rla check logs/ --expect logs/expected.yaml
      rla check logs/ --write-baseline .rla-baseline.json
      rla check logs/ --baseline .rla-baseline.json
      rla check logs/ --rules ./my-rules --format junit -o report.xml
    """
    from analyzer.cli.display import did_you_mean, display
    from analyzer.cli.config import ConfigError, RuleFilter
    from analyzer.model import Severity
    from analyzer.pipeline import Session
    from analyzer.redact import Redactor
    from analyzer.report import filtered
    from analyzer.report.ci import FileResult, Run, diff, exit_status, fingerprint, render_markdown, run_dict, table_view
    from analyzer.report.dispatch import render_run
    from analyzer.sources.files import InputError, expand, read_sources

    language = resolve_lang(lang)
    if expect is not None and (baseline is not None or write_baseline is not None):
        fail(Msg("check.error.expect_and_baseline"), language)
    if baseline is not None and write_baseline is not None:
        fail(Msg("check.error.baseline_and_write"), language)
    try:
        cfg = project_config()
    except ConfigError as exc:
        fail(str(exc), language)
    ruleset = load_ruleset(rules, language)
    chosen = (fail_on.value if fail_on else None) or cfg.fail_on or "error"
    fail_unknown = chosen == "unknown"  # also fail a sample that told nothing (nothing read, no Redis line)
    level = Severity.ERROR if fail_unknown else Severity.parse(chosen)
    filt = RuleFilter(_split(select) or cfg.select, _split(ignore) or cfg.ignore)
    typo = filt.unknown(r.id for r in ruleset.rules)
    if typo:
        close = did_you_mean(typo, [r.id for r in ruleset.rules], prefixes=True)
        fail(Msg("error.select_typo_close", id=typo, close=close) if close else Msg("check.error.select_typo", id=typo), language)
    try:
        files = expand(list(paths))
    except InputError as exc:
        fail(str(exc), language)

    # Which files to check, and against what.
    expectations: dict[Path, Any] = {}
    unlisted: list[str] = []
    missing: list[FileResult] = []
    if expect is not None:
        from analyzer.expect import ExpectError, load_expectations  # here: only --expect reads expectations

        try:
            exps = load_expectations(expect)
        except ExpectError as exc:
            fail(str(exc), language)
        expectations = {(expect.parent / sample).resolve(): e for sample, e in exps.items()}
        roots = [Path(p).resolve() for p in paths if p != "-" and not any(c in p for c in "*?[")]
        found = {Path(f).resolve() for f in files if f != "-"}
        for target, exp in expectations.items():
            if target not in found and not target.exists() and any(target == r or r in target.parents for r in roots):
                shown = os.path.relpath(target)
                res = FileResult(shown, expected=True)
                res.problems.append(_sample_problem(str(tr(Msg("check.sample_missing", expect=expect), language))))
                missing.append(res)
        unlisted = [f for f in files if f == "-" or Path(f).resolve() not in expectations]
        files = [f for f in files if f != "-" and Path(f).resolve() in expectations]
    known: dict[str, set[tuple[str, str]]] = {}
    base_dir = (baseline or write_baseline or Path(".")).parent
    if baseline is not None:
        try:
            entries = read_baseline(baseline)
        except ValueError as exc:
            fail(str(exc), language)
        for e in entries:
            known.setdefault(e["file"], set()).add((e["rule"], e["fingerprint"]))

    # Diagnose each file on its own, with one redactor and one plan of the rules for the whole run.
    redactor = Redactor()
    plan = ruleset.plan()
    results: list[FileResult] = []
    interrupted = False
    for path in files:
        shown = "<stdin>" if path == "-" else path
        res = FileResult(shown)
        exp = expectations.get(Path(path).resolve()) if expect is not None else None
        if exp is not None:
            res.expected = True
            if exp.pending:
                res.pending = str(exp.pending)
                results.append(res)
                continue
        session = Session(ruleset, input_format.value, redactor=redactor, plan=plan)
        problems = session.problems
        try:
            for block in read_sources([path], problems):
                session.feed_block(block)
        except InputError as exc:
            res.error = str(exc).rstrip(".")
            results.append(res)
            continue
        except (OSError, EOFError, zlib.error, UnicodeError) as exc:  # a corrupt .gz, a file removed under us
            res.error = error("check.cannot_read", why=exc)
            results.append(res)
            continue
        except KeyboardInterrupt:
            interrupted = True
        if problems.skipped:
            res.error = "; ".join(problems.skipped)
        for note in problems.notes:
            sys.stderr.write(redactor.scrub(f"rla: {t('summary.note', language, what=said(note, language))}") + "\n")
        res.diag = filtered(session.diagnosis(), filt.allows)
        if exp is not None and res.error is None:
            res.problems = diff(res.diag, exp, filt.allows, language)
        if fail_unknown and res.error is None and res.diag.verdict.state == "unknown":
            why = "check.nothing_read" if res.diag.stats.lines == 0 else "check.told_nothing"
            res.problems.append(_sample_problem(str(tr(Msg(why), language)), "unknown"))
        if baseline is not None:
            res.baseline = known.get(_key_path(shown, base_dir), set())
        results.append(res)
        if interrupted:
            break
    results.extend(missing)

    gone: list[dict[str, Any]] = []
    if baseline is not None:
        seen = {
            _key_path(r.path, base_dir): {(f.rule_id, fingerprint(f)) for f in r.diag.findings}
            for r in results
            if r.diag is not None
        }
        for e in entries:
            checked = seen.get(e["file"])
            if checked is not None and (e["rule"], e["fingerprint"]) not in checked:
                gone.append(e)
            elif checked is None and e["file"] != "<stdin>" and not (base_dir / e["file"]).exists():
                gone.append(e)

    mode = "expect" if expect is not None else ("baseline" if baseline is not None else "severity")
    run = Run(
        results,
        fail_on=level,
        mode=mode,
        baseline_file=str(baseline) if baseline is not None else None,
        baseline_gone=gone,
        unlisted=unlisted,
        ignored=tuple(r.id for r in ruleset.rules if not filt.allows(r.id)),
    )
    ctx = report_context(ruleset, language, timeline=timeline)
    ctx.color = False
    ctx.redactor = redactor
    ctx.fail_on = level.label
    doc = run_dict(run, ctx)
    # redacted before JSON/XML escaping (see Redactor.tree); a table redacts only what it shows
    doc = redactor.tree(table_view(doc) if format == Format.table else doc)
    if write_baseline is not None:
        from analyzer.outfile import write_text

        try:
            write_text(write_baseline,
                       redactor.scrub(json.dumps(redactor.tree(baseline_doc(results, base_dir)), ensure_ascii=False, indent=2) + "\n"))
        except OSError as exc:
            fail(Msg("check.error.cannot_write", path=write_baseline, why=exc.strerror or exc), language)
        n = sum(1 for r in results if r.diag for f in r.diag.findings if f.severity > Severity.OK)
        sys.stderr.write(t("check.baseline.wrote", language, n=n, path=write_baseline) + "\n")
    text = redactor.scrub(render_run(doc, format.value, ctx, [r.diag for r in results]))
    if display().quiet and format == Format.table:
        from analyzer.report.ci import headline
        from analyzer.terminal import fit

        summary_line = t("ci.table.passed" if doc["ok"] else "ci.table.failed", language, headline=headline(doc, language))
        text = redactor.scrub(fit(summary_line, ctx.width)) + "\n"  # the summary alone
    summary = (lambda: redactor.scrub(render_markdown(doc, language, timeline))) if format == Format.github else None
    deliver(text, output, summary, language, pager=display().pager and output is None)
    for r in results:
        if r.error is not None:
            sys.stderr.write(t("error.prefix", language) + f"{redactor.scrub(r.path)}: {redactor.scrub(_said(r.error, language))}\n")
    if interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)
    code = exit_status(doc)
    if code == EXIT_USAGE:
        raise typer.Exit(EXIT_USAGE)
    if write_baseline is not None or exit_zero:
        raise typer.Exit(EXIT_OK)
    raise typer.Exit(code)


def _said(text: str, lang: str) -> str:
    """An error of the catalogue in `lang`, also when its final period was cut off."""
    from analyzer.report.ci import _reason

    return _reason(text, lang)


def _sample_problem(message: str, kind: str = "sample") -> Any:
    from analyzer.report.ci import Problem

    return Problem(kind, message)


# ---- rla rules test / rla rules lint ----------------------------------------------------------


def _packs(dirs: Optional[list[Path]], lang: str = "en") -> tuple[list[Path], bool]:
    """The packs to work on: the given folders, or (none given) the built-in pack and configured packs."""
    from analyzer.cli.config import ConfigError
    from analyzer.engine.ruletest import pack_dirs

    if dirs:
        for d in dirs:
            if not Path(d).exists():
                fail(Msg("check.rules.no_dir", path=d), lang)
        return pack_dirs(dirs)
    try:
        configured = list(project_config().rules)
    except ConfigError as exc:
        fail(str(exc), lang)
    return pack_dirs(configured)[0], True


def _plural(n: int, lang: str) -> str:
    """'1' or 'n': the catalogue form for n (French: 0 and 1 are singular)."""
    return "1" if n == 1 or (lang == "fr" and n == 0) else "n"


def _report(failures: list[Any], what: str, lang: str = "en") -> None:
    for f in failures:
        who = f"{f.rule}: " if f.rule else ""
        typer.echo(f"{f.path}: {who}{said(f.message, lang)}")
    if failures:
        typer.echo("")
    typer.echo(what)
    raise typer.Exit(1 if failures else 0)


def rules_test(
    dirs: Optional[list[Path]] = typer.Argument(
        None, help="Rule pack folders [default: the built-in pack and the configured packs].", show_default=False
    ),
    lang: Optional[str] = LangOpt,
) -> None:
    """Every rule matches its examples.match lines, none of its examples.no_match lines, and no
    example line triggers a more severe rule elsewhere unless declared (examples.also)."""
    from analyzer.engine.rules import RuleError, load_pack, load_rules
    from analyzer.engine.ruletest import check_examples

    language = resolve_lang(lang)
    packs, with_builtin = _packs(dirs, language)
    try:
        ruleset = load_rules(packs)
        only = {r.id for d in packs for r in load_pack(d)}
    except RuleError as exc:
        fail(t("check.rules.lint_hint", language, error=said(str(exc), language)), language)
    if with_builtin:
        only |= {r.id for r in load_rules().rules}
    failures, checked = check_examples(ruleset, only)
    n = len(only)
    result = t("check.rules.failures", language, n=len(failures)) if failures else t("check.rules.all_pass", language)
    _report(failures, t(f"check.rules.test.{_plural(n, language)}", language, n=n, checked=checked, result=result), language)


def rules_lint(
    dirs: Optional[list[Path]] = typer.Argument(
        None, help="Rule pack folders [default: the built-in pack and the configured packs].", show_default=False
    ),
    lang: Optional[str] = LangOpt,
) -> None:
    """Schema, unknown keys, regex dialect, duplicate ids, references, missing examples and
    slow (catastrophically backtracking) patterns."""
    from analyzer.engine.rules import RuleError, builtin_rules_dir, load_rules
    from analyzer.engine.ruletest import lint

    language = resolve_lang(lang)
    packs, with_builtin = _packs(dirs, language)
    targets = ([builtin_rules_dir()] if with_builtin else []) + packs
    context: tuple[Any, ...] = ()
    if not with_builtin:
        try:
            context = load_rules().rules
        except RuleError:
            context = ()
    failures, n = lint(targets, context)
    result = t("check.rules.problems", language, n=len(failures)) if failures else t("check.rules.no_problems", language)
    _report(failures, t(f"check.rules.lint.{_plural(n, language)}", language, n=n, result=result), language)
