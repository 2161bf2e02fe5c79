"""The catalogue of the CLI's own human text, in every language we ship.

A Python mapping rather than gettext .po/.mo files: no compile step, nothing to load at start-up,
and a test checks that every key exists in every language. Rule texts live in the rule files.
"""

from __future__ import annotations

import os
from typing import Callable

LANGS = ("en", "fr")

CATALOGUE: dict[str, dict[str, str]] = {
    # verdicts
    "verdict.healthy": {"en": "Redis healthy: ready and connected", "fr": "Redis fonctionne : prêt et connecté"},
    "verdict.degraded": {
        "en": "Redis degraded: the app runs on the memory-cache fallback",
        "fr": "Redis dégradé : l'application tourne sur le cache mémoire de secours",
    },
    # degraded with no fallback line in the log: say what the log shows, not what the app did not do
    "verdict.degraded_plain": {
        "en": "Redis degraded: some commands fail",
        "fr": "Redis dégradé : des commandes échouent",
    },
    "verdict.fallback": {
        "en": "the app fell back to a memory cache at {when}",
        "fr": "l'application est passée sur un cache mémoire à {when}",
    },
    "verdict.sources": {
        "en": "{n} sources: {states}",
        "fr": "{n} sources : {states}",
    },
    "state.healthy": {"en": "healthy", "fr": "sain(s)"},
    "state.degraded": {"en": "degraded", "fr": "dégradé(s)"},
    "state.failing": {"en": "failing", "fr": "en échec"},
    "state.recovered": {"en": "recovered", "fr": "rétabli(s)"},
    "state.unknown": {"en": "can't tell", "fr": "indéterminé(s)"},
    "sources.title": {"en": "Per source:", "fr": "Par source :"},
    # one source's state, in the compact per-source list (singular, unlike the counts' state.* words)
    "source.healthy": {"en": "healthy", "fr": "sain"},
    "source.degraded": {"en": "degraded", "fr": "dégradé"},
    "source.failing": {"en": "failing", "fr": "en échec"},
    "source.recovered": {"en": "recovered", "fr": "rétabli"},
    "source.unknown": {"en": "can't tell", "fr": "indéterminé"},
    "sources.more": {"en": "… {n} more source(s)", "fr": "… {n} source(s) de plus"},
    # Is it Redis? (analyzer.engine.affinity): what tied a connection failure to Redis, or why it is not Redis
    "affinity.scheme": {"en": "{scheme}:// is a Redis URL", "fr": "{scheme}:// est une URL Redis"},
    "affinity.port": {"en": "{endpoint}: a Redis port", "fr": "{endpoint} : un port Redis"},
    "affinity.host": {"en": "{host} is a Redis host name", "fr": "{host} est un nom d'hôte Redis"},
    "affinity.text": {"en": "the line names Redis ({signal})", "fr": "la ligne nomme Redis ({signal})"},
    "affinity.nearby": {
        "en": "a Redis line just before it (line {line})",
        "fr": "une ligne Redis juste avant (ligne {line})",
    },
    "affinity.connecting": {
        "en": "a Redis connection attempt was under way",
        "fr": "une connexion à Redis était en cours",
    },
    "affinity.after_up": {
        "en": "a dropped connection on an instance whose Redis client was connected",
        "fr": "une connexion coupée sur une instance dont le client Redis était connecté",
    },
    "affinity.other_port": {"en": "{service}'s port", "fr": "le port de {service}"},
    "affinity.other_scheme": {"en": "a {service} URL", "fr": "une URL {service}"},
    "affinity.none": {
        "en": "nothing ties it to Redis (no Redis port, host, client or line nearby)",
        "fr": "rien ne la relie à Redis (ni port, ni hôte, ni client, ni ligne Redis à côté)",
    },
    "not_redis.title": {"en": "Not Redis:", "fr": "Pas Redis :"},
    "not_redis.line": {"en": "not Redis: {count}× {what}, {why}", "fr": "pas Redis : {count}× {what}, {why}"},
    "affinity.error.keys": {
        "en": "{where}: unknown key (expected: {keys})",
        "fr": "{where} : clé inconnue (attendues : {keys})",
    },
    "affinity.error.list": {
        "en": "{where}: '{key}' must be a list of strings",
        "fr": "{where} : '{key}' doit être une liste de textes",
    },
    "affinity.error.map": {
        "en": "{where}: '{key}' must map names to services",
        "fr": "{where} : '{key}' doit associer des noms à des services",
    },
    "affinity.error.window": {
        "en": "{where}: 'window' must be a number of lines (0 or more)",
        "fr": "{where} : 'window' doit être un nombre de lignes (0 ou plus)",
    },
    "affinity.error.pattern": {
        "en": "{where}: {pattern!r} {why}",
        "fr": "{where} : {pattern!r} {why}",
    },
    "affinity.error.read": {"en": "{where}: {why}", "fr": "{where} : {why}"},
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
    "verdict.after_deploy": {
        "en": "no Redis error after the deploy at {when}",
        "fr": "plus aucune erreur Redis après le déploiement de {when}",
    },
    "summary.unparsed": {
        "en": "{n} record(s) could not be parsed, first at {where}",
        "fr": "{n} enregistrement(s) illisible(s), le premier à {where}",
    },
    "summary.incomplete": {"en": "incomplete input: {why}", "fr": "entrée incomplète : {why}"},
    "summary.skipped": {"en": "skipped {what}", "fr": "ignoré : {what}"},
    "summary.note": {"en": "note: {what}", "fr": "remarque : {what}"},
    # table
    "col.severity": {"en": "severity", "fr": "gravité"},
    "sev.ok": {"en": "ok", "fr": "ok"},
    "sev.info": {"en": "info", "fr": "info"},
    "sev.warning": {"en": "warning", "fr": "avertissement"},
    "sev.error": {"en": "error", "fr": "erreur"},
    "sev.critical": {"en": "critical", "fr": "critique"},
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
    # the first screen (analyzer/report/table.py) and the time model (analyzer/times.py)
    "time.date_unknown": {"en": "{time}, date unknown", "fr": "{time}, date inconnue"},
    "time.year_unknown": {"en": "{time}, year unknown", "fr": "{time}, année inconnue"},
    "verdict.nothing_read": {
        "en": "Nothing was read: no log line in the input, so no diagnosis",
        "fr": "Rien n'a été lu : aucune ligne de log en entrée, donc aucun diagnostic",
    },
    "read.lines": {"en": "read {lines} line(s) from {what}", "fr": "lu {lines} ligne(s) dans {what}"},
    "read.sources": {"en": "{n} sources", "fr": "{n} sources (fichiers ou flux)"},
    "read.logs": {
        "en": "read {lines} log(s) of {service}, {start} → {end}",
        "fr": "lu {lines} log(s) de {service}, {start} → {end}",
    },
    "read.filter": {
        "en": "server-side filter {filter}: the logs it leaves out were not diagnosed",
        "fr": "filtre côté serveur {filter} : les logs qu'il écarte n'ont pas été diagnostiqués",
    },
    "read.filter_joined": {
        "en": "filter {filter} (applied after multi-line entries are joined): the other logs were not diagnosed",
        "fr": "filtre {filter} (appliqué après réunion des entrées sur plusieurs lignes) : les autres logs n'ont pas été diagnostiqués",
    },
    "read.skipped": {"en": "not read: {what}", "fr": "non lu : {what}"},
    "read.empty": {"en": "{what} is empty", "fr": "{what} est vide"},
    "fix.title": {"en": "Fix ({id}):", "fr": "Solution ({id}) :"},
    "findings.title": {"en": "Findings ({n}):", "fr": "Constats ({n}) :"},
    "findings.title.day": {"en": "Findings ({n}), times on {day}:", "fr": "Constats ({n}), heures du {day} :"},
    "findings.title.instance": {
        "en": "Findings ({n}), all on instance {instance}:",
        "fr": "Constats ({n}), tous sur l'instance {instance} :",
    },
    "findings.title.day.instance": {
        "en": "Findings ({n}), all on instance {instance}, times on {day}:",
        "fr": "Constats ({n}), tous sur l'instance {instance}, heures du {day} :",
    },
    "findings.status": {"en": "Status lines: {list}", "fr": "Lignes d'état : {list}"},
    "findings.more": {
        "en": "-v: cause and fix of every finding · rla rules show {id}",
        "fr": "-v : cause et solution de chaque constat · rla rules show {id}",
    },
    "findings.more.plain": {
        "en": "-v: cause and fix of every finding",
        "fr": "-v : cause et solution de chaque constat",
    },
    "explain.see_root": {"en": "fix: that of {id}, above", "fr": "solution : celle de {id}, plus haut"},
    "explain.first_last": {"en": "first {first}; last {last}", "fr": "première fois {first} ; dernière {last}"},
    "unexplained.more": {"en": "… {n} more (-v)", "fr": "… {n} de plus (-v)"},
    "healthy.note": {
        "en": "No Redis problem in these logs.",
        "fr": "Aucun problème Redis dans ces logs.",
    },
    # CLI
    "paste.hint": {
        "en": "Paste the Render logs, then press Ctrl-D (Ctrl-Z then Enter on Windows). Ctrl-C to cancel.",
        "fr": "Collez les logs Render, puis appuyez sur Ctrl-D (Ctrl-Z puis Entrée sous Windows). Ctrl-C pour annuler.",
    },
    "error.prefix": {"en": "rla: error: ", "fr": "rla : erreur : "},
    "check.nothing_read": {
        "en": "nothing was read from this sample (--fail-on unknown)",
        "fr": "rien n'a été lu dans cet échantillon (--fail-on unknown)",
    },
    "check.told_nothing": {
        "en": "no Redis status or error line: the diagnosis can't tell (--fail-on unknown)",
        "fr": "aucune ligne d'état ou d'erreur Redis : le diagnostic ne peut pas conclure (--fail-on unknown)",
    },
    "error.usage": {"en": "{message} (see {help})", "fr": "{message} (voir {help})"},
    "error.select_typo_close": {
        "en": "--select/--ignore '{id}' names no rule; did you mean {close}?",
        "fr": "--select/--ignore '{id}' ne désigne aucune règle ; vouliez-vous dire {close} ?",
    },
    "rules.unknown_close": {
        "en": "no rule with id {id!r}; did you mean {close}?",
        "fr": "aucune règle avec l'identifiant {id!r} ; vouliez-vous dire {close} ?",
    },
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
    # ---------------------------------------------------------------------------------------
    # rla doctor: the note's checklist (analyzer/render/urllint.py ITEMS). French: the note's own lines.
    # ---------------------------------------------------------------------------------------
    "item.1": {"en": "REDIS_URL is set on the service", "fr": "REDIS_URL configurée dans le backend (section Environment)"},
    "item.2": {"en": "REDIS_URL is well-formed", "fr": "REDIS_URL bien formatée"},
    "item.3": {
        "en": "It points at a Live Key Value instance of the account",
        "fr": "Service Redis créé sur Render et \"Live\"",
    },
    "item.4": {"en": "It is the instance's Internal URL", "fr": "REDIS_URL correspond à l'Internal Redis URL du service Redis"},
    "item.5": {
        "en": "Service and Key Value are in the same region and workspace",
        "fr": "Backend et Redis dans la même région (recommandé)",
    },
    "item.6": {"en": "Service redeployed after REDIS_URL was set", "fr": "Backend redéployé après configuration de REDIS_URL"},
    "item.7": {
        "en": "Logs show \"✅ Redis cache connected successfully\"",
        "fr": "Logs montrent \"✅ Redis cache connected successfully\"",
    },
    "item.8": {"en": "Key Value settings fit the use", "fr": "Réglages du service Redis adaptés à l'usage"},
    # whitespace, described
    "ws.space.1": {"en": "a space", "fr": "un espace"},
    "ws.space.n": {"en": "{n} spaces", "fr": "{n} espaces"},
    "ws.tab.1": {"en": "a tab", "fr": "une tabulation"},
    "ws.tab.n": {"en": "{n} tabs", "fr": "{n} tabulations"},
    "ws.newline.1": {"en": "a newline (\\n)", "fr": "un saut de ligne (\\n)"},
    "ws.newline.n": {"en": "{n} newline (\\n)", "fr": "{n} sauts de ligne (\\n)"},
    "ws.cr.1": {"en": "a carriage return (\\r)", "fr": "un retour chariot (\\r)"},
    "ws.cr.n": {"en": "{n} carriage return (\\r)", "fr": "{n} retours chariot (\\r)"},
    "ws.other.1": {"en": "a {name}", "fr": "un caractère {name}"},
    "ws.other.n": {"en": "{n} {name}", "fr": "{n} caractères {name}"},
    "sep.and": {"en": " and ", "fr": " et "},
    "colon": {"en": ":", "fr": " :"},
    "sep.semicolon": {"en": "; ", "fr": " ; "},
    # ---------------------------------------------------------------------------------------
    # rla doctor: the offline URL lint (analyzer/render/urllint.py). The note's "Problèmes courants":
    # n'existe pas → Ajoutez-la; est vide → Remplissez-la; a des espaces → Supprimez les espaces;
    # est mal formatée → Vérifiez le format.
    # ---------------------------------------------------------------------------------------
    "lint.copy_fix": {
        "en": "Copy the Internal Key Value URL again from the Key Value's \"Connect\" menu in the Render dashboard "
        "and paste it as the value, nothing else.",
        "fr": "Dans le service Redis sur Render, menu \"Connect\", copiez à nouveau l'Internal Redis URL et collez-la "
        "comme valeur, sans rien d'autre.",
    },
    "lint.use_internal_fix": {
        "en": "Use the Key Value's Internal URL ({example}).",
        "fr": "Utilisez l'Internal Redis URL du service Redis ({example}).",
    },
    "lint.fill_fix": {
        "en": "Fill {var} with the Internal Key Value URL ({example}), then redeploy.",
        "fr": "Remplissez {var} avec l'URL Redis : l'Internal Redis URL ({example}). Puis redéployez le backend.",
    },
    "lint.internal_error": {
        "en": "could not check {var}: internal error ({error})",
        "fr": "impossible de vérifier {var} : erreur interne ({error})",
    },
    "lint.empty.msg": {"en": "{var} is empty", "fr": "{var} est vide"},
    "lint.empty.cause": {
        "en": "An empty value is the same as no value for most clients: they connect to localhost:6379, "
        "where nothing listens on Render (ECONNREFUSED 127.0.0.1:6379).",
        "fr": "Pour la plupart des clients, une valeur vide équivaut à pas de valeur : ils se connectent à "
        "localhost:6379, où rien n'écoute sur Render (ECONNREFUSED 127.0.0.1:6379).",
    },
    "lint.blank.msg": {"en": "{var} holds only whitespace ({ws})", "fr": "{var} est vide : elle ne contient que des blancs ({ws})"},
    "lint.blank.cause": {
        "en": "A value made of spaces or newlines is no URL at all; clients fail to parse it or fall back to "
        "localhost:6379.",
        "fr": "Une valeur faite d'espaces ou de sauts de ligne n'est pas une URL : les clients ne savent pas la lire "
        "ou se rabattent sur localhost:6379.",
    },
    "lint.ws.start": {"en": "at the start: {ws}", "fr": "{ws} au début"},
    "lint.ws.end": {"en": "at the end: {ws}", "fr": "{ws} à la fin"},
    "lint.whitespace.msg": {"en": "{var} has whitespace {where}", "fr": "{var} a des espaces : {where}"},
    "lint.whitespace.cause": {
        "en": "Invisible characters around the URL come from a copy-paste. Some clients trim them, others "
        "do not: a leading space makes ioredis (≤ 5.10) ignore TLS for rediss://, a trailing newline "
        "ends up in the port or the database number.",
        "fr": "Les caractères invisibles autour de l'URL viennent d'un copier-coller. Certains clients les "
        "enlèvent, d'autres non : un espace au début fait ignorer TLS à ioredis (≤ 5.10) pour rediss://, un saut "
        "de ligne à la fin se retrouve dans le port ou le numéro de base.",
    },
    "lint.whitespace.fix": {
        "en": "Edit {var} in the service's Environment page and delete the spaces/newlines around the URL.",
        "fr": "Supprimez les espaces : modifiez {var} dans la section Environment du backend et effacez les espaces "
        "et sauts de ligne autour de l'URL.",
    },
    "lint.name_in_value.msg": {
        "en": "the value of {var} starts with `{prefix}`: a whole .env line was pasted",
        "fr": "la valeur de {var} commence par `{prefix}` : une ligne entière de .env a été collée",
    },
    "lint.name_in_value.cause": {
        "en": "The line `NAME=value` (as in a .env file) was pasted into the value box, so the URL the client "
        "sees starts with `{prefix}` and has no valid scheme (Invalid URL).",
        "fr": "La ligne `NOM=valeur` (comme dans un fichier .env) a été collée dans le champ de la valeur : l'URL "
        "que voit le client commence par `{prefix}` et n'a pas de schéma valide (Invalid URL).",
    },
    "lint.name_in_value.fix": {
        "en": "Keep only the URL in the value: key {var}, value {example}.",
        "fr": "Ne gardez que l'URL dans la valeur : clé {var}, valeur {example}.",
    },
    "lint.quotes.msg": {"en": "{var} is wrapped in quotes ({quotes})", "fr": "{var} est entourée de guillemets ({quotes})"},
    "lint.quotes.cause": {
        "en": "Render stores the value verbatim: quotes are not shell syntax there, they become part of the URL "
        "and the scheme turns into `\"redis` (Invalid URL / invalid scheme).",
        "fr": "Render enregistre la valeur telle quelle : les guillemets n'y sont pas de la syntaxe shell, ils font "
        "partie de l'URL et le schéma devient `\"redis` (Invalid URL / invalid scheme).",
    },
    "lint.quotes.fix": {
        "en": "Remove the quotes: the value is the bare URL, e.g. {example}.",
        "fr": "Supprimez les guillemets : la valeur est l'URL seule, par ex. {example}.",
    },
    "lint.inner.more": {"en": " (and {n} more)", "fr": " (et {n} autre(s))"},
    "lint.inner.msg": {
        "en": "{var} has {ws} inside the URL, at character {pos}{more}",
        "fr": "{var} a {ws} dans l'URL, au caractère {pos}{more}",
    },
    "lint.inner.cause": {
        "en": "A URL cannot contain spaces or invisible characters; this usually means two values were pasted "
        "together or a line was wrapped, or a zero-width character came from a web page.",
        "fr": "Une URL ne peut contenir ni espaces ni caractères invisibles : le plus souvent, deux valeurs ont été "
        "collées ensemble, une ligne a été coupée, ou un caractère invisible vient d'une page web.",
    },
    "lint.inner.fix": {
        "en": "Retype or re-copy the URL so it is one unbroken string.",
        "fr": "Supprimez les espaces : retapez ou recopiez l'URL pour qu'elle soit d'un seul tenant.",
    },
    "lint.format.port": {"en": "port {port}", "fr": "port {port}"},
    "lint.format.no_port": {
        "en": "no port (clients use the default {default})",
        "fr": "pas de port (les clients prennent {default} par défaut)",
    },
    "lint.format.ok": {"en": "{scheme}:// URL, host {host}, {port}", "fr": "URL {scheme}://, hôte {host}, {port}"},
    "lint.no_scheme.msg": {
        "en": "{var} has no scheme: it should start with redis://",
        "fr": "{var} est mal formatée : elle doit commencer par redis://",
    },
    "lint.no_scheme.cause": {
        "en": "Without `redis://` clients cannot parse it (Invalid URL, Redis URL must specify one of the "
        "following schemes).{extra}",
        "fr": "Sans `redis://`, les clients ne savent pas la lire (Invalid URL, Redis URL must specify one of the "
        "following schemes).{extra}",
    },
    "lint.no_scheme.blueprint": {
        "en": " `red-…:6379` alone is what the Blueprint property `host`/`hostport` gives, not `connectionString`.",
        "fr": " `red-…:6379` seul est ce que donne la propriété `host`/`hostport` d'un Blueprint, pas "
        "`connectionString`.",
    },
    "lint.no_scheme.fix": {"en": "Write the full URL: {url}{extra}", "fr": "Vérifiez le format : écrivez l'URL complète, {url}{extra}"},
    "lint.no_scheme.fix_blueprint": {
        "en": " (or use `property: connectionString` in render.yaml).",
        "fr": " (ou utilisez `property: connectionString` dans render.yaml).",
    },
    "lint.scheme_case.msg": {
        "en": "the scheme is written {scheme}:// in capitals",
        "fr": "le schéma est écrit en majuscules : {scheme}://",
    },
    "lint.scheme_case.cause": {
        "en": "Some clients compare the scheme case-sensitively: ioredis treats `REDISS://` as plaintext "
        "(no TLS), other parsers reject it.",
        "fr": "Certains clients comparent le schéma en respectant la casse : ioredis traite `REDISS://` comme du "
        "texte en clair (sans TLS), d'autres le rejettent.",
    },
    "lint.scheme_case.fix": {"en": "Write it in lowercase: {low}://", "fr": "Écrivez-le en minuscules : {low}://"},
    "lint.scheme.web": {
        "en": "{low}:// is not a Redis URL scheme (it is a web/TCP address); Redis clients reject it (Invalid protocol).",
        "fr": "{low}:// n'est pas un schéma d'URL Redis (c'est une adresse web/TCP) ; les clients Redis le "
        "rejettent (Invalid protocol).",
    },
    "lint.scheme.valkey": {
        "en": "{low}:// is understood by few clients; Render gives redis:// and rediss:// URLs.",
        "fr": "{low}:// n'est compris que par peu de clients ; Render donne des URL redis:// et rediss://.",
    },
    "lint.scheme.unix": {
        "en": "unix:// is a local socket; a Render Key Value is reached over the network.",
        "fr": "unix:// désigne une socket locale ; un service Redis de Render se joint par le réseau.",
    },
    "lint.scheme.typo": {
        "en": "`{scheme}://` looks like a typo of redis:// (clients reject unknown schemes: Invalid protocol).",
        "fr": "`{scheme}://` ressemble à une faute de frappe pour redis:// (les clients rejettent les schémas "
        "inconnus : Invalid protocol).",
    },
    "lint.scheme.other": {
        "en": "`{scheme}://` is not a Redis scheme; clients accept only redis:// and rediss://.",
        "fr": "`{scheme}://` n'est pas un schéma Redis ; les clients n'acceptent que redis:// et rediss://.",
    },
    "lint.scheme.msg": {
        "en": "the scheme is {scheme}://, not redis:// or rediss://",
        "fr": "le schéma est {scheme}://, pas redis:// ni rediss://",
    },
    "lint.scheme.fix": {
        "en": "Start the URL with {want}:// (internal URL: {example}).",
        "fr": "Vérifiez le format : l'URL commence par {want}:// (URL interne : {example}).",
    },
    "lint.slashes.msg": {
        "en": "the URL starts with {scheme}:{slashes} instead of {low}://",
        "fr": "l'URL commence par {scheme}:{slashes} au lieu de {low}://",
    },
    "lint.slashes.cause": {
        "en": "`{scheme}:{slashes}` is a mistyped scheme separator; the host is then read as a path and clients "
        "connect to localhost or reject the URL.",
        "fr": "`{scheme}:{slashes}` est un séparateur mal tapé : l'hôte est alors lu comme un chemin, et les "
        "clients se connectent à localhost ou rejettent l'URL.",
    },
    "lint.slashes.fix": {
        "en": "Write {low}:// followed by the host: {example}.",
        "fr": "Vérifiez le format : {low}:// puis l'hôte, {example}.",
    },
    "lint.cut.at": {"en": "the first \"@\"", "fr": "le premier \"@\""},
    "lint.cut.hash": {"en": "the \"#\" (read as a fragment)", "fr": "le \"#\" (lu comme un fragment)"},
    "lint.cut.slash": {"en": "the \"/\" (read as the path)", "fr": "le \"/\" (lu comme le chemin)"},
    "lint.cut.query": {"en": "the \"?\" (read as the query)", "fr": "le \"?\" (lu comme la requête)"},
    "lint.password_encoding.msg": {
        "en": "the password contains {chars} not percent-encoded",
        "fr": "le mot de passe contient {chars} sans encodage en pourcentage",
    },
    "lint.password_encoding.cause": {
        "en": "Inside a URL these characters end the user/password part, so a parser may cut the URL at "
        "{cut} and take part of the password as the host (ENOTFOUND, WRONGPASS, Invalid URL).",
        "fr": "Dans une URL, ces caractères terminent la partie utilisateur/mot de passe : un parseur peut couper "
        "l'URL à {cut} et prendre une partie du mot de passe pour l'hôte (ENOTFOUND, WRONGPASS, Invalid URL).",
    },
    "lint.password_encoding.fix": {
        "en": "Percent-encode them in the password ({enc}), or copy the URL Render shows, which is already encoded.",
        "fr": "Encodez-les dans le mot de passe ({enc}), ou copiez l'URL affichée par Render, déjà encodée.",
    },
    "lint.bad_percent.msg": {
        "en": "the password has a '%' that is not followed by two hex digits",
        "fr": "le mot de passe contient un '%' qui n'est pas suivi de deux chiffres hexadécimaux",
    },
    "lint.bad_percent.cause": {
        "en": "'%' starts an escape in a URL; a lone '%' makes the URL invalid (URIError / Invalid URL).",
        "fr": "Dans une URL, '%' commence un échappement ; un '%' seul rend l'URL invalide (URIError / Invalid URL).",
    },
    "lint.bad_percent.fix": {"en": "Write a literal '%' as %25.", "fr": "Écrivez un '%' littéral sous la forme %25."},
    "lint.ipv6_brackets.msg": {
        "en": "an IPv6 address must be written in [brackets]",
        "fr": "une adresse IPv6 doit s'écrire entre [crochets]",
    },
    "lint.ipv6_brackets.cause": {
        "en": "Without brackets the colons of an IPv6 address are read as the port separator.",
        "fr": "Sans crochets, les deux-points d'une adresse IPv6 sont lus comme le séparateur du port.",
    },
    "lint.ipv6_brackets.fix": {
        "en": "Write redis://[2001:db8::1]:6379 — or better, the red-… hostname Render gives.",
        "fr": "Écrivez redis://[2001:db8::1]:6379 — ou mieux, le nom d'hôte red-… donné par Render.",
    },
    "lint.ipv6_invalid.msg": {"en": "{host} is not a valid IPv6 address", "fr": "{host} n'est pas une adresse IPv6 valide"},
    "lint.ipv6_invalid.cause": {
        "en": "The bracketed host must be an IPv6 address.",
        "fr": "Entre crochets, l'hôte doit être une adresse IPv6.",
    },
    "lint.ipv6_invalid.fix": {
        "en": "Fix the address or use the red-… hostname.",
        "fr": "Corrigez l'adresse ou utilisez le nom d'hôte red-….",
    },
    "lint.no_host.msg": {"en": "the URL has no host", "fr": "l'URL n'a pas d'hôte"},
    "lint.no_host.cause": {
        "en": "With no host, clients connect to localhost:6379, where nothing listens on Render.",
        "fr": "Sans hôte, les clients se connectent à localhost:6379, où rien n'écoute sur Render.",
    },
    "lint.no_host.fix": {
        "en": "Put the Key Value host after {scheme}://, e.g. {example}.",
        "fr": "Mettez l'hôte du service Redis après {scheme}://, par ex. {example}.",
    },
    "lint.bad_host.msg": {
        "en": "the host {host!r} has characters a hostname cannot have",
        "fr": "l'hôte {host!r} contient des caractères interdits dans un nom d'hôte",
    },
    "lint.bad_host.cause": {
        "en": "A hostname is letters, digits, dots and dashes; anything else means the URL was cut or mangled.",
        "fr": "Un nom d'hôte ne contient que des lettres, des chiffres, des points et des tirets ; autre chose "
        "veut dire que l'URL a été coupée ou abîmée.",
    },
    "lint.empty_port.msg": {
        "en": "the URL ends its host with ':' but no port",
        "fr": "l'hôte de l'URL se termine par ':' sans port",
    },
    "lint.empty_port.cause": {
        "en": "Most clients then use the default 6379, some reject the URL.",
        "fr": "La plupart des clients prennent alors 6379 par défaut, certains rejettent l'URL.",
    },
    "lint.empty_port.fix": {"en": "Write the port: {host}:{port}.", "fr": "Écrivez le port : {host}:{port}."},
    "lint.port_word.msg": {"en": "the port is not a number ({port})", "fr": "le port n'est pas un nombre ({port})"},
    "lint.port_word.cause": {
        "en": "After the host's ':' comes the port. A word there is often a password whose `@host` part was "
        "lost, or two URLs glued together.",
        "fr": "Après le ':' de l'hôte vient le port. Un mot à cet endroit est souvent un mot de passe dont la partie "
        "`@hôte` a été perdue, ou deux URL collées ensemble.",
    },
    "lint.port_range.msg": {
        "en": "the port {port} is out of range (1-65535)",
        "fr": "le port {port} est hors limites (1-65535)",
    },
    "lint.port_range.cause": {"en": "No TCP port has this number.", "fr": "Aucun port TCP ne porte ce numéro."},
    "lint.port_range.fix": {"en": "Use port {port}.", "fr": "Utilisez le port {port}."},
    "lint.db.msg": {"en": "the path /{path} is not a database number", "fr": "le chemin /{path} n'est pas un numéro de base"},
    "lint.db.cause": {
        "en": "The path of a Redis URL selects a database and must be a number (/0 … /15); anything else is "
        "rejected (invalid database number / Invalid pathname) or comes from a copy-paste gone wrong.",
        "fr": "Le chemin d'une URL Redis choisit la base et doit être un nombre (/0 … /15) ; autre chose est "
        "rejeté (invalid database number / Invalid pathname) ou vient d'un copier-coller raté.",
    },
    "lint.db.fix": {"en": "Remove the path, or use /0.", "fr": "Supprimez le chemin, ou utilisez /0."},
    "lint.db_range.msg": {"en": "database /{db} is above 15", "fr": "la base /{db} dépasse 15"},
    "lint.db_range.cause": {
        "en": "Redis and Valkey have 16 databases (0-15) by default; SELECT fails with a higher number.",
        "fr": "Redis et Valkey ont 16 bases (0-15) par défaut ; SELECT échoue au-delà.",
    },
    "lint.db_range.fix": {
        "en": "Use a database from /0 to /15 (most apps use /0).",
        "fr": "Utilisez une base de /0 à /15 (la plupart des applications utilisent /0).",
    },
    "lint.fragment.msg": {"en": "the URL has a '#…' fragment after the host", "fr": "l'URL a un fragment '#…' après l'hôte"},
    "lint.fragment.cause": {
        "en": "A '#' has no meaning in a Redis URL; it is usually a piece of a password or a comment pasted along.",
        "fr": "Un '#' n'a pas de sens dans une URL Redis ; c'est souvent un morceau de mot de passe ou un "
        "commentaire collé avec.",
    },
    "lint.localhost.msg": {
        "en": "{var} points at {host}, the service's own container",
        "fr": "{var} pointe vers {host}, le conteneur du backend lui-même",
    },
    "lint.localhost.cause": {
        "en": "On Render nothing listens on localhost:6379 inside your service; the client gets "
        "ECONNREFUSED 127.0.0.1:6379.",
        "fr": "Sur Render, rien n'écoute sur localhost:6379 dans votre backend : le client reçoit "
        "ECONNREFUSED 127.0.0.1:6379.",
    },
    "lint.host_internal.ok": {"en": "internal Key Value host {host}", "fr": "hôte interne du service Redis : {host}"},
    "lint.external_region.msg": {
        "en": "{host}: '{region}' is not a Render region",
        "fr": "{host} : '{region}' n'est pas une région Render",
    },
    "lint.external_region.cause": {
        "en": "Render's external hosts are <region>-keyvalue.render.com with region one of {regions}.",
        "fr": "Les hôtes externes de Render sont <région>-keyvalue.render.com, la région étant l'une de : {regions}.",
    },
    "lint.host_external.ok": {"en": "external Key Value host ({region})", "fr": "hôte externe du service Redis ({region})"},
    "lint.handmade.msg": {"en": "{host} is not a real Render hostname", "fr": "{host} n'est pas un vrai nom d'hôte Render"},
    "lint.handmade.cause": {
        "en": "The internal hostname is the instance id alone (red-…), the external one is "
        "<region>-keyvalue.render.com; a mix of both does not resolve (getaddrinfo ENOTFOUND).",
        "fr": "Le nom d'hôte interne est l'identifiant seul de l'instance (red-…), l'externe est "
        "<région>-keyvalue.render.com ; un mélange des deux ne se résout pas (getaddrinfo ENOTFOUND).",
    },
    "lint.handmade.fix": {
        "en": "Use redis://{id}:6379 (internal), or copy the External URL as Render shows it.",
        "fr": "Utilisez redis://{id}:6379 (interne), ou copiez l'External URL telle que Render l'affiche.",
    },
    "lint.short_id.msg": {
        "en": "{host} looks like a Key Value id but has {n} characters after red- instead of 20",
        "fr": "{host} ressemble à un identifiant de service Redis mais a {n} caractères après red- au lieu de 20",
    },
    "lint.short_id.cause": {
        "en": "The id was cut or mistyped when copied; the name will not resolve (ENOTFOUND).",
        "fr": "L'identifiant a été coupé ou mal recopié : le nom ne se résoudra pas (ENOTFOUND).",
    },
    "lint.onrender.msg": {
        "en": "{host} is a web service address, not a Key Value",
        "fr": "{host} est l'adresse d'un service web, pas d'un service Redis",
    },
    "lint.onrender.cause": {
        "en": "*.onrender.com is the public HTTPS address of a web service; no Redis listens there.",
        "fr": "*.onrender.com est l'adresse HTTPS publique d'un service web ; aucun Redis n'y écoute.",
    },
    "lint.ip.msg": {
        "en": "{var} uses an IP address ({host}) instead of a hostname",
        "fr": "{var} utilise une adresse IP ({host}) au lieu d'un nom d'hôte",
    },
    "lint.ip.cause": {
        "en": "Render's private addresses change when the instance restarts or moves; the red-… name follows it.",
        "fr": "Les adresses privées de Render changent quand l'instance redémarre ou change de machine ; le nom "
        "red-… la suit.",
    },
    "lint.ip.fix": {
        "en": "Use the hostname from the Internal URL ({example}).",
        "fr": "Utilisez le nom d'hôte de l'Internal Redis URL ({example}).",
    },
    "lint.not_render": {
        "en": "{host} is not a Render Key Value host; the Render checks do not apply",
        "fr": "{host} n'est pas un hôte de service Redis Render ; les vérifications Render ne s'appliquent pas",
    },
    "lint.render_port.msg": {
        "en": "port {port}: Render Key Value listens on {default}",
        "fr": "port {port} : le service Redis de Render écoute sur {default}",
    },
    "lint.render_port.cause": {
        "en": "Render's internal and external Key Value endpoints use port {default}.",
        "fr": "Les adresses interne et externe d'un service Redis Render utilisent le port {default}.",
    },
    "lint.render_port.fix": {"en": "Use :{default}.", "fr": "Vérifiez que le port est correct : utilisez :{default}."},
    "lint.internal_rediss.msg": {
        "en": "rediss:// (TLS) to the internal host, which speaks plaintext",
        "fr": "rediss:// (TLS) vers l'hôte interne, qui parle en clair",
    },
    "lint.internal_rediss.cause": {
        "en": "The internal endpoint red-…:6379 does not use TLS; a TLS client waits for a handshake that never "
        "comes and times out (node-redis `Connection timeout`, ioredis `connect ETIMEDOUT`, redis-py "
        "`Timeout connecting to server`: what the clients printed against a plaintext Redis here).",
        "fr": "L'adresse interne red-…:6379 n'utilise pas TLS : un client TLS attend une poignée de main qui ne "
        "vient jamais et finit en timeout (node-redis `Connection timeout`, ioredis `connect ETIMEDOUT`, "
        "redis-py `Timeout connecting to server` : ce que les clients ont affiché face à un Redis sans TLS).",
    },
    "lint.internal_rediss.fix": {
        "en": "Use redis:// for the internal URL: redis://{host}:{port}",
        "fr": "Utilisez redis:// pour l'URL interne : redis://{host}:{port}",
    },
    "lint.tls_internal.ok": {
        "en": "internal URL over plaintext redis://, as Render gives it",
        "fr": "URL interne en redis:// (en clair), telle que Render la donne",
    },
    "lint.external_plaintext.msg": {
        "en": "plaintext redis:// to the external host, which requires TLS",
        "fr": "redis:// en clair vers l'hôte externe, qui exige TLS",
    },
    "lint.external_plaintext.cause": {
        "en": "Render's external endpoint accepts only TLS: a plaintext client gets `Protocol error, got "
        "\"\\u0015\"`, `Socket closed unexpectedly` or ECONNRESET before `ready`.",
        "fr": "L'adresse externe de Render n'accepte que TLS : un client en clair reçoit `Protocol error, got "
        "\"\\u0015\"`, `Socket closed unexpectedly` ou ECONNRESET avant `ready`.",
    },
    "lint.external_plaintext.fix": {
        "en": "From a service on Render use the Internal URL (redis://red-…:6379). From outside, keep the "
        "External URL as Render shows it, with rediss://.",
        "fr": "Depuis un service sur Render, utilisez l'Internal Redis URL (redis://red-…:6379). Depuis "
        "l'extérieur, gardez l'External URL telle que Render l'affiche, en rediss://.",
    },
    "lint.external_no_password.msg": {"en": "the external URL has no password", "fr": "l'URL externe n'a pas de mot de passe"},
    "lint.external_no_password.cause": {
        "en": "External connections always require authentication (user red-…, password from the dashboard); "
        "without it the server answers NOAUTH.",
        "fr": "Les connexions externes exigent toujours une authentification (utilisateur red-…, mot de passe du "
        "dashboard) ; sans elle, le serveur répond NOAUTH.",
    },
    "lint.external_no_password.fix": {
        "en": "Copy the whole External URL, including red-…:<password>@, from the Connect menu.",
        "fr": "Copiez l'External URL entière, avec red-…:<mot de passe>@, depuis le menu Connect.",
    },
    "lint.external_from_render.msg": {
        "en": "external URL (rediss://…render.com) used from a service on Render",
        "fr": "URL externe (rediss://…render.com) utilisée depuis un service sur Render",
    },
    "lint.external_from_render.cause": {
        "en": "The external URL leaves Render's private network: slower, billed as outbound bandwidth, needs "
        "TLS, and works only if the service's outbound IPs are on the Key Value's IP allowlist (else "
        "`Client IP address is not in the allowlist`).",
        "fr": "L'URL externe sort du réseau privé de Render : plus lente, facturée en bande passante sortante, elle "
        "exige TLS et ne marche que si les IP sortantes du backend sont dans l'IP allowlist du service Redis "
        "(sinon `Client IP address is not in the allowlist`).",
    },
    "lint.external_from_render.fix": {
        "en": "Use the Internal URL (redis://red-…:6379) for services on Render in the same region; keep the "
        "External URL for access from outside Render.",
        "fr": "Utilisez l'Internal Redis URL (redis://red-…:6379) pour les services sur Render dans la même "
        "région ; gardez l'External URL pour les accès depuis l'extérieur de Render.",
    },
    "lint.tls_external.ok": {"en": "external URL with TLS and a password", "fr": "URL externe avec TLS et mot de passe"},
    # ---------------------------------------------------------------------------------------
    # rla doctor: the checks that read the Render API (analyzer/render/doctor.py). "service" is the
    # app (the note's "backend"), "Key Value" the note's "service Redis".
    # ---------------------------------------------------------------------------------------
    "item.internal": {"en": "internal", "fr": "interne"},
    "doctor.not_fetched": {"en": "not fetched", "fr": "non récupéré"},
    "doctor.not_checked": {"en": "not checked", "fr": "non vérifié"},
    "doctor.more": {"en": " (+{n} more)", "fr": " (+{n} autre(s))"},
    "doctor.none": {"en": "none", "fr": "aucun"},
    "doctor.unknown": {"en": "unknown", "fr": "inconnu"},
    "doctor.see_item_2": {"en": "nothing to check: see item 2", "fr": "rien à vérifier : voir le point 2"},
    "doctor.check_crashed": {
        "en": "a check failed on unexpected data ({error})",
        "fr": "une vérification a échoué sur des données inattendues ({error})",
    },
    "doctor.url.no_value": {
        "en": "no value to check: {var} was not found (item 1)",
        "fr": "aucune valeur à vérifier : {var} est introuvable (point 1)",
    },
    "doctor.url.unread": {"en": "no value to check: {why}", "fr": "aucune valeur à vérifier : {why}"},
    # item 1
    "doctor.src.service": {"en": "service", "fr": "service"},
    "doctor.src.group": {"en": "env group {name}", "fr": "env group {name}"},
    "doctor.near": {"en": "{key} ({src})", "fr": "{key} ({src})"},
    "doctor.other_value": {"en": "{key} ({src}) = {value}", "fr": "{key} ({src}) = {value}"},
    "doctor.present.ok": {"en": "{var} is set ({source})", "fr": "{var} est configurée ({source})"},
    "doctor.present.unread": {
        "en": "could not read the service's variables: {why}",
        "fr": "impossible de lire les variables du backend : {why}",
    },
    "doctor.present.own_vars": {"en": "its own variables", "fr": "ses propres variables"},
    "doctor.present.groups": {"en": "its linked env groups", "fr": "ses env groups liés"},
    "doctor.present.partial": {
        "en": "{var} is not in what could be read, but {missing} could not be read: {why}",
        "fr": "{var} n'est pas dans ce qui a pu être lu, mais impossible de lire {missing} : {why}",
    },
    "doctor.duplicate.msg": {
        "en": "{var} is also set in {src}, with a different value",
        "fr": "{var} est aussi configurée dans {src}, avec une autre valeur",
    },
    "doctor.duplicate.cause": {
        "en": "{var} is defined on the {source} ({value}) and in {src} ({other}). Only one reaches the app (Render's "
        "docs give the service's own variable precedence over a group's; the API does not show which), and the "
        "other gets edited by mistake.",
        "fr": "{var} est définie à deux endroits : {source} ({value}) et {src} ({other}). Une seule arrive à "
        "l'application (d'après la doc de Render, la variable du service l'emporte sur celle du groupe ; l'API ne "
        "dit pas laquelle), et l'autre finit modifiée par erreur.",
    },
    "doctor.duplicate.fix": {
        "en": "Keep one definition of {var} (usually in the env group shared by every service that uses Redis).",
        "fr": "Gardez une seule définition de {var} (en général dans l'env group partagé par tous les services qui "
        "utilisent Redis).",
    },
    "doctor.missing.near": {"en": " A variable with a close name exists: {near}.", "fr": " Une variable au nom proche existe : {near}."},
    "doctor.missing.others": {
        "en": " Other variables hold Redis URLs: {others} — does the code read one of these instead (use --var)?",
        "fr": " D'autres variables contiennent des URL Redis : {others} — le code lit-il plutôt l'une d'elles "
        "(utilisez --var) ?",
    },
    "doctor.missing.msg": {
        "en": "{var} does not exist on the service nor in its linked env groups ({groups})",
        "fr": "{var} n'existe pas, ni dans le backend ni dans ses env groups liés ({groups})",
    },
    "doctor.missing.cause": {
        "en": "The app reads {var}; without it node-redis/ioredis connect to localhost:6379, where nothing listens "
        "on Render (ECONNREFUSED 127.0.0.1:6379, 'REDIS_URL is NOT set').{hint}",
        "fr": "La variable d'environnement n'est pas définie. L'application lit {var} ; sans elle, "
        "node-redis/ioredis se connectent à localhost:6379, où rien n'écoute sur Render (ECONNREFUSED "
        "127.0.0.1:6379, 'REDIS_URL is NOT set').{hint}",
    },
    "doctor.missing.fix": {
        "en": "Add {var} under the service's Environment (or in a linked env group) with the Key Value's "
        "Internal URL ({example}), then redeploy.",
        "fr": "Ajoutez-la : {var} dans les variables d'environnement du backend (section Environment, ou un env "
        "group lié), avec l'Internal Redis URL du service Redis ({example}). Redéployez le backend après avoir "
        "ajouté la variable.",
    },
    "doctor.other_redis": {"en": "other Redis values: {others}", "fr": "autres valeurs Redis : {others}"},
    # item 3
    "doctor.instance.no_url": {
        "en": "no readable URL to follow (see items 1-2)",
        "fr": "aucune URL lisible à suivre (voir les points 1-2)",
    },
    "doctor.instance.not_render": {
        "en": "{host} is not a Render Key Value hostname; nothing to look up",
        "fr": "{host} n'est pas un nom d'hôte de service Redis Render ; rien à chercher",
    },
    "doctor.instance.no_user": {
        "en": "the external URL has no red-… user name, so the instance is unknown",
        "fr": "l'URL externe n'a pas de nom d'utilisateur red-…, l'instance est donc inconnue",
    },
    "doctor.instance.unread": {"en": "could not read Key Value {inst}: {err}", "fr": "impossible de lire le service Redis {inst} : {err}"},
    "doctor.not_found.msg": {"en": "no Key Value {inst} in this account", "fr": "aucun service Redis {inst} dans ce compte"},
    "doctor.not_found.cause": {
        "en": "The API knows no instance {inst} for this key: it was deleted (or recreated with a new id), "
        "or it belongs to another workspace. The hostname then does not resolve (getaddrinfo ENOTFOUND).",
        "fr": "L'API ne connaît aucune instance {inst} pour cette clé : elle a été supprimée (ou recréée avec un "
        "nouvel identifiant), ou elle appartient à un autre espace de travail. Le nom d'hôte ne se résout alors "
        "pas (getaddrinfo ENOTFOUND).",
    },
    "doctor.not_found.fix": {
        "en": "Open the Key Value in the dashboard and copy its current Internal URL into {var}, then redeploy.",
        "fr": "Ouvrez le service Redis dans le dashboard, copiez son Internal Redis URL actuelle dans {var}, puis "
        "redéployez le backend.",
    },
    "doctor.kv.label": {"en": "Key Value {name} ({inst})", "fr": "le service Redis {name} ({inst})"},
    "doctor.kv.live": {"en": "{label} is Live (available)", "fr": "{label} est \"Live\" (available)"},
    "doctor.kv.odd_status": {
        "en": "{label} reports status '{status}', which says nothing about its health",
        "fr": "{label} indique l'état '{status}', qui ne dit rien de sa santé",
    },
    "doctor.kv.status_warn": {"en": "{label} {what} (status {status})", "fr": "{label} {what} (état {status})"},
    "doctor.kv.status_fail": {
        "en": "{label} {what} (status {status}), not Live",
        "fr": "{label} {what} (état {status}), pas \"Live\"",
    },
    "doctor.kv.scheduled": {"en": " Scheduled for {when}.", "fr": " Prévue le {when}."},
    "doctor.kv.creating.what": {"en": "is still being created", "fr": "est encore en cours de création"},
    "doctor.kv.creating.cause": {
        "en": "A new instance takes a few minutes before it accepts connections.",
        "fr": "Une nouvelle instance met quelques minutes avant d'accepter des connexions.",
    },
    "doctor.kv.creating.fix": {
        "en": "Wait until the dashboard shows it Available, then redeploy the service (or let it reconnect).",
        "fr": "Attendez que le dashboard l'affiche Available, puis redéployez le backend (ou laissez-le se "
        "reconnecter).",
    },
    "doctor.kv.suspended.what": {"en": "is suspended", "fr": "est suspendu"},
    "doctor.kv.suspended.cause": {
        "en": "A suspended instance accepts no connections (suspended by a user, for billing, or a free "
        "instance over its limits); clients get ECONNREFUSED or timeouts.",
        "fr": "Une instance suspendue n'accepte aucune connexion (suspendue par un utilisateur, pour la "
        "facturation, ou instance gratuite au-delà de ses limites) : les clients reçoivent ECONNREFUSED ou des "
        "timeouts.",
    },
    "doctor.kv.suspended.fix": {
        "en": "Resume it from the dashboard (or POST /v1/key-value/{id}/resume) and check billing.",
        "fr": "Redémarrez-le depuis le dashboard (Resume, ou POST /v1/key-value/{id}/resume) et vérifiez la "
        "facturation.",
    },
    "doctor.kv.unavailable.what": {"en": "is unavailable", "fr": "est indisponible"},
    "doctor.kv.unavailable.cause": {
        "en": "The instance is down; clients get ECONNREFUSED, timeouts or dropped connections.",
        "fr": "L'instance est arrêtée : les clients reçoivent ECONNREFUSED, des timeouts ou des connexions coupées.",
    },
    "doctor.kv.unavailable.fix": {
        "en": "Check the instance's Events in the dashboard; if it stays unavailable, contact Render support.",
        "fr": "Consultez les Events de l'instance dans le dashboard ; si elle reste indisponible, contactez le "
        "support Render.",
    },
    "doctor.kv.config_restart.what": {
        "en": "is restarting to apply a configuration change",
        "fr": "redémarre pour appliquer un changement de configuration",
    },
    "doctor.kv.config_restart.cause": {
        "en": "Changing the instance's settings restarts it; it is unreachable for a few seconds.",
        "fr": "Changer les réglages de l'instance la redémarre : elle est injoignable quelques secondes.",
    },
    "doctor.kv.config_restart.fix": {
        "en": "Wait for it to be Available; keep client reconnection enabled.",
        "fr": "Attendez qu'elle soit Available ; gardez la reconnexion automatique du client activée.",
    },
    "doctor.kv.maintenance_scheduled.what": {"en": "has maintenance scheduled", "fr": "a une maintenance programmée"},
    "doctor.kv.maintenance_scheduled.cause": {
        "en": "Render will restart the instance during the maintenance window; expect a short outage.",
        "fr": "Render redémarrera l'instance pendant la fenêtre de maintenance : prévoyez une courte coupure.",
    },
    "doctor.kv.maintenance_scheduled.fix": {
        "en": "Keep client reconnection enabled; trigger the maintenance yourself at a quiet time.",
        "fr": "Gardez la reconnexion automatique du client activée ; lancez vous-même la maintenance à une heure "
        "calme.",
    },
    "doctor.kv.maintenance_in_progress.what": {"en": "is under maintenance", "fr": "est en maintenance"},
    "doctor.kv.maintenance_in_progress.cause": {
        "en": "During maintenance the instance restarts; connections drop for a short while.",
        "fr": "Pendant la maintenance, l'instance redémarre : les connexions tombent un court moment.",
    },
    "doctor.kv.maintenance_in_progress.fix": {
        "en": "Wait for the maintenance to end; keep client reconnection enabled.",
        "fr": "Attendez la fin de la maintenance ; gardez la reconnexion automatique du client activée.",
    },
    "doctor.kv.recovery_in_progress.what": {"en": "is recovering", "fr": "est en cours de rétablissement"},
    "doctor.kv.recovery_in_progress.cause": {
        "en": "Render is recovering the instance after a failure; it may refuse connections meanwhile.",
        "fr": "Render rétablit l'instance après une panne ; elle peut refuser des connexions en attendant.",
    },
    "doctor.kv.recovery_in_progress.fix": {
        "en": "Wait for it to be Available; if it lasts, contact Render support.",
        "fr": "Attendez qu'elle soit Available ; si cela dure, contactez le support Render.",
    },
    "doctor.kv.recovery_failed.what": {"en": "failed to recover", "fr": "n'a pas pu être rétabli"},
    "doctor.kv.recovery_failed.cause": {
        "en": "The instance could not be brought back after a failure; it accepts no connections.",
        "fr": "L'instance n'a pas pu être relancée après une panne : elle n'accepte aucune connexion.",
    },
    "doctor.kv.recovery_failed.fix": {
        "en": "Contact Render support, or create a new Key Value and point REDIS_URL at it.",
        "fr": "Contactez le support Render, ou créez un nouveau service Redis et faites pointer REDIS_URL dessus.",
    },
    "doctor.kv.updating_instance.what": {"en": "is changing instance type", "fr": "change de type d'instance"},
    "doctor.kv.updating_instance.cause": {
        "en": "An instance type change makes it unavailable for about 1-2 minutes.",
        "fr": "Un changement de type d'instance la rend indisponible 1 à 2 minutes environ.",
    },
    "doctor.kv.updating_instance.fix": {
        "en": "Wait for it to be Available; keep client reconnection enabled.",
        "fr": "Attendez qu'elle soit Available ; gardez la reconnexion automatique du client activée.",
    },
    # item 4
    "doctor.internal.scheme_first": {
        "en": "cannot be compared until the scheme is fixed (item 2)",
        "fr": "comparaison impossible tant que le schéma n'est pas corrigé (point 2)",
    },
    "doctor.internal.unread": {
        "en": "could not read the connection info of {inst}: {why}",
        "fr": "impossible de lire les informations de connexion de {inst} : {why}",
    },
    "doctor.internal.none": {
        "en": "the API gave no internal connection string",
        "fr": "l'API n'a donné aucune URL de connexion interne",
    },
    "doctor.internal.ok": {
        "en": "matches the instance's Internal URL{db}{trimmed}",
        "fr": "correspond à l'Internal Redis URL du service Redis{db}{trimmed}",
    },
    "doctor.internal.db": {"en": " (database /{db})", "fr": " (base /{db})"},
    "doctor.internal.trimmed": {
        "en": " once the characters of item 2 are removed",
        "fr": " une fois retirés les caractères du point 2",
    },
    "doctor.external_url.msg": {
        "en": "it is the instance's External URL, not the Internal one",
        "fr": "c'est l'External URL du service Redis, pas l'Internal Redis URL",
    },
    "doctor.external_url.cause": {
        "en": "The service runs on Render: the external URL leaves the private network (slower, TLS, billed egress) "
        "and only works while the service's outbound IPs are on the instance's IP allowlist.",
        "fr": "Le backend tourne sur Render : l'URL externe sort du réseau privé (plus lente, TLS, trafic sortant "
        "facturé) et ne marche que tant que les IP sortantes du backend sont dans l'IP allowlist de l'instance.",
    },
    "doctor.external_url.fix": {
        "en": "Set {var} to the Internal URL {internal} (same region and workspace), then redeploy.",
        "fr": "Mettez dans {var} l'Internal Redis URL {internal} (même région, même espace de travail), puis "
        "redéployez le backend.",
    },
    "doctor.diff.host": {"en": "host {mine} instead of {want}", "fr": "hôte {mine} au lieu de {want}"},
    "doctor.diff.scheme": {"en": "scheme {mine}:// instead of {want}://", "fr": "schéma {mine}:// au lieu de {want}://"},
    "doctor.diff.port": {"en": "port {mine} instead of {want}", "fr": "port {mine} au lieu de {want}"},
    "doctor.diff.user": {"en": "user {mine} instead of {want}", "fr": "utilisateur {mine} au lieu de {want}"},
    "doctor.diff.none": {"en": "(none)", "fr": "(aucun)"},
    "doctor.diff.no_password": {
        "en": "no password, while the instance requires one",
        "fr": "pas de mot de passe, alors que l'instance en exige un",
    },
    "doctor.diff.no_password.cause": {
        "en": " Internal authentication is enabled on the instance: its internal URL now carries a "
        "password, and a client without it gets NOAUTH Authentication required.",
        "fr": " L'authentification interne est activée sur l'instance : son URL interne contient désormais un mot "
        "de passe, et un client qui ne l'a pas reçoit NOAUTH Authentication required.",
    },
    "doctor.diff.extra_password": {"en": "a password the instance does not use", "fr": "un mot de passe que l'instance n'utilise pas"},
    "doctor.diff.extra_password.cause": {
        "en": " A password sent to an instance without auth makes node-redis/redis-py fail the handshake "
        "(AUTH … called without any password configured).",
        "fr": " Un mot de passe envoyé à une instance sans authentification fait échouer la connexion de "
        "node-redis/redis-py (AUTH … called without any password configured).",
    },
    "doctor.diff.other_password": {
        "en": "a different password (rotated, or from another instance)",
        "fr": "un autre mot de passe (changé, ou d'une autre instance)",
    },
    "doctor.diff.other_password.cause": {"en": " The server answers WRONGPASS.", "fr": " Le serveur répond WRONGPASS."},
    "doctor.mismatch.msg": {
        "en": "it differs from the instance's {which} URL: {diffs}",
        "fr": "elle diffère de l'{which} URL du service Redis : {diffs}",
    },
    "doctor.mismatch.cause": {
        "en": "The note asks that REDIS_URL be exactly the Internal Redis URL of the instance (Connect menu); "
        "any difference is a hand edit or a stale copy.{extra}",
        "fr": "La note demande que REDIS_URL corresponde exactement à l'Internal Redis URL du service Redis (menu "
        "Connect) ; toute différence vient d'une modification à la main ou d'une copie périmée.{extra}",
    },
    "doctor.mismatch.fix": {
        "en": "Set {var} to {internal}, then redeploy.",
        "fr": "Mettez {internal} dans {var}, puis redéployez le backend.",
    },
    # item 5
    "doctor.region.no_kv": {
        "en": "no Render Key Value to compare with (see items 2-3)",
        "fr": "aucun service Redis Render à comparer (voir les points 2-3)",
    },
    "doctor.region.unread": {"en": "could not compare: {why}", "fr": "comparaison impossible : {why}"},
    "doctor.workspace.msg": {
        "en": "the Key Value is in workspace {kv}, the service in {svc}",
        "fr": "le service Redis est dans l'espace de travail {kv}, le backend dans {svc}",
    },
    "doctor.workspace.cause": {
        "en": "Render's private network, and so the internal URL red-…:6379, only connects services and "
        "instances of the same workspace (and region); from another workspace the name does not resolve "
        "(ENOTFOUND).",
        "fr": "Le réseau privé de Render, donc l'URL interne red-…:6379, ne relie que les services et instances "
        "d'un même espace de travail (et d'une même région) ; depuis un autre espace de travail, le nom ne se "
        "résout pas (ENOTFOUND).",
    },
    "doctor.workspace.fix": {
        "en": "Create the Key Value in the service's workspace, or move the service; across workspaces only the "
        "External URL (rediss://, IP allowlist) works.",
        "fr": "Créez le service Redis dans l'espace de travail du backend, ou déplacez le backend ; entre espaces "
        "de travail, seule l'External URL (rediss://, IP allowlist) fonctionne.",
    },
    "doctor.region.no_service_region": {
        "en": "the service ({type}) has no region in the API; static sites are not on the private network at all",
        "fr": "le service ({type}) n'a pas de région dans l'API ; les sites statiques ne sont pas du tout sur le "
        "réseau privé",
    },
    "doctor.region.no_kv_region": {
        "en": "the Key Value has no region in the API answer",
        "fr": "le service Redis n'a pas de région dans la réponse de l'API",
    },
    "doctor.region.msg": {
        "en": "the service runs in {svc}, the Key Value in {kv}",
        "fr": "le backend est dans la région {svc}, le service Redis dans la région {kv}",
    },
    "doctor.region.cause_internal": {
        "en": "The internal URL only works inside one region: from another region red-… does not resolve "
        "(getaddrinfo ENOTFOUND red-…).",
        "fr": "L'URL interne ne fonctionne qu'à l'intérieur d'une région : depuis une autre région, red-… ne se "
        "résout pas (getaddrinfo ENOTFOUND red-…).",
    },
    "doctor.region.cause_external": {
        "en": "The external URL works across regions, but every command crosses the internet: slow and billed.",
        "fr": "L'URL externe fonctionne d'une région à l'autre, mais chaque commande traverse Internet : lent et "
        "facturé.",
    },
    "doctor.region.fix": {
        "en": "Keep service and Key Value in the same region: create a Key Value in {region} (the research "
        "found no way to move one in place), migrate the data, and point {var} at its Internal URL.",
        "fr": "Mettez backend et Redis dans la même région : créez un service Redis dans la région {region} (une "
        "instance ne se déplace pas), migrez les données et faites pointer {var} vers son Internal Redis URL.",
    },
    "doctor.region.ok": {"en": "both in {region}{same}", "fr": "les deux dans la région {region}{same}"},
    "doctor.region.same_workspace": {"en": ", same workspace", "fr": ", même espace de travail"},
    # item 6
    "doctor.suspended.msg": {"en": "the service is suspended (by: {who})", "fr": "le backend est suspendu (par : {who})"},
    "doctor.suspended.cause": {
        "en": "A suspended service runs no instance: nothing connects to Redis and there are no new logs.",
        "fr": "Un service suspendu ne fait tourner aucune instance : rien ne se connecte à Redis et il n'y a pas "
        "de nouveaux logs.",
    },
    "doctor.suspended.fix": {
        "en": "Resume the service from the dashboard (Settings > Resume), then check the logs again.",
        "fr": "Relancez le backend depuis le dashboard (Settings > Resume), puis vérifiez à nouveau les logs.",
    },
    "doctor.deploys.unread": {"en": "could not read the deploys: {why}", "fr": "impossible de lire les déploiements : {why}"},
    "doctor.deploy_none.msg": {"en": "the service has never been deployed", "fr": "le backend n'a jamais été déployé"},
    "doctor.deploy_none.cause": {
        "en": "No deploy means no running code: nothing reads the variable yet.",
        "fr": "Sans déploiement, aucun code ne tourne : personne ne lit encore la variable.",
    },
    "doctor.deploy_none.fix": {
        "en": "Deploy the service (Manual Deploy > Deploy latest commit).",
        "fr": "Déployez le backend (Manual Deploy > Deploy latest commit).",
    },
    "doctor.no_live.msg": {
        "en": "no live deploy; the latest ({id}) is {status}",
        "fr": "aucun déploiement live ; le dernier ({id}) est {status}",
    },
    "doctor.no_live.cause": {
        "en": "Without a live deploy the service runs nothing (or an old version that Render no longer lists).",
        "fr": "Sans déploiement live, le backend ne fait rien tourner (ou une vieille version que Render ne liste "
        "plus).",
    },
    "doctor.no_live.fix": {
        "en": "Open the deploy's logs to fix the build, then deploy again.",
        "fr": "Ouvrez les logs du déploiement pour corriger le build, puis redéployez.",
    },
    "doctor.in_progress": {
        "en": "a newer deploy ({id}) is {status}: check again when it is live",
        "fr": "un déploiement plus récent ({id}) est {status} : vérifiez à nouveau quand il sera live",
    },
    "doctor.latest_failed.msg": {
        "en": "the latest deploy ({id}) failed ({status})",
        "fr": "le dernier déploiement ({id}) a échoué ({status})",
    },
    "doctor.latest_failed.cause": {
        "en": "The service still runs an older live deploy; whatever the failed deploy was meant to bring "
        "(a new {var}?) is not running.",
        "fr": "Le backend tourne encore sur un déploiement live plus ancien : ce que devait apporter le déploiement "
        "raté (une nouvelle {var} ?) ne tourne pas.",
    },
    "doctor.latest_failed.fix": {
        "en": "Open the failed deploy's logs, fix it, and deploy again.",
        "fr": "Ouvrez les logs du déploiement raté, corrigez, puis redéployez.",
    },
    "doctor.redeploy.no_var": {
        "en": "nothing to date: {var} was not found (item 1)",
        "fr": "rien à dater : {var} est introuvable (point 1)",
    },
    "doctor.logged_unset.msg": {
        "en": "the running deploy logged '{var} is NOT set' ({unset}), yet {var} now has a value",
        "fr": "le déploiement en cours a écrit '{var} is NOT set' ({unset}), alors que {var} a maintenant une "
        "valeur",
    },
    "doctor.logged_unset.cause": {
        "en": "The variable was added (or its env group linked) after the live deploy of {live} started: "
        "a service reads its variables when it deploys, so the running instances never saw it.",
        "fr": "La variable a été ajoutée (ou son env group lié) après le début du déploiement live du {live} : un "
        "service lit ses variables au déploiement, les instances en cours ne l'ont donc jamais vue.",
    },
    "doctor.logged_unset.fix": {
        "en": "Redeploy the service: Manual Deploy > Deploy latest commit. Then check that the logs show "
        "\"✅ Redis cache connected successfully\".",
        "fr": "Redéployez le backend : Manual Deploy > Deploy latest commit. Puis vérifiez que les logs montrent "
        "\"✅ Redis cache connected successfully\".",
    },
    "doctor.unset.last": {"en": "last at {when}", "fr": "dernière fois le {when}"},
    "doctor.unset.window": {"en": "in the log window", "fr": "dans la fenêtre de logs"},
    "doctor.redeploy.no_date": {
        "en": "the API gave no readable date for the env group or the deploy",
        "fr": "l'API n'a donné aucune date lisible pour l'env group ou le déploiement",
    },
    "doctor.group_changed.msg": {
        "en": "env group {group} changed at {changed}, after the live deploy ({live})",
        "fr": "l'env group {group} a changé le {changed}, après le déploiement live ({live})",
    },
    "doctor.group_changed.cause": {
        "en": "A service reads its variables when it deploys: the running instances still have the values from "
        "before {changed}. (The API dates the group as a whole: the change may have been another variable of the "
        "group.)",
        "fr": "Un service lit ses variables au déploiement : les instances en cours ont encore les valeurs d'avant "
        "le {changed}. (L'API date le groupe en entier : le changement concernait peut-être une autre variable "
        "du groupe.)",
    },
    "doctor.group_changed.fix": {
        "en": "Redeploy the service: Manual Deploy > Deploy latest commit (or POST /v1/services/{id}/deploys).",
        "fr": "Redéployez le backend : Manual Deploy > Deploy latest commit (ou POST /v1/services/{id}/deploys).",
    },
    "doctor.group_changed.ok": {
        "en": "live deploy {live} is after the last change of env group {group} ({changed})",
        "fr": "le déploiement live du {live} est postérieur au dernier changement de l'env group {group} ({changed})",
    },
    "doctor.redeploy.own_var": {
        "en": "the API gives no date for a service's own variables, so whether {var} changed after the live deploy "
        "({live}, trigger {trigger}) cannot be told; if you edited it since, redeploy",
        "fr": "l'API ne date pas les variables propres d'un service : impossible de dire si {var} a changé après le "
        "déploiement live ({live}, déclencheur {trigger}) ; si vous l'avez modifiée depuis, redéployez",
    },
    # item 7
    "doctor.window.recent": {"en": "the recent window", "fr": "la fenêtre récente"},
    "doctor.window.last": {"en": "the last {since}", "fr": "la fenêtre de {since}"},
    "doctor.logs.not_run": {"en": "log diagnosis not run", "fr": "diagnostic des logs non lancé"},
    "doctor.logs.unread": {"en": "could not read the logs: {why}", "fr": "impossible de lire les logs : {why}"},
    "doctor.logs.empty": {
        "en": "no log lines in {window}: the service logged nothing (or was not running); widen --since",
        "fr": "aucune ligne de log dans {window} : le backend n'a rien écrit (ou ne tournait pas) ; élargissez "
        "--since",
    },
    "doctor.logs.last_at": {"en": ", last at {time}", "fr": ", dernière fois à {time}"},
    "doctor.logs.seen": {
        "en": "'✅ Redis cache connected successfully' seen {count}×{when}",
        "fr": "'✅ Redis cache connected successfully' vu {count}×{when}",
    },
    "doctor.logs.up": {
        "en": "Redis up, though the exact line '✅ Redis cache connected successfully' is not in the window",
        "fr": "Redis fonctionne, mais la ligne exacte '✅ Redis cache connected successfully' n'est pas dans la "
        "fenêtre",
    },
    "doctor.logs.recovered": {"en": "; it recovered from {title}", "fr": " ; rétabli après {title}"},
    "doctor.logs.ok": {
        "en": "{line}; nothing failed after it ({window}){extra}{incomplete}",
        "fr": "{line} ; rien n'a échoué ensuite ({window}){extra}{incomplete}",
    },
    "doctor.logs.see_below_cause": {
        "en": "The log diagnosis below has the details.",
        "fr": "Le diagnostic des logs ci-dessous donne les détails.",
    },
    "doctor.logs.see_below_fix": {"en": "See the log diagnosis below.", "fr": "Voir le diagnostic des logs ci-dessous."},
    "doctor.logs.after_connected": {"en": " after it connected", "fr": " après s'être connecté"},
    "doctor.logs.state.failing": {"en": "failing", "fr": "en échec"},
    "doctor.logs.state.degraded": {"en": "degraded", "fr": "dégradé"},
    "doctor.logs.failing": {
        "en": "Redis is {state}{after} in {window}: {title}{incomplete}",
        "fr": "Redis est {state}{after} dans {window} : {title}{incomplete}",
    },
    "doctor.logs.no_redis": {
        "en": "no Redis line in {window} ({n} lines): the app may not log its Redis connection, or it did so "
        "earlier; widen --since{incomplete}",
        "fr": "aucune ligne Redis dans {window} ({n} lignes) : l'application ne journalise peut-être pas sa "
        "connexion Redis, ou l'a fait plus tôt ; élargissez --since{incomplete}",
    },
    # item 8
    "doctor.settings.unread": {"en": "could not read the instance: {why}", "fr": "impossible de lire l'instance : {why}"},
    "doctor.settings.no_kv": {
        "en": "no Render Key Value to inspect (see items 2-3)",
        "fr": "aucun service Redis Render à examiner (voir les points 2-3)",
    },
    "doctor.maxmemory.unknown": {
        "en": "the API does not show the instance's maxmemory policy",
        "fr": "l'API ne montre pas la politique maxmemory de l'instance",
    },
    "doctor.maxmemory.oom": {"en": " — and the logs show OOM errors", "fr": " — et les logs montrent des erreurs OOM"},
    "doctor.maxmemory.cache_noeviction": {
        "en": "maxmemory policy noeviction for a cache{oom}",
        "fr": "politique maxmemory noeviction pour un cache{oom}",
    },
    "doctor.maxmemory.cache_noeviction.cause": {
        "en": "With noeviction nothing is ever evicted: once memory is full every write fails with "
        "'OOM command not allowed when used memory > maxmemory'. A cache wants the least-used keys evicted instead.",
        "fr": "Avec noeviction, rien n'est jamais évincé : une fois la mémoire pleine, chaque écriture échoue avec "
        "'OOM command not allowed when used memory > maxmemory'. Un cache doit au contraire évincer les clés les "
        "moins utilisées.",
    },
    "doctor.maxmemory.cache_noeviction.fix": {
        "en": "Set the policy to allkeys-lru (dashboard > Key Value > Settings > Maxmemory Policy). Keep "
        "noeviction only if this instance also holds job queues (then pass --use queue).",
        "fr": "Passez la politique à allkeys-lru (dashboard > Key Value > Settings > Maxmemory Policy). Ne gardez "
        "noeviction que si cette instance contient aussi des files de jobs (passez alors --use queue).",
    },
    "doctor.maxmemory.volatile": {
        "en": "maxmemory policy {policy}: only keys with a TTL can be evicted",
        "fr": "politique maxmemory {policy} : seules les clés avec un TTL peuvent être évincées",
    },
    "doctor.maxmemory.volatile.cause": {
        "en": "Keys written without an expiry are never evicted; when they fill memory, writes fail with OOM.",
        "fr": "Les clés écrites sans expiration ne sont jamais évincées ; quand elles remplissent la mémoire, les "
        "écritures échouent avec OOM.",
    },
    "doctor.maxmemory.volatile.fix": {
        "en": "Use allkeys-lru for a cache, or make sure every cache key has a TTL.",
        "fr": "Utilisez allkeys-lru pour un cache, ou donnez un TTL à chaque clé du cache.",
    },
    "doctor.maxmemory.cache_ok": {
        "en": "maxmemory policy {policy} suits a cache",
        "fr": "la politique maxmemory {policy} convient à un cache",
    },
    "doctor.maxmemory.queue_ok": {
        "en": "maxmemory policy noeviction suits job queues",
        "fr": "la politique maxmemory noeviction convient aux files de jobs",
    },
    "doctor.maxmemory.queue": {
        "en": "maxmemory policy {policy} on an instance holding queues",
        "fr": "politique maxmemory {policy} sur une instance qui contient des files de jobs",
    },
    "doctor.maxmemory.queue.cause": {
        "en": "With an eviction policy, Redis deletes keys when memory is full: queued jobs and locks vanish "
        "(BullMQ 'Missing key for job', lost Sidekiq jobs).",
        "fr": "Avec une politique d'éviction, Redis supprime des clés quand la mémoire est pleine : jobs en file et "
        "verrous disparaissent (BullMQ 'Missing key for job', jobs Sidekiq perdus).",
    },
    "doctor.maxmemory.queue.fix": {
        "en": "Set the policy to noeviction for queues (Render's recommendation), and size the plan for the backlog.",
        "fr": "Passez la politique à noeviction pour des files (recommandation de Render), et dimensionnez le plan "
        "pour le backlog.",
    },
    "doctor.maxmemory.store": {
        "en": "maxmemory policy {policy} evicts data when memory is full",
        "fr": "la politique maxmemory {policy} évince des données quand la mémoire est pleine",
    },
    "doctor.maxmemory.store.cause": {
        "en": "Data the app expects to find again (sessions, counters) can be evicted silently.",
        "fr": "Des données que l'application compte retrouver (sessions, compteurs) peuvent être évincées sans bruit.",
    },
    "doctor.maxmemory.store.fix": {
        "en": "Use noeviction for data that must stay, and watch memory.",
        "fr": "Utilisez noeviction pour les données qui doivent rester, et surveillez la mémoire.",
    },
    "doctor.maxmemory.store_ok": {
        "en": "maxmemory policy noeviction keeps the data",
        "fr": "la politique maxmemory noeviction conserve les données",
    },
    "doctor.persistence.free": {"en": "free plan: no persistence", "fr": "plan gratuit : pas de persistance"},
    "doctor.persistence.free.cause": {
        "en": "A free Key Value keeps data only in memory: every restart, maintenance or upgrade empties it "
        "(sessions logged out, queued jobs lost), and upgrading from free also wipes it.",
        "fr": "Un service Redis gratuit ne garde les données qu'en mémoire : chaque redémarrage, maintenance ou "
        "mise à niveau le vide (sessions déconnectées, jobs en file perdus), et quitter le plan gratuit l'efface "
        "aussi.",
    },
    "doctor.persistence.free.fix": {
        "en": "Fine for a throwaway cache; for sessions or queues use a paid plan (persistence journal_snapshot).",
        "fr": "Acceptable pour un cache jetable ; pour des sessions ou des files, prenez un plan payant (persistance "
        "journal_snapshot).",
    },
    "doctor.persistence.off": {"en": "persistence is off ({plan} plan)", "fr": "persistance désactivée (plan {plan})"},
    "doctor.persistence.off.cause": {
        "en": "With persistence off, a restart empties the instance.",
        "fr": "Sans persistance, un redémarrage vide l'instance.",
    },
    "doctor.persistence.off.fix": {
        "en": "Set persistence to journal_snapshot unless this is a pure cache.",
        "fr": "Activez la persistance journal_snapshot, sauf pour un cache pur.",
    },
    "doctor.persistence.ok": {"en": "{plan} plan{persistence}", "fr": "plan {plan}{persistence}"},
    "doctor.persistence.mode": {"en": ", persistence {mode}", "fr": ", persistance {mode}"},
    "doctor.allowlist.empty": {
        "en": "the external URL is used, but the IP allowlist is empty",
        "fr": "l'URL externe est utilisée, mais l'IP allowlist est vide",
    },
    "doctor.allowlist.empty.cause": {
        "en": "An empty allowlist disables external connections: every client is refused with "
        "'Client IP address is not in the allowlist.'",
        "fr": "Une allowlist vide désactive les connexions externes : chaque client est refusé avec "
        "'Client IP address is not in the allowlist.'",
    },
    "doctor.allowlist.empty.fix": {
        "en": "From a Render service use the Internal URL instead. From outside Render add the client's CIDR under "
        "the Key Value's Networking > Access Control.",
        "fr": "Depuis un service Render, utilisez plutôt l'Internal Redis URL. Depuis l'extérieur de Render, "
        "ajoutez le CIDR du client dans Networking > Access Control du service Redis.",
    },
    "doctor.allowlist.blocked": {
        "en": "the external URL is used, but the allowlist is 0.0.0.0/32 (blocks everyone)",
        "fr": "l'URL externe est utilisée, mais l'allowlist est 0.0.0.0/32 (bloque tout le monde)",
    },
    "doctor.allowlist.blocked.cause": {
        "en": "0.0.0.0/32 is Render's way to block all external connections.",
        "fr": "0.0.0.0/32 est la façon de Render de bloquer toutes les connexions externes.",
    },
    "doctor.allowlist.blocked.fix": {
        "en": "Use the Internal URL, or add the client's CIDR.",
        "fr": "Utilisez l'Internal Redis URL, ou ajoutez le CIDR du client.",
    },
    "doctor.allowlist.open": {
        "en": "the IP allowlist is 0.0.0.0/0: the whole internet may connect",
        "fr": "l'IP allowlist est 0.0.0.0/0 : tout Internet peut se connecter",
    },
    "doctor.allowlist.open.cause": {
        "en": "Anyone who learns the password can reach the instance from anywhere.",
        "fr": "Quiconque apprend le mot de passe peut joindre l'instance de n'importe où.",
    },
    "doctor.allowlist.open.fix": {
        "en": "Narrow the allowlist to the CIDRs that need external access (use 0.0.0.0/32 to block all).",
        "fr": "Limitez l'allowlist aux CIDR qui ont besoin d'un accès externe (0.0.0.0/32 pour tout bloquer).",
    },
    "doctor.allowlist.external": {
        "en": "IP allowlist: {cidrs} — the service's outbound IPs must be in it for the external URL",
        "fr": "IP allowlist : {cidrs} — les IP sortantes du backend doivent y figurer pour l'URL externe",
    },
    "doctor.allowlist.closed": {
        "en": "external access closed (internal only)",
        "fr": "accès externe fermé (interne seulement)",
    },
    "doctor.allowlist.limited": {"en": "external access limited to {cidrs}", "fr": "accès externe limité à {cidrs}"},
    "doctor.version.legacy": {
        "en": "Redis {version}: a legacy instance (created before 2025-02-12)",
        "fr": "Redis {version} : une instance ancienne (créée avant le 2025-02-12)",
    },
    "doctor.version.legacy.cause": {
        "en": "Legacy instances stay on Redis 6; some libraries (Sidekiq 7, BullMQ) want ≥ 6.2.",
        "fr": "Les anciennes instances restent en Redis 6 ; certaines bibliothèques (Sidekiq 7, BullMQ) veulent ≥ 6.2.",
    },
    "doctor.version.legacy.fix": {
        "en": "If a library complains about the Redis version, create a new (Valkey 8) instance.",
        "fr": "Si une bibliothèque se plaint de la version de Redis, créez une nouvelle instance (Valkey 8).",
    },
    # ---------------------------------------------------------------------------------------
    # rla doctor: the command itself (analyzer/cli/doctor.py)
    # ---------------------------------------------------------------------------------------
    "doctor.offline.item.3": {
        "en": "The host is a Render Key Value hostname (instance not looked up offline)",
        "fr": "L'hôte est celui d'un service Redis Render (instance non consultée hors ligne)",
    },
    "doctor.offline.item.4": {
        "en": "Scheme and TLS fit the endpoint (internal redis://, external rediss://)",
        "fr": "Schéma et TLS adaptés à l'adresse (interne redis://, externe rediss://)",
    },
    "doctor.offline.after_item_2": {
        "en": "cannot be judged until item 2 is fixed",
        "fr": "impossible à juger tant que le point 2 n'est pas corrigé",
    },
    "doctor.offline.note": {
        "en": "Items 1 and 5-10 need the service: run `rla doctor srv-…` (Render API key required).",
        "fr": "Les points 1 et 5-10 ont besoin du service : lancez `rla doctor srv-…` (clé d'API Render requise).",
    },
    "doctor.cli.both": {
        "en": "Pass either a service or --redis-url, not both.",
        "fr": "Donnez soit un service, soit --redis-url, pas les deux.",
    },
    "doctor.cli.none": {
        "en": "Name a service (srv-… or its name), or lint a URL offline with --redis-url URL.",
        "fr": "Nommez un service (srv-… ou son nom), ou vérifiez une URL hors ligne avec --redis-url URL.",
    },
    "doctor.cli.key_value": {
        "en": "{ref} is a Key Value; rla doctor checks the service that uses it: pass the service's srv-… ID or name.",
        "fr": "{ref} est un service Redis (Key Value) ; rla doctor vérifie le backend qui l'utilise : donnez "
        "l'identifiant srv-… ou le nom du backend.",
    },
    "doctor.cli.nothing_checked": {
        "en": "no item could be checked (every one is '?', the reasons are above).",
        "fr": "aucun point n'a pu être vérifié (tous sont « ? », les raisons sont ci-dessus).",
    },
    "doctor.cli.odd_answer": {
        "en": "The Render API sent an unexpected answer for {ref}.",
        "fr": "L'API Render a envoyé une réponse inattendue pour {ref}.",
    },
    "doctor.cli.reading": {"en": "rla: reading {what}…", "fr": "rla : lecture {what}…"},
    "doctor.fetch.env_vars": {"en": "env vars", "fr": "des variables d'environnement"},
    "doctor.fetch.env_groups": {"en": "env groups", "fr": "des env groups"},
    "doctor.fetch.key_value": {"en": "key value", "fr": "du service Redis"},
    "doctor.fetch.connection_info": {"en": "connection info", "fr": "des informations de connexion"},
    "doctor.fetch.deploys": {"en": "deploys", "fr": "des déploiements"},
    "doctor.fetch.logs": {"en": "logs", "fr": "des logs"},
    "doctor.title.offline": {
        "en": "rla doctor — {var} = {value} (offline lint)",
        "fr": "rla doctor — {var} = {value} (vérification hors ligne)",
    },
    "doctor.title.service": {
        "en": "rla doctor — {name} ({bits}), variable {var}",
        "fr": "rla doctor — {name} ({bits}), variable {var}",
    },
    "doctor.label.value": {"en": "value", "fr": "valeur"},
    "doctor.label.cause": {"en": "cause", "fr": "cause"},
    "doctor.label.fix": {"en": "fix", "fr": "solution"},
    "doctor.wrong.title": {"en": "What is wrong and what to do", "fr": "Ce qui ne va pas et que faire"},
    "doctor.col.item": {"en": "Item", "fr": "Point"},
    "doctor.col.result": {"en": "Result", "fr": "Résultat"},
    "doctor.logs.section_error": {
        "en": "Log diagnosis ({window}): could not fetch the logs: {why}.",
        "fr": "Diagnostic des logs ({window}) : impossible de récupérer les logs : {why}.",
    },
    "doctor.logs.section": {
        "en": "Log diagnosis ({window}, {n} lines){colon}",
        "fr": "Diagnostic des logs ({window}, {n} lignes){colon}",
    },
    # ---------------------------------------------------------------------------------------
    # errors raised below the CLI (sources/files.py, expect.py, rules.py), shown by fail()
    # ---------------------------------------------------------------------------------------
    "input.no_match": {"en": "no file matches {raw!r}.", "fr": "aucun fichier ne correspond à {raw!r}."},
    "input.no_logs": {
        "en": "{path} holds no log files (*.log, *.txt, *.json, *.jsonl, *.gz).",
        "fr": "{path} ne contient aucun fichier de logs (*.log, *.txt, *.json, *.jsonl, *.gz).",
    },
    "input.no_file": {"en": "{path}: no such file.", "fr": "{path} : fichier introuvable."},
    "input.denied": {"en": "{path}: permission denied.", "fr": "{path} : permission refusée."},
    "input.directory": {"en": "{path} is a directory.", "fr": "{path} est un répertoire."},
    "input.unreadable": {"en": "{path}: cannot read ({why}).", "fr": "{path} : lecture impossible ({why})."},
    "input.bad_bom": {
        "en": "{path} starts with a UTF-16 byte-order mark but is not UTF-16: read as UTF-8 (bad bytes shown as �)",
        "fr": "{path} commence par une marque d'ordre d'octets UTF-16 mais n'est pas en UTF-16 : lu en UTF-8 "
              "(octets invalides affichés �)",
    },
    "input.binary": {"en": "{path}: {kind}, not a log file", "fr": "{path} : {kind}, pas un fichier de logs"},
    "input.long_lines": {
        "en": "{path}: {n} line(s) over 16 MiB, only their first {mib} MiB read",
        "fr": "{path} : {n} ligne(s) de plus de 16 Mio, seul leur premier {mib} Mio est lu",
    },
    "expect.findings": {
        "en": "{where}: 'findings' must be a list of rule ids or a mapping of rule id to count",
        "fr": "{where} : 'findings' doit être une liste d'identifiants de règles ou une table identifiant → nombre",
    },
    "expect.unreadable": {"en": "{path}: cannot read ({why})", "fr": "{path} : lecture impossible ({why})"},
    "expect.yaml": {"en": "{path}: invalid YAML ({why})", "fr": "{path} : YAML invalide ({why})"},
    "expect.samples": {
        "en": "{path}: expected a top-level 'samples:' mapping of sample path to expectation",
        "fr": "{path} : il faut une table 'samples:' au premier niveau (chemin de l'échantillon → attente)",
    },
    "expect.keys": {
        "en": "{where}: an expectation has verdict, root_cause, findings or pending",
        "fr": "{where} : une attente contient verdict, root_cause, findings ou pending",
    },
    "expect.verdict": {"en": "verdict is {got}, expected {want}", "fr": "le verdict est {got}, attendu : {want}"},
    "expect.root_cause": {"en": "root cause is {got}, expected {want}", "fr": "la cause est {got}, attendue : {want}"},
    "expect.missing": {"en": "missing finding {id}", "fr": "constat manquant : {id}"},
    "expect.count": {"en": "{id} counted {got}, expected {want}", "fr": "{id} compté {got} fois, attendu {want}"},
    "expect.unexpected": {"en": "unexpected finding {id} (x{n})", "fr": "constat inattendu : {id} (x{n})"},
    "rules.error.loop": {
        "en": "{path}: symlink loop in the rules directory",
        "fr": "{path} : boucle de liens symboliques dans le répertoire des règles",
    },
    "rules.error.large": {
        "en": "{path}: rule file larger than {kib} KiB; split it",
        "fr": "{path} : fichier de règles de plus de {kib} Kio ; découpez-le",
    },
    "rules.error.utf8": {"en": "{path}: not UTF-8 text", "fr": "{path} : pas du texte UTF-8"},
    "rules.error.unreadable": {"en": "{path}: cannot read ({why})", "fr": "{path} : lecture impossible ({why})"},
    "rules.error.yaml": {"en": "{path}{line}: invalid YAML: {why}", "fr": "{path}{line} : YAML invalide : {why}"},
    "rules.error.file_name": {
        "en": "{path}: rule id '{id}' must match the file name ('{stem}.yaml')",
        "fr": "{path} : l'identifiant de règle '{id}' doit correspondre au nom du fichier ('{stem}.yaml')",
    },
    "rules.error.no_dir": {"en": "{path}: no such rules directory", "fr": "{path} : répertoire de règles introuvable"},
    "rules.error.pack_keys": {
        "en": "{path}: a pack file holds only the pack's languages (languages: [en, fr])",
        "fr": "{path} : un fichier de pack ne contient que les langues du pack (languages: [en, fr])",
    },
    "rules.error.pack_languages": {
        "en": "{path}: 'languages' must be a list that includes en, taken from {known} (got {got})",
        "fr": "{path} : 'languages' doit être une liste qui contient en, parmi {known} (reçu : {got})",
    },
    "ruletest.match": {
        "en": "examples.match line {line} is not matched by its patterns: {pats}",
        "fr": "la ligne examples.match {line} n'est reconnue par aucun de ses motifs : {pats}",
    },
    "ruletest.prefilter": {
        "en": "examples.match line {line} matches pattern {pattern!r} but the scanner never tries it (the prefilter misses "
        "the line: give the rule `keywords:` that appear in it)",
        "fr": "la ligne examples.match {line} est reconnue par le motif {pattern!r}, mais le scanner ne l'essaie jamais (le "
        "préfiltre rate la ligne : donnez à la règle des `keywords:` présents dans la ligne)",
    },
    "ruletest.collision": {
        "en": "examples.match line {line} also triggers {other} ({other_sev}, higher than {sev}) through its pattern {pat!r}; "
        "narrow one of the patterns or declare it with examples.also: [{other}]",
        "fr": "la ligne examples.match {line} déclenche aussi {other} ({other_sev}, plus grave que {sev}) par son motif "
        "{pat!r} ; resserrez l'un des motifs ou déclarez-la avec examples.also: [{other}]",
    },
    "ruletest.no_match": {
        "en": "examples.no_match line {line} is matched by pattern {pat!r}",
        "fr": "la ligne examples.no_match {line} est reconnue par le motif {pat!r}",
    },
    "ruletest.class_match": {
        "en": "class {name}: examples.match line {line} shows none of the class's codes, numbers or wordings",
        "fr": "classe {name} : la ligne examples.match {line} ne montre aucun code, numéro ni libellé de la classe",
    },
    "ruletest.class_no_match": {
        "en": "class {name}: examples.no_match line {line} is recognised by the class",
        "fr": "classe {name} : la ligne examples.no_match {line} est reconnue par la classe",
    },
    "ruletest.class_uncovered": {
        "en": "class {name}: {what!r} has no examples.match line; every code, number and wording needs a real one",
        "fr": "classe {name} : {what!r} n'a pas de ligne examples.match ; chaque code, numéro et libellé en demande une "
        "réelle",
    },
    "ruletest.class_no_examples": {
        "en": "class {name}: missing examples.match or examples.no_match",
        "fr": "classe {name} : examples.match ou examples.no_match manquant",
    },
    "ruletest.duplicate": {
        "en": "duplicate rule id, also defined in {other}",
        "fr": "identifiant de règle en double, déjà défini dans {other}",
    },
    "ruletest.unknown_reclassify": {
        "en": "reclassify names an unknown rule id '{ref}'",
        "fr": "reclassify nomme un identifiant de règle inconnu '{ref}'",
    },
    "ruletest.unknown_also": {
        "en": "examples.also names an unknown rule id '{ref}'",
        "fr": "examples.also nomme un identifiant de règle inconnu '{ref}'",
    },
    "ruletest.unreachable": {
        "en": "no patterns, and no rule reclassifies to it",
        "fr": "aucun motif, et aucune règle n'y mène par reclassify",
    },
    "ruletest.no_match_examples": {
        "en": "missing examples.match: give log lines the rule must match",
        "fr": "examples.match manquant : donnez des lignes de log que la règle doit reconnaître",
    },
    "ruletest.no_no_match_examples": {
        "en": "missing examples.no_match: give near-miss lines it must not match",
        "fr": "examples.no_match manquant : donnez des lignes presque semblables qu'elle ne doit pas reconnaître",
    },
    "ruletest.slow": {
        "en": "pattern {pat!r} takes over {seconds:g}s on an adversarial {n}-character line (nested or adjacent repeats "
        "backtrack catastrophically); anchor it on literal text or make the repeats exclusive",
        "fr": "le motif {pat!r} prend plus de {seconds:g} s sur une ligne piégée de {n} caractères (des répétitions "
        "imbriquées ou adjacentes font exploser le retour arrière) ; ancrez-le sur du texte littéral ou rendez les "
        "répétitions exclusives",
    },
    "ruletest.missing_language": {
        "en": "no '{lang}' text, though {pack} declares languages [{langs}]: add a {lang}: block (title, cause, solution)",
        "fr": "pas de texte '{lang}', alors que {pack} déclare les langues [{langs}] : ajoutez un bloc {lang}: (title, cause, solution)",
    },
    "rules.error.duplicate": {
        "en": "{path}: rule id '{id}' is also defined in {other}",
        "fr": "{path} : l'identifiant de règle '{id}' est aussi défini dans {other}",
    },
    "rules.overridden": {
        "en": "rla: note: your rule {id} replaces the built-in one",
        "fr": "rla : note : votre règle {id} remplace celle fournie avec rla",
    },
    "lang.unknown": {
        "en": "unknown language {value!r} (expected one of: {langs})",
        "fr": "langue inconnue {value!r} (attendu : {langs})",
    },
    # ---------------------------------------------------------------------------------------
    # rla check: the run's headline, table and markdown (analyzer/report/ci.py)
    "ci.files.1": {"en": "{n} file checked", "fr": "{n} fichier vérifié"},
    "ci.files.n": {"en": "{n} files checked", "fr": "{n} fichiers vérifiés"},
    "ci.passed.1": {"en": "{n} passed", "fr": "{n} réussi"},
    "ci.passed.n": {"en": "{n} passed", "fr": "{n} réussis"},
    "ci.failed": {"en": "{n} failed", "fr": "{n} en échec"},
    "ci.pending": {"en": "{n} pending", "fr": "{n} en attente"},
    "ci.unreadable.1": {"en": "{n} unreadable", "fr": "{n} illisible"},
    "ci.unreadable.n": {"en": "{n} unreadable", "fr": "{n} illisibles"},
    "ci.findings": {"en": " · findings: {list}", "fr": " · constats : {list}"},
    "ci.gate": {"en": " · {n} at or above {level}", "fr": " · {n} au niveau {level} ou au-dessus"},
    "ci.gate.baseline": {"en": " and not in the baseline", "fr": " et absents de la baseline"},
    "ci.line": {"en": "line {line}", "fr": "ligne {line}"},
    "ci.md.title.passed": {"en": "### rla check: ✅ passed", "fr": "### rla check : ✅ réussi"},
    "ci.md.title.failed": {"en": "### rla check: ❌ failed", "fr": "### rla check : ❌ échoué"},
    "ci.md.header": {
        "en": "| | file | verdict | findings | problems |",
        "fr": "| | fichier | verdict | constats | problèmes |",
    },
    "ci.md.baseline_tag": {"en": " (baseline)", "fr": " (déjà dans la baseline)"},
    "ci.md.details_header": {
        "en": "| severity | finding | first seen | cause | fix |",
        "fr": "| gravité | constat | vu d'abord | cause | solution |",
    },
    "ci.md.gone": {
        "en": "Baseline entries that no longer occur ({n}): remove them with `--write-baseline`.",
        "fr": "Entrées de la baseline qui n'apparaissent plus ({n}) : retirez-les avec `--write-baseline`.",
    },
    "ci.md.gone_item": {"en": "- `{rule}` in `{file}`", "fr": "- `{rule}` dans `{file}`"},
    "ci.md.unlisted": {
        "en": "{n} file(s) have no expectation and were not checked.",
        "fr": "{n} fichier(s) sans attente, non vérifié(s).",
    },
    "ci.table.gone": {
        "en": "no longer seen ({n} baseline entries; rewrite it with --write-baseline):",
        "fr": "plus vus ({n} entrées de la baseline ; réécrivez-la avec --write-baseline) :",
    },
    "ci.table.gone_item": {"en": "{rule} in {file}", "fr": "{rule} dans {file}"},
    "ci.table.unlisted": {
        "en": "{n} file(s) found have no expectation and were not checked, e.g. {example}",
        "fr": "{n} fichier(s) trouvé(s) sans attente, non vérifié(s), par exemple {example}",
    },
    "ci.table.passed": {"en": "PASSED: {headline}", "fr": "RÉUSSI : {headline}"},
    "ci.table.failed": {"en": "FAILED: {headline}", "fr": "ÉCHEC : {headline}"},
    "ci.table.per_rule": {"en": "per rule: {list}", "fr": "par règle : {list}"},
    # rla check: its own errors and notes (analyzer/cli/check.py)
    "warning.prefix": {"en": "rla: warning: ", "fr": "rla : avertissement : "},
    "check.error.expect_and_baseline": {
        "en": "use --expect or a baseline (--baseline / --write-baseline), not both.",
        "fr": "utilisez --expect ou une baseline (--baseline / --write-baseline), pas les deux.",
    },
    "check.error.baseline_and_write": {
        "en": "use --baseline to check or --write-baseline to record, not both.",
        "fr": "utilisez --baseline pour vérifier ou --write-baseline pour enregistrer, pas les deux.",
    },
    "check.error.select_typo": {
        "en": "--select/--ignore '{id}' names no rule (see `rla rules list`).",
        "fr": "--select/--ignore '{id}' ne désigne aucune règle (voir `rla rules list`).",
    },
    "output.not_regular": {
        "en": "it is {kind}, not a regular file, and rla replaces only regular files",
        "fr": "c'est {kind}, pas un fichier ordinaire, et rla ne remplace que des fichiers ordinaires",
    },
    "output.kind.directory": {"en": "a directory", "fr": "un répertoire"},
    "output.kind.char_device": {"en": "a character device", "fr": "un périphérique caractère"},
    "output.kind.block_device": {"en": "a block device", "fr": "un périphérique bloc"},
    "output.kind.fifo": {"en": "a FIFO (named pipe)", "fr": "un FIFO (tube nommé)"},
    "output.kind.socket": {"en": "a socket", "fr": "un socket"},
    "output.kind.dangling": {"en": "a symbolic link to nothing", "fr": "un lien symbolique vers rien"},
    "output.kind.special": {"en": "a special file", "fr": "un fichier spécial"},
    "check.error.cannot_write": {"en": "cannot write {path} ({why}).", "fr": "impossible d'écrire {path} ({why})."},
    "check.sample_missing": {
        "en": "listed in {expect} but the file does not exist",
        "fr": "listé dans {expect}, mais le fichier n'existe pas",
    },
    "check.cannot_read": {"en": "cannot read ({why})", "fr": "lecture impossible ({why})"},
    "check.baseline.no_file": {
        "en": "{path}: no such baseline file (create it with --write-baseline {path})",
        "fr": "{path} : fichier de baseline introuvable (créez-le avec --write-baseline {path})",
    },
    "check.baseline.unreadable": {"en": "{path}: cannot read ({why})", "fr": "{path} : lecture impossible ({why})"},
    "check.baseline.invalid_json": {
        "en": "{path}: not a baseline file (invalid JSON at line {line})",
        "fr": "{path} : pas un fichier de baseline (JSON invalide à la ligne {line})",
    },
    "check.baseline.invalid": {
        "en": "{path}: not a baseline file (expected findings: [{{file, rule, fingerprint}}, ...])",
        "fr": "{path} : pas un fichier de baseline (attendu : findings: [{{file, rule, fingerprint}}, ...])",
    },
    "check.baseline.wrote": {
        "en": "rla: wrote {n} known finding(s) to {path}; check against it with --baseline {path}",
        "fr": "rla : {n} constat(s) connu(s) écrit(s) dans {path} ; vérifiez par rapport à elle avec --baseline {path}",
    },
    # rla rules test / rla rules lint (analyzer/cli/check.py)
    "check.rules.no_dir": {"en": "{path}: no such rules directory.", "fr": "{path} : répertoire de règles introuvable."},
    "check.rules.lint_hint": {
        "en": "{error} (run `rla rules lint` for every problem at once)",
        "fr": "{error} (lancez `rla rules lint` pour voir tous les problèmes d'un coup)",
    },
    "check.rules.test.1": {"en": "{n} rule, {checked} example lines: {result}", "fr": "{n} règle, {checked} lignes d'exemple : {result}"},
    "check.rules.test.n": {"en": "{n} rules, {checked} example lines: {result}", "fr": "{n} règles, {checked} lignes d'exemple : {result}"},
    "check.rules.all_pass": {"en": "all pass", "fr": "toutes passent"},
    "check.rules.failures": {"en": "{n} failure(s)", "fr": "{n} échec(s)"},
    "check.rules.lint.1": {"en": "{n} rule linted: {result}", "fr": "{n} règle vérifiée : {result}"},
    "check.rules.lint.n": {"en": "{n} rules linted: {result}", "fr": "{n} règles vérifiées : {result}"},
    "check.rules.no_problems": {"en": "no problems", "fr": "aucun problème"},
    "check.rules.problems": {"en": "{n} problem(s)", "fr": "{n} problème(s)"},
    # ---------------------------------------------------------------------------------------
    # rla fetch / rla follow (analyzer/cli/fetch.py, analyzer/render/live.py)
    "fetch.bar.counts": {"en": "{logs} logs · {pages} pages", "fr": "{logs} lignes de log · {pages} pages"},
    "fetch.bar.waiting_s": {"en": "waiting {s}s ({reason})", "fr": "attente de {s} s ({reason})"},
    "fetch.bar.waiting": {"en": "waiting ({reason})", "fr": "attente ({reason})"},
    "fetch.wait.rate_limit": {"en": "rate limit", "fr": "limite de débit"},
    "fetch.wait.retry": {"en": "retry {n}/{max}: {why}", "fr": "nouvel essai {n}/{max} : {why}"},
    "fetch.error.save_raw": {
        "en": "--save-raw only changes what --save writes: add --save FILE.",
        "fr": "--save-raw ne change que ce qu'écrit --save : ajoutez --save FICHIER.",
    },
    "fetch.error.cannot_write": {"en": "Cannot write {path}: {why}.", "fr": "Impossible d'écrire {path} : {why}."},
    "fetch.warning.save_raw": {
        "en": "--save-raw keeps the logs as fetched in {path}, secrets included (passwords, tokens): do not share that file.",
        "fr": "--save-raw garde les logs tels que récupérés dans {path}, secrets compris (mots de passe, tokens) : "
        "ne partagez pas ce fichier.",
    },
    "fetch.incomplete": {
        "en": "the fetch stopped after {pages} page(s) and {logs} logs ({why}){gap}",
        "fr": "la récupération s'est arrêtée après {pages} page(s) et {logs} lignes de log ({why}){gap}",
    },
    "fetch.incomplete.gap": {
        "en": "; logs from {start} to {end} were not fetched",
        "fr": " ; les logs de {start} à {end} n'ont pas été récupérés",
    },
    "fetch.incomplete.interrupted": {"en": "interrupted (Ctrl-C)", "fr": "interrompue (Ctrl-C)"},
    "fetch.incomplete.stopped": {"en": "stopped", "fr": "arrêtée"},
    "follow.head": {
        "en": "rla follow {name} ({id}) · {lines} lines · {reconnects} reconnect(s) · {status} · Ctrl-C for the final diagnosis",
        "fr": "rla follow {name} ({id}) · {lines} lignes · {reconnects} reconnexion(s) · {status} · Ctrl-C pour le "
        "diagnostic final",
    },
    "follow.clipped": {
        "en": "… {n} more line(s): Ctrl-C (or the end of --for) shows the full diagnosis",
        "fr": "… {n} ligne(s) de plus : Ctrl-C (ou la fin de --for) affiche le diagnostic complet",
    },
    "follow.error.for": {"en": "--for {value!r}: {why}.", "fr": "--for {value!r} : {why}."},
    "follow.clock_then": {"en": "rla follows from the API's time", "fr": "rla suit depuis l'heure de l'API"},
    "fetch.clock_then": {
        "en": "--since and relative times count from this machine's clock, so the window may miss the logs "
        "(set the clock right, or pin rla's with RLA_NOW)",
        "fr": "--since et les heures relatives partent de l'horloge de cette machine : la fenêtre peut manquer les "
        "logs (remettez l'horloge à l'heure, ou fixez celle de rla avec RLA_NOW)",
    },
    "api.clock_ahead": {
        "en": "this machine's clock is {s} s ahead of the Render API's: {then}",
        "fr": "l'horloge de cette machine avance de {s} s sur celle de l'API Render : {then}",
    },
    "api.clock_behind": {
        "en": "this machine's clock is {s} s behind the Render API's: {then}",
        "fr": "l'horloge de cette machine retarde de {s} s sur celle de l'API Render : {then}",
    },
    "follow.connecting": {"en": "connecting", "fr": "connexion"},
    "follow.incomplete": {"en": "the live stream stopped ({why})", "fr": "le flux en direct s'est arrêté ({why})"},
    "follow.followed": {
        "en": "rla: followed {lines} lines over {n} connection(s)",
        "fr": "rla : {lines} lignes suivies sur {n} connexion(s)",
    },
    "live.reconnecting": {"en": "reconnecting in {delay}s", "fr": "reconnexion dans {delay} s"},
    "live.reconnected": {"en": "live (reconnected #{n})", "fr": "en direct (reconnexion n°{n})"},
    "live.connected": {"en": "live", "fr": "en direct"},
    "live.closed": {"en": "closed", "fr": "fermé"},
    "live.closed_by_server": {"en": "closed by server ({code})", "fr": "fermé par le serveur ({code})"},
    "live.connection_lost": {"en": "connection lost", "fr": "connexion perdue"},
    "live.connection_lost_why": {"en": "connection lost ({why})", "fr": "connexion perdue ({why})"},
    "live.wait_reconnect": {"en": "live stream reconnect", "fr": "reconnexion au flux en direct"},
    "live.error.reconnect": {
        "en": "Could not reconnect to the live log stream after {n} tries ({why}).",
        "fr": "Impossible de se reconnecter au flux de logs en direct après {n} essais ({why}).",
    },
    "live.error.kept_closing": {
        "en": "The live log stream kept closing at once ({reason}).",
        "fr": "Le flux de logs en direct se refermait aussitôt ouvert ({reason}).",
    },
    # Render API errors: analyzer/render/api.py raises them in English; cli_fetch.api_said
    # gives them in the reader's language by the error's class and status (English: unchanged).
    "api.no_key": {
        "en": "No Render API key: set RENDER_API_KEY or pass --api-key-file FILE (create a key under Account Settings > "
        "API Keys in the Render dashboard).",
        "fr": "Pas de clé d'API Render : définissez RENDER_API_KEY ou passez --api-key-file FICHIER (créez une clé dans "
        "Account Settings > API Keys du Render Dashboard).",
    },
    "api.key_file_unreadable": {
        "en": "Cannot read the API key file {path}: {why}.",
        "fr": "Impossible de lire le fichier de clé d'API {path} : {why}.",
    },
    "api.key_file_empty": {"en": "The API key file {path} is empty.", "fr": "Le fichier de clé d'API {path} est vide."},
    "api.key_chars": {
        "en": "The Render API key contains spaces or characters that cannot be sent in a header.",
        "fr": "La clé d'API Render contient des espaces ou des caractères impossibles à envoyer dans un en-tête.",
    },
    "api.since_and_start": {
        "en": "Use either --since or --start, not both.",
        "fr": "Utilisez --since ou --start, pas les deux.",
    },
    "api.window_order": {
        "en": "Bad time window: the start ({start}) is not before the end ({end}).",
        "fr": "Fenêtre de temps invalide : le début ({start}) n'est pas avant la fin ({end}).",
    },
    "api.retention": {
        "en": "Logs before {when}Z are gone: Render keeps logs for 7 days on Hobby workspaces, 14 on Professional and 30 "
        "on Organization/Enterprise, so ask for at most --since {days}d (or less on smaller plans).",
        "fr": "Les logs d'avant {when}Z ont disparu : Render garde les logs 7 jours sur les workspaces Hobby, 14 sur Professional et 30 sur Organization/Enterprise ; demandez au plus --since {days}d (ou moins sur les "
        "plans plus petits).",
    },
    "api.http_refused": {
        "en": "Refusing to send the API key over plain http:// to {host}: use https:// (http:// is accepted only for "
        "127.0.0.1, ::1 and localhost).",
        "fr": "La clé d'API ne part pas en http:// simple vers {host} : utilisez https:// (http:// n'est accepté que "
        "pour 127.0.0.1, ::1 et localhost).",
    },
    "api.401": {
        "en": "The Render API rejected the API key (401): check RENDER_API_KEY or --api-key-file.",
        "fr": "L'API Render a refusé la clé d'API (401) : vérifiez RENDER_API_KEY ou --api-key-file.",
    },
    "api.403": {
        "en": "This API key has no access to that resource or workspace (403){detail}.",
        "fr": "Cette clé d'API n'a pas accès à cette ressource ou à ce workspace (403){detail}.",
    },
    "api.404": {
        "en": "Not found on Render (404){detail}: check the service ID or name.",
        "fr": "Introuvable sur Render (404){detail} : vérifiez l'ID ou le nom du service.",
    },
    "api.400": {
        "en": "The Render API rejected the request (400){detail}.",
        "fr": "L'API Render a refusé la requête (400){detail}.",
    },
    "api.400_old": {
        "en": "The Render API rejected the request (400){detail}; the window starts more than 7 days ago and Render keeps "
        "logs for 7 days on Hobby workspaces, 14 on Professional and 30 on Organization/Enterprise.",
        "fr": "L'API Render a refusé la requête (400){detail} ; la fenêtre commence il y a plus de 7 jours et "
        "Render garde les logs 7 jours sur les workspaces Hobby, 14 sur Professional et 30 sur Organization/Enterprise.",
    },
    "api.429": {
        "en": "The Render API kept answering 429 (rate limited) after {n} waits.",
        "fr": "L'API Render a continué de répondre 429 (limite de débit atteinte) après {n} attentes.",
    },
    "api.failed_n": {
        "en": "The Render API failed {n} times in a row ({why}).",
        "fr": "L'API Render a échoué {n} fois de suite ({why}).",
    },
    "api.status": {
        "en": "The Render API answered {status}{detail} for {path}.",
        "fr": "L'API Render a répondu {status}{detail} pour {path}.",
    },
    "api.connect.refused": {"en": "{host} refused the connection", "fr": "{host} a refusé la connexion"},
    "api.connect.dns": {
        "en": "the API host {host} could not be resolved (DNS)",
        "fr": "l'hôte de l'API {host} est introuvable (DNS)",
    },
    "api.connect.timeout": {"en": "{host} did not answer within {s} s", "fr": "{host} n'a pas répondu en {s} s"},
    "api.connect.failed": {"en": "the connection to {host} failed ({why})", "fr": "la connexion à {host} a échoué ({why})"},
    "api.connect.error": {
        "en": "Cannot reach the Render API after {n} tries: {what}; check {setting}.",
        "fr": "Impossible de joindre l'API Render après {n} essais : {what} ; vérifiez {setting}.",
    },
    "api.setting.named": {"en": "{setting} (now {url})", "fr": "{setting} (actuellement {url})"},
    "api.setting.default": {
        "en": "this machine's network and proxy (HTTPS_PROXY), or set RENDER_HOST if the API is elsewhere (now {url})",
        "fr": "le réseau et le proxy de cette machine (HTTPS_PROXY), ou définissez RENDER_HOST si l'API est ailleurs "
        "(actuellement {url})",
    },
    "api.why.timeout": {"en": "the request timed out", "fr": "la requête a expiré"},
    "api.why.dropped": {"en": "the connection was dropped ({name})", "fr": "la connexion a été coupée ({name})"},
    "api.why.json": {"en": "the answer was not valid JSON", "fr": "la réponse n'était pas du JSON valide"},
    "api.why.status": {"en": "the server answered {status}", "fr": "le serveur a répondu {status}"},
    "api.retrying": {"en": "rla: {why}; retrying ({n}/{max})…", "fr": "rla : {why} ; nouvel essai ({n}/{max})…"},
    "api.tls": {
        "en": "The TLS connection to {host} failed ({why}); check --api-url / RENDER_HOST and the system's CA "
        "certificates.",
        "fr": "La connexion TLS à {host} a échoué ({why}) ; vérifiez --api-url / RENDER_HOST et les certificats CA du "
        "système.",
    },
    # ---------------------------------------------------------------------------------------
    # rla rules export (analyzer/export/, analyzer/cli/export.py)
    "export.skip.context": {
        "en": "a context rule: a fact rla tells the story with, never reported as a finding",
        "fr": "règle de contexte : un fait qui sert au récit de rla, jamais signalé comme constat",
    },
    "export.skip.ok": {
        "en": "a progress line at severity ok: not a problem to alert on",
        "fr": "ligne de progression de gravité ok : rien qui mérite une alerte",
    },
    "export.skip.no_patterns": {
        "en": "no pattern of its own: rla reaches it only by reclassifying another rule's hit with the rest of the log",
        "fr": "aucun motif propre : rla n'y arrive qu'en reclassant le constat d'une autre règle d'après le reste du log",
    },
    "export.skip.flag": {
        "en": "a pattern uses the flag {flag}, which Sigma's regular expressions cannot carry",
        "fr": "un motif utilise l'option {flag}, que les expressions régulières de Sigma ne portent pas",
    },
    "export.skip.escape": {
        "en": "a pattern uses {escape}, which RE2 and PCRE engines read differently from Python",
        "fr": "un motif utilise {escape}, que les moteurs RE2 et PCRE lisent autrement que Python",
    },
    "export.skip.lucene": {
        "en": "a pattern uses {what}, which Lucene regular expressions cannot say",
        "fr": "un motif utilise {what}, que les expressions régulières de Lucene ne savent pas dire",
    },
    "export.skip.empty": {
        "en": "the {target} backend returned no query for it (it cannot AND two regular expressions)",
        "fr": "le backend {target} n'a rendu aucune requête (il ne sait pas combiner deux expressions régulières par ET)",
    },
    "export.skip.backend": {
        "en": "the {target} backend cannot express it: {why}",
        "fr": "le backend {target} ne sait pas l'exprimer : {why}",
    },
    "export.lost": {
        "en": "Reported by rla as '{title}' ({id}) when {when}: this alert cannot tell",
        "fr": "Signalée par rla comme « {title} » ({id}) quand {when} : cette alerte ne peut pas le savoir",
    },
    "export.lost.field_matches": {
        "en": "its {field} matches {regex}",
        "fr": "son champ {field} correspond à {regex}",
    },
    "export.lost.field": {"en": "the pattern captured {field}", "fr": "le motif a capturé {field}"},
    "export.lost.seen": {
        "en": "'{title}' appears elsewhere in the log",
        "fr": "« {title} » apparaît ailleurs dans le log",
    },
    "export.lost.not_seen": {
        "en": "'{title}' appears nowhere in the log",
        "fr": "« {title} » n'apparaît nulle part dans le log",
    },
    "export.lost.pending": {
        "en": "'{title}' came after the last ready line of the same instance",
        "fr": "« {title} » est venu après la dernière ligne « prêt » de la même instance",
    },
    "export.and": {"en": " and ", "fr": " et "},
    "export.not_this": {
        "en": "Not this failure (rla's example, which this rule does not match): {line}",
        "fr": "Pas cette panne (exemple de rla, que cette règle ne reconnaît pas) : {line}",
    },
    "export.no_fp": {"en": "None known", "fr": "Aucun connu"},
    "export.summary": {
        "en": "{target}: {exported} rule(s) exported to {path}, {skipped} skipped",
        "fr": "{target} : {exported} règle(s) exportée(s) dans {path}, {skipped} ignorée(s)",
    },
    "export.skipped": {"en": "  skipped {id}: {why}", "fr": "  ignorée {id} : {why}"},
    "export.lost_count": {
        "en": "{n} exported rule(s) lose a reclassification that needs a captured field or the rest of the log "
        "(said in their falsepositives)",
        "fr": "{n} règle(s) exportée(s) perdent un reclassement qui demande un champ capturé ou le reste du log "
        "(dit dans leurs falsepositives)",
    },
    "export.missing_extra": {
        "en": "--to {target} needs pySigma and its backends: pip install 'rla[export]'",
        "fr": "--to {target} a besoin de pySigma et de ses backends : pip install 'rla[export]'",
    },
    "export.datadog": {
        "en": "--to datadog is not available: the only pySigma Datadog backend (pySigma-backend-datadog 0.3.1) needs "
        "pySigma < 0.12, which the other backends cannot share, and refuses regular expressions, which every rule "
        "uses; export --to sigma and see docs/export.md, Datadog",
        "fr": "--to datadog n'est pas disponible : le seul backend Datadog de pySigma (pySigma-backend-datadog 0.3.1) "
        "exige pySigma < 0.12, que les autres backends ne peuvent partager, et refuse les expressions régulières, "
        "qu'utilise chaque règle ; exportez --to sigma et voyez docs/export.md, Datadog",
    },
    "export.selector": {
        "en": "--loki-selector goes with --to loki and takes a LogQL stream selector such as {{job=\"render\"}} (got {got!r})",
        "fr": "--loki-selector va avec --to loki et attend un sélecteur de flux LogQL comme {{job=\"render\"}} (reçu {got!r})",
    },
    "export.output_file": {
        "en": "{path} is a file: -o takes a directory",
        "fr": "{path} est un fichier : -o attend un répertoire",
    },
    "export.cannot_write": {
        "en": "cannot write {path} ({why})",
        "fr": "impossible d'écrire {path} ({why})",
    },
}

