"""Catalogue entries of the timeline pictures (issue 18): the terminal line, the Mermaid charts and the
HTML report (tl.*, html.*). Merged into analyzer.i18n.CATALOGUE. Every key in every language."""

from __future__ import annotations

CATALOGUE_PICTURES: dict[str, dict[str, str]] = {
    "tl.head": {
        "en": "Timeline {start} → {end}, one column = {step}, height = Redis errors",
        "fr": "Chronologie {start} → {end}, une colonne = {step}, hauteur = erreurs Redis",
    },
    "tl.deploys": {"en": "deploys", "fr": "déploi."},
    "tl.others": {"en": "+{n} more", "fr": "+{n} autres"},
    "tl.all": {"en": "all", "fr": "toutes"},
    "tl.step.s": {"en": "{n} s", "fr": "{n} s"},
    "tl.step.min": {"en": "{n} min", "fr": "{n} min"},
    "tl.step.h": {"en": "{n} h", "fr": "{n} h"},
    "tl.state.healthy": {"en": "healthy", "fr": "fonctionne"},
    "tl.state.degraded": {"en": "degraded", "fr": "dégradé"},
    "tl.state.failing": {"en": "failing", "fr": "en échec"},
    "tl.state.recovered": {"en": "recovered", "fr": "rétabli"},
    "tl.kind.deploy": {"en": "deploy", "fr": "déploiement"},
    "tl.kind.platform": {"en": "platform event", "fr": "événement de la plateforme"},
    "tl.md.title": {"en": "Redis errors per {step}", "fr": "Erreurs Redis par {step}"},
    "tl.md.y": {"en": "errors", "fr": "erreurs"},
    "tl.md.states": {"en": "Redis state", "fr": "État de Redis"},
    "tl.md.events": {"en": "Platform events", "fr": "Événements de la plateforme"},
    "tl.md.fallback": {
        "en": "Timeline {start} → {end}: {states}{events}",
        "fr": "Chronologie {start} → {end} : {states}{events}",
    },
    "tl.md.lines": {"en": "lines, in order: {names}", "fr": "courbes, dans l'ordre : {names}"},
    "tl.md.events_at": {"en": "; {kind} at {times}", "fr": " ; {kind} à {times}"},
    # the HTML report
    "html.title": {"en": "Redis diagnosis", "fr": "Diagnostic Redis"},
    "html.timeline": {"en": "Timeline", "fr": "Chronologie"},
    "html.timeline.none": {
        "en": "No timeline: the log has no timestamps.",
        "fr": "Pas de chronologie : le log n'a pas d'horodatage.",
    },
    "html.chart.desc": {
        "en": "Redis errors per {step} for each instance, from {start} to {end}. Bands above: Redis's state. "
              "Dashed lines: platform events.",
        "fr": "Erreurs Redis par {step} pour chaque instance, de {start} à {end}. Bandes du haut : l'état de Redis. "
              "Lignes pointillées : événements de la plateforme.",
    },
    "html.chart.total": {"en": "{n} error(s)", "fr": "{n} erreur(s)"},
    "html.findings": {"en": "Findings", "fr": "Constats"},
    "html.cause": {"en": "Cause", "fr": "Cause"},
    "html.fix": {"en": "Fix", "fr": "Correction"},
    "html.evidence": {"en": "Evidence", "fr": "Preuves"},
    "html.first_last": {"en": "first {first}, last {last}", "fr": "première {first}, dernière {last}"},
    "html.count": {"en": "{n}×", "fr": "{n}×"},
    "html.read": {"en": "What was read", "fr": "Ce qui a été lu"},
    "html.sources": {"en": "Sources", "fr": "Sources"},
    "html.window": {"en": "Window", "fr": "Période"},
    "html.lines": {"en": "Lines read", "fr": "Lignes lues"},
    "html.candidates": {"en": "Candidate entries", "fr": "Entrées candidates"},
    "html.generated": {"en": "Made by rla {version}", "fr": "Produit par rla {version}"},
    "html.status": {"en": "Status lines", "fr": "Lignes d'état"},
    "html.legend": {"en": "Legend", "fr": "Légende"},
}
