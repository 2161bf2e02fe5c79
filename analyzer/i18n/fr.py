"""French: the CLI's own text, one key -> one sentence (analyzer.i18n imports it only for a French run).

Same keys, same order and same {placeholders} as en.py (tests/test_i18n.py). The comments are the
English file's, for whoever translates.
"""

TEXT: dict[str, str] = {
    # verdicts
    "verdict.healthy": "Redis fonctionne : prêt et connecté",
    "verdict.degraded": "Redis dégradé : {fallback}",
    # degraded with no fallback line in the log: say what the log shows, not what the app did not do
    "verdict.degraded_plain": "Redis dégradé : des commandes échouent",
    "verdict.fallback": "{fallback} depuis {when}",
    "verdict.sources": "{n} sources : {states}",
    "state.healthy": "sain(s)",
    "state.degraded": "dégradé(s)",
    "state.failing": "en échec",
    "state.recovered": "rétabli(s)",
    "state.unknown": "indéterminé(s)",
    "sources.title": "Par source :",
    # one source's state, in the compact per-source list (singular, unlike the counts' state.* words)
    "source.healthy": "sain",
    "source.degraded": "dégradé",
    "source.failing": "en échec",
    "source.recovered": "rétabli",
    "source.unknown": "indéterminé",
    "sources.more": "… {n} source(s) de plus",
    # Is it Redis? (analyzer.engine.affinity): what tied a connection failure to Redis, or why it is not Redis
    "affinity.scheme": "{scheme}:// est une URL Redis",
    "affinity.port": "{endpoint} : un port Redis",
    "affinity.host": "{host} est un nom d'hôte Redis",
    "affinity.text": "la ligne nomme Redis ({signal})",
    "affinity.class": "la ligne nomme Redis ({signal}) et dit '{said}' (la classe d'échec '{class}')",
    "affinity.nearby": "une ligne Redis juste avant (ligne {line})",
    "affinity.after": "aucune adresse, et une erreur Redis juste après sur la même instance (ligne {line})",
    "affinity.connecting": "une connexion à Redis était en cours",
    "affinity.after_up": "une connexion coupée sur une instance dont le client Redis était connecté",
    "judge.resumed": "l'application a écrit une ligne de la forme '{line}' avant {count} échecs Redis, aucune pendant qu'ils duraient, et de nouveau une après eux",
    "judge.resumed_request": "l'application a répondu à '{request}' entre {count} échecs Redis (sur son repli), et après eux sous une autre forme : '{line}'",
    "judge.resumed_failed": "'{request}' a échoué avec {count} échecs Redis, et a de nouveau abouti après eux : '{line}'",
    "affinity.other_port": "le port de {service}",
    "affinity.other_scheme": "une URL {service}",
    "affinity.other_text": "le client de {service} ({signal})",
    "affinity.other_host": "{endpoint} n'est pas le Redis de cette application ({redis}, nommé par ses erreurs Redis)",
    "affinity.none": "rien ne la relie à Redis (ni port, ni hôte, ni client, ni ligne Redis à côté)",
    "affinity.known_other": "{endpoint} a échoué plus tôt sans que rien ne la relie à Redis : la même dépendance, pas Redis",
    "not_redis.title": "Pas Redis :",
    "not_redis.line": "pas Redis : {count}× {what}, {why}",
    "not_redis.line.untied": "pas liée à Redis : {count}× {what}, {why} ; si c'est votre Redis : rla rules show {rule}",
    "affinity.error.keys": "{where} : clé inconnue (attendues : {keys})",
    "affinity.error.list": "{where} : '{key}' doit être une liste de textes",
    "affinity.error.map": "{where} : '{key}' doit associer des noms à des services",
    "affinity.error.window": "{where} : 'window' doit être un nombre de lignes (0 ou plus)",
    "affinity.error.resumed_after": "{where} : 'resumed_after' doit être un nombre d'échecs (1 ou plus)",
    "affinity.error.pattern": "{where} : {pattern!r} {why}",
    "affinity.error.read": "{where} : {why}",
    "verdict.failing": "Redis en échec",
    "verdict.recovered": "Redis rétabli après des erreurs",
    "verdict.unknown": "Impossible de conclure : aucune ligne ne dit si le client Redis de l'application fonctionne",
    "verdict.since": "depuis {when}",
    "verdict.back_at": ", de retour depuis {when}",
    "verdict.root_cause": "cause : {title} [{id}]",
    "verdict.why": "pourquoi : {why}",
    "verdict.earlier": "avant : {title} [{id}]",
    "verdict.after_deploy": "plus aucune erreur Redis après le déploiement de {when}",
    "summary.unparsed": "{n} enregistrement(s) illisible(s), le premier à {where}",
    "summary.incomplete": "entrée incomplète : {why}",
    "summary.skipped": "ignoré : {what}",
    "summary.note": "remarque : {what}",
    # table
    "col.severity": "gravité",
    "sev.ok": "ok",
    "sev.info": "info",
    "sev.warning": "avertissement",
    "sev.error": "erreur",
    "sev.critical": "critique",
    "col.finding": "constat",
    "col.count": "nb",
    "col.first": "première fois",
    "col.evidence": "indices",
    "col.cause": "cause",
    "col.solution": "que faire",
    "col.template": "modèle de ligne",
    "line": "ligne",
    "caused_by": "causé par : {id}",
    "redis_url_set": "REDIS_URL définie : {value}",
    "yes": "oui",
    "no": "non",
    "instances": "instances",
    "unexplained.title": "Lignes d'erreur qu'aucune règle n'explique ({n} modèle(s)) :",
    "no_findings": "Aucun constat Redis.",
    # the first screen (analyzer/report/table.py) and the time model (analyzer/times.py)
    "time.date_unknown": "{time}, date inconnue",
    "time.year_unknown": "{time}, année inconnue",
    "verdict.nothing_read": "Rien n'a été lu : aucune ligne de log en entrée, donc aucun diagnostic",
    "read.lines": "lu {lines} ligne(s) dans {what}",
    "read.sources": "{n} sources (fichiers ou flux)",
    "read.logs": "lu {lines} log(s) de {service}, {start} → {end}",
    "read.filter": "filtre côté serveur {filter} : les logs qu'il écarte n'ont pas été diagnostiqués",
    "read.filter_joined": "filtre {filter} (appliqué après réunion des entrées sur plusieurs lignes) : les autres logs n'ont pas été diagnostiqués",
    "read.skipped": "non lu : {what}",
    "read.empty": "{what} est vide",
    "fix.title": "Solution ({id}) :",
    "fix.after": "Ensuite ({ids}) :",
    "findings.title": "Constats ({n}) :",
    "findings.title.day": "Constats ({n}), heures du {day} :",
    "findings.title.instance": "Constats ({n}), tous sur l'instance {instance} :",
    "findings.title.day.instance": "Constats ({n}), tous sur l'instance {instance}, heures du {day} :",
    "findings.status": "Lignes d'état : {list}",
    "findings.more": "-v : cause et solution de chaque constat · rla rules show {id}",
    "findings.more.plain": "-v : cause et solution de chaque constat",
    "explain.see_root": "solution : celle de {id}, plus haut",
    "explain.first_last": "première fois {first} ; dernière {last}",
    "unexplained.more": "… {n} de plus (-v)",
    "healthy.note": "Aucun problème Redis dans ces logs.",
    # CLI
    "paste.hint": "Collez les logs Render, puis appuyez sur Ctrl-D (Ctrl-Z puis Entrée sous Windows). Ctrl-C pour annuler.",
    "error.prefix": "rla : erreur : ",
    "check.nothing_read": "rien n'a été lu dans cet échantillon (--fail-on unknown)",
    "check.told_nothing": "aucune ligne d'état ou d'erreur Redis : le diagnostic ne peut pas conclure (--fail-on unknown)",
    "error.usage": "{message} (voir {help})",
    "error.select_typo_close": "--select/--ignore '{id}' ne désigne aucune règle ; vouliez-vous dire {close} ?",
    "rules.unknown_close": "aucune règle avec l'identifiant {id!r} ; vouliez-vous dire {close} ?",
    "interrupted": "interrompu : diagnostic de ce qui a été lu jusqu'ici",
    "rules.count": "{n} règles",
    "rules.unknown": "aucune règle avec l'identifiant {id!r}.",
    "rules.examples_match": "Lignes reconnues",
    "rules.examples_no_match": "Lignes non reconnues",
    "rules.patterns": "Motifs",
    "rules.fix": "Solution",
    "rules.fix_elsewhere": "Solution, pour un log sans trace de Render",
    "rules.after_fix": "Ensuite, une fois la cause corrigée",
    "rules.cause": "Cause",
    "rules.docs": "Docs",
    # ---------------------------------------------------------------------------------------
    # rla doctor: the note's checklist (analyzer/urllint.py ITEMS). French: the note's own lines.
    # ---------------------------------------------------------------------------------------
    "item.1": "REDIS_URL configurée dans le backend (section Environment)",
    "item.2": "REDIS_URL bien formatée",
    "item.3": "Service Redis créé sur Render et \"Live\"",
    "item.4": "REDIS_URL correspond à l'Internal Redis URL du service Redis",
    "item.5": "Backend et Redis dans la même région (recommandé)",
    "item.6": "Backend redéployé après configuration de REDIS_URL",
    "item.7": "Logs montrent \"✅ Redis cache connected successfully\"",
    "item.8": "Réglages du service Redis adaptés à l'usage",
    # whitespace, described
    "ws.space.1": "un espace",
    "ws.space.n": "{n} espaces",
    "ws.tab.1": "une tabulation",
    "ws.tab.n": "{n} tabulations",
    "ws.newline.1": "un saut de ligne (\\n)",
    "ws.newline.n": "{n} sauts de ligne (\\n)",
    "ws.cr.1": "un retour chariot (\\r)",
    "ws.cr.n": "{n} retours chariot (\\r)",
    "ws.other.1": "un caractère {name}",
    "ws.other.n": "{n} caractères {name}",
    "sep.and": " et ",
    "colon": " :",
    "sep.semicolon": " ; ",
    # ---------------------------------------------------------------------------------------
    # rla doctor: the offline URL lint (analyzer/urllint.py). The note's "Problèmes courants":
    # n'existe pas → Ajoutez-la; est vide → Remplissez-la; a des espaces → Supprimez les espaces;
    # est mal formatée → Vérifiez le format.
    # ---------------------------------------------------------------------------------------
    "lint.copy_fix": (
        "Dans le service Redis sur Render, menu \"Connect\", copiez à nouveau l'Internal Redis URL et collez-la "
        "comme valeur, sans rien d'autre."
    ),
    "lint.use_internal_fix": "Utilisez l'Internal Redis URL du service Redis ({example}).",
    "lint.fill_fix": "Remplissez {var} avec l'URL Redis : l'Internal Redis URL ({example}). Puis redéployez le backend.",
    "lint.internal_error": "impossible de vérifier {var} : erreur interne ({error})",
    "lint.empty.msg": "{var} est vide",
    "lint.empty.cause": (
        "Pour la plupart des clients, une valeur vide équivaut à pas de valeur : ils se connectent à "
        "localhost:6379, où rien n'écoute sur Render (ECONNREFUSED 127.0.0.1:6379)."
    ),
    "lint.blank.msg": "{var} est vide : elle ne contient que des blancs ({ws})",
    "lint.blank.cause": (
        "Une valeur faite d'espaces ou de sauts de ligne n'est pas une URL : les clients ne savent pas la lire "
        "ou se rabattent sur localhost:6379."
    ),
    "lint.ws.start": "{ws} au début",
    "lint.ws.end": "{ws} à la fin",
    "lint.whitespace.msg": "{var} a des espaces : {where}",
    "lint.whitespace.cause": (
        "Les caractères invisibles autour de l'URL viennent d'un copier-coller. Certains clients les "
        "enlèvent, d'autres non : un espace au début fait ignorer TLS à ioredis (≤ 5.10) pour rediss://, un saut "
        "de ligne à la fin se retrouve dans le port ou le numéro de base."
    ),
    "lint.whitespace.fix": (
        "Supprimez les espaces : modifiez {var} dans la section Environment du backend et effacez les espaces "
        "et sauts de ligne autour de l'URL."
    ),
    "lint.name_in_value.msg": "la valeur de {var} commence par `{prefix}` : une ligne entière de .env a été collée",
    "lint.name_in_value.cause": (
        "La ligne `NOM=valeur` (comme dans un fichier .env) a été collée dans le champ de la valeur : l'URL "
        "que voit le client commence par `{prefix}` et n'a pas de schéma valide (Invalid URL)."
    ),
    "lint.name_in_value.fix": "Ne gardez que l'URL dans la valeur : clé {var}, valeur {example}.",
    "lint.quotes.msg": "{var} est entourée de guillemets ({quotes})",
    "lint.quotes.cause": (
        "Render enregistre la valeur telle quelle : les guillemets n'y sont pas de la syntaxe shell, ils font "
        "partie de l'URL et le schéma devient `\"redis` (Invalid URL / invalid scheme)."
    ),
    "lint.quotes.fix": "Supprimez les guillemets : la valeur est l'URL seule, par ex. {example}.",
    "lint.inner.more": " (et {n} autre(s))",
    "lint.inner.msg": "{var} a {ws} dans l'URL, au caractère {pos}{more}",
    "lint.inner.cause": (
        "Une URL ne peut contenir ni espaces ni caractères invisibles : le plus souvent, deux valeurs ont été "
        "collées ensemble, une ligne a été coupée, ou un caractère invisible vient d'une page web."
    ),
    "lint.inner.fix": "Supprimez les espaces : retapez ou recopiez l'URL pour qu'elle soit d'un seul tenant.",
    "lint.format.port": "port {port}",
    "lint.format.no_port": "pas de port (les clients prennent {default} par défaut)",
    "lint.format.ok": "URL {scheme}://, hôte {host}, {port}",
    "lint.no_scheme.msg": "{var} est mal formatée : elle doit commencer par redis://",
    "lint.no_scheme.cause": (
        "Sans `redis://`, les clients ne savent pas la lire (Invalid URL, Redis URL must specify one of the "
        "following schemes).{extra}"
    ),
    "lint.no_scheme.blueprint": (
        " `red-…:6379` seul est ce que donne la propriété `host`/`hostport` d'un Blueprint, pas "
        "`connectionString`."
    ),
    "lint.no_scheme.fix": "Vérifiez le format : écrivez l'URL complète, {url}{extra}",
    "lint.no_scheme.fix_blueprint": " (ou utilisez `property: connectionString` dans render.yaml).",
    "lint.scheme_case.msg": "le schéma est écrit en majuscules : {scheme}://",
    "lint.scheme_case.cause": (
        "Certains clients comparent le schéma en respectant la casse : ioredis traite `REDISS://` comme du "
        "texte en clair (sans TLS), d'autres le rejettent."
    ),
    "lint.scheme_case.fix": "Écrivez-le en minuscules : {low}://",
    "lint.scheme.web": (
        "{low}:// n'est pas un schéma d'URL Redis (c'est une adresse web/TCP) ; les clients Redis le "
        "rejettent (Invalid protocol)."
    ),
    "lint.scheme.valkey": "{low}:// n'est compris que par peu de clients ; Render donne des URL redis:// et rediss://.",
    "lint.scheme.unix": "unix:// désigne une socket locale ; un service Redis de Render se joint par le réseau.",
    "lint.scheme.typo": (
        "`{scheme}://` ressemble à une faute de frappe pour redis:// (les clients rejettent les schémas "
        "inconnus : Invalid protocol)."
    ),
    "lint.scheme.other": "`{scheme}://` n'est pas un schéma Redis ; les clients n'acceptent que redis:// et rediss://.",
    "lint.scheme.msg": "le schéma est {scheme}://, pas redis:// ni rediss://",
    "lint.scheme.fix": "Vérifiez le format : l'URL commence par {want}:// (URL interne : {example}).",
    "lint.slashes.msg": "l'URL commence par {scheme}:{slashes} au lieu de {low}://",
    "lint.slashes.cause": (
        "`{scheme}:{slashes}` est un séparateur mal tapé : l'hôte est alors lu comme un chemin, et les "
        "clients se connectent à localhost ou rejettent l'URL."
    ),
    "lint.slashes.fix": "Vérifiez le format : {low}:// puis l'hôte, {example}.",
    "lint.cut.at": "le premier \"@\"",
    "lint.cut.hash": "le \"#\" (lu comme un fragment)",
    "lint.cut.slash": "le \"/\" (lu comme le chemin)",
    "lint.cut.query": "le \"?\" (lu comme la requête)",
    "lint.password_encoding.msg": "le mot de passe contient {chars} sans encodage en pourcentage",
    "lint.password_encoding.cause": (
        "Dans une URL, ces caractères terminent la partie utilisateur/mot de passe : un parseur peut couper "
        "l'URL à {cut} et prendre une partie du mot de passe pour l'hôte (ENOTFOUND, WRONGPASS, Invalid URL)."
    ),
    "lint.password_encoding.fix": "Encodez-les dans le mot de passe ({enc}), ou copiez l'URL affichée par Render, déjà encodée.",
    "lint.bad_percent.msg": "le mot de passe contient un '%' qui n'est pas suivi de deux chiffres hexadécimaux",
    "lint.bad_percent.cause": "Dans une URL, '%' commence un échappement ; un '%' seul rend l'URL invalide (URIError / Invalid URL).",
    "lint.bad_percent.fix": "Écrivez un '%' littéral sous la forme %25.",
    "lint.ipv6_brackets.msg": "une adresse IPv6 doit s'écrire entre [crochets]",
    "lint.ipv6_brackets.cause": "Sans crochets, les deux-points d'une adresse IPv6 sont lus comme le séparateur du port.",
    "lint.ipv6_brackets.fix": "Écrivez redis://[2001:db8::1]:6379 — ou mieux, le nom d'hôte red-… donné par Render.",
    "lint.ipv6_invalid.msg": "{host} n'est pas une adresse IPv6 valide",
    "lint.ipv6_invalid.cause": "Entre crochets, l'hôte doit être une adresse IPv6.",
    "lint.ipv6_invalid.fix": "Corrigez l'adresse ou utilisez le nom d'hôte red-….",
    "lint.no_host.msg": "l'URL n'a pas d'hôte",
    "lint.no_host.cause": "Sans hôte, les clients se connectent à localhost:6379, où rien n'écoute sur Render.",
    "lint.no_host.fix": "Mettez l'hôte du service Redis après {scheme}://, par ex. {example}.",
    "lint.bad_host.msg": "l'hôte {host!r} contient des caractères interdits dans un nom d'hôte",
    "lint.bad_host.cause": (
        "Un nom d'hôte ne contient que des lettres, des chiffres, des points et des tirets ; autre chose "
        "veut dire que l'URL a été coupée ou abîmée."
    ),
    "lint.empty_port.msg": "l'hôte de l'URL se termine par ':' sans port",
    "lint.empty_port.cause": "La plupart des clients prennent alors 6379 par défaut, certains rejettent l'URL.",
    "lint.empty_port.fix": "Écrivez le port : {host}:{port}.",
    "lint.port_word.msg": "le port n'est pas un nombre ({port})",
    "lint.port_word.cause": (
        "Après le ':' de l'hôte vient le port. Un mot à cet endroit est souvent un mot de passe dont la partie "
        "`@hôte` a été perdue, ou deux URL collées ensemble."
    ),
    "lint.port_range.msg": "le port {port} est hors limites (1-65535)",
    "lint.port_range.cause": "Aucun port TCP ne porte ce numéro.",
    "lint.port_range.fix": "Utilisez le port {port}.",
    "lint.db.msg": "le chemin /{path} n'est pas un numéro de base",
    "lint.db.cause": (
        "Le chemin d'une URL Redis choisit la base et doit être un nombre (/0 … /15) ; autre chose est "
        "rejeté (invalid database number / Invalid pathname) ou vient d'un copier-coller raté."
    ),
    "lint.db.fix": "Supprimez le chemin, ou utilisez /0.",
    "lint.db_range.msg": "la base /{db} dépasse 15",
    "lint.db_range.cause": "Redis et Valkey ont 16 bases (0-15) par défaut ; SELECT échoue au-delà.",
    "lint.db_range.fix": "Utilisez une base de /0 à /15 (la plupart des applications utilisent /0).",
    "lint.fragment.msg": "l'URL a un fragment '#…' après l'hôte",
    "lint.fragment.cause": (
        "Un '#' n'a pas de sens dans une URL Redis ; c'est souvent un morceau de mot de passe ou un "
        "commentaire collé avec."
    ),
    "lint.localhost.msg": "{var} pointe vers {host}, le conteneur du backend lui-même",
    "lint.localhost.cause": (
        "Sur Render, rien n'écoute sur localhost:6379 dans votre backend : le client reçoit "
        "ECONNREFUSED 127.0.0.1:6379."
    ),
    "lint.host_internal.ok": "hôte interne du service Redis : {host}",
    "lint.external_region.msg": "{host} : '{region}' n'est pas une région Render",
    "lint.external_region.cause": "Les hôtes externes de Render sont <région>-keyvalue.render.com, la région étant l'une de : {regions}.",
    "lint.host_external.ok": "hôte externe du service Redis ({region})",
    "lint.handmade.msg": "{host} n'est pas un vrai nom d'hôte Render",
    "lint.handmade.cause": (
        "Le nom d'hôte interne est l'identifiant seul de l'instance (red-…), l'externe est "
        "<région>-keyvalue.render.com ; un mélange des deux ne se résout pas (getaddrinfo ENOTFOUND)."
    ),
    "lint.handmade.fix": "Utilisez redis://{id}:6379 (interne), ou copiez l'External URL telle que Render l'affiche.",
    "lint.short_id.msg": "{host} ressemble à un identifiant de service Redis mais a {n} caractères après red- au lieu de 20",
    "lint.short_id.cause": "L'identifiant a été coupé ou mal recopié : le nom ne se résoudra pas (ENOTFOUND).",
    "lint.onrender.msg": "{host} est l'adresse d'un service web, pas d'un service Redis",
    "lint.onrender.cause": "*.onrender.com est l'adresse HTTPS publique d'un service web ; aucun Redis n'y écoute.",
    "lint.ip.msg": "{var} utilise une adresse IP ({host}) au lieu d'un nom d'hôte",
    "lint.ip.cause": (
        "Les adresses privées de Render changent quand l'instance redémarre ou change de machine ; le nom "
        "red-… la suit."
    ),
    "lint.ip.fix": "Utilisez le nom d'hôte de l'Internal Redis URL ({example}).",
    "lint.not_render": "{host} n'est pas un hôte de service Redis Render ; les vérifications Render ne s'appliquent pas",
    "lint.render_port.msg": "port {port} : le service Redis de Render écoute sur {default}",
    "lint.render_port.cause": "Les adresses interne et externe d'un service Redis Render utilisent le port {default}.",
    "lint.render_port.fix": "Vérifiez que le port est correct : utilisez :{default}.",
    "lint.internal_rediss.msg": "rediss:// (TLS) vers l'hôte interne, qui parle en clair",
    "lint.internal_rediss.cause": (
        "L'adresse interne red-…:6379 n'utilise pas TLS : un client TLS attend une poignée de main qui ne "
        "vient jamais et finit en timeout (node-redis `Connection timeout`, ioredis `connect ETIMEDOUT`, "
        "redis-py `Timeout connecting to server` : ce que les clients ont affiché face à un Redis sans TLS)."
    ),
    "lint.internal_rediss.fix": "Utilisez redis:// pour l'URL interne : redis://{host}:{port}",
    "lint.tls_internal.ok": "URL interne en redis:// (en clair), telle que Render la donne",
    "lint.external_plaintext.msg": "redis:// en clair vers l'hôte externe, qui exige TLS",
    "lint.external_plaintext.cause": (
        "L'adresse externe de Render n'accepte que TLS : un client en clair reçoit `Protocol error, got "
        "\"\\u0015\"`, `Socket closed unexpectedly` ou ECONNRESET avant `ready`."
    ),
    "lint.external_plaintext.fix": (
        "Depuis un service sur Render, utilisez l'Internal Redis URL (redis://red-…:6379). Depuis "
        "l'extérieur, gardez l'External URL telle que Render l'affiche, en rediss://."
    ),
    "lint.external_no_password.msg": "l'URL externe n'a pas de mot de passe",
    "lint.external_no_password.cause": (
        "Les connexions externes exigent toujours une authentification (utilisateur red-…, mot de passe du "
        "dashboard) ; sans elle, le serveur répond NOAUTH."
    ),
    "lint.external_no_password.fix": "Copiez l'External URL entière, avec red-…:<mot de passe>@, depuis le menu Connect.",
    "lint.external_from_render.msg": "URL externe (rediss://…render.com) utilisée depuis un service sur Render",
    "lint.external_from_render.cause": (
        "L'URL externe sort du réseau privé de Render : plus lente, facturée en bande passante sortante, elle "
        "exige TLS et ne marche que si les IP sortantes du backend sont dans l'IP allowlist du service Redis "
        "(sinon `Client IP address is not in the allowlist`)."
    ),
    "lint.external_from_render.fix": (
        "Utilisez l'Internal Redis URL (redis://red-…:6379) pour les services sur Render dans la même "
        "région ; gardez l'External URL pour les accès depuis l'extérieur de Render."
    ),
    "lint.tls_external.ok": "URL externe avec TLS et mot de passe",
    # ---------------------------------------------------------------------------------------
    # rla doctor: the checks that read the Render API (analyzer/render/doctor.py). "service" is the
    # app (the note's "backend"), "Key Value" the note's "service Redis".
    # ---------------------------------------------------------------------------------------
    "item.internal": "interne",
    "doctor.not_fetched": "non récupéré",
    "doctor.not_checked": "non vérifié",
    "doctor.more": " (+{n} autre(s))",
    "doctor.none": "aucun",
    "doctor.unknown": "inconnu",
    "doctor.see_item_2": "rien à vérifier : voir le point 2",
    "doctor.check_crashed": "une vérification a échoué sur des données inattendues ({error})",
    "doctor.url.no_value": "aucune valeur à vérifier : {var} est introuvable (point 1)",
    "doctor.url.unread": "aucune valeur à vérifier : {why}",
    # item 1
    "doctor.src.service": "service",
    "doctor.src.group": "env group {name}",
    "doctor.near": "{key} ({src})",
    "doctor.other_value": "{key} ({src}) = {value}",
    "doctor.present.ok": "{var} est configurée ({source})",
    "doctor.present.unread": "impossible de lire les variables du backend : {why}",
    "doctor.present.own_vars": "ses propres variables",
    "doctor.present.groups": "ses env groups liés",
    "doctor.present.partial": "{var} n'est pas dans ce qui a pu être lu, mais impossible de lire {missing} : {why}",
    "doctor.duplicate.msg": "{var} est aussi configurée dans {src}, avec une autre valeur",
    "doctor.duplicate.cause": (
        "{var} est définie à deux endroits : {source} ({value}) et {src} ({other}). Une seule arrive à "
        "l'application (d'après la doc de Render, la variable du service l'emporte sur celle du groupe ; l'API ne "
        "dit pas laquelle), et l'autre finit modifiée par erreur."
    ),
    "doctor.duplicate.fix": (
        "Gardez une seule définition de {var} (en général dans l'env group partagé par tous les services qui "
        "utilisent Redis)."
    ),
    "doctor.missing.near": " Une variable au nom proche existe : {near}.",
    "doctor.missing.others": (
        " D'autres variables contiennent des URL Redis : {others} — le code lit-il plutôt l'une d'elles "
        "(utilisez --var) ?"
    ),
    "doctor.missing.msg": "{var} n'existe pas, ni dans le backend ni dans ses env groups liés ({groups})",
    "doctor.missing.cause": (
        "La variable d'environnement n'est pas définie. L'application lit {var} ; sans elle, "
        "node-redis/ioredis se connectent à localhost:6379, où rien n'écoute sur Render (ECONNREFUSED "
        "127.0.0.1:6379, 'REDIS_URL is NOT set').{hint}"
    ),
    "doctor.missing.fix": (
        "Ajoutez-la : {var} dans les variables d'environnement du backend (section Environment, ou un env "
        "group lié), avec l'Internal Redis URL du service Redis ({example}). Redéployez le backend après avoir "
        "ajouté la variable."
    ),
    "doctor.other_redis": "autres valeurs Redis : {others}",
    # item 3
    "doctor.instance.no_url": "aucune URL lisible à suivre (voir les points 1-2)",
    "doctor.instance.not_render": "{host} n'est pas un nom d'hôte de service Redis Render ; rien à chercher",
    "doctor.instance.no_user": "l'URL externe n'a pas de nom d'utilisateur red-…, l'instance est donc inconnue",
    "doctor.instance.unread": "impossible de lire le service Redis {inst} : {err}",
    "doctor.not_found.msg": "aucun service Redis {inst} dans ce compte",
    "doctor.not_found.cause": (
        "L'API ne connaît aucune instance {inst} pour cette clé : elle a été supprimée (ou recréée avec un "
        "nouvel identifiant), ou elle appartient à un autre espace de travail. Le nom d'hôte ne se résout alors "
        "pas (getaddrinfo ENOTFOUND)."
    ),
    "doctor.not_found.fix": (
        "Ouvrez le service Redis dans le dashboard, copiez son Internal Redis URL actuelle dans {var}, puis "
        "redéployez le backend."
    ),
    "doctor.kv.label": "le service Redis {name} ({inst})",
    "doctor.kv.live": "{label} est \"Live\" (available)",
    "doctor.kv.odd_status": "{label} indique l'état '{status}', qui ne dit rien de sa santé",
    "doctor.kv.status_warn": "{label} {what} (état {status})",
    "doctor.kv.status_fail": "{label} {what} (état {status}), pas \"Live\"",
    "doctor.kv.scheduled": " Prévue le {when}.",
    "doctor.kv.creating.what": "est encore en cours de création",
    "doctor.kv.creating.cause": "Une nouvelle instance met quelques minutes avant d'accepter des connexions.",
    "doctor.kv.creating.fix": (
        "Attendez que le dashboard l'affiche Available, puis redéployez le backend (ou laissez-le se "
        "reconnecter)."
    ),
    "doctor.kv.suspended.what": "est suspendu",
    "doctor.kv.suspended.cause": (
        "Une instance suspendue n'accepte aucune connexion (suspendue par un utilisateur, pour la "
        "facturation, ou instance gratuite au-delà de ses limites) : les clients reçoivent ECONNREFUSED ou des "
        "timeouts."
    ),
    "doctor.kv.suspended.fix": (
        "Redémarrez-le depuis le dashboard (Resume, ou POST /v1/key-value/{id}/resume) et vérifiez la "
        "facturation."
    ),
    "doctor.kv.unavailable.what": "est indisponible",
    "doctor.kv.unavailable.cause": "L'instance est arrêtée : les clients reçoivent ECONNREFUSED, des timeouts ou des connexions coupées.",
    "doctor.kv.unavailable.fix": (
        "Consultez les Events de l'instance dans le dashboard ; si elle reste indisponible, contactez le "
        "support Render."
    ),
    "doctor.kv.config_restart.what": "redémarre pour appliquer un changement de configuration",
    "doctor.kv.config_restart.cause": "Changer les réglages de l'instance la redémarre : elle est injoignable quelques secondes.",
    "doctor.kv.config_restart.fix": "Attendez qu'elle soit Available ; gardez la reconnexion automatique du client activée.",
    "doctor.kv.maintenance_scheduled.what": "a une maintenance programmée",
    "doctor.kv.maintenance_scheduled.cause": "Render redémarrera l'instance pendant la fenêtre de maintenance : prévoyez une courte coupure.",
    "doctor.kv.maintenance_scheduled.fix": (
        "Gardez la reconnexion automatique du client activée ; lancez vous-même la maintenance à une heure "
        "calme."
    ),
    "doctor.kv.maintenance_in_progress.what": "est en maintenance",
    "doctor.kv.maintenance_in_progress.cause": "Pendant la maintenance, l'instance redémarre : les connexions tombent un court moment.",
    "doctor.kv.maintenance_in_progress.fix": "Attendez la fin de la maintenance ; gardez la reconnexion automatique du client activée.",
    "doctor.kv.recovery_in_progress.what": "est en cours de rétablissement",
    "doctor.kv.recovery_in_progress.cause": "Render rétablit l'instance après une panne ; elle peut refuser des connexions en attendant.",
    "doctor.kv.recovery_in_progress.fix": "Attendez qu'elle soit Available ; si cela dure, contactez le support Render.",
    "doctor.kv.recovery_failed.what": "n'a pas pu être rétabli",
    "doctor.kv.recovery_failed.cause": "L'instance n'a pas pu être relancée après une panne : elle n'accepte aucune connexion.",
    "doctor.kv.recovery_failed.fix": "Contactez le support Render, ou créez un nouveau service Redis et faites pointer REDIS_URL dessus.",
    "doctor.kv.updating_instance.what": "change de type d'instance",
    "doctor.kv.updating_instance.cause": "Un changement de type d'instance la rend indisponible 1 à 2 minutes environ.",
    "doctor.kv.updating_instance.fix": "Attendez qu'elle soit Available ; gardez la reconnexion automatique du client activée.",
    # item 4
    "doctor.internal.scheme_first": "comparaison impossible tant que le schéma n'est pas corrigé (point 2)",
    "doctor.internal.unread": "impossible de lire les informations de connexion de {inst} : {why}",
    "doctor.internal.none": "l'API n'a donné aucune URL de connexion interne",
    "doctor.internal.ok": "correspond à l'Internal Redis URL du service Redis{db}{trimmed}",
    "doctor.internal.db": " (base /{db})",
    "doctor.internal.trimmed": " une fois retirés les caractères du point 2",
    "doctor.external_url.msg": "c'est l'External URL du service Redis, pas l'Internal Redis URL",
    "doctor.external_url.cause": (
        "Le backend tourne sur Render : l'URL externe sort du réseau privé (plus lente, TLS, trafic sortant "
        "facturé) et ne marche que tant que les IP sortantes du backend sont dans l'IP allowlist de l'instance."
    ),
    "doctor.external_url.fix": (
        "Mettez dans {var} l'Internal Redis URL {internal} (même région, même espace de travail), puis "
        "redéployez le backend."
    ),
    "doctor.diff.host": "hôte {mine} au lieu de {want}",
    "doctor.diff.scheme": "schéma {mine}:// au lieu de {want}://",
    "doctor.diff.port": "port {mine} au lieu de {want}",
    "doctor.diff.user": "utilisateur {mine} au lieu de {want}",
    "doctor.diff.none": "(aucun)",
    "doctor.diff.no_password": "pas de mot de passe, alors que l'instance en exige un",
    "doctor.diff.no_password.cause": (
        " L'authentification interne est activée sur l'instance : son URL interne contient désormais un mot "
        "de passe, et un client qui ne l'a pas reçoit NOAUTH Authentication required."
    ),
    "doctor.diff.extra_password": "un mot de passe que l'instance n'utilise pas",
    "doctor.diff.extra_password.cause": (
        " Un mot de passe envoyé à une instance sans authentification fait échouer la connexion de "
        "node-redis/redis-py (AUTH … called without any password configured)."
    ),
    "doctor.diff.other_password": "un autre mot de passe (changé, ou d'une autre instance)",
    "doctor.diff.other_password.cause": " Le serveur répond WRONGPASS.",
    "doctor.mismatch.msg": "elle diffère de l'{which} URL du service Redis : {diffs}",
    "doctor.mismatch.cause": (
        "La note demande que REDIS_URL corresponde exactement à l'Internal Redis URL du service Redis (menu "
        "Connect) ; toute différence vient d'une modification à la main ou d'une copie périmée.{extra}"
    ),
    "doctor.mismatch.fix": "Mettez {internal} dans {var}, puis redéployez le backend.",
    # item 5
    "doctor.region.no_kv": "aucun service Redis Render à comparer (voir les points 2-3)",
    "doctor.region.unread": "comparaison impossible : {why}",
    "doctor.workspace.msg": "le service Redis est dans l'espace de travail {kv}, le backend dans {svc}",
    "doctor.workspace.cause": (
        "Le réseau privé de Render, donc l'URL interne red-…:6379, ne relie que les services et instances "
        "d'un même espace de travail (et d'une même région) ; depuis un autre espace de travail, le nom ne se "
        "résout pas (ENOTFOUND)."
    ),
    "doctor.workspace.fix": (
        "Créez le service Redis dans l'espace de travail du backend, ou déplacez le backend ; entre espaces "
        "de travail, seule l'External URL (rediss://, IP allowlist) fonctionne."
    ),
    "doctor.region.no_service_region": (
        "le service ({type}) n'a pas de région dans l'API ; les sites statiques ne sont pas du tout sur le "
        "réseau privé"
    ),
    "doctor.region.no_kv_region": "le service Redis n'a pas de région dans la réponse de l'API",
    "doctor.region.msg": "le backend est dans la région {svc}, le service Redis dans la région {kv}",
    "doctor.region.cause_internal": (
        "L'URL interne ne fonctionne qu'à l'intérieur d'une région : depuis une autre région, red-… ne se "
        "résout pas (getaddrinfo ENOTFOUND red-…)."
    ),
    "doctor.region.cause_external": (
        "L'URL externe fonctionne d'une région à l'autre, mais chaque commande traverse Internet : lent et "
        "facturé."
    ),
    "doctor.region.fix": (
        "Mettez backend et Redis dans la même région : créez un service Redis dans la région {region} (une "
        "instance ne se déplace pas), migrez les données et faites pointer {var} vers son Internal Redis URL."
    ),
    "doctor.region.ok": "les deux dans la région {region}{same}",
    "doctor.region.same_workspace": ", même espace de travail",
    # item 6
    "doctor.suspended.msg": "le backend est suspendu (par : {who})",
    "doctor.suspended.cause": (
        "Un service suspendu ne fait tourner aucune instance : rien ne se connecte à Redis et il n'y a pas "
        "de nouveaux logs."
    ),
    "doctor.suspended.fix": "Relancez le backend depuis le dashboard (Settings > Resume), puis vérifiez à nouveau les logs.",
    "doctor.deploys.unread": "impossible de lire les déploiements : {why}",
    "doctor.deploy_none.msg": "le backend n'a jamais été déployé",
    "doctor.deploy_none.cause": "Sans déploiement, aucun code ne tourne : personne ne lit encore la variable.",
    "doctor.deploy_none.fix": "Déployez le backend (Manual Deploy > Deploy latest commit).",
    "doctor.no_live.msg": "aucun déploiement live ; le dernier ({id}) est {status}",
    "doctor.no_live.cause": (
        "Sans déploiement live, le backend ne fait rien tourner (ou une vieille version que Render ne liste "
        "plus)."
    ),
    "doctor.no_live.fix": "Ouvrez les logs du déploiement pour corriger le build, puis redéployez.",
    "doctor.in_progress": "un déploiement plus récent ({id}) est {status} : vérifiez à nouveau quand il sera live",
    "doctor.latest_failed.msg": "le dernier déploiement ({id}) a échoué ({status})",
    "doctor.latest_failed.cause": (
        "Le backend tourne encore sur un déploiement live plus ancien : ce que devait apporter le déploiement "
        "raté (une nouvelle {var} ?) ne tourne pas."
    ),
    "doctor.latest_failed.fix": "Ouvrez les logs du déploiement raté, corrigez, puis redéployez.",
    "doctor.redeploy.no_var": "rien à dater : {var} est introuvable (point 1)",
    "doctor.logged_unset.msg": (
        "le déploiement en cours a écrit '{var} is NOT set' ({unset}), alors que {var} a maintenant une "
        "valeur"
    ),
    "doctor.logged_unset.cause": (
        "La variable a été ajoutée (ou son env group lié) après le début du déploiement live du {live} : un "
        "service lit ses variables au déploiement, les instances en cours ne l'ont donc jamais vue."
    ),
    "doctor.logged_unset.fix": (
        "Redéployez le backend : Manual Deploy > Deploy latest commit. Puis vérifiez que les logs montrent "
        "\"✅ Redis cache connected successfully\"."
    ),
    "doctor.unset.last": "dernière fois le {when}",
    "doctor.unset.window": "dans la fenêtre de logs",
    "doctor.redeploy.no_date": "l'API n'a donné aucune date lisible pour l'env group ou le déploiement",
    "doctor.group_changed.msg": "l'env group {group} a changé le {changed}, après le déploiement live ({live})",
    "doctor.group_changed.cause": (
        "Un service lit ses variables au déploiement : les instances en cours ont encore les valeurs d'avant "
        "le {changed}. (L'API date le groupe en entier : le changement concernait peut-être une autre variable "
        "du groupe.)"
    ),
    "doctor.group_changed.fix": "Redéployez le backend : Manual Deploy > Deploy latest commit (ou POST /v1/services/{id}/deploys).",
    "doctor.group_changed.ok": "le déploiement live du {live} est postérieur au dernier changement de l'env group {group} ({changed})",
    "doctor.redeploy.own_var": (
        "l'API ne date pas les variables propres d'un service : impossible de dire si {var} a changé après le "
        "déploiement live ({live}, déclencheur {trigger}) ; si vous l'avez modifiée depuis, redéployez"
    ),
    # item 7
    "doctor.window.recent": "la fenêtre récente",
    "doctor.window.last": "la fenêtre de {since}",
    "doctor.logs.not_run": "diagnostic des logs non lancé",
    "doctor.logs.unread": "impossible de lire les logs : {why}",
    "doctor.logs.empty": (
        "aucune ligne de log dans {window} : le backend n'a rien écrit (ou ne tournait pas) ; élargissez "
        "--since"
    ),
    "doctor.logs.last_at": ", dernière fois à {time}",
    "doctor.logs.seen": "'✅ Redis cache connected successfully' vu {count}×{when}",
    "doctor.logs.up": (
        "Redis fonctionne, mais la ligne exacte '✅ Redis cache connected successfully' n'est pas dans la "
        "fenêtre"
    ),
    "doctor.logs.recovered": " ; rétabli après {title}",
    "doctor.logs.ok": "{line} ; rien n'a échoué ensuite ({window}){extra}{incomplete}",
    "doctor.logs.see_below_cause": "Le diagnostic des logs ci-dessous donne les détails.",
    "doctor.logs.see_below_fix": "Voir le diagnostic des logs ci-dessous.",
    "doctor.logs.after_connected": " après s'être connecté",
    "doctor.logs.state.failing": "en échec",
    "doctor.logs.state.degraded": "dégradé",
    "doctor.logs.failing": "Redis est {state}{after} dans {window} : {title}{incomplete}",
    "doctor.logs.no_redis": (
        "aucune ligne Redis dans {window} ({n} lignes) : l'application ne journalise peut-être pas sa "
        "connexion Redis, ou l'a fait plus tôt ; élargissez --since{incomplete}"
    ),
    # item 8
    "doctor.settings.unread": "impossible de lire l'instance : {why}",
    "doctor.settings.no_kv": "aucun service Redis Render à examiner (voir les points 2-3)",
    "doctor.maxmemory.unknown": "l'API ne montre pas la politique maxmemory de l'instance",
    "doctor.maxmemory.oom": " — et les logs montrent des erreurs OOM",
    "doctor.maxmemory.cache_noeviction": "politique maxmemory noeviction pour un cache{oom}",
    "doctor.maxmemory.cache_noeviction.cause": (
        "Avec noeviction, rien n'est jamais évincé : une fois la mémoire pleine, chaque écriture échoue avec "
        "'OOM command not allowed when used memory > maxmemory'. Un cache doit au contraire évincer les clés les "
        "moins utilisées."
    ),
    "doctor.maxmemory.cache_noeviction.fix": (
        "Passez la politique à allkeys-lru (dashboard > Key Value > Settings > Maxmemory Policy). Ne gardez "
        "noeviction que si cette instance contient aussi des files de jobs (passez alors --use queue)."
    ),
    "doctor.maxmemory.volatile": "politique maxmemory {policy} : seules les clés avec un TTL peuvent être évincées",
    "doctor.maxmemory.volatile.cause": (
        "Les clés écrites sans expiration ne sont jamais évincées ; quand elles remplissent la mémoire, les "
        "écritures échouent avec OOM."
    ),
    "doctor.maxmemory.volatile.fix": "Utilisez allkeys-lru pour un cache, ou donnez un TTL à chaque clé du cache.",
    "doctor.maxmemory.cache_ok": "la politique maxmemory {policy} convient à un cache",
    "doctor.maxmemory.queue_ok": "la politique maxmemory noeviction convient aux files de jobs",
    "doctor.maxmemory.queue": "politique maxmemory {policy} sur une instance qui contient des files de jobs",
    "doctor.maxmemory.queue.cause": (
        "Avec une politique d'éviction, Redis supprime des clés quand la mémoire est pleine : jobs en file et "
        "verrous disparaissent (BullMQ 'Missing key for job', jobs Sidekiq perdus)."
    ),
    "doctor.maxmemory.queue.fix": (
        "Passez la politique à noeviction pour des files (recommandation de Render), et dimensionnez le plan "
        "pour le backlog."
    ),
    "doctor.maxmemory.store": "la politique maxmemory {policy} évince des données quand la mémoire est pleine",
    "doctor.maxmemory.store.cause": "Des données que l'application compte retrouver (sessions, compteurs) peuvent être évincées sans bruit.",
    "doctor.maxmemory.store.fix": "Utilisez noeviction pour les données qui doivent rester, et surveillez la mémoire.",
    "doctor.maxmemory.store_ok": "la politique maxmemory noeviction conserve les données",
    "doctor.persistence.free": "plan gratuit : pas de persistance",
    "doctor.persistence.free.cause": (
        "Un service Redis gratuit ne garde les données qu'en mémoire : chaque redémarrage, maintenance ou "
        "mise à niveau le vide (sessions déconnectées, jobs en file perdus), et quitter le plan gratuit l'efface "
        "aussi."
    ),
    "doctor.persistence.free.fix": (
        "Acceptable pour un cache jetable ; pour des sessions ou des files, prenez un plan payant (persistance "
        "journal_snapshot)."
    ),
    "doctor.persistence.off": "persistance désactivée (plan {plan})",
    "doctor.persistence.off.cause": "Sans persistance, un redémarrage vide l'instance.",
    "doctor.persistence.off.fix": "Activez la persistance journal_snapshot, sauf pour un cache pur.",
    "doctor.persistence.ok": "plan {plan}{persistence}",
    "doctor.persistence.mode": ", persistance {mode}",
    "doctor.allowlist.empty": "l'URL externe est utilisée, mais l'IP allowlist est vide",
    "doctor.allowlist.empty.cause": (
        "Une allowlist vide désactive les connexions externes : chaque client est refusé avec "
        "'Client IP address is not in the allowlist.'"
    ),
    "doctor.allowlist.empty.fix": (
        "Depuis un service Render, utilisez plutôt l'Internal Redis URL. Depuis l'extérieur de Render, "
        "ajoutez le CIDR du client dans Networking > Access Control du service Redis."
    ),
    "doctor.allowlist.blocked": "l'URL externe est utilisée, mais l'allowlist est 0.0.0.0/32 (bloque tout le monde)",
    "doctor.allowlist.blocked.cause": "0.0.0.0/32 est la façon de Render de bloquer toutes les connexions externes.",
    "doctor.allowlist.blocked.fix": "Utilisez l'Internal Redis URL, ou ajoutez le CIDR du client.",
    "doctor.allowlist.open": "l'IP allowlist est 0.0.0.0/0 : tout Internet peut se connecter",
    "doctor.allowlist.open.cause": "Quiconque apprend le mot de passe peut joindre l'instance de n'importe où.",
    "doctor.allowlist.open.fix": "Limitez l'allowlist aux CIDR qui ont besoin d'un accès externe (0.0.0.0/32 pour tout bloquer).",
    "doctor.allowlist.external": "IP allowlist : {cidrs} — les IP sortantes du backend doivent y figurer pour l'URL externe",
    "doctor.allowlist.closed": "accès externe fermé (interne seulement)",
    "doctor.allowlist.limited": "accès externe limité à {cidrs}",
    "doctor.version.legacy": "Redis {version} : une instance ancienne (créée avant le 2025-02-12)",
    "doctor.version.legacy.cause": "Les anciennes instances restent en Redis 6 ; certaines bibliothèques (Sidekiq 7, BullMQ) veulent ≥ 6.2.",
    "doctor.version.legacy.fix": "Si une bibliothèque se plaint de la version de Redis, créez une nouvelle instance (Valkey 8).",
    # ---------------------------------------------------------------------------------------
    # rla doctor: the command itself (analyzer/cli/doctor.py)
    # ---------------------------------------------------------------------------------------
    "doctor.offline.item.3": "L'hôte est celui d'un service Redis Render (instance non consultée hors ligne)",
    "doctor.offline.item.4": "Schéma et TLS adaptés à l'adresse (interne redis://, externe rediss://)",
    "doctor.offline.after_item_2": "impossible à juger tant que le point 2 n'est pas corrigé",
    "doctor.offline.note": "Les points 1 et 5-10 ont besoin du service : lancez `rla doctor srv-…` (clé d'API Render requise).",
    "doctor.cli.both": "Donnez soit un service, soit --redis-url, pas les deux.",
    "doctor.cli.none": "Nommez un service (srv-… ou son nom), ou vérifiez une URL hors ligne avec --redis-url URL.",
    "doctor.cli.key_value": (
        "{ref} est un service Redis (Key Value) ; rla doctor vérifie le backend qui l'utilise : donnez "
        "l'identifiant srv-… ou le nom du backend."
    ),
    "doctor.cli.nothing_checked": "aucun point n'a pu être vérifié (tous sont « ? », les raisons sont ci-dessus).",
    "doctor.cli.odd_answer": "L'API Render a envoyé une réponse inattendue pour {ref}.",
    "doctor.cli.reading": "rla : lecture {what}…",
    "doctor.fetch.env_vars": "des variables d'environnement",
    "doctor.fetch.env_groups": "des env groups",
    "doctor.fetch.key_value": "du service Redis",
    "doctor.fetch.connection_info": "des informations de connexion",
    "doctor.fetch.deploys": "des déploiements",
    "doctor.fetch.logs": "des logs",
    "doctor.title.offline": "rla doctor — {var} = {value} (vérification hors ligne)",
    "doctor.title.service": "rla doctor — {name} ({bits}), variable {var}",
    "doctor.label.value": "valeur",
    "doctor.label.cause": "cause",
    "doctor.label.fix": "solution",
    "doctor.wrong.title": "Ce qui ne va pas et que faire",
    "doctor.col.item": "Point",
    "doctor.col.result": "Résultat",
    "doctor.logs.section_error": "Diagnostic des logs ({window}) : impossible de récupérer les logs : {why}.",
    "doctor.logs.section": "Diagnostic des logs ({window}, {n} lignes){colon}",
    # ---------------------------------------------------------------------------------------
    # errors raised below the CLI (sources/files.py, expect.py, rules.py), shown by fail()
    # ---------------------------------------------------------------------------------------
    "input.no_match": "aucun fichier ne correspond à {raw!r}.",
    "cluster.missing": "--engine dask demande l'extra optionnel {extra} : pip install '{extra}'.",
    "cluster.stdin": "--engine dask lit des fichiers, des motifs ou des URL, pas l'entrée standard.",
    "cluster.unreachable": "impossible de joindre l'ordonnanceur Dask à {address} ({why}).",
    "cluster.progress": "rla : {n}/{total} parties lues",
    "input.no_logs": "{path} ne contient aucun fichier de logs (*.log, *.txt, *.json, *.jsonl, *.gz).",
    "input.no_file": "{path} : fichier introuvable.",
    "input.denied": "{path} : permission refusée.",
    "input.directory": "{path} est un répertoire.",
    "input.unreadable": "{path} : lecture impossible ({why}).",
    "input.bad_bom": (
        "{path} commence par une marque d'ordre d'octets UTF-16 mais n'est pas en UTF-16 : lu en UTF-8 "
        "(octets invalides affichés �)"
    ),
    "input.binary": "{path} : {kind}, pas un fichier de logs",
    "input.long_lines": "{path} : {n} ligne(s) de plus de 16 Mio, seul leur premier {mib} Mio est lu",
    "expect.findings": "{where} : 'findings' doit être une liste d'identifiants de règles ou une table identifiant → nombre",
    "expect.unreadable": "{path} : lecture impossible ({why})",
    "expect.yaml": "{path} : YAML invalide ({why})",
    "expect.samples": "{path} : il faut une table 'samples:' au premier niveau (chemin de l'échantillon → attente)",
    "expect.keys": "{where} : une attente contient verdict, root_cause, findings ou pending",
    "expect.verdict": "le verdict est {got}, attendu : {want}",
    "expect.root_cause": "la cause est {got}, attendue : {want}",
    "expect.missing": "constat manquant : {id}",
    "expect.count": "{id} compté {got} fois, attendu {want}",
    "expect.unexpected": "constat inattendu : {id} (x{n})",
    "rules.error.loop": "{path} : boucle de liens symboliques dans le répertoire des règles",
    "rules.error.large": "{path} : fichier de règles de plus de {kib} Kio ; découpez-le",
    "rules.error.utf8": "{path} : pas du texte UTF-8",
    "rules.error.unreadable": "{path} : lecture impossible ({why})",
    "rules.error.yaml": "{path}{line} : YAML invalide : {why}",
    "rules.error.file_name": "{path} : l'identifiant de règle '{id}' doit correspondre au nom du fichier ('{stem}.yaml')",
    "rules.error.no_dir": "{path} : répertoire de règles introuvable",
    "rules.error.pack_keys": "{path} : un fichier de pack ne contient que les langues du pack (languages: [en, fr])",
    "rules.error.pack_languages": "{path} : 'languages' doit être une liste qui contient en, parmi {known} (reçu : {got})",
    "ruletest.match": "la ligne examples.match {line} n'est reconnue par aucun de ses motifs : {pats}",
    "ruletest.prefilter": (
        "la ligne examples.match {line} est reconnue par le motif {pattern!r}, mais le scanner ne l'essaie jamais (le "
        "préfiltre rate la ligne : donnez à la règle des `keywords:` présents dans la ligne)"
    ),
    "ruletest.collision": (
        "la ligne examples.match {line} déclenche aussi {other} ({other_sev}, plus grave que {sev}) par son motif "
        "{pat!r} ; resserrez l'un des motifs ou déclarez-la avec examples.also: [{other}]"
    ),
    "ruletest.no_match": "la ligne examples.no_match {line} est reconnue par le motif {pat!r}",
    "ruletest.class_match": "classe {name} : la ligne examples.match {line} ne montre aucun code, numéro ni libellé de la classe",
    "ruletest.class_no_match": "classe {name} : la ligne examples.no_match {line} est reconnue par la classe",
    "ruletest.class_uncovered": (
        "classe {name} : {what!r} n'a pas de ligne examples.match ; chaque code, numéro et libellé en demande une "
        "réelle"
    ),
    "ruletest.class_no_examples": "classe {name} : examples.match ou examples.no_match manquant",
    "ruletest.duplicate": "identifiant de règle en double, déjà défini dans {other}",
    "ruletest.unknown_reclassify": "reclassify nomme un identifiant de règle inconnu '{ref}'",
    "ruletest.unknown_also": "examples.also nomme un identifiant de règle inconnu '{ref}'",
    "ruletest.unreachable": "aucun motif, et aucune règle n'y mène par reclassify",
    "ruletest.no_match_examples": "examples.match manquant : donnez des lignes de log que la règle doit reconnaître",
    "ruletest.no_no_match_examples": "examples.no_match manquant : donnez des lignes presque semblables qu'elle ne doit pas reconnaître",
    "ruletest.no_literal": (
        "le motif {pat!r} n'a aucun texte ASCII simple d'au moins 3 caractères présent dans chaque correspondance : "
        "chaque ligne de chaque journal devient candidate (plus de préfiltre ni d'analyse parallèle) ; ajoutez un tel "
        "littéral, ou listez les mots de la règle sous keywords:"
    ),
    "ruletest.slow": (
        "le motif {pat!r} prend plus de {seconds:g} s sur une ligne piégée de {n} caractères (des répétitions "
        "imbriquées ou adjacentes font exploser le retour arrière) ; ancrez-le sur du texte littéral ou rendez les "
        "répétitions exclusives"
    ),
    "ruletest.missing_language": "pas de texte '{lang}', alors que {pack} déclare les langues [{langs}] : ajoutez un bloc {lang}: (title, cause, solution)",
    "rules.error.duplicate": "{path} : l'identifiant de règle '{id}' est aussi défini dans {other}",
    "rules.overridden": "rla : note : votre règle {id} remplace celle fournie avec rla",
    "lang.unknown": "langue inconnue {value!r} (attendu : {langs})",
    # ---------------------------------------------------------------------------------------
    # rla check: the run's headline, table and markdown (analyzer/report/ci.py)
    "ci.files.1": "{n} fichier vérifié",
    "ci.files.n": "{n} fichiers vérifiés",
    "ci.passed.1": "{n} réussi",
    "ci.passed.n": "{n} réussis",
    "ci.failed": "{n} en échec",
    "ci.pending": "{n} en attente",
    "ci.unreadable.1": "{n} illisible",
    "ci.unreadable.n": "{n} illisibles",
    "ci.findings": " · constats : {list}",
    "ci.gate": " · {n} au niveau {level} ou au-dessus",
    "ci.gate.baseline": " et absents de la baseline",
    "ci.line": "ligne {line}",
    "ci.md.title.passed": "### rla check : ✅ réussi",
    "ci.md.title.failed": "### rla check : ❌ échoué",
    "ci.md.header": "| | fichier | verdict | constats | problèmes |",
    "ci.md.baseline_tag": " (déjà dans la baseline)",
    "ci.md.details_header": "| gravité | constat | vu d'abord | cause | solution |",
    "ci.md.gone": "Entrées de la baseline qui n'apparaissent plus ({n}) : retirez-les avec `--write-baseline`.",
    "ci.md.gone_item": "- `{rule}` dans `{file}`",
    "ci.md.unlisted": "{n} fichier(s) sans attente, non vérifié(s).",
    "ci.table.gone": "plus vus ({n} entrées de la baseline ; réécrivez-la avec --write-baseline) :",
    "ci.table.gone_item": "{rule} dans {file}",
    "ci.table.unlisted": "{n} fichier(s) trouvé(s) sans attente, non vérifié(s), par exemple {example}",
    "ci.table.passed": "RÉUSSI : {headline}",
    "ci.table.failed": "ÉCHEC : {headline}",
    "ci.table.per_rule": "par règle : {list}",
    # rla check: its own errors and notes (analyzer/cli/check.py)
    "warning.prefix": "rla : avertissement : ",
    "check.error.expect_and_baseline": "utilisez --expect ou une baseline (--baseline / --write-baseline), pas les deux.",
    "check.error.baseline_and_write": "utilisez --baseline pour vérifier ou --write-baseline pour enregistrer, pas les deux.",
    "check.error.select_typo": "--select/--ignore '{id}' ne désigne aucune règle (voir `rla rules list`).",
    "output.not_regular": "c'est {kind}, pas un fichier ordinaire, et rla ne remplace que des fichiers ordinaires",
    "output.kind.directory": "un répertoire",
    "output.kind.char_device": "un périphérique caractère",
    "output.kind.block_device": "un périphérique bloc",
    "output.kind.fifo": "un FIFO (tube nommé)",
    "output.kind.socket": "un socket",
    "output.kind.dangling": "un lien symbolique vers rien",
    "output.kind.special": "un fichier spécial",
    "check.error.cannot_write": "impossible d'écrire {path} ({why}).",
    "check.sample_missing": "listé dans {expect}, mais le fichier n'existe pas",
    "check.cannot_read": "lecture impossible ({why})",
    "check.baseline.no_file": "{path} : fichier de baseline introuvable (créez-le avec --write-baseline {path})",
    "check.baseline.unreadable": "{path} : lecture impossible ({why})",
    "check.baseline.invalid_json": "{path} : pas un fichier de baseline (JSON invalide à la ligne {line})",
    "check.baseline.invalid": "{path} : pas un fichier de baseline (attendu : findings: [{{file, rule, fingerprint}}, ...])",
    "check.baseline.wrote": "rla : {n} constat(s) connu(s) écrit(s) dans {path} ; vérifiez par rapport à elle avec --baseline {path}",
    # rla rules test / rla rules lint (analyzer/cli/check.py)
    "check.rules.no_dir": "{path} : répertoire de règles introuvable.",
    "check.rules.lint_hint": "{error} (lancez `rla rules lint` pour voir tous les problèmes d'un coup)",
    "check.rules.test.1": "{n} règle, {checked} lignes d'exemple : {result}",
    "check.rules.test.n": "{n} règles, {checked} lignes d'exemple : {result}",
    "check.rules.all_pass": "toutes passent",
    "check.rules.failures": "{n} échec(s)",
    "check.rules.lint.1": "{n} règle vérifiée : {result}",
    "check.rules.lint.n": "{n} règles vérifiées : {result}",
    "check.rules.no_problems": "aucun problème",
    "check.rules.problems": "{n} problème(s)",
    # ---------------------------------------------------------------------------------------
    # rla fetch / rla follow (analyzer/cli/fetch.py, analyzer/render/live.py)
    "fetch.bar.counts": "{logs} lignes de log · {pages} pages",
    "fetch.bar.waiting_s": "attente de {s} s ({reason})",
    "fetch.bar.waiting": "attente ({reason})",
    "fetch.wait.rate_limit": "limite de débit",
    "fetch.wait.retry": "nouvel essai {n}/{max} : {why}",
    "fetch.error.save_raw": "--save-raw ne change que ce qu'écrit --save : ajoutez --save FICHIER.",
    "fetch.error.cannot_write": "Impossible d'écrire {path} : {why}.",
    "fetch.warning.save_raw": (
        "--save-raw garde les logs tels que récupérés dans {path}, secrets compris (mots de passe, tokens) : "
        "ne partagez pas ce fichier."
    ),
    "fetch.incomplete": "la récupération s'est arrêtée après {pages} page(s) et {logs} lignes de log ({why}){gap}",
    "fetch.incomplete.gap": " ; les logs de {start} à {end} n'ont pas été récupérés",
    "fetch.incomplete.interrupted": "interrompue (Ctrl-C)",
    "fetch.incomplete.stopped": "arrêtée",
    "follow.head": (
        "rla follow {name} ({id}) · {lines} lignes · {reconnects} reconnexion(s) · {status} · Ctrl-C pour le "
        "diagnostic final"
    ),
    "follow.clipped": "… {n} ligne(s) de plus : Ctrl-C (ou la fin de --for) affiche le diagnostic complet",
    "follow.error.for": "--for {value!r} : {why}.",
    "follow.clock_then": "rla suit depuis l'heure de l'API",
    "fetch.clock_then": (
        "--since et les heures relatives partent de l'horloge de cette machine : la fenêtre peut manquer les "
        "logs (remettez l'horloge à l'heure, ou fixez celle de rla avec RLA_NOW)"
    ),
    "api.clock_ahead": "l'horloge de cette machine avance de {s} s sur celle de l'API Render : {then}",
    "api.clock_behind": "l'horloge de cette machine retarde de {s} s sur celle de l'API Render : {then}",
    "follow.connecting": "connexion",
    "follow.incomplete": "le flux en direct s'est arrêté ({why})",
    "follow.followed": "rla : {lines} lignes suivies sur {n} connexion(s)",
    "live.reconnecting": "reconnexion dans {delay} s",
    "live.reconnected": "en direct (reconnexion n°{n})",
    "live.connected": "en direct",
    "live.closed": "fermé",
    "live.closed_by_server": "fermé par le serveur ({code})",
    "live.connection_lost": "connexion perdue",
    "live.connection_lost_why": "connexion perdue ({why})",
    "live.wait_reconnect": "reconnexion au flux en direct",
    "live.error.reconnect": "Impossible de se reconnecter au flux de logs en direct après {n} essais ({why}).",
    "live.error.kept_closing": "Le flux de logs en direct se refermait aussitôt ouvert ({reason}).",
    # Render API errors: analyzer/render/api.py raises them in English; cli_fetch.api_said
    # gives them in the reader's language by the error's class and status (English: unchanged).
    "api.no_key": (
        "Pas de clé d'API Render : définissez RENDER_API_KEY ou passez --api-key-file FICHIER (créez une clé dans "
        "Account Settings > API Keys du Render Dashboard)."
    ),
    "api.key_file_unreadable": "Impossible de lire le fichier de clé d'API {path} : {why}.",
    "api.key_file_empty": "Le fichier de clé d'API {path} est vide.",
    "api.key_chars": "La clé d'API Render contient des espaces ou des caractères impossibles à envoyer dans un en-tête.",
    "api.since_and_start": "Utilisez --since ou --start, pas les deux.",
    "api.window_order": "Fenêtre de temps invalide : le début ({start}) n'est pas avant la fin ({end}).",
    "api.retention": (
        "Les logs d'avant {when}Z ont disparu : Render garde les logs 7 jours sur les workspaces Hobby, 14 sur Professional et 30 sur Organization/Enterprise ; demandez au plus --since {days}d (ou moins sur les "
        "plans plus petits)."
    ),
    "api.http_refused": (
        "La clé d'API ne part pas en http:// simple vers {host} : utilisez https:// (http:// n'est accepté que "
        "pour 127.0.0.1, ::1 et localhost)."
    ),
    "api.401": "L'API Render a refusé la clé d'API (401) : vérifiez RENDER_API_KEY ou --api-key-file.",
    "api.403": "Cette clé d'API n'a pas accès à cette ressource ou à ce workspace (403){detail}.",
    "api.404": "Introuvable sur Render (404){detail} : vérifiez l'ID ou le nom du service.",
    "api.400": "L'API Render a refusé la requête (400){detail}.",
    "api.400_old": (
        "L'API Render a refusé la requête (400){detail} ; la fenêtre commence il y a plus de 7 jours et "
        "Render garde les logs 7 jours sur les workspaces Hobby, 14 sur Professional et 30 sur Organization/Enterprise."
    ),
    "api.429": "L'API Render a continué de répondre 429 (limite de débit atteinte) après {n} attentes.",
    "api.failed_n": "L'API Render a échoué {n} fois de suite ({why}).",
    "api.status": "L'API Render a répondu {status}{detail} pour {path}.",
    "api.connect.refused": "{host} a refusé la connexion",
    "api.connect.dns": "l'hôte de l'API {host} est introuvable (DNS)",
    "api.connect.timeout": "{host} n'a pas répondu en {s} s",
    "api.connect.failed": "la connexion à {host} a échoué ({why})",
    "api.connect.error": "Impossible de joindre l'API Render après {n} essais : {what} ; vérifiez {setting}.",
    "api.setting.named": "{setting} (actuellement {url})",
    "api.setting.default": (
        "le réseau et le proxy de cette machine (HTTPS_PROXY), ou définissez RENDER_HOST si l'API est ailleurs "
        "(actuellement {url})"
    ),
    "api.why.timeout": "la requête a expiré",
    "api.why.dropped": "la connexion a été coupée ({name})",
    "api.why.json": "la réponse n'était pas du JSON valide",
    "api.why.status": "le serveur a répondu {status}",
    "api.retrying": "rla : {why} ; nouvel essai ({n}/{max})…",
    "api.tls": (
        "La connexion TLS à {host} a échoué ({why}) ; vérifiez --api-url / RENDER_HOST et les certificats CA du "
        "système."
    ),
    # ---------------------------------------------------------------------------------------
    # rla rules export (analyzer/export/, analyzer/cli/export.py)
    "export.skip.context": "règle de contexte : un fait qui sert au récit de rla, jamais signalé comme constat",
    "export.skip.ok": "ligne de progression de gravité ok : rien qui mérite une alerte",
    "export.skip.no_patterns": "aucun motif propre : rla n'y arrive qu'en reclassant le constat d'une autre règle d'après le reste du log",
    "export.skip.flag": "un motif utilise l'option {flag}, que les expressions régulières de Sigma ne portent pas",
    "export.skip.escape": "un motif utilise {escape}, que les moteurs RE2 et PCRE lisent autrement que Python",
    "export.skip.lucene": "un motif utilise {what}, que les expressions régulières de Lucene ne savent pas dire",
    "export.skip.empty": "le backend {target} n'a rendu aucune requête (il ne sait pas combiner deux expressions régulières par ET)",
    "export.skip.backend": "le backend {target} ne sait pas l'exprimer : {why}",
    "export.lost": "Signalée par rla comme « {title} » ({id}) quand {when} : cette alerte ne peut pas le savoir",
    "export.lost.affinity": (
        "Manqué ici : un échec Redis dont la ligne ne montre ni schéma, ni port, ni hôte, ni client, ni réponse Redis ; "
        "rla rattache aussi un tel échec à Redis par les lignes voisines (une ligne Redis juste avant, une connexion "
        "Redis en cours), que cette alerte ne voit pas. L'échec d'un autre service (PostgreSQL, une API HTTP) est "
        "laissé de côté, comme rla le laisse de côté"
    ),
    "export.lost.field_matches": "son champ {field} correspond à {regex}",
    "export.lost.field": "le motif a capturé {field}",
    "export.lost.seen": "« {title} » apparaît ailleurs dans le log",
    "export.lost.not_seen": "« {title} » n'apparaît nulle part dans le log",
    "export.lost.pending": "« {title} » est venu après la dernière ligne « prêt » de la même instance",
    "export.and": " et ",
    "export.not_this": "Pas cette panne (exemple de rla, que cette règle ne reconnaît pas) : {line}",
    "export.no_fp": "Aucun connu",
    "export.summary": "{target} : {exported} règle(s) exportée(s) dans {path}, {skipped} ignorée(s)",
    "export.skipped": "  ignorée {id} : {why}",
    "export.lost_count": (
        "{n} règle(s) exportée(s) perdent un reclassement qui demande un champ capturé ou le reste du log "
        "(dit dans leurs falsepositives)"
    ),
    "export.missing_extra": "--to {target} a besoin de pySigma et de ses backends : pip install 'rla[export]'",
    "export.datadog": (
        "--to datadog n'est pas disponible : le seul backend Datadog de pySigma (pySigma-backend-datadog 0.3.1) "
        "exige pySigma < 0.12, que les autres backends ne peuvent partager, et refuse les expressions régulières, "
        "qu'utilise chaque règle ; exportez --to sigma et voyez docs/export.md, Datadog"
    ),
    "export.selector": "--loki-selector va avec --to loki et attend un sélecteur de flux LogQL comme {{job=\"render\"}} (reçu {got!r})",
    "export.output_file": "{path} est un fichier : -o attend un répertoire",
    "export.cannot_write": "impossible d'écrire {path} ({why})",
    # ---------------------------------------------------------------------------------------
    # the doctor's Key Value side: the Blueprint check (bp.*), the Key Value's metrics (kvm.*) and its own logs (kvl.*)
    # ---------------------------------------------------------------------------------------
    # ---- the Blueprint
    "bp.error.yaml": "{path} n'est pas du YAML valide{where} : {problem}",
    "bp.error.shape": "{path} n'est pas un Blueprint : son premier niveau doit être un dictionnaire (services, envVarGroups…)",
    "bp.error.read": "impossible de lire {path} : {why}",
    "bp.cli.with_service": "--blueprint vérifie un fichier hors ligne : ne donnez ni service ni --redis-url avec",
    "bp.cli.format_online": "--format {fmt} est réservé à --blueprint (un fichier et une ligne à désigner) ; utilisez ici table, json ou markdown",
    "bp.in_group": " (via le groupe d'environnement {group})",
    "bp.var.missing.msg": "le service {service} semble utiliser Redis mais n'a pas de {var}",
    "bp.var.missing.cause": (
        "Ses commandes ou son nom citent un client Redis ou un framework de jobs, et le Blueprint définit un "
        "Key Value, mais ni ses envVars ni un groupe lié ne définissent {var} : le client se rabattra sur "
        "localhost:6379, où rien n'écoute sur Render."
    ),
    "bp.var.missing.fix": (
        "Ajoutez aux envVars du service : - key: {var} / fromService: {{type: keyvalue, name: <key value>, "
        "property: connectionString}}"
    ),
    "bp.group.reference.msg": "le groupe d'environnement {group} définit {var} avec fromService/fromDatabase, ce qu'un groupe ne peut pas faire",
    "bp.group.reference.cause": (
        "Référence Blueprint de Render : un groupe d'environnement ne peut pas référencer des valeurs de vos "
        "services ni d'autres groupes."
    ),
    "bp.group.reference.fix": (
        "Sortez {var} du groupe {group} et mettez-la dans les envVars de chaque service, avec fromService: "
        "{{type: keyvalue, name: <key value>, property: connectionString}}."
    ),
    "bp.group.unknown.msg": "le service {service} n'a pas de {var} à lui et lie le groupe d'environnement {group}, que ce fichier ne définit pas",
    "bp.group.unknown.cause": (
        "Un groupe lié par fromGroup mais défini ailleurs (dans le Dashboard) ne peut pas être vérifié ici ; "
        "s'il n'existe pas dans l'espace de travail la synchronisation échoue, et s'il n'a pas la variable le "
        "client se rabat sur localhost."
    ),
    "bp.group.unknown.fix": (
        "Définissez le groupe {group} dans envVarGroups, ou vérifiez dans le Dashboard qu'il existe et contient "
        "l'Internal URL du Key Value."
    ),
    "bp.from.database.msg": "service {service} : {var} vient de fromDatabase, réservé à Render Postgres",
    "bp.from.database.cause": (
        "fromDatabase lit une instance Postgres ; un Key Value est un service de type keyvalue, référencé "
        "avec fromService."
    ),
    "bp.from.database.fix": "Remplacez fromDatabase par fromService: {{type: keyvalue, name: <key value>, property: connectionString}} pour {var}.",
    "bp.var.generated.msg": "service {service} : {var} a generateValue: true{where}",
    "bp.var.generated.cause": "generateValue crée un secret base64 aléatoire, pas une URL Redis : le client ne peut pas la lire.",
    "bp.var.generated.fix": "Utilisez fromService: {{type: keyvalue, name: <key value>, property: connectionString}} pour {var}.",
    "bp.var.literal.msg": "service {service} : {var} est une valeur en dur{where}, non reliée à un Key Value",
    "bp.var.literal.cause": (
        "Une URL écrite dans render.yaml est commitée avec son mot de passe, et devient fausse quand le Key "
        "Value est recréé (nouvel id red-…) ou son mot de passe change ; fromService la tient à jour."
    ),
    "bp.var.literal.fix": (
        "Remplacez la valeur par fromService: {{type: keyvalue, name: <key value>, property: connectionString}} "
        "(pour un Key Value hors du Blueprint, sync: false et collez-la dans le Dashboard)."
    ),
    "bp.var.sync_false.msg": "service {service} : {var} a sync: false (saisie une fois dans le Dashboard)",
    "bp.var.sync_false.cause": (
        "Render ne demande les valeurs sync: false qu'à la création du Blueprint, les ignore ensuite, et ne "
        "les met pas dans les environnements de preview."
    ),
    "bp.var.sync_false.fix": (
        "Si le Key Value est dans ce Blueprint, utilisez fromService: {{type: keyvalue, name: <key value>, "
        "property: connectionString}} pour {var}."
    ),
    "bp.var.empty.msg": "service {service} : {var} est déclarée sans valeur ni source",
    "bp.var.empty.cause": "Une entrée envVars demande value, fromService, fromDatabase, generateValue ou sync: false.",
    "bp.var.empty.fix": "Donnez à {var} fromService: {{type: keyvalue, name: <key value>, property: connectionString}}.",
    "bp.from.type.msg": "service {service} : {var} vient de fromService avec le type {type}, pas keyvalue",
    "bp.from.type.cause": (
        "fromService doit donner le type du service référencé ; celui d'un Key Value est keyvalue (ou redis, "
        "déprécié). Un autre type désigne un autre service, dont les propriétés sont host/port, pas une URL Redis."
    ),
    "bp.from.type.fix": "Écrivez fromService: {{type: keyvalue, name: {name}, property: connectionString}}.",
    "bp.from.alias.msg": "service {service} : le type redis de fromService est l'alias déprécié de keyvalue (encore accepté)",
    "bp.kv.alias.msg": "Key Value {kv} : le type redis est l'alias déprécié de keyvalue (encore accepté)",
    "bp.from.envvarkey.msg": "service {service} : {var} lit la variable {key} du Key Value au lieu de sa connectionString",
    "bp.from.property.msg": "service {service} : {var} prend la propriété {property} du Key Value, pas connectionString",
    "bp.from.property.cause": (
        "Pour un Key Value, seule connectionString donne l'URL (redis://red-…:6379, avec le mot de passe si "
        "l'auth interne est activée) ; host, port et hostport concernent les web services et private "
        "services, et un Key Value n'a pas de variables à lire."
    ),
    "bp.from.property.fix": "Écrivez property: connectionString dans le fromService de {name}.",
    "bp.from.noname.msg": "service {service} : le fromService de {var} n'a pas de name",
    "bp.from.unknown.msg": "service {service} : {var} vient de {name}, que ce fichier ne définit pas (Key Value ici : {known})",
    "bp.from.not_kv.msg": "service {service} : {var} vient de {name}, un service de type {type}, pas un Key Value",
    "bp.from.name.cause": (
        "fromService résout par nom. Un nom absent du fichier doit être un Key Value existant de l'espace de "
        "travail, à l'identique, sinon la synchronisation échoue ; un nom mal orthographié est la cause habituelle."
    ),
    "bp.from.name.fix": "Utilisez le nom du service type: keyvalue défini dans render.yaml (ou celui de l'instance existante).",
    "bp.var.wired.msg": "service {service} : {var} vient du Key Value {name} (connectionString)",
    "bp.region.ok": "le service {service} et le Key Value {kv} sont tous deux à {region}",
    "bp.region.msg": "le service {service} est à {region} mais le Key Value {kv} est à {kv_region}",
    "bp.region.cause": (
        "L'URL interne que donne connectionString ne se résout que dans une région (oregon par défaut si "
        "region est omis) : le service échouerait en ENOTFOUND / Name or service not known."
    ),
    "bp.region.fix": (
        "Placez le service à {region} comme {kv} (la région est fixée à la création), ou créez un Key Value "
        "dans la région du service."
    ),
    "bp.allowlist.missing.msg": "le Key Value {kv} n'a pas d'ipAllowList (champ obligatoire)",
    "bp.allowlist.missing.cause": "La référence Blueprint de Render rend ipAllowList obligatoire pour un Key Value : le Blueprint n'est pas valide.",
    "bp.allowlist.missing.fix": "Ajoutez ipAllowList: [] (connexions internes seulement), ou les blocs CIDR autorisés depuis l'extérieur de Render.",
    "bp.allowlist.external.msg": "le Key Value {kv} a ipAllowList: [] (interne seulement) mais une connexion externe est prévue : {who}",
    "bp.allowlist.external.cause": (
        "Une liste vide bloque toute connexion hors du réseau privé de Render : l'URL externe "
        "(rediss://…@<région>-keyvalue.render.com) est refusée."
    ),
    "bp.allowlist.external.fix": (
        "Préférez l'URL interne depuis la même région ; sinon listez les blocs CIDR de l'appelant dans "
        "l'ipAllowList de {kv}."
    ),
    "bp.external.literal": "le service {service} utilise l'hôte externe (ligne {line})",
    "bp.allowlist.open.msg": "le Key Value {kv} accepte les connexions externes de partout (0.0.0.0/0)",
    "bp.allowlist.open.fix": "Ne listez que les blocs CIDR qui en ont besoin, ou ipAllowList: [] si seuls des services Render se connectent.",
    "bp.allowlist.ok": "Key Value {kv} : ipAllowList {sources}",
    "bp.policy.default": " (la valeur par défaut, non écrite)",
    "bp.maxmemory.invalid.msg": "Key Value {kv} : maxmemoryPolicy {policy} n'est pas une valeur acceptée par le Blueprint",
    "bp.maxmemory.invalid.cause": "La référence Blueprint liste : {values}.",
    "bp.maxmemory.invalid.fix": "Utilisez noeviction pour des files de jobs, allkeys-lru pour un cache.",
    "bp.use.given": "option --use {use}",
    "bp.use.no_hint": "aucun framework de file, worker ni nom de file vu : lu comme un cache (--use pour dire autre chose)",
    "bp.maxmemory.queue.msg": (
        "le Key Value {kv} contient des jobs mais sa maxmemoryPolicy est {policy}{default} ; usage en file "
        "déduit de : {hints}"
    ),
    "bp.maxmemory.queue.fix": "Mettez maxmemoryPolicy: noeviction sur le Key Value (BullMQ et Sidekiq l'exigent).",
    "bp.maxmemory.cache.msg": "le Key Value {kv} est lu comme un cache ({hints}) mais sa maxmemoryPolicy est noeviction",
    "bp.maxmemory.cache.fix": "Mettez maxmemoryPolicy: allkeys-lru pour un cache (ou passez --use queue s'il contient des jobs).",
    "bp.maxmemory.ok": "Key Value {kv} : maxmemoryPolicy {policy}{default} convient à un usage {use} ({hints})",
    "bp.persistence.free.msg": "le Key Value {kv} contient des jobs sur le plan gratuit (sans persistance)",
    "bp.no_kv.msg": "aucun Key Value ni service utilisant {var} dans ce Blueprint : rien à vérifier",
    # rendering of the Blueprint report
    "bp.title": "rla doctor — Blueprint {path} (variable {var})",
    "bp.summary": "{fail} en échec, {warn} avertissement(s), {ok} ok",
    "bp.col.line": "ligne",
    "bp.col.check": "vérification",
    # ---- the Key Value's metrics (item 9) and own logs (item 10)
    "item.9": "Les métriques du Key Value confirment les logs",
    "item.10": "Les logs du Key Value lui-même",
    "kvm.no_kv": "aucun Key Value à lire (REDIS_URL ne désigne pas une instance red-… lisible)",
    "kvm.unread_kv": "le Key Value n'a pas pu être lu : {why}",
    "kvm.unread": "métrique {what} non lue : {why}",
    "kvm.no_points": "métrique {what} : aucun point dans la fenêtre",
    "kvm.limit_unknown": "limite inconnue (plan {plan})",
    "kvm.memory.no_limit": "mémoire au plus haut à {peak} à {at} ; limite inconnue (plan {plan}) ; politique maxmemory {policy}",
    "kvm.memory.corroborates": (
        "mémoire à {value} sur {limit} ({pct}) à {at}, quand l'application a logué {rule} : le Key Value "
        "était plein (politique {policy} ; limite d'après {src})"
    ),
    "kvm.memory.corroborates.cause": (
        "À maxmemory, la politique {policy} décide : noeviction refuse les écritures (OOM command not "
        "allowed), une politique d'éviction supprime des clés (cache manqué, jobs ou sessions perdus)."
    ),
    "kvm.memory.corroborates.fix": (
        "Libérez de la mémoire (TTL sur les clés de cache et de session, removeOnComplete/removeOnFail de "
        "BullMQ) ou passez le Key Value à un instance type plus grand."
    ),
    "kvm.memory.refutes": (
        "mémoire jamais au-dessus de {peak} sur {limit} ({pct}, à {at}) alors que l'application a logué "
        "{rule} : cette erreur ne vient pas de la mémoire de ce Key Value"
    ),
    "kvm.memory.refutes.cause": (
        "Le Key Value désigné par REDIS_URL était loin d'être plein : l'application parle sans doute à un "
        "autre Redis (une autre instance, un Redis local, une URL définie ailleurs), ou la mémoire manque ailleurs."
    ),
    "kvm.refutes.fix": (
        "Vérifiez quel Redis l'application utilise vraiment : loguez l'hôte auquel elle se connecte, "
        "comparez avec REDIS_URL et l'Internal URL du Key Value."
    ),
    "kvm.memory.high": "mémoire à {peak} sur {limit} ({pct}) à {at} (politique {policy} ; limite d'après {src})",
    "kvm.memory.ok": "mémoire au plus haut à {peak} sur {limit} ({pct}) à {at} (limite d'après {src})",
    "kvm.conn.corroborates": (
        "{value} connexions actives à {at}, la limite du plan {plan} est {limit}, quand l'application a "
        "logué {rule} : la limite de connexions était atteinte"
    ),
    "kvm.conn.corroborates.cause": (
        "Chaque processus garde ses propres connexions (pools, une par Queue/Worker BullMQ, concurrence "
        "Sidekiq, plusieurs instances) : ensemble elles atteignent le maximum du plan et les nouvelles sont refusées."
    ),
    "kvm.conn.corroborates.fix": (
        "Partagez un seul client par processus et limitez les pools ; passez à un instance type supérieur "
        "si le régime normal demande plus de connexions."
    ),
    "kvm.conn.refutes": (
        "connexions actives jamais au-dessus de {peak} sur {limit} (à {at}) alors que l'application a "
        "logué {rule} : pas la limite de connexions de ce Key Value"
    ),
    "kvm.conn.refutes.cause": (
        "Le Key Value avait des connexions en réserve : les refus ou handshakes coupés viennent d'ailleurs "
        "(la limite du pool du client, TLS sur le mauvais endpoint, un autre Redis)."
    ),
    "kvm.conn.high": "{peak} connexions actives à {at} : près de la limite du plan {plan} ({limit})",
    "kvm.conn.ok": "connexions actives au plus haut à {peak} sur {limit} à {at}",
    "kvm.zero.msg": (
        "le Key Value {kv} n'a eu aucune connexion active de {start} à {end}, pourtant l'application se dit "
        "connectée ({said}) : l'application parle à un autre Redis"
    ),
    "kvm.zero.cause": (
        "Un client connecté apparaît dans les connexions actives du Key Value. Aucune alors que "
        "l'application logue une connexion : son Redis en est un autre (un Redis local ou de secours, l'URL "
        "d'une autre instance, une autre variable que celle vérifiée)."
    ),
    "kvm.zero.fix": (
        "Loguez l'hôte et le port auxquels le client se connecte au démarrage et faites lire REDIS_URL au "
        "code ; comparez avec l'Internal URL de ce Key Value."
    ),
    "kvm.leak.msg": (
        "les connexions actives montent dans {n} périodes de déploiement sur {m} ({rise}) et retombent à "
        "chaque déploiement : une fuite de connexions"
    ),
    "kvm.leak.one": "les connexions actives ne font que monter sur la fenêtre ({rise}) : une fuite de connexions ?",
    "kvm.leak.cause": (
        "Des connexions ouvertes et jamais fermées (un client par requête ou par job, des reconnexions qui "
        "gardent l'ancien socket) s'accumulent jusqu'au redémarrage du processus ; à la limite du plan les "
        "nouvelles sont refusées."
    ),
    "kvm.leak.fix": "Créez le client Redis une fois par processus, réutilisez-le, et fermez ceux créés par tâche.",
    "kvm.cpu.ok": "CPU au plus haut à {peak} {unit} à {at}",
    "kvl.unread": "logs du Key Value non lus : {why}",
    "kvl.empty": "aucune ligne de log du Key Value {kv} dans la fenêtre",
    "kvl.ok": "{n} ligne(s) de log du Key Value {kv}, rien d'anormal",
    "kvl.finding": (
        "le Key Value {kv} a logué : {title} [{id}] ×{n}, {first} – {last} ; dans les logs de "
        "l'application à ce moment : {linked}"
    ),
    "kvl.link": "{rule} à {at}",
    "kvl.no_link": "rien",
    "doctor.fetch.metrics_memory": "de la mémoire du Key Value",
    "doctor.fetch.metrics_memory-limit": "de la limite mémoire du Key Value",
    "doctor.fetch.metrics_active-connections": "des connexions du Key Value",
    "doctor.fetch.metrics_cpu": "du CPU du Key Value",
    "doctor.fetch.kv_logs": "des logs du Key Value",
    # ---------------------------------------------------------------------------------------
    # the timeline pictures (issue 18): the terminal line, the Mermaid charts and the HTML report (tl.*, html.*)
    # ---------------------------------------------------------------------------------------
    "tl.head": "Chronologie {start} → {end}, une colonne = {step}, hauteur = erreurs Redis",
    "tl.deploys": "déploi.",
    "tl.others": "+{n} autres",
    "tl.all": "toutes",
    "tl.step.s": "{n} s",
    "tl.step.min": "{n} min",
    "tl.step.h": "{n} h",
    "tl.state.healthy": "fonctionne",
    "tl.state.degraded": "dégradé",
    "tl.state.failing": "en échec",
    "tl.state.recovered": "rétabli",
    "tl.kind.deploy": "déploiement",
    "tl.kind.platform": "événement de la plateforme",
    "tl.md.title": "Erreurs Redis par {step}",
    "tl.md.y": "erreurs",
    "tl.md.states": "État de Redis",
    "tl.md.events": "Événements de la plateforme",
    "tl.md.fallback": "Chronologie {start} → {end} : {states}{events}",
    "tl.md.lines": "courbes, dans l'ordre : {names}",
    "tl.md.events_at": " ; {kind} à {times}",
    # the HTML report
    "html.title": "Diagnostic Redis",
    "html.timeline": "Chronologie",
    "html.timeline.none": "Pas de chronologie : le log n'a pas d'horodatage.",
    "html.chart.desc": (
        "Erreurs Redis par {step} pour chaque instance, de {start} à {end}. Bandes du haut : l'état de Redis. "
        "Lignes pointillées : événements de la plateforme."
    ),
    "html.chart.total": "{n} erreur(s)",
    "html.findings": "Constats",
    "html.cause": "Cause",
    "html.fix": "Correction",
    "html.evidence": "Preuves",
    "html.first_last": "première {first}, dernière {last}",
    "html.count": "{n}×",
    "html.read": "Ce qui a été lu",
    "html.sources": "Sources",
    "html.window": "Période",
    "html.lines": "Lignes lues",
    "html.candidates": "Entrées candidates",
    "html.generated": "Produit par rla {version}",
    "html.status": "Lignes d'état",
    "html.legend": "Légende",
    # rla check -f html (analyzer/report/html_check.py)
    "html.check.passed": "réussie",
    "html.check.failed": "échouée",
    "html.check.title": "Vérification rla {result}",
    "html.check.files": "Fichiers ({n})",
    "html.check.col.state": "État",
    "html.check.col.file": "Fichier",
    "html.check.col.verdict": "Verdict",
    "html.check.col.gate": "Fait échouer",
    "html.check.mark.pass": "ok",
    "html.check.mark.warn": "pas sain",
    "html.check.mark.unknown": "indéterminé",
    "html.check.mark.fail": "échec",
    "html.check.mark.missing": "manquant",
    "html.check.mark.pending": "en attente",
    "html.check.mark.error": "illisible",
    "html.check.problems": "Diffère de l'attendu",
    "html.check.tag.gate": "fait échouer",
    "html.check.tag.baseline": "connu (baseline)",
}
