"""`rla rules export`: the pack as Sigma rules, or as a log platform's alerts (issue 20).

Sigma needs only PyYAML; the platforms need pySigma and its backends (extra `rla[export]`), imported
here only when asked for, so `rla --help` stays fast.
"""

from __future__ import annotations

import re
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from analyzer.cli.common import LangOpt, RulesOpt, fail, load_ruleset, resolve_lang


# a LogQL stream selector: {label op "value", …} (op: = != =~ !~)
_SELECTOR = re.compile(r'\{\s*[A-Za-z_]\w*\s*(?:=|!=|=~|!~)\s*"(?:[^"\\]|\\.)*"(?:\s*,\s*[A-Za-z_]\w*\s*(?:=|!=|=~|!~)\s*"(?:[^"\\]|\\.)*")*\s*\}')


class Target(str, Enum):
    sigma = "sigma"
    loki = "loki"
    elasticsearch = "elasticsearch"
    opensearch = "opensearch"
    splunk = "splunk"
    datadog = "datadog"


def _write(out: Path, files: dict[str, str], lang: str) -> None:
    from analyzer.i18n import t

    if out.exists() and not out.is_dir():
        fail(t("export.output_file", lang, path=out), lang)
    from analyzer.outfile import write_text

    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            write_text(out / name, text)  # a link is written through; a FIFO or device there is refused
    except OSError as exc:
        fail(t("export.cannot_write", lang, path=out, why=exc.strerror or exc), lang)


def rules_export(
    to: Target = typer.Option(..., "--to", help="sigma, or a platform: loki, elasticsearch, opensearch, splunk."),
    output: Path = typer.Option(..., "--output", "-o", help="Directory to write the rules into (created if needed)."),
    loki_selector: Optional[str] = typer.Option(
        None, "--loki-selector", help='With --to loki: the stream selector of every alert, e.g. {job="render"} (default: every stream).'
    ),
    rules: Optional[list[Path]] = RulesOpt,
    lang: Optional[str] = LangOpt,
) -> None:
    """Export the detecting rules as Sigma rules, or as Loki/Elastic/OpenSearch/Splunk alerts.

    \b
      rla rules export --to sigma -o sigma/
      rla rules export --to loki -o loki/      # needs pip install 'rla[export]'
    """
    from analyzer.i18n import t

    language = resolve_lang(lang)
    ruleset = load_ruleset(rules, language)
    if to is Target.datadog:
        fail(t("export.datadog", language), language)
    if loki_selector is not None and (to is not Target.loki or not _SELECTOR.fullmatch(loki_selector)):
        fail(t("export.selector", language, got=loki_selector), language)
    if to is Target.sigma:
        import yaml

        from analyzer.export.sigma import Exported, export_pack

        results = export_pack(ruleset.rules, language, affinity=ruleset.affinity)
        exported = [r for r in results if isinstance(r, Exported)]
        skipped = [r for r in results if not isinstance(r, Exported)]
        files = {
            f"{r.rule_id}.yml": yaml.safe_dump(r.doc, sort_keys=False, allow_unicode=True, width=1000) for r in exported
        }
        lost = sum(1 for r in exported if r.lost)
    else:
        from analyzer.export.backends import convert

        try:
            done = convert(ruleset.rules, to.value, language, loki_selector, ruleset.affinity)
        except ImportError as exc:  # pySigma or the target's backend is not installed
            if not (getattr(exc, "name", None) or "").startswith("sigma"):
                raise
            fail(t("export.missing_extra", language, target=to.value), language)
        files, skipped, lost = done.files, list(done.skipped), done.lost
        exported = list(done.converted)
    _write(output, files, language)
    for item in skipped:
        sys.stderr.write(t("export.skipped", language, id=item.rule_id, why=item.reason.tr(language)) + "\n")
    if lost:
        sys.stderr.write(t("export.lost_count", language, n=lost) + "\n")
    typer.echo(t("export.summary", language, target=to.value, exported=len(exported), path=output, skipped=len(skipped)))
