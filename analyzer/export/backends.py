"""Sigma rules -> a log platform's queries, through pySigma and its maintained backends (extra `rla[export]`).

Imported only by `rla rules export --to <platform>`: pySigma costs ~0.5 s to import, `rla --help` never pays it.

Each platform gets a processing pipeline that maps our field (`message`, the log line) to where the line
lives once Render's Log Streams have delivered it there:

* Loki: the log line itself (a line filter `|~`), as a syslog or HTTP receiver stores it.
* Elasticsearch / OpenSearch: `message.keyword`, the whole line as one term (a regexp on the analysed
  `message` text would see single words); patterns are rewritten in Lucene's regex syntax
  (analyzer.export.lucene).
* Splunk: `_raw`, the event text (syslog carries no extracted `message` field); one `regex` per rule.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

import yaml

from analyzer.export.lucene import lucene
from analyzer.engine.affinity import Affinity
from analyzer.export.sigma import Dialect, Exported, Skipped, export_pack, portable, redis_regex
from analyzer.i18n import Msg
from analyzer.model import Rule

SPLUNK_BASE = "index=render"  # the saved searches' base search: where the Log Stream lands (edit to yours)


@dataclass(frozen=True)
class Converted:
    """One target's output: the files to write (name -> text), what was converted and skipped."""

    files: dict[str, str]
    converted: tuple[str, ...]
    skipped: tuple[Skipped, ...]
    lost: int  # converted rules that lose a reclassification


def _field_pipeline(name: str, field: str | None, selector: str | None = None):  # type: ignore[no-untyped-def]
    """`message` -> the platform's field; None: no field, the log line itself (a keyword search).
    `selector`: Loki's stream selector for every rule (the backend's default is every stream)."""
    from sigma.processing.pipeline import ProcessingItem, ProcessingPipeline
    from sigma.processing.transformations import FieldMappingTransformation, SetCustomAttributeTransformation
    from sigma.processing.transformations.base import DetectionItemTransformation

    if field is not None:
        transformation = FieldMappingTransformation({"message": field})
    else:

        class ToLine(DetectionItemTransformation):  # type: ignore[misc]
            """The message is the log line: match it unbound (Loki: a line filter)."""

            def apply_detection_item(self, detection_item):  # type: ignore[no-untyped-def]
                if detection_item.field == "message":
                    detection_item.field = None
                return detection_item

        transformation = ToLine()
    items = [ProcessingItem(identifier=f"rla_render_{name}_message", transformation=transformation)]
    if selector:
        stream = SetCustomAttributeTransformation(attribute="logsource_loki_selection", value=selector)
        items.append(ProcessingItem(identifier="rla_render_loki_stream", transformation=stream))
    return ProcessingPipeline(name=f"rla: Render logs in {name}", priority=20, items=items)


def _backend(target: str, selector: str | None = None):  # type: ignore[no-untyped-def]
    if target == "loki":
        from sigma.backends.loki import LogQLBackend

        return LogQLBackend(processing_pipeline=_field_pipeline("loki", None, selector)), "ruler"
    if target == "elasticsearch":
        from sigma.backends.elasticsearch import LuceneBackend

        return LuceneBackend(processing_pipeline=_field_pipeline("elasticsearch", "message.keyword")), "default"
    if target == "opensearch":
        from sigma.backends.opensearch import OpensearchLuceneBackend

        return OpensearchLuceneBackend(processing_pipeline=_field_pipeline("opensearch", "message.keyword")), "default"
    if target == "splunk":
        from sigma.backends.splunk import SplunkBackend

        return SplunkBackend(processing_pipeline=_field_pipeline("splunk", "_raw")), "default"
    raise ValueError(target)


def dialect(target: str) -> Dialect:
    """How patterns are written for the target: Lucene's syntax for Elastic and OpenSearch. For Loki and
    Splunk, each set of alternatives in one regex: LogQL has no OR between line filters (and the Loki
    backend 0.15 keeps only one of two OR-ed regex selections); for several regexes the Splunk backend
    writes `rex` captures named `_rawMatch…`, and Splunk reserves field names that start with `_`."""
    if target in ("elasticsearch", "opensearch"):
        return Dialect(lambda pattern: (lucene(pattern), ""))
    return Dialect(portable, merge=target in ("loki", "splunk"), keywords_as_regex=target == "loki")


