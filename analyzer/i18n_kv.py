"""Catalogue entries of `rla doctor`'s Key Value side: the Blueprint check (bp.*), the Key Value's
metrics (kvm.*) and its own logs (kvl.*). Merged into analyzer.i18n.CATALOGUE; kept apart so the
main catalogue does not grow by a feature's worth of lines. Every key in every language."""

from __future__ import annotations

CATALOGUE_KV: dict[str, dict[str, str]] = {
    # ---- the Blueprint
    "bp.error.yaml": {
        "en": "{path} is not valid YAML{where}: {problem}",
        "fr": "{path} n'est pas du YAML valide{where} : {problem}",
    },
    "bp.error.shape": {
        "en": "{path} is not a Blueprint: its top level must be a mapping (services, envVarGroups…)",
        "fr": "{path} n'est pas un Blueprint : son premier niveau doit être un dictionnaire (services, envVarGroups…)",
    },
    "bp.error.read": {"en": "cannot read {path}: {why}", "fr": "impossible de lire {path} : {why}"},
    "bp.cli.with_service": {
        "en": "--blueprint checks a file offline: give no service and no --redis-url with it",
        "fr": "--blueprint vérifie un fichier hors ligne : ne donnez ni service ni --redis-url avec",
    },
    "bp.cli.format_online": {
        "en": "--format {fmt} is for --blueprint (a file and line to point at); use table, json or markdown here",
        "fr": "--format {fmt} est réservé à --blueprint (un fichier et une ligne à désigner) ; utilisez ici table, json ou markdown",
    },
    "bp.in_group": {"en": " (through env group {group})", "fr": " (via le groupe d'environnement {group})"},
    "bp.var.missing.msg": {
        "en": "service {service} looks like it uses Redis but has no {var}",
        "fr": "le service {service} semble utiliser Redis mais n'a pas de {var}",
    },
    "bp.var.missing.cause": {
        "en": "Its commands or name mention a Redis client or job framework, and the Blueprint defines a Key Value, "
              "but neither its envVars nor a linked env group define {var}: the client will fall back to "
              "localhost:6379, where nothing listens on Render.",
        "fr": "Ses commandes ou son nom citent un client Redis ou un framework de jobs, et le Blueprint définit un "
              "Key Value, mais ni ses envVars ni un groupe lié ne définissent {var} : le client se rabattra sur "
              "localhost:6379, où rien n'écoute sur Render.",
    },
    "bp.var.missing.fix": {
        "en": "Add to the service's envVars: - key: {var} / fromService: {{type: keyvalue, name: <key value>, "
              "property: connectionString}}",
        "fr": "Ajoutez aux envVars du service : - key: {var} / fromService: {{type: keyvalue, name: <key value>, "
              "property: connectionString}}",
    },
    "bp.group.reference.msg": {
        "en": "env group {group} sets {var} with fromService/fromDatabase, which groups cannot do",
        "fr": "le groupe d'environnement {group} définit {var} avec fromService/fromDatabase, ce qu'un groupe ne peut pas faire",
    },
    "bp.group.reference.cause": {
        "en": "Render's Blueprint reference: an environment group can't reference values from your services or "
              "from other groups.",
        "fr": "Référence Blueprint de Render : un groupe d'environnement ne peut pas référencer des valeurs de vos "
              "services ni d'autres groupes.",
    },
    "bp.group.reference.fix": {
        "en": "Move {var} out of group {group} into each service's envVars, with fromService: {{type: keyvalue, "
              "name: <key value>, property: connectionString}}.",
        "fr": "Sortez {var} du groupe {group} et mettez-la dans les envVars de chaque service, avec fromService: "
              "{{type: keyvalue, name: <key value>, property: connectionString}}.",
    },
    "bp.group.unknown.msg": {
        "en": "service {service} has no {var} of its own and links env group {group}, which this file does not define",
        "fr": "le service {service} n'a pas de {var} à lui et lie le groupe d'environnement {group}, que ce fichier ne définit pas",
    },
    "bp.group.unknown.cause": {
        "en": "A group linked by fromGroup but defined elsewhere (in the Dashboard) cannot be checked here; if it "
              "does not exist in the workspace, the Blueprint sync fails, and if it has no such variable the "
              "client falls back to localhost.",
        "fr": "Un groupe lié par fromGroup mais défini ailleurs (dans le Dashboard) ne peut pas être vérifié ici ; "
              "s'il n'existe pas dans l'espace de travail la synchronisation échoue, et s'il n'a pas la variable le "
              "client se rabat sur localhost.",
    },
    "bp.group.unknown.fix": {
        "en": "Define env group {group} in envVarGroups, or check in the Dashboard that it exists and holds the Key "
              "Value's Internal URL.",
        "fr": "Définissez le groupe {group} dans envVarGroups, ou vérifiez dans le Dashboard qu'il existe et contient "
              "l'Internal URL du Key Value.",
    },
    "bp.from.database.msg": {
        "en": "service {service}: {var} comes fromDatabase, which is for Render Postgres only",
        "fr": "service {service} : {var} vient de fromDatabase, réservé à Render Postgres",
    },
    "bp.from.database.cause": {
        "en": "fromDatabase reads a Postgres instance; a Key Value is a service of type keyvalue and is referenced "
              "with fromService.",
        "fr": "fromDatabase lit une instance Postgres ; un Key Value est un service de type keyvalue, référencé "
              "avec fromService.",
    },
    "bp.from.database.fix": {
        "en": "Replace fromDatabase with fromService: {{type: keyvalue, name: <key value>, property: connectionString}} for {var}.",
        "fr": "Remplacez fromDatabase par fromService: {{type: keyvalue, name: <key value>, property: connectionString}} pour {var}.",
    },
    "bp.var.generated.msg": {
        "en": "service {service}: {var} has generateValue: true{where}",
        "fr": "service {service} : {var} a generateValue: true{where}",
    },
    "bp.var.generated.cause": {
        "en": "generateValue makes a random base64 secret, not a Redis URL: the client cannot parse it.",
        "fr": "generateValue crée un secret base64 aléatoire, pas une URL Redis : le client ne peut pas la lire.",
    },
    "bp.var.generated.fix": {
        "en": "Use fromService: {{type: keyvalue, name: <key value>, property: connectionString}} for {var}.",
        "fr": "Utilisez fromService: {{type: keyvalue, name: <key value>, property: connectionString}} pour {var}.",
    },
    "bp.var.literal.msg": {
        "en": "service {service}: {var} is a literal value{where}, not wired to a Key Value",
        "fr": "service {service} : {var} est une valeur en dur{where}, non reliée à un Key Value",
    },
    "bp.var.literal.cause": {
        "en": "A URL written in render.yaml is committed with its password, and goes stale when the Key Value is "
              "recreated (a new red-… id) or its password rotates; fromService keeps it current.",
        "fr": "Une URL écrite dans render.yaml est commitée avec son mot de passe, et devient fausse quand le Key "
              "Value est recréé (nouvel id red-…) ou son mot de passe change ; fromService la tient à jour.",
    },
    "bp.var.literal.fix": {
        "en": "Replace the value with fromService: {{type: keyvalue, name: <key value>, property: connectionString}} "
              "(for a Key Value outside the Blueprint, sync: false and paste it in the Dashboard).",
        "fr": "Remplacez la valeur par fromService: {{type: keyvalue, name: <key value>, property: connectionString}} "
              "(pour un Key Value hors du Blueprint, sync: false et collez-la dans le Dashboard).",
    },
    "bp.var.sync_false.msg": {
        "en": "service {service}: {var} has sync: false (typed in the Dashboard once)",
        "fr": "service {service} : {var} a sync: false (saisie une fois dans le Dashboard)",
    },
    "bp.var.sync_false.cause": {
        "en": "Render prompts for sync: false values only when the Blueprint is first created, ignores them on "
              "later syncs, and leaves them out of preview environments.",
        "fr": "Render ne demande les valeurs sync: false qu'à la création du Blueprint, les ignore ensuite, et ne "
              "les met pas dans les environnements de preview.",
    },
    "bp.var.sync_false.fix": {
        "en": "If the Key Value is in this Blueprint, use fromService: {{type: keyvalue, name: <key value>, "
              "property: connectionString}} for {var}.",
        "fr": "Si le Key Value est dans ce Blueprint, utilisez fromService: {{type: keyvalue, name: <key value>, "
              "property: connectionString}} pour {var}.",
    },
    "bp.var.empty.msg": {
        "en": "service {service}: {var} is declared with no value and no source",
        "fr": "service {service} : {var} est déclarée sans valeur ni source",
    },
    "bp.var.empty.cause": {
        "en": "An envVars entry needs value, fromService, fromDatabase, generateValue or sync: false.",
        "fr": "Une entrée envVars demande value, fromService, fromDatabase, generateValue ou sync: false.",
    },
    "bp.var.empty.fix": {
        "en": "Give {var} fromService: {{type: keyvalue, name: <key value>, property: connectionString}}.",
        "fr": "Donnez à {var} fromService: {{type: keyvalue, name: <key value>, property: connectionString}}.",
    },
    "bp.from.type.msg": {
        "en": "service {service}: {var} comes fromService with type {type}, not keyvalue",
        "fr": "service {service} : {var} vient de fromService avec le type {type}, pas keyvalue",
    },
    "bp.from.type.cause": {
        "en": "fromService must name the referenced service's type; a Key Value's is keyvalue (or the deprecated "
              "redis). Another type points at another service, whose properties are host/port, not a Redis URL.",
        "fr": "fromService doit donner le type du service référencé ; celui d'un Key Value est keyvalue (ou redis, "
              "déprécié). Un autre type désigne un autre service, dont les propriétés sont host/port, pas une URL Redis.",
    },
    "bp.from.type.fix": {
        "en": "Write fromService: {{type: keyvalue, name: {name}, property: connectionString}}.",
        "fr": "Écrivez fromService: {{type: keyvalue, name: {name}, property: connectionString}}.",
    },
    "bp.from.alias.msg": {
        "en": "service {service}: fromService type redis is the deprecated alias of keyvalue (still accepted)",
        "fr": "service {service} : le type redis de fromService est l'alias déprécié de keyvalue (encore accepté)",
    },
    "bp.kv.alias.msg": {
        "en": "Key Value {kv}: type redis is the deprecated alias of keyvalue (still accepted)",
        "fr": "Key Value {kv} : le type redis est l'alias déprécié de keyvalue (encore accepté)",
    },
    "bp.from.envvarkey.msg": {
        "en": "service {service}: {var} reads the Key Value's env var {key} instead of its connectionString",
        "fr": "service {service} : {var} lit la variable {key} du Key Value au lieu de sa connectionString",
    },
    "bp.from.property.msg": {
        "en": "service {service}: {var} takes property {property} of the Key Value, not connectionString",
        "fr": "service {service} : {var} prend la propriété {property} du Key Value, pas connectionString",
    },
    "bp.from.property.cause": {
        "en": "For a Key Value, only connectionString gives the URL (redis://red-…:6379, with the password when "
              "internal auth is on); host, port and hostport are for web and private services, and a Key Value "
              "has no env vars to read.",
        "fr": "Pour un Key Value, seule connectionString donne l'URL (redis://red-…:6379, avec le mot de passe si "
              "l'auth interne est activée) ; host, port et hostport concernent les web services et private "
              "services, et un Key Value n'a pas de variables à lire.",
    },
    "bp.from.property.fix": {
        "en": "Write property: connectionString in the fromService of {name}.",
        "fr": "Écrivez property: connectionString dans le fromService de {name}.",
    },
    "bp.from.noname.msg": {
        "en": "service {service}: the fromService of {var} has no name",
        "fr": "service {service} : le fromService de {var} n'a pas de name",
    },
    "bp.from.unknown.msg": {
        "en": "service {service}: {var} comes from {name}, which this file does not define (Key Value here: {known})",
        "fr": "service {service} : {var} vient de {name}, que ce fichier ne définit pas (Key Value ici : {known})",
    },
    "bp.from.not_kv.msg": {
        "en": "service {service}: {var} comes from {name}, a service of type {type}, not a Key Value",
        "fr": "service {service} : {var} vient de {name}, un service de type {type}, pas un Key Value",
    },
    "bp.from.name.cause": {
        "en": "fromService resolves by name. A name not in the file must be an existing Key Value of the workspace, "
              "spelt exactly, or the Blueprint sync fails; a misspelt name is the usual cause.",
        "fr": "fromService résout par nom. Un nom absent du fichier doit être un Key Value existant de l'espace de "
              "travail, à l'identique, sinon la synchronisation échoue ; un nom mal orthographié est la cause habituelle.",
    },
    "bp.from.name.fix": {
        "en": "Use the name of the type: keyvalue service defined in render.yaml (or of the existing instance).",
        "fr": "Utilisez le nom du service type: keyvalue défini dans render.yaml (ou celui de l'instance existante).",
    },
    "bp.var.wired.msg": {
        "en": "service {service}: {var} comes from Key Value {name} (connectionString)",
        "fr": "service {service} : {var} vient du Key Value {name} (connectionString)",
    },
    "bp.region.ok": {
        "en": "service {service} and Key Value {kv} are both in {region}",
        "fr": "le service {service} et le Key Value {kv} sont tous deux à {region}",
    },
    "bp.region.msg": {
        "en": "service {service} is in {region} but Key Value {kv} is in {kv_region}",
        "fr": "le service {service} est à {region} mais le Key Value {kv} est à {kv_region}",
    },
    "bp.region.cause": {
        "en": "The internal URL that connectionString gives only resolves inside one region (region defaults to "
              "oregon when omitted): the service would fail with ENOTFOUND / Name or service not known.",
        "fr": "L'URL interne que donne connectionString ne se résout que dans une région (oregon par défaut si "
              "region est omis) : le service échouerait en ENOTFOUND / Name or service not known.",
    },
    "bp.region.fix": {
        "en": "Put the service in {region} like {kv} (region is fixed at creation), or create a Key Value in the "
              "service's region.",
        "fr": "Placez le service à {region} comme {kv} (la région est fixée à la création), ou créez un Key Value "
              "dans la région du service.",
    },
    "bp.allowlist.missing.msg": {
        "en": "Key Value {kv} has no ipAllowList (a required field)",
        "fr": "le Key Value {kv} n'a pas d'ipAllowList (champ obligatoire)",
    },
    "bp.allowlist.missing.cause": {
        "en": "Render's Blueprint reference makes ipAllowList required for Key Value: the Blueprint does not validate.",
        "fr": "La référence Blueprint de Render rend ipAllowList obligatoire pour un Key Value : le Blueprint n'est pas valide.",
    },
    "bp.allowlist.missing.fix": {
        "en": "Add ipAllowList: [] (internal connections only), or the CIDR blocks allowed from outside Render.",
        "fr": "Ajoutez ipAllowList: [] (connexions internes seulement), ou les blocs CIDR autorisés depuis l'extérieur de Render.",
    },
    "bp.allowlist.external.msg": {
        "en": "Key Value {kv} has ipAllowList: [] (internal only) but an external connection is implied: {who}",
        "fr": "le Key Value {kv} a ipAllowList: [] (interne seulement) mais une connexion externe est prévue : {who}",
    },
    "bp.allowlist.external.cause": {
        "en": "An empty list blocks every connection from outside Render's private network: the external URL "
              "(rediss://…@<region>-keyvalue.render.com) is refused.",
        "fr": "Une liste vide bloque toute connexion hors du réseau privé de Render : l'URL externe "
              "(rediss://…@<région>-keyvalue.render.com) est refusée.",
    },
    "bp.allowlist.external.fix": {
        "en": "Prefer the internal URL from the same region; otherwise list the caller's CIDR blocks in the "
              "ipAllowList of {kv}.",
        "fr": "Préférez l'URL interne depuis la même région ; sinon listez les blocs CIDR de l'appelant dans "
              "l'ipAllowList de {kv}.",
    },
    "bp.external.literal": {
        "en": "service {service} uses the external host (line {line})",
        "fr": "le service {service} utilise l'hôte externe (ligne {line})",
    },
    "bp.allowlist.open.msg": {
        "en": "Key Value {kv} accepts external connections from everywhere (0.0.0.0/0)",
        "fr": "le Key Value {kv} accepte les connexions externes de partout (0.0.0.0/0)",
    },
    "bp.allowlist.open.fix": {
        "en": "List only the CIDR blocks that need it, or ipAllowList: [] when only Render services connect.",
        "fr": "Ne listez que les blocs CIDR qui en ont besoin, ou ipAllowList: [] si seuls des services Render se connectent.",
    },
    "bp.allowlist.ok": {
        "en": "Key Value {kv}: ipAllowList {sources}",
        "fr": "Key Value {kv} : ipAllowList {sources}",
    },
    "bp.policy.default": {"en": " (the default, not written)", "fr": " (la valeur par défaut, non écrite)"},
    "bp.maxmemory.invalid.msg": {
        "en": "Key Value {kv}: maxmemoryPolicy {policy} is not a value the Blueprint accepts",
        "fr": "Key Value {kv} : maxmemoryPolicy {policy} n'est pas une valeur acceptée par le Blueprint",
    },
    "bp.maxmemory.invalid.cause": {
        "en": "The Blueprint reference lists: {values}.",
        "fr": "La référence Blueprint liste : {values}.",
    },
    "bp.maxmemory.invalid.fix": {
        "en": "Use noeviction for job queues, allkeys-lru for a cache.",
        "fr": "Utilisez noeviction pour des files de jobs, allkeys-lru pour un cache.",
    },
    "bp.use.given": {"en": "--use {use}", "fr": "option --use {use}"},
    "bp.use.no_hint": {
        "en": "no queue framework, worker or queue name seen: read as a cache (--use says otherwise)",
        "fr": "aucun framework de file, worker ni nom de file vu : lu comme un cache (--use pour dire autre chose)",
    },
    "bp.maxmemory.queue.msg": {
        "en": "Key Value {kv} holds jobs but its maxmemoryPolicy is {policy}{default}; queue use inferred from: {hints}",
        "fr": "le Key Value {kv} contient des jobs mais sa maxmemoryPolicy est {policy}{default} ; usage en file "
              "déduit de : {hints}",
    },
    "bp.maxmemory.queue.fix": {
        "en": "Set maxmemoryPolicy: noeviction on the Key Value (BullMQ and Sidekiq require it).",
        "fr": "Mettez maxmemoryPolicy: noeviction sur le Key Value (BullMQ et Sidekiq l'exigent).",
    },
    "bp.maxmemory.cache.msg": {
        "en": "Key Value {kv} is read as a cache ({hints}) but its maxmemoryPolicy is noeviction",
        "fr": "le Key Value {kv} est lu comme un cache ({hints}) mais sa maxmemoryPolicy est noeviction",
    },
    "bp.maxmemory.cache.fix": {
        "en": "Set maxmemoryPolicy: allkeys-lru for a cache (or pass --use queue if it holds jobs).",
        "fr": "Mettez maxmemoryPolicy: allkeys-lru pour un cache (ou passez --use queue s'il contient des jobs).",
    },
    "bp.maxmemory.ok": {
        "en": "Key Value {kv}: maxmemoryPolicy {policy}{default} fits a {use} ({hints})",
        "fr": "Key Value {kv} : maxmemoryPolicy {policy}{default} convient à un usage {use} ({hints})",
    },
    "bp.persistence.free.msg": {
        "en": "Key Value {kv} holds jobs on the free plan (no persistence)",
        "fr": "le Key Value {kv} contient des jobs sur le plan gratuit (sans persistance)",
    },
    "bp.no_kv.msg": {
        "en": "no Key Value and no service using {var} in this Blueprint: nothing to check",
        "fr": "aucun Key Value ni service utilisant {var} dans ce Blueprint : rien à vérifier",
    },
    # rendering of the Blueprint report
    "bp.title": {"en": "rla doctor — Blueprint {path} ({var})", "fr": "rla doctor — Blueprint {path} (variable {var})"},
    "bp.summary": {
        "en": "{fail} failed, {warn} warning(s), {ok} ok",
        "fr": "{fail} en échec, {warn} avertissement(s), {ok} ok",
    },
    "bp.col.line": {"en": "line", "fr": "ligne"},
    "bp.col.check": {"en": "check", "fr": "vérification"},
    # ---- the Key Value's metrics (item 9) and own logs (item 10)
    "item.9": {
        "en": "The Key Value's metrics agree with the logs",
        "fr": "Les métriques du Key Value confirment les logs",
    },
    "item.10": {"en": "The Key Value's own logs", "fr": "Les logs du Key Value lui-même"},
    "kvm.no_kv": {
        "en": "no Key Value to read (REDIS_URL does not point at a red-… instance that could be read)",
        "fr": "aucun Key Value à lire (REDIS_URL ne désigne pas une instance red-… lisible)",
    },
    "kvm.unread_kv": {
        "en": "the Key Value could not be read: {why}",
        "fr": "le Key Value n'a pas pu être lu : {why}",
    },
    "kvm.unread": {"en": "{what} metric not read: {why}", "fr": "métrique {what} non lue : {why}"},
    "kvm.no_points": {
        "en": "{what} metric: no data point in the window",
        "fr": "métrique {what} : aucun point dans la fenêtre",
    },
    "kvm.limit_unknown": {"en": "limit unknown (plan {plan})", "fr": "limite inconnue (plan {plan})"},
    "kvm.memory.no_limit": {
        "en": "memory peaked at {peak} at {at}; limit unknown (plan {plan}); maxmemory policy {policy}",
        "fr": "mémoire au plus haut à {peak} à {at} ; limite inconnue (plan {plan}) ; politique maxmemory {policy}",
    },
    "kvm.memory.corroborates": {
        "en": "memory at {value} of {limit} ({pct}) at {at}, when the app logged {rule}: the Key Value was full "
              "(policy {policy}; limit from {src})",
        "fr": "mémoire à {value} sur {limit} ({pct}) à {at}, quand l'application a logué {rule} : le Key Value "
              "était plein (politique {policy} ; limite d'après {src})",
    },
    "kvm.memory.corroborates.cause": {
        "en": "At maxmemory, policy {policy} decides: noeviction refuses writes (OOM command not allowed), an "
              "eviction policy deletes keys (cache misses, lost jobs or sessions).",
        "fr": "À maxmemory, la politique {policy} décide : noeviction refuse les écritures (OOM command not "
              "allowed), une politique d'éviction supprime des clés (cache manqué, jobs ou sessions perdus).",
    },
    "kvm.memory.corroborates.fix": {
        "en": "Free memory (TTLs on cache and session keys, BullMQ removeOnComplete/removeOnFail) or move the Key "
              "Value to a larger instance type.",
        "fr": "Libérez de la mémoire (TTL sur les clés de cache et de session, removeOnComplete/removeOnFail de "
              "BullMQ) ou passez le Key Value à un instance type plus grand.",
    },
    "kvm.memory.refutes": {
        "en": "memory never above {peak} of {limit} ({pct}, at {at}) although the app logged {rule}: that error "
              "does not come from this Key Value's memory",
        "fr": "mémoire jamais au-dessus de {peak} sur {limit} ({pct}, à {at}) alors que l'application a logué "
              "{rule} : cette erreur ne vient pas de la mémoire de ce Key Value",
    },
    "kvm.memory.refutes.cause": {
        "en": "The Key Value REDIS_URL names was far from full: the app probably talks to another Redis (another "
              "instance, a local one, a URL set elsewhere), or the memory is exhausted elsewhere.",
        "fr": "Le Key Value désigné par REDIS_URL était loin d'être plein : l'application parle sans doute à un "
              "autre Redis (une autre instance, un Redis local, une URL définie ailleurs), ou la mémoire manque ailleurs.",
    },
    "kvm.refutes.fix": {
        "en": "Check which Redis the app really uses: log the host it connects to, compare with REDIS_URL and the "
              "Key Value's Internal URL.",
        "fr": "Vérifiez quel Redis l'application utilise vraiment : loguez l'hôte auquel elle se connecte, "
              "comparez avec REDIS_URL et l'Internal URL du Key Value.",
    },
    "kvm.memory.high": {
        "en": "memory at {peak} of {limit} ({pct}) at {at} (policy {policy}; limit from {src})",
        "fr": "mémoire à {peak} sur {limit} ({pct}) à {at} (politique {policy} ; limite d'après {src})",
    },
    "kvm.memory.ok": {
        "en": "memory peaked at {peak} of {limit} ({pct}) at {at} (limit from {src})",
        "fr": "mémoire au plus haut à {peak} sur {limit} ({pct}) à {at} (limite d'après {src})",
    },
    "kvm.conn.corroborates": {
        "en": "{value} active connections at {at}, the limit of plan {plan} is {limit}, when the app logged "
              "{rule}: the connection limit was reached",
        "fr": "{value} connexions actives à {at}, la limite du plan {plan} est {limit}, quand l'application a "
              "logué {rule} : la limite de connexions était atteinte",
    },
    "kvm.conn.corroborates.cause": {
        "en": "Every process holds its own connections (pools, one per BullMQ Queue/Worker, Sidekiq concurrency, "
              "several instances): together they reach the plan's maximum and new ones are refused.",
        "fr": "Chaque processus garde ses propres connexions (pools, une par Queue/Worker BullMQ, concurrence "
              "Sidekiq, plusieurs instances) : ensemble elles atteignent le maximum du plan et les nouvelles sont refusées.",
    },
    "kvm.conn.corroborates.fix": {
        "en": "Share one client per process and bound the pools; upgrade the instance type if the steady state "
              "needs more connections.",
        "fr": "Partagez un seul client par processus et limitez les pools ; passez à un instance type supérieur "
              "si le régime normal demande plus de connexions.",
    },
    "kvm.conn.refutes": {
        "en": "active connections never above {peak} of {limit} (at {at}) although the app logged {rule}: "
              "not this Key Value's connection limit",
        "fr": "connexions actives jamais au-dessus de {peak} sur {limit} (à {at}) alors que l'application a "
              "logué {rule} : pas la limite de connexions de ce Key Value",
    },
    "kvm.conn.refutes.cause": {
        "en": "The Key Value had connections to spare: the refusals or dropped handshakes come from elsewhere "
              "(the client's own pool limit, TLS on the wrong endpoint, another Redis).",
        "fr": "Le Key Value avait des connexions en réserve : les refus ou handshakes coupés viennent d'ailleurs "
              "(la limite du pool du client, TLS sur le mauvais endpoint, un autre Redis).",
    },
    "kvm.conn.high": {
        "en": "{peak} active connections at {at}: near the limit of plan {plan} ({limit})",
        "fr": "{peak} connexions actives à {at} : près de la limite du plan {plan} ({limit})",
    },
    "kvm.conn.ok": {
        "en": "active connections peaked at {peak} of {limit} at {at}",
        "fr": "connexions actives au plus haut à {peak} sur {limit} à {at}",
    },
    "kvm.zero.msg": {
        "en": "Key Value {kv} had 0 active connections from {start} to {end}, yet the app says it is connected "
              "({said}): the app talks to another Redis",
        "fr": "le Key Value {kv} n'a eu aucune connexion active de {start} à {end}, pourtant l'application se dit "
              "connectée ({said}) : l'application parle à un autre Redis",
    },
    "kvm.zero.cause": {
        "en": "A connected client shows in the Key Value's active connections. None there while the app logs "
              "a connection means its Redis is another one: a local Redis or a fallback, another instance's URL, "
              "a variable other than the one checked.",
        "fr": "Un client connecté apparaît dans les connexions actives du Key Value. Aucune alors que "
              "l'application logue une connexion : son Redis en est un autre (un Redis local ou de secours, l'URL "
              "d'une autre instance, une autre variable que celle vérifiée).",
    },
    "kvm.zero.fix": {
        "en": "Log the host and port the client connects to at start-up and make the code read REDIS_URL; "
              "compare with this Key Value's Internal URL.",
        "fr": "Loguez l'hôte et le port auxquels le client se connecte au démarrage et faites lire REDIS_URL au "
              "code ; comparez avec l'Internal URL de ce Key Value.",
    },
    "kvm.leak.msg": {
        "en": "active connections climb in {n} of {m} deploy periods ({rise}) and fall at each deploy: a "
              "connection leak",
        "fr": "les connexions actives montent dans {n} périodes de déploiement sur {m} ({rise}) et retombent à "
              "chaque déploiement : une fuite de connexions",
    },
    "kvm.leak.one": {
        "en": "active connections only climb over the window ({rise}): a connection leak?",
        "fr": "les connexions actives ne font que monter sur la fenêtre ({rise}) : une fuite de connexions ?",
    },
    "kvm.leak.cause": {
        "en": "Connections opened and never closed (a client per request or per job, reconnects that keep the "
              "old socket) accumulate until the process restarts; at the plan's limit new ones are refused.",
        "fr": "Des connexions ouvertes et jamais fermées (un client par requête ou par job, des reconnexions qui "
              "gardent l'ancien socket) s'accumulent jusqu'au redémarrage du processus ; à la limite du plan les "
              "nouvelles sont refusées.",
    },
    "kvm.leak.fix": {
        "en": "Create the Redis client once per process, reuse it, and close clients you create per task.",
        "fr": "Créez le client Redis une fois par processus, réutilisez-le, et fermez ceux créés par tâche.",
    },
    "kvm.cpu.ok": {"en": "CPU peaked at {peak} {unit} at {at}", "fr": "CPU au plus haut à {peak} {unit} à {at}"},
    "kvl.unread": {"en": "the Key Value's logs were not read: {why}", "fr": "logs du Key Value non lus : {why}"},
    "kvl.empty": {
        "en": "no log line from Key Value {kv} in the window",
        "fr": "aucune ligne de log du Key Value {kv} dans la fenêtre",
    },
    "kvl.ok": {
        "en": "{n} log line(s) from Key Value {kv}, nothing wrong in them",
        "fr": "{n} ligne(s) de log du Key Value {kv}, rien d'anormal",
    },
    "kvl.finding": {
        "en": "Key Value {kv} logged: {title} [{id}] ×{n}, {first} – {last}; in the app's logs then: {linked}",
        "fr": "le Key Value {kv} a logué : {title} [{id}] ×{n}, {first} – {last} ; dans les logs de "
              "l'application à ce moment : {linked}",
    },
    "kvl.link": {"en": "{rule} at {at}", "fr": "{rule} à {at}"},
    "kvl.no_link": {"en": "nothing", "fr": "rien"},
    "doctor.fetch.metrics_memory": {"en": "Key Value memory", "fr": "de la mémoire du Key Value"},
    "doctor.fetch.metrics_memory-limit": {"en": "Key Value memory limit", "fr": "de la limite mémoire du Key Value"},
    "doctor.fetch.metrics_active-connections": {
        "en": "Key Value connections", "fr": "des connexions du Key Value"},
    "doctor.fetch.metrics_cpu": {"en": "Key Value CPU", "fr": "du CPU du Key Value"},
    "doctor.fetch.kv_logs": {"en": "Key Value logs", "fr": "des logs du Key Value"},
}
