"""Diagnosis -> text. One canonical JSON-able dict (`to_dict`); every format is a thin function of
the same diagnosis, and every output passes through the run's Redactor last.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from analyzer import __version__
from analyzer.i18n import t, tr
from analyzer.model import STATE_RANK, Diagnosis, Evidence, Finding, NotRedis, Severity, Verdict
from analyzer.redact import Redactor
from analyzer.engine.rules import RuleSet

SCHEMA = 1
FORMATS = ("table", "json", "markdown", "html", "github", "junit", "sarif")
CI_FORMATS = ("github", "junit", "sarif")  # rendered from the run document (analyzer.report.ci)


@dataclass
class ReportContext:
    """What a report needs besides the diagnosis: rules, language, terminal, options."""

    ruleset: RuleSet
    lang: str = "en"
    color: bool = False
    width: int = 120
    redactor: Redactor = field(default_factory=Redactor)
    unexplained: bool = True
    fail_on: str = "error"  # what the CI formats mark as failing
    local_time: bool = False  # human times in the local zone instead of UTC
    explain: bool = False  # -v: every finding's cause and fix, not only the root cause's
    timeline: bool = True  # --no-timeline: no timeline lines in the table and Markdown


def fill(text: str, fields: dict[str, str]) -> str:
    """Put evidence fields into a rule's text ({host}); unknown names stay as they are."""
    for name, value in fields.items():
        text = text.replace("{" + name + "}", value)
    return text


def when(ev: Evidence | None, lang: str = "en", local: bool = False) -> str:
    """Where and when, readable: `2026-11-26 19:46:16 UTC (app.log:35)`. Logs from the API are
    located by instance and time (their line numbers are positions in a download, meaningless)."""
    from analyzer.times import human

    if ev is None:
        return ""
    stamp = human(ev.time, lang, local)
    if ev.source.startswith("render:"):
        where = f"[{ev.instance}]" if ev.instance else ""
    elif ev.source == "<stdin>":
        where = f"{t('line', lang)} {ev.line}"
    else:
        where = f"{ev.source}:{ev.line}"
    if stamp and where:
        return f"{stamp} {where}" if where.startswith("[") else f"{stamp} ({where})"
    return stamp or where


def nothing_read(diag: Diagnosis) -> bool:
    return diag.stats.lines == 0


_STATE_WORD = {
    "healthy": "state.healthy", "degraded": "state.degraded", "failing": "state.failing",
    "recovered": "state.recovered", "unknown": "state.unknown",
}  # fmt: skip


def verdict_text(diag: Diagnosis, ctx: ReportContext) -> str:
    """The first line: the verdict, and with several sources how many are in each state."""
    if nothing_read(diag) and diag.verdict.state == "unknown":
        return t("verdict.nothing_read", ctx.lang)
    text = state_text(diag.verdict, ctx)
    if diag.per_source:
        counts: dict[str, int] = {}
        for sv in diag.per_source:
            counts[sv.verdict.state] = counts.get(sv.verdict.state, 0) + 1
        order = sorted(counts, key=lambda s: -STATE_RANK.get(s, 0))
        states = ", ".join(f"{counts[s]} {t(_STATE_WORD[s], ctx.lang)}" for s in order if s in _STATE_WORD)
        text += t("sep.semicolon", ctx.lang) + t("verdict.sources", ctx.lang, n=len(diag.per_source), states=states)
    return text


def fallback_phrase(v: Verdict, ctx: ReportContext) -> str | None:
    """The fallback rule's title as a phrase ('the app runs on the memory-cache fallback'), or None."""
    rule = ctx.ruleset.get(v.fallback_rule) if v.fallback is not None and v.fallback_rule else None
    if rule is None:
        return None
    title = rule.text(ctx.lang).title
    return title if title[1:2].isupper() else title[:1].lower() + title[1:]  # 'TLS …' keeps its capitals


def state_text(v: Verdict, ctx: ReportContext) -> str:
    """One verdict in words: state, since when, root cause, fallback, deploy."""
    lang = ctx.lang
    # the fallback only when a fallback line was seen, in its own rule's words ("the app runs on the memory-cache
    # fallback"; cacheops' "the app serves without Redis (its own fallback)"): what this app fell back to
    fallback = fallback_phrase(v, ctx)
    if v.state == "degraded":
        text = t("verdict.degraded", lang, fallback=fallback) if fallback else t("verdict.degraded_plain", lang)
    else:
        text = t(f"verdict.{v.state}", lang)
    root = ctx.ruleset.get(v.root_cause) if v.root_cause else None
    if v.state in ("degraded", "failing") and v.since:
        text += " " + t("verdict.since", lang, when=when(v.since, lang, ctx.local_time))
    if v.state == "recovered" and v.since:
        text += t("verdict.back_at", lang, when=when(v.since, lang, ctx.local_time))
    if root is not None:
        key = "verdict.earlier" if v.state == "recovered" else "verdict.root_cause"
        text += t("sep.semicolon", lang) + t(key, lang, title=root.text(lang).title, id=root.id)
    if v.state == "failing" and v.fallback is not None and fallback:
        text += t("sep.semicolon", lang) + t("verdict.fallback", lang, fallback=fallback, when=when(v.fallback, lang, ctx.local_time))
    if v.after_deploy is not None:
        text += t("sep.semicolon", lang) + t("verdict.after_deploy", lang, when=when(v.after_deploy, lang, ctx.local_time))
    return text


