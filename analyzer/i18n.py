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
    # ---------------------------------------------------------------------------------------
    # rla doctor: the note's checklist (analyzer/urllint.py ITEMS). French: the note's own lines.
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
    # ---------------------------------------------------------------------------------------
    # rla doctor: the offline URL lint (analyzer/urllint.py). The note's "Problèmes courants":
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
    "lint.ws.start": {"en": "at the start: {ws}", "fr": "au début : {ws}"},
    "lint.ws.end": {"en": "at the end: {ws}", "fr": "à la fin : {ws}"},
    "lint.whitespace.msg": {"en": "{var} has whitespace {where}", "fr": "{var} a des espaces {where}"},
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
        "en": "The internal endpoint red-…:6379 does not use TLS; a TLS client gets `wrong version number`, "
        "`Client network socket disconnected before secure TLS connection` or a connect timeout.",
        "fr": "L'adresse interne red-…:6379 n'utilise pas TLS : un client TLS reçoit `wrong version number`, "
        "`Client network socket disconnected before secure TLS connection` ou un timeout de connexion.",
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
}


def t(key: str, lang: str = "en", **values: object) -> str:
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
        raise ValueError(f"unknown language {option!r} (expected one of: {', '.join(LANGS)})")
    env = dict(os.environ) if env is None else env
    for var in ("RLA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            code = _code(value)
            return code if code in LANGS else "en"
    return "en"