def convert(
    rules: tuple[Rule, ...] | list[Rule],
    target: str,
    lang: str = "en",
    selector: str | None = None,
    affinity: Affinity | None = None,
) -> Converted:
    """The pack's detecting rules as `target` queries; a rule the backend cannot express is skipped
    with the backend's own reason. `selector`: Loki's stream selector (`{job="render"}`)."""
    from sigma.exceptions import SigmaError
    from sigma.rule import SigmaRule

    backend, fmt = _backend(target, selector)
    results = export_pack(rules, lang, dialect(target), affinity)
    signals: dict[str, str] = {}
    if target == "splunk":
        # the backend writes no query for two regexes AND-ed: convert each rule without its Redis signals
        # (rla's affinity) and add them as a second `regex` command, which Splunk ANDs
        by_id = {r.id: r for r in rules}
        signals = {
            item.rule_id: regex
            for item in results
            if (regex := redis_regex(by_id[item.rule_id], affinity, dialect(target))) is not None
        }
        plain = {r.rule_id: r for r in export_pack(rules, lang, dialect(target)) if isinstance(r, Exported)}
        results = [replace(item, doc=plain[item.rule_id].doc) if item.rule_id in signals else item for item in results]
    skipped = [r for r in results if isinstance(r, Skipped)]
    done: list[tuple[Exported, object]] = []
    for item in results:
        if not isinstance(item, Exported):
            continue
        try:
            sigma = SigmaRule.from_dict(item.doc)
            queries = backend.convert_rule(sigma, fmt)
        except (SigmaError, NotImplementedError) as exc:
            skipped.append(Skipped(item.rule_id, Msg("export.skip.backend", target=target, why=str(exc).splitlines()[0])))
            continue
        if not queries:  # pySigma-backend-splunk 2.1 returns nothing for two regexes AND-ed, and says nothing
            skipped.append(Skipped(item.rule_id, Msg("export.skip.empty", target=target)))
            continue
        query = queries[0] if len(queries) == 1 else queries
        if item.rule_id in signals:
            query = f'{query}\n| regex _raw="{_spl_string(signals[item.rule_id])}"'
        done.append((item, query))
    files = _files(target, done)
    lost = sum(1 for item, _ in done if item.lost)
    return Converted(files, tuple(i.rule_id for i, _ in done), tuple(sorted(skipped, key=lambda s: s.rule_id)), lost)


def _spl_string(regex: str) -> str:
    """A regex inside SPL double quotes, escaped as the Splunk backend escapes its own."""
    return regex.replace("\\", "\\\\").replace('"', '\\"')


def _files(target: str, done: list) -> dict[str, str]:  # type: ignore[type-arg]
    if target == "loki":
        alerts = []
        for item, ruler in done:
            ruler = dict(ruler)
            ruler["alert"] = item.rule_id  # our id, stable, instead of the title made an identifier
            ruler["labels"] = {**ruler.get("labels", {}), "rla_rule": item.rule_id}
            alerts.append(ruler)
        doc = {"groups": [{"name": "rla-render-redis", "rules": alerts}]}
        return {"rla-loki-rules.yaml": yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=1000)}
    rows = [
        {"id": item.doc["id"], "rla_rule": item.rule_id, "title": item.doc["title"], "level": item.doc["level"], "query": query}
        for item, query in done
    ]
    if target == "splunk":
        text = "".join(
            f"[rla - {r['rla_rule']}]\ndescription = {r['title']}\nsearch = {SPLUNK_BASE} {' '.join(str(r['query']).split())}\n\n"
            for r in rows
        )
        return {"rla-splunk-savedsearches.conf": text, "rla-splunk.json": json.dumps(rows, indent=2, ensure_ascii=False) + "\n"}
    return {f"rla-{target}-queries.json": json.dumps(rows, indent=2, ensure_ascii=False) + "\n"}
