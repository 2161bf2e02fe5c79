"""The catalogue of the CLI's own human text, in every language we ship.

A Python mapping rather than gettext .po/.mo files: no compile step, nothing to load at start-up,
and a test checks that every key exists in every language. Rule texts live in the rule files.
"""

from __future__ import annotations

import os

LANGS = ("en", "fr")

CATALOGUE: dict[str, dict[str, str]] = {
    # verdicts
    "verdict.healthy": {"en": "Redis healthy: ready and connected", "fr": "Redis fonctionne : prêt et connecté"},
    "verdict.degraded": {
        "en": "Redis degraded: the app runs on the memory-cache fallback",
        "fr": "Redis dégradé : l'application tourne sur le cache mémoire de secours",
    },
    "verdict.failing": {"en": "Redis failing", "fr": "Redis en échec"},
    "verdict.recovered": {"en": "Redis recovered after errors", "fr": "Redis rétabli après des erreurs"},
    "verdict.unknown": {
        "en": "Can't tell: no Redis status or error line in the logs",
        "fr": "Impossible de conclure : aucune ligne d'état ou d'erreur Redis dans les logs",
    },
    "verdict.since": {"en": "since {when}", "fr": "depuis {when}"},
    "verdict.back_at": {"en": "back at {when}", "fr": "rétabli à {when}"},
    "verdict.root_cause": {"en": "root cause: {title} [{id}]", "fr": "cause : {title} [{id}]"},
    "verdict.earlier": {"en": "earlier: {title} [{id}]", "fr": "avant : {title} [{id}]"},
    "summary.line": {
        "en": "{findings} finding(s), {lines} line(s) read from {sources} source(s)",
        "fr": "{findings} constat(s), {lines} ligne(s) lue(s) dans {sources} source(s)",
    },
    "summary.details": {"en": "details: rla rules show {id}", "fr": "détails : rla rules show {id}"},
    "summary.unparsed": {
        "en": "{n} record(s) could not be parsed, first at {where}",
        "fr": "{n} enregistrement(s) illisible(s), le premier à {where}",
    },
    "summary.incomplete": {"en": "incomplete input: {why}", "fr": "entrée incomplète : {why}"},
    "summary.skipped": {"en": "skipped {what}", "fr": "ignoré : {what}"},
    # table
    "col.severity": {"en": "severity", "fr": "gravité"},
    "col.finding": {"en": "finding", "fr": "constat"},
    "col.count": {"en": "count", "fr": "nb"},
    "col.first": {"en": "first seen", "fr": "première fois"},
    "col.evidence": {"en": "evidence", "fr": "indices"},
    "col.cause": {"en": "cause", "fr": "cause"},
    "col.solution": {"en": "what to do", "fr": "que faire"},
    "col.template": {"en": "line template", "fr": "modèle de ligne"},
    "line": {"en": "line", "fr": "ligne"},
    "caused_by": {"en": "caused by: {id}", "fr": "causé par : {id}"},
    "redis_url_set": {"en": "REDIS_URL set: {value}", "fr": "REDIS_URL définie : {value}"},
    "yes": {"en": "yes", "fr": "oui"},
    "no": {"en": "no", "fr": "non"},
    "instances": {"en": "instances", "fr": "instances"},
    "unexplained.title": {
        "en": "Error-looking lines no rule explains ({n} template(s)):",
        "fr": "Lignes d'erreur qu'aucune règle n'explique ({n} modèle(s)) :",
    },
    "no_findings": {"en": "No Redis finding.", "fr": "Aucun constat Redis."},
    # CLI
    "paste.hint": {
        "en": "Paste the Render logs, then press Ctrl-D (Ctrl-Z then Enter on Windows). Ctrl-C to cancel.",
        "fr": "Collez les logs Render, puis appuyez sur Ctrl-D (Ctrl-Z puis Entrée sous Windows). Ctrl-C pour annuler.",
    },
    "error.prefix": {"en": "rla: error: ", "fr": "rla : erreur : "},
    "interrupted": {
        "en": "interrupted: diagnosis of what was read so far",
        "fr": "interrompu : diagnostic de ce qui a été lu jusqu'ici",
    },
    "rules.count": {"en": "{n} rules", "fr": "{n} règles"},
    "rules.unknown": {"en": "no rule with id {id!r}.", "fr": "aucune règle avec l'identifiant {id!r}."},
    "rules.examples_match": {"en": "Lines it matches", "fr": "Lignes reconnues"},
    "rules.examples_no_match": {"en": "Lines it does not match", "fr": "Lignes non reconnues"},
    "rules.patterns": {"en": "Patterns", "fr": "Motifs"},
    "rules.fix": {"en": "Fix", "fr": "Solution"},
    "rules.cause": {"en": "Cause", "fr": "Cause"},
    "rules.docs": {"en": "Docs", "fr": "Docs"},
}


def t(key: str, lang: str = "en", **values: object) -> str:
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def _code(value: str) -> str:
    """'fr_FR.UTF-8', 'fr-CA', 'FR' -> 'fr'."""
    return value.split(".")[0].replace("-", "_").split("_")[0].lower()


def detect_lang(option: str | None, env: dict[str, str] | None = None) -> str:
    """--lang, else RLA_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: the first one set
    decides, as POSIX does), else English."""
    if option:
        if _code(option) in LANGS:
            return _code(option)
        raise ValueError(f"unknown language {option!r} (expected one of: {', '.join(LANGS)})")
    env = dict(os.environ) if env is None else env
    for var in ("RLA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            code = _code(value)
            return code if code in LANGS else "en"
    return "en"