from analyzer.i18n_kv import CATALOGUE_KV  # noqa: E402 - doctor's Key Value side and Blueprint check

CATALOGUE.update(CATALOGUE_KV)
from analyzer.i18n_pictures import CATALOGUE_PICTURES  # noqa: E402 - the timeline pictures (issue 18)

CATALOGUE.update(CATALOGUE_PICTURES)


def t(key: str, lang: str = "en", /, **values: object) -> str:
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


class Msg(str):
    """A message built once, shown in any language: its str value is the English text (so code,
    logs and tests that compare English keep working), and `tr(msg, lang)` renders it again in
    `lang`. Values may themselves be Msg (translated too) or language-dependent parts (`Msg.lazy`).

        m = Msg("lint.empty.msg", var="REDIS_URL")   # "REDIS_URL is empty"
        tr(m, "fr")                                  # "REDIS_URL est vide"
    """

    key: str | None
    _render: Callable[[str], str]

    def __new__(cls, key: str, /, **values: object) -> "Msg":
        def render(lang: str) -> str:
            return t(key, lang, **{k: tr(v, lang) for k, v in values.items()})

        return cls._make(key, render)

    @classmethod
    def lazy(cls, render: Callable[[str], str]) -> "Msg":
        """A text composed per language (lists joined, optional parts): render(lang) -> str."""
        return cls._make(None, render)

    @classmethod
    def _make(cls, key: str | None, render: Callable[[str], str]) -> "Msg":
        self = super().__new__(cls, render("en"))
        self.key = key
        self._render = render
        return self

    def tr(self, lang: str) -> str:
        return self._render(lang)

    # immutable: a copy is the message itself (str's own copy would rebuild it from its English text as a key)
    def __copy__(self) -> "Msg":
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> "Msg":
        return self


