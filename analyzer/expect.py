"""Expectations: each sample and the diagnosis it must produce (samples/expected.yaml, and
`rla check --expect FILE`). Missing and unexpected findings are both failures."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyzer.i18n import Msg, error
from analyzer.model import Diagnosis


class ExpectError(Exception):
    """The expectations file itself is wrong: one sentence, exit 2."""


@dataclass(frozen=True)
class Expectation:
    """What a sample must diagnose (samples/expected.yaml)."""

    sample: str  # path relative to the expectations file
    verdict: str | None = None
    root_cause: str | None = None
    # rule id -> count (None: any count); the whole field None: findings not checked (the key was left
    # out: an accuracy corpus pins only the verdict and root cause of a log pasted in full)
    findings: dict[str, int | None] | None = field(default_factory=dict)
    pending: str | None = None


def _findings(value: Any, where: str) -> dict[str, int | None]:
    if value is None:
        return {}
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return {v: None for v in value}
    if isinstance(value, dict) and all(isinstance(k, str) and (v is None or isinstance(v, int)) for k, v in value.items()):
        return dict(value)
    raise ExpectError(error("expect.findings", where=where))


def load_expectations(path: Path) -> dict[str, Expectation]:
    import yaml  # here: `rla check` without an expectations file imports no YAML code

    from analyzer import yamlsafe

    try:
        doc = yamlsafe.load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ExpectError(error("expect.unreadable", path=path, why=exc.strerror or exc)) from None
    except yaml.YAMLError as exc:
        raise ExpectError(error("expect.yaml", path=path, why=str(exc).splitlines()[0])) from None
    samples = doc.get("samples") if isinstance(doc, dict) else None
    if not isinstance(samples, dict):
        raise ExpectError(error("expect.samples", path=path))
    out = {}
    for sample, spec in samples.items():
        where = f"{path}: {sample}"
        if not isinstance(spec, dict) or set(spec) - {"verdict", "root_cause", "findings", "pending"}:
            raise ExpectError(error("expect.keys", where=where))
        out[str(sample)] = Expectation(
            sample=str(sample),
            verdict=spec.get("verdict"),
            root_cause=spec.get("root_cause"),
            findings=_findings(spec.get("findings"), where) if "findings" in spec else None,
            pending=spec.get("pending"),
        )
    return out


def compare(diag: Diagnosis, exp: Expectation) -> list[str]:
    """What differs between a diagnosis and its expectation, one sentence each (empty: it matches).
    Each is an analyzer.i18n.Msg: English as str, `tr(p, "fr")` for French."""
    problems = []
    if exp.verdict is not None and diag.verdict.state != exp.verdict:
        problems.append(Msg("expect.verdict", got=diag.verdict.state, want=exp.verdict))
    if exp.root_cause is not None and diag.verdict.root_cause != exp.root_cause:
        problems.append(Msg("expect.root_cause", got=diag.verdict.root_cause, want=exp.root_cause))
    if exp.findings is None:
        return problems
    got = {f.rule_id: f.count for f in diag.findings}
    for rule_id, count in exp.findings.items():
        if rule_id not in got:
            problems.append(Msg("expect.missing", id=rule_id))
        elif count is not None and got[rule_id] != count:
            problems.append(Msg("expect.count", id=rule_id, got=got[rule_id], want=count))
    for rule_id in sorted(set(got) - set(exp.findings)):
        problems.append(Msg("expect.unexpected", id=rule_id, n=got[rule_id]))
    return problems