def not_redis_text(n: NotRedis, lang: str = "en") -> str:
    """'not Redis: 3× connect ECONNREFUSED 10.0.9.9:5432, PostgreSQL's port' (one line, in `lang`)."""
    what = n.sample if len(n.sample) <= 100 else n.sample[:99] + "…"
    if n.untied:
        # no endpoint and nothing either way: not shown as another service's, and the way to the rule if it was Redis's
        return t("not_redis.line.untied", lang, count=n.count, what=what, why=tr(n.because, lang), rule=n.rule_id)
    return t("not_redis.line", lang, count=n.count, what=what, why=tr(n.because, lang))


def evidence_fields(
    finding: Finding, lang: str = "en", instances: bool = True, caused: bool = True, because: bool = True
) -> list[str]:
    out = []
    for name, value in finding.fields.items():
        if name == "redis_url":
            is_set = "NOT" not in value and "not" not in value
            out.append(t("redis_url_set", lang, value=t("yes" if is_set else "no", lang)))
        elif name == "host" and "port" in finding.fields:
            out.append(f"{value}:{finding.fields['port']}")
        elif name == "port" and "host" in finding.fields:
            continue
        elif name == "message" and "host" in finding.fields:
            continue  # the host:port already says it
        else:
            out.append(f"{name}={value!r}" if name == "message" else f"{name}={value}")
    if finding.instances and instances:
        out.append("[" + ", ".join(finding.instances[:5]) + ("…" if len(finding.instances) > 5 else "") + "]")
    if finding.caused_by and caused:
        out.append(t("caused_by", lang, id=finding.caused_by))
    if because:
        out.extend(str(tr(b, lang)) for b in finding.because)
    return out


def _ev(ev: Evidence) -> dict[str, Any]:
    """`time` is the text the log showed; `timestamp` its ISO 8601 reading (null without a date)."""
    from analyzer.times import iso

    return {"source": ev.source, "line": ev.line, "time": ev.time, "timestamp": iso(ev.time), "instance": ev.instance}


def to_dict(diag: Diagnosis, ctx: ReportContext) -> dict[str, Any]:
    """The documented, versioned JSON (schema 1). Keys and ids stay English in every language."""
    findings = []
    for f in diag.findings:
        rule = ctx.ruleset.get(f.rule_id)
        texts = rule.text(ctx.lang) if rule else None
        findings.append(
            {
                "rule": f.rule_id,
                "title": texts.title if texts else f.rule_id,
                "severity": f.severity.label,
                "kind": rule.kind if rule else None,
                "count": f.count,
                "first": _ev(f.first),
                "last": _ev(f.last),
                "instances": f.instances,
                "sources": f.sources,
                "fields": f.fields,
                "caused_by": f.caused_by,
                "cause": fill(texts.cause, f.fields) if texts else "",
                "solution": list(rule.fix(ctx.lang, diag.platform, f.said())) if rule else [],
                "after_fix": [fill(s, f.fields) for s in texts.after_fix] if texts else [],
                "docs": list(rule.docs) if rule else [],
                "sample": f.sample,
                "because": [str(tr(b, ctx.lang)) for b in f.because],
            }
        )
    v = diag.verdict
    s = diag.stats
    return {
        "schema": SCHEMA,
        "tool": {"name": "rla", "version": __version__},
        "verdict": {
            "state": v.state,
            "text": verdict_text(diag, ctx),
            "root_cause": v.root_cause,
            "since": _ev(v.since) if v.since else None,
            # only when the errors stopped before a deploy (keeps the schema of every other document)
            **({"after_deploy": _ev(v.after_deploy)} if v.after_deploy else {}),
            "fallback": _ev(v.fallback) if v.fallback else None,
        },
        "findings": findings,
        "unexplained": [
            {"template": u.template, "count": u.count, "first": _ev(u.first), "sample": u.sample}
            for u in diag.unexplained
        ]
        if ctx.unexplained
        else [],
        # several sources: each one's own verdict (the top verdict is the worst of them); [] for one source
        "per_source": [
            {
                "source": sv.source,
                "state": sv.verdict.state,
                "text": state_text(sv.verdict, ctx),
                "root_cause": sv.verdict.root_cause,
                "since": _ev(sv.verdict.since) if sv.verdict.since else None,
            }
            for sv in diag.per_source
        ],
        "not_redis": [
            {
                "rule": n.rule_id,
                "endpoint": n.endpoint,
                "count": n.count,
                "first": _ev(n.first),
                "sample": n.sample,
                "because": str(tr(n.because, ctx.lang)),
                "untied": n.untied,
                "text": not_redis_text(n, ctx.lang),
            }
            for n in diag.not_redis
        ],
        "stats": {
            "sources": s.sources,
            "lines": s.lines,
            "candidates": s.candidates,
            "unparsed": s.unparsed,
            "first_unparsed": s.first_unparsed,
            "incomplete": s.incomplete,
            "scope": asdict(s.scope) if s.scope else None,
            # what was read: nothing at all is said plainly (and `--fail-on unknown` fails on it)
            "nothing_read": nothing_read(diag),
            "skipped": s.skipped,
        },
        # null when the log has no timestamps (analyzer/timeline.py; its own "version")
        "timeline": diag.timeline.to_dict() if diag.timeline else None,
    }


def filtered(diag: Diagnosis, allows: Any) -> Diagnosis:
    """The diagnosis with the findings of deselected rules left out (the verdict is kept as is)."""
    kept = [f for f in diag.findings if allows(f.rule_id)]
    return diag if len(kept) == len(diag.findings) else replace(diag, findings=kept)


def worst(diag: Diagnosis) -> Severity | None:
    return max((f.severity for f in diag.findings), default=None)