_SAID: dict[str, Msg] = {}  # English text -> the Msg of an error raised with it (see `error`)


def error(key: str, /, **values: object) -> Msg:
    """The message of an exception, remembered so that its English text, once passed on as
    `str(exc)` (as every `fail(str(exc))` does), can still be shown in the user's language."""
    msg = Msg(key, **values)
    if len(_SAID) > 256:
        _SAID.clear()
    _SAID[str(msg)] = msg
    return msg


def said(text: object, lang: str = "en") -> str:
    """`text` in `lang`: a Msg, or the English text of an `error(...)`; anything else unchanged."""
    if not isinstance(text, Msg) and isinstance(text, str):
        text = _SAID.get(text, text)
    return str(tr(text, lang))


def tr(text: object, lang: str = "en") -> object:
    """A Msg in `lang`; anything else unchanged (plain strings, numbers, None)."""
    return text.tr(lang) if isinstance(text, Msg) else text


def join(parts: "list[object]", sep: str = ", ", sep_key: str | None = None) -> Msg:
    """Parts (Msg or plain text) joined per language; sep_key names a catalogue separator (" and ")."""

    def render(lang: str) -> str:
        return (t(sep_key, lang) if sep_key else sep).join(str(tr(p, lang)) for p in parts)

    return Msg.lazy(render)


def _code(value: str) -> str:
    """'fr_FR.UTF-8', 'fr-CA', 'FR' -> 'fr'."""
    return value.split(".")[0].replace("-", "_").split("_")[0].lower()


def detect_lang(option: str | None, env: dict[str, str] | None = None) -> str:
    """--lang, else RLA_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: the first one set
    decides, as POSIX does), else English."""
    if option:
        if _code(option) in LANGS:
            return _code(option)
        raise ValueError(error("lang.unknown", value=option, langs=", ".join(LANGS)))
    env = dict(os.environ) if env is None else env
    for var in ("RLA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            code = _code(value)
            return code if code in LANGS else "en"
    return "en"
