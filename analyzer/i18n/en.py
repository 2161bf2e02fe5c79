"""English: the CLI's own text, one key -> one sentence (analyzer.i18n loads it on first use).

Every key here is in every other language's file with the same {placeholders}, and the other way round
(tests/test_i18n.py). Keys are in the same order in every language file, so they read side by side.
"""

TEXT: dict[str, str] = {
    # verdicts
    "verdict.healthy": "Redis healthy: ready and connected",
    "verdict.degraded": "Redis degraded: {fallback}",
    # degraded with no fallback line in the log: say what the log shows, not what the app did not do
    "verdict.degraded_plain": "Redis degraded: some commands fail",
    "verdict.fallback": "{fallback} since {when}",
    "verdict.sources": "{n} sources: {states}",
    "state.healthy": "healthy",
    "state.degraded": "degraded",
    "state.failing": "failing",
    "state.recovered": "recovered",
    "state.unknown": "can't tell",
    "sources.title": "Per source:",
    # one source's state, in the compact per-source list (singular, unlike the counts' state.* words)
    "source.healthy": "healthy",
    "source.degraded": "degraded",
    "source.failing": "failing",
    "source.recovered": "recovered",
    "source.unknown": "can't tell",
    "sources.more": "… {n} more source(s)",
    # Is it Redis? (analyzer.engine.affinity): what tied a connection failure to Redis, or why it is not Redis
    "affinity.scheme": "{scheme}:// is a Redis URL",
    "affinity.port": "{endpoint}: a Redis port",
    "affinity.host": "{host} is a Redis host name",
    "affinity.text": "the line names Redis ({signal})",
    "affinity.class": "the line names Redis ({signal}) and says '{said}' (the '{class}' failure class)",
    "affinity.nearby": "a Redis line just before it (line {line})",
    "affinity.after": "no address, and a Redis error just after it on the same instance (line {line})",
    "affinity.connecting": "a Redis connection attempt was under way",
    "affinity.after_up": "a dropped connection on an instance whose Redis client was connected",
    "judge.resumed": "the app printed a line of the form '{line}' before {count} Redis failures, none while they lasted, and one again after them",
    "judge.resumed_request": "the app answered '{request}' between {count} Redis failures (on its fallback), and after them in another form: '{line}'",
    "judge.resumed_failed": "'{request}' failed with {count} Redis failures, and was done again after them: '{line}'",
    "affinity.other_port": "{service}'s port",
    "affinity.other_scheme": "a {service} URL",
    "affinity.other_text": "{service}'s client ({signal})",
    "affinity.other_host": "{endpoint} is not the Redis this app uses ({redis}, named by its Redis errors)",
    "affinity.none": "nothing ties it to Redis (no Redis port, host, client or line nearby)",
    "affinity.known_other": "{endpoint} failed earlier with nothing tying it to Redis: the same dependency, not Redis",
    "not_redis.title": "Not Redis:",
    "not_redis.line": "not Redis: {count}× {what}, {why}",
    "not_redis.line.untied": "not tied to Redis: {count}× {what}, {why}; if it is your Redis: rla rules show {rule}",
    "affinity.error.keys": "{where}: unknown key (expected: {keys})",
    "affinity.error.list": "{where}: '{key}' must be a list of strings",
    "affinity.error.map": "{where}: '{key}' must map names to services",
    "affinity.error.window": "{where}: 'window' must be a number of lines (0 or more)",
    "affinity.error.resumed_after": "{where}: 'resumed_after' must be a number of failures (1 or more)",
    "affinity.error.pattern": "{where}: {pattern!r} {why}",
    "affinity.error.read": "{where}: {why}",
    "verdict.failing": "Redis failing",
    "verdict.recovered": "Redis recovered after errors",
    "verdict.unknown": "Can't tell: no line says whether the app's Redis client works",
    "verdict.since": "since {when}",
    "verdict.back_at": ", back at {when}",
    "verdict.root_cause": "root cause: {title} [{id}]",
    "verdict.why": "why: {why}",
    "verdict.earlier": "earlier: {title} [{id}]",
    "verdict.after_deploy": "no Redis error after the deploy at {when}",
    "summary.unparsed": "{n} record(s) could not be parsed, first at {where}",
    "summary.incomplete": "incomplete input: {why}",
    "summary.skipped": "skipped {what}",
    "summary.note": "note: {what}",
    # table
    "col.severity": "severity",
    "sev.ok": "ok",
    "sev.info": "info",
    "sev.warning": "warning",
    "sev.error": "error",
    "sev.critical": "critical",
    "col.finding": "finding",
    "col.count": "count",
    "col.first": "first seen",
    "col.evidence": "evidence",
    "col.cause": "cause",
    "col.solution": "what to do",
    "col.template": "line template",
    "line": "line",
    "caused_by": "caused by: {id}",
    "redis_url_set": "REDIS_URL set: {value}",
    "yes": "yes",
    "no": "no",
    "instances": "instances",
    "unexplained.title": "Error-looking lines no rule explains ({n} template(s)):",
    "no_findings": "No Redis finding.",
    # the first screen (analyzer/report/table.py) and the time model (analyzer/times.py)
    "time.date_unknown": "{time}, date unknown",
    "time.year_unknown": "{time}, year unknown",
    "verdict.nothing_read": "Nothing was read: no log line in the input, so no diagnosis",
    "read.lines": "read {lines} line(s) from {what}",
    "read.sources": "{n} sources",
    "read.logs": "read {lines} log(s) of {service}, {start} → {end}",
    "read.filter": "server-side filter {filter}: the logs it leaves out were not diagnosed",
    "read.filter_joined": "filter {filter} (applied after multi-line entries are joined): the other logs were not diagnosed",
    "read.skipped": "not read: {what}",
    "read.empty": "{what} is empty",
    "fix.title": "Fix ({id}):",
    "fix.after": "Then ({ids}):",
    "findings.title": "Findings ({n}):",
    "findings.title.day": "Findings ({n}), times on {day}:",
    "findings.title.instance": "Findings ({n}), all on instance {instance}:",
    "findings.title.day.instance": "Findings ({n}), all on instance {instance}, times on {day}:",
    "findings.status": "Status lines: {list}",
    "findings.more": "-v: cause and fix of every finding · rla rules show {id}",
    "findings.more.plain": "-v: cause and fix of every finding",
    "explain.see_root": "fix: that of {id}, above",
    "explain.first_last": "first {first}; last {last}",
    "unexplained.more": "… {n} more (-v)",
    "healthy.note": "No Redis problem in these logs.",
    # CLI
    "paste.hint": "Paste the Render logs, then press Ctrl-D (Ctrl-Z then Enter on Windows). Ctrl-C to cancel.",
    "error.prefix": "rla: error: ",
    "check.nothing_read": "nothing was read from this sample (--fail-on unknown)",
    "check.told_nothing": "no Redis status or error line: the diagnosis can't tell (--fail-on unknown)",
    "error.usage": "{message} (see {help})",
    "error.select_typo_close": "--select/--ignore '{id}' names no rule; did you mean {close}?",
    "rules.unknown_close": "no rule with id {id!r}; did you mean {close}?",
    "interrupted": "interrupted: diagnosis of what was read so far",
    "rules.count": "{n} rules",
    "rules.unknown": "no rule with id {id!r}.",
    "rules.examples_match": "Lines it matches",
    "rules.examples_no_match": "Lines it does not match",
    "rules.patterns": "Patterns",
    "rules.fix": "Fix",
    "rules.fix_elsewhere": "Fix, for a log that shows no Render evidence",
    "rules.after_fix": "Then, once the root cause is fixed",
    "rules.cause": "Cause",
    "rules.docs": "Docs",
    # ---------------------------------------------------------------------------------------
    # rla doctor: the note's checklist (analyzer/urllint.py ITEMS). French: the note's own lines.
    # ---------------------------------------------------------------------------------------
    "item.1": "REDIS_URL is set on the service",
    "item.2": "REDIS_URL is well-formed",
    "item.3": "It points at a Live Key Value instance of the account",
    "item.4": "It is the instance's Internal URL",
    "item.5": "Service and Key Value are in the same region and workspace",
    "item.6": "Service redeployed after REDIS_URL was set",
    "item.7": "Logs show \"✅ Redis cache connected successfully\"",
    "item.8": "Key Value settings fit the use",
    # whitespace, described
    "ws.space.1": "a space",
    "ws.space.n": "{n} spaces",
    "ws.tab.1": "a tab",
    "ws.tab.n": "{n} tabs",
    "ws.newline.1": "a newline (\\n)",
    "ws.newline.n": "{n} newline (\\n)",
    "ws.cr.1": "a carriage return (\\r)",
    "ws.cr.n": "{n} carriage return (\\r)",
    "ws.other.1": "a {name}",
    "ws.other.n": "{n} {name}",
    "sep.and": " and ",
    "colon": ":",
    "sep.semicolon": "; ",
    # ---------------------------------------------------------------------------------------
    # rla doctor: the offline URL lint (analyzer/urllint.py). The note's "Problèmes courants":
    # n'existe pas → Ajoutez-la; est vide → Remplissez-la; a des espaces → Supprimez les espaces;
    # est mal formatée → Vérifiez le format.
    # ---------------------------------------------------------------------------------------
    "lint.copy_fix": (
        "Copy the Internal Key Value URL again from the Key Value's \"Connect\" menu in the Render dashboard "
        "and paste it as the value, nothing else."
    ),
    "lint.use_internal_fix": "Use the Key Value's Internal URL ({example}).",
    "lint.fill_fix": "Fill {var} with the Internal Key Value URL ({example}), then redeploy.",
    "lint.internal_error": "could not check {var}: internal error ({error})",
    "lint.empty.msg": "{var} is empty",
    "lint.empty.cause": (
        "An empty value is the same as no value for most clients: they connect to localhost:6379, "
        "where nothing listens on Render (ECONNREFUSED 127.0.0.1:6379)."
    ),
    "lint.blank.msg": "{var} holds only whitespace ({ws})",
    "lint.blank.cause": (
        "A value made of spaces or newlines is no URL at all; clients fail to parse it or fall back to "
        "localhost:6379."
    ),
    "lint.ws.start": "at the start: {ws}",
    "lint.ws.end": "at the end: {ws}",
    "lint.whitespace.msg": "{var} has whitespace {where}",
    "lint.whitespace.cause": (
        "Invisible characters around the URL come from a copy-paste. Some clients trim them, others "
        "do not: a leading space makes ioredis (≤ 5.10) ignore TLS for rediss://, a trailing newline "
        "ends up in the port or the database number."
    ),
    "lint.whitespace.fix": "Edit {var} in the service's Environment page and delete the spaces/newlines around the URL.",
    "lint.name_in_value.msg": "the value of {var} starts with `{prefix}`: a whole .env line was pasted",
    "lint.name_in_value.cause": (
        "The line `NAME=value` (as in a .env file) was pasted into the value box, so the URL the client "
        "sees starts with `{prefix}` and has no valid scheme (Invalid URL)."
    ),
    "lint.name_in_value.fix": "Keep only the URL in the value: key {var}, value {example}.",
    "lint.quotes.msg": "{var} is wrapped in quotes ({quotes})",
    "lint.quotes.cause": (
        "Render stores the value verbatim: quotes are not shell syntax there, they become part of the URL "
        "and the scheme turns into `\"redis` (Invalid URL / invalid scheme)."
    ),
    "lint.quotes.fix": "Remove the quotes: the value is the bare URL, e.g. {example}.",
    "lint.inner.more": " (and {n} more)",
    "lint.inner.msg": "{var} has {ws} inside the URL, at character {pos}{more}",
    "lint.inner.cause": (
        "A URL cannot contain spaces or invisible characters; this usually means two values were pasted "
        "together or a line was wrapped, or a zero-width character came from a web page."
    ),
    "lint.inner.fix": "Retype or re-copy the URL so it is one unbroken string.",
    "lint.format.port": "port {port}",
    "lint.format.no_port": "no port (clients use the default {default})",
    "lint.format.ok": "{scheme}:// URL, host {host}, {port}",
    "lint.no_scheme.msg": "{var} has no scheme: it should start with redis://",
    "lint.no_scheme.cause": (
        "Without `redis://` clients cannot parse it (Invalid URL, Redis URL must specify one of the "
        "following schemes).{extra}"
    ),
    "lint.no_scheme.blueprint": " `red-…:6379` alone is what the Blueprint property `host`/`hostport` gives, not `connectionString`.",
    "lint.no_scheme.fix": "Write the full URL: {url}{extra}",
    "lint.no_scheme.fix_blueprint": " (or use `property: connectionString` in render.yaml).",
    "lint.scheme_case.msg": "the scheme is written {scheme}:// in capitals",
    "lint.scheme_case.cause": (
        "Some clients compare the scheme case-sensitively: ioredis treats `REDISS://` as plaintext "
        "(no TLS), other parsers reject it."
    ),
    "lint.scheme_case.fix": "Write it in lowercase: {low}://",
    "lint.scheme.web": "{low}:// is not a Redis URL scheme (it is a web/TCP address); Redis clients reject it (Invalid protocol).",
    "lint.scheme.valkey": "{low}:// is understood by few clients; Render gives redis:// and rediss:// URLs.",
    "lint.scheme.unix": "unix:// is a local socket; a Render Key Value is reached over the network.",
    "lint.scheme.typo": "`{scheme}://` looks like a typo of redis:// (clients reject unknown schemes: Invalid protocol).",
    "lint.scheme.other": "`{scheme}://` is not a Redis scheme; clients accept only redis:// and rediss://.",
    "lint.scheme.msg": "the scheme is {scheme}://, not redis:// or rediss://",
    "lint.scheme.fix": "Start the URL with {want}:// (internal URL: {example}).",
    "lint.slashes.msg": "the URL starts with {scheme}:{slashes} instead of {low}://",
    "lint.slashes.cause": (
        "`{scheme}:{slashes}` is a mistyped scheme separator; the host is then read as a path and clients "
        "connect to localhost or reject the URL."
    ),
    "lint.slashes.fix": "Write {low}:// followed by the host: {example}.",
    "lint.cut.at": "the first \"@\"",
    "lint.cut.hash": "the \"#\" (read as a fragment)",
    "lint.cut.slash": "the \"/\" (read as the path)",
    "lint.cut.query": "the \"?\" (read as the query)",
    "lint.password_encoding.msg": "the password contains {chars} not percent-encoded",
    "lint.password_encoding.cause": (
        "Inside a URL these characters end the user/password part, so a parser may cut the URL at "
        "{cut} and take part of the password as the host (ENOTFOUND, WRONGPASS, Invalid URL)."
    ),
    "lint.password_encoding.fix": "Percent-encode them in the password ({enc}), or copy the URL Render shows, which is already encoded.",
    "lint.bad_percent.msg": "the password has a '%' that is not followed by two hex digits",
    "lint.bad_percent.cause": "'%' starts an escape in a URL; a lone '%' makes the URL invalid (URIError / Invalid URL).",
    "lint.bad_percent.fix": "Write a literal '%' as %25.",
    "lint.ipv6_brackets.msg": "an IPv6 address must be written in [brackets]",
    "lint.ipv6_brackets.cause": "Without brackets the colons of an IPv6 address are read as the port separator.",
    "lint.ipv6_brackets.fix": "Write redis://[2001:db8::1]:6379 — or better, the red-… hostname Render gives.",
    "lint.ipv6_invalid.msg": "{host} is not a valid IPv6 address",
    "lint.ipv6_invalid.cause": "The bracketed host must be an IPv6 address.",
    "lint.ipv6_invalid.fix": "Fix the address or use the red-… hostname.",
    "lint.no_host.msg": "the URL has no host",
    "lint.no_host.cause": "With no host, clients connect to localhost:6379, where nothing listens on Render.",
    "lint.no_host.fix": "Put the Key Value host after {scheme}://, e.g. {example}.",
    "lint.bad_host.msg": "the host {host!r} has characters a hostname cannot have",
    "lint.bad_host.cause": "A hostname is letters, digits, dots and dashes; anything else means the URL was cut or mangled.",
    "lint.empty_port.msg": "the URL ends its host with ':' but no port",
    "lint.empty_port.cause": "Most clients then use the default 6379, some reject the URL.",
    "lint.empty_port.fix": "Write the port: {host}:{port}.",
    "lint.port_word.msg": "the port is not a number ({port})",
    "lint.port_word.cause": (
        "After the host's ':' comes the port. A word there is often a password whose `@host` part was "
        "lost, or two URLs glued together."
    ),
    "lint.port_range.msg": "the port {port} is out of range (1-65535)",
    "lint.port_range.cause": "No TCP port has this number.",
    "lint.port_range.fix": "Use port {port}.",
    "lint.db.msg": "the path /{path} is not a database number",
    "lint.db.cause": (
        "The path of a Redis URL selects a database and must be a number (/0 … /15); anything else is "
        "rejected (invalid database number / Invalid pathname) or comes from a copy-paste gone wrong."
    ),
    "lint.db.fix": "Remove the path, or use /0.",
    "lint.db_range.msg": "database /{db} is above 15",
    "lint.db_range.cause": "Redis and Valkey have 16 databases (0-15) by default; SELECT fails with a higher number.",
    "lint.db_range.fix": "Use a database from /0 to /15 (most apps use /0).",
    "lint.fragment.msg": "the URL has a '#…' fragment after the host",
    "lint.fragment.cause": "A '#' has no meaning in a Redis URL; it is usually a piece of a password or a comment pasted along.",
    "lint.localhost.msg": "{var} points at {host}, the service's own container",
    "lint.localhost.cause": (
        "On Render nothing listens on localhost:6379 inside your service; the client gets "
        "ECONNREFUSED 127.0.0.1:6379."
    ),
    "lint.host_internal.ok": "internal Key Value host {host}",
    "lint.external_region.msg": "{host}: '{region}' is not a Render region",
    "lint.external_region.cause": "Render's external hosts are <region>-keyvalue.render.com with region one of {regions}.",
    "lint.host_external.ok": "external Key Value host ({region})",
    "lint.handmade.msg": "{host} is not a real Render hostname",
    "lint.handmade.cause": (
        "The internal hostname is the instance id alone (red-…), the external one is "
        "<region>-keyvalue.render.com; a mix of both does not resolve (getaddrinfo ENOTFOUND)."
    ),
    "lint.handmade.fix": "Use redis://{id}:6379 (internal), or copy the External URL as Render shows it.",
    "lint.short_id.msg": "{host} looks like a Key Value id but has {n} characters after red- instead of 20",
    "lint.short_id.cause": "The id was cut or mistyped when copied; the name will not resolve (ENOTFOUND).",
    "lint.onrender.msg": "{host} is a web service address, not a Key Value",
    "lint.onrender.cause": "*.onrender.com is the public HTTPS address of a web service; no Redis listens there.",
    "lint.ip.msg": "{var} uses an IP address ({host}) instead of a hostname",
    "lint.ip.cause": "Render's private addresses change when the instance restarts or moves; the red-… name follows it.",
    "lint.ip.fix": "Use the hostname from the Internal URL ({example}).",
    "lint.not_render": "{host} is not a Render Key Value host; the Render checks do not apply",
    "lint.render_port.msg": "port {port}: Render Key Value listens on {default}",
    "lint.render_port.cause": "Render's internal and external Key Value endpoints use port {default}.",
    "lint.render_port.fix": "Use :{default}.",
    "lint.internal_rediss.msg": "rediss:// (TLS) to the internal host, which speaks plaintext",
    "lint.internal_rediss.cause": (
        "The internal endpoint red-…:6379 does not use TLS; a TLS client waits for a handshake that never "
        "comes and times out (node-redis `Connection timeout`, ioredis `connect ETIMEDOUT`, redis-py "
        "`Timeout connecting to server`: what the clients printed against a plaintext Redis here)."
    ),
    "lint.internal_rediss.fix": "Use redis:// for the internal URL: redis://{host}:{port}",
    "lint.tls_internal.ok": "internal URL over plaintext redis://, as Render gives it",
    "lint.external_plaintext.msg": "plaintext redis:// to the external host, which requires TLS",
    "lint.external_plaintext.cause": (
        "Render's external endpoint accepts only TLS: a plaintext client gets `Protocol error, got "
        "\"\\u0015\"`, `Socket closed unexpectedly` or ECONNRESET before `ready`."
    ),
    "lint.external_plaintext.fix": (
        "From a service on Render use the Internal URL (redis://red-…:6379). From outside, keep the "
        "External URL as Render shows it, with rediss://."
    ),
    "lint.external_no_password.msg": "the external URL has no password",
    "lint.external_no_password.cause": (
        "External connections always require authentication (user red-…, password from the dashboard); "
        "without it the server answers NOAUTH."
    ),
    "lint.external_no_password.fix": "Copy the whole External URL, including red-…:<password>@, from the Connect menu.",
    "lint.external_from_render.msg": "external URL (rediss://…render.com) used from a service on Render",
    "lint.external_from_render.cause": (
        "The external URL leaves Render's private network: slower, billed as outbound bandwidth, needs "
        "TLS, and works only if the service's outbound IPs are on the Key Value's IP allowlist (else "
        "`Client IP address is not in the allowlist`)."
    ),
    "lint.external_from_render.fix": (
        "Use the Internal URL (redis://red-…:6379) for services on Render in the same region; keep the "
        "External URL for access from outside Render."
    ),
    "lint.tls_external.ok": "external URL with TLS and a password",
    # ---------------------------------------------------------------------------------------
    # rla doctor: the checks that read the Render API (analyzer/render/doctor.py). "service" is the
    # app (the note's "backend"), "Key Value" the note's "service Redis".
    # ---------------------------------------------------------------------------------------
    "item.internal": "internal",
    "doctor.not_fetched": "not fetched",
    "doctor.not_checked": "not checked",
    "doctor.more": " (+{n} more)",
    "doctor.none": "none",
    "doctor.unknown": "unknown",
    "doctor.see_item_2": "nothing to check: see item 2",
    "doctor.check_crashed": "a check failed on unexpected data ({error})",
    "doctor.url.no_value": "no value to check: {var} was not found (item 1)",
    "doctor.url.unread": "no value to check: {why}",
    # item 1
    "doctor.src.service": "service",
    "doctor.src.group": "env group {name}",
    "doctor.near": "{key} ({src})",
    "doctor.other_value": "{key} ({src}) = {value}",
    "doctor.present.ok": "{var} is set ({source})",
    "doctor.present.unread": "could not read the service's variables: {why}",
    "doctor.present.own_vars": "its own variables",
    "doctor.present.groups": "its linked env groups",
    "doctor.present.partial": "{var} is not in what could be read, but {missing} could not be read: {why}",
    "doctor.duplicate.msg": "{var} is also set in {src}, with a different value",
    "doctor.duplicate.cause": (
        "{var} is defined on the {source} ({value}) and in {src} ({other}). Only one reaches the app (Render's "
        "docs give the service's own variable precedence over a group's; the API does not show which), and the "
        "other gets edited by mistake."
    ),
    "doctor.duplicate.fix": "Keep one definition of {var} (usually in the env group shared by every service that uses Redis).",
    "doctor.missing.near": " A variable with a close name exists: {near}.",
    "doctor.missing.others": " Other variables hold Redis URLs: {others} — does the code read one of these instead (use --var)?",
    "doctor.missing.msg": "{var} does not exist on the service nor in its linked env groups ({groups})",
    "doctor.missing.cause": (
        "The app reads {var}; without it node-redis/ioredis connect to localhost:6379, where nothing listens "
        "on Render (ECONNREFUSED 127.0.0.1:6379, 'REDIS_URL is NOT set').{hint}"
    ),
    "doctor.missing.fix": (
        "Add {var} under the service's Environment (or in a linked env group) with the Key Value's "
        "Internal URL ({example}), then redeploy."
    ),
    "doctor.other_redis": "other Redis values: {others}",
    # item 3
    "doctor.instance.no_url": "no readable URL to follow (see items 1-2)",
    "doctor.instance.not_render": "{host} is not a Render Key Value hostname; nothing to look up",
    "doctor.instance.no_user": "the external URL has no red-… user name, so the instance is unknown",
    "doctor.instance.unread": "could not read Key Value {inst}: {err}",
    "doctor.not_found.msg": "no Key Value {inst} in this account",
    "doctor.not_found.cause": (
        "The API knows no instance {inst} for this key: it was deleted (or recreated with a new id), "
        "or it belongs to another workspace. The hostname then does not resolve (getaddrinfo ENOTFOUND)."
    ),
    "doctor.not_found.fix": "Open the Key Value in the dashboard and copy its current Internal URL into {var}, then redeploy.",
    "doctor.kv.label": "Key Value {name} ({inst})",
    "doctor.kv.live": "{label} is Live (available)",
    "doctor.kv.odd_status": "{label} reports status '{status}', which says nothing about its health",
    "doctor.kv.status_warn": "{label} {what} (status {status})",
    "doctor.kv.status_fail": "{label} {what} (status {status}), not Live",
    "doctor.kv.scheduled": " Scheduled for {when}.",
    "doctor.kv.creating.what": "is still being created",
    "doctor.kv.creating.cause": "A new instance takes a few minutes before it accepts connections.",
    "doctor.kv.creating.fix": "Wait until the dashboard shows it Available, then redeploy the service (or let it reconnect).",
    "doctor.kv.suspended.what": "is suspended",
    "doctor.kv.suspended.cause": (
        "A suspended instance accepts no connections (suspended by a user, for billing, or a free "
        "instance over its limits); clients get ECONNREFUSED or timeouts."
    ),
    "doctor.kv.suspended.fix": "Resume it from the dashboard (or POST /v1/key-value/{id}/resume) and check billing.",
    "doctor.kv.unavailable.what": "is unavailable",
    "doctor.kv.unavailable.cause": "The instance is down; clients get ECONNREFUSED, timeouts or dropped connections.",
    "doctor.kv.unavailable.fix": "Check the instance's Events in the dashboard; if it stays unavailable, contact Render support.",
    "doctor.kv.config_restart.what": "is restarting to apply a configuration change",
    "doctor.kv.config_restart.cause": "Changing the instance's settings restarts it; it is unreachable for a few seconds.",
    "doctor.kv.config_restart.fix": "Wait for it to be Available; keep client reconnection enabled.",
    "doctor.kv.maintenance_scheduled.what": "has maintenance scheduled",
    "doctor.kv.maintenance_scheduled.cause": "Render will restart the instance during the maintenance window; expect a short outage.",
    "doctor.kv.maintenance_scheduled.fix": "Keep client reconnection enabled; trigger the maintenance yourself at a quiet time.",
    "doctor.kv.maintenance_in_progress.what": "is under maintenance",
    "doctor.kv.maintenance_in_progress.cause": "During maintenance the instance restarts; connections drop for a short while.",
    "doctor.kv.maintenance_in_progress.fix": "Wait for the maintenance to end; keep client reconnection enabled.",
    "doctor.kv.recovery_in_progress.what": "is recovering",
    "doctor.kv.recovery_in_progress.cause": "Render is recovering the instance after a failure; it may refuse connections meanwhile.",
    "doctor.kv.recovery_in_progress.fix": "Wait for it to be Available; if it lasts, contact Render support.",
    "doctor.kv.recovery_failed.what": "failed to recover",
    "doctor.kv.recovery_failed.cause": "The instance could not be brought back after a failure; it accepts no connections.",
    "doctor.kv.recovery_failed.fix": "Contact Render support, or create a new Key Value and point REDIS_URL at it.",
    "doctor.kv.updating_instance.what": "is changing instance type",
    "doctor.kv.updating_instance.cause": "An instance type change makes it unavailable for about 1-2 minutes.",
    "doctor.kv.updating_instance.fix": "Wait for it to be Available; keep client reconnection enabled.",
    # item 4
    "doctor.internal.scheme_first": "cannot be compared until the scheme is fixed (item 2)",
    "doctor.internal.unread": "could not read the connection info of {inst}: {why}",
    "doctor.internal.none": "the API gave no internal connection string",
    "doctor.internal.ok": "matches the instance's Internal URL{db}{trimmed}",
    "doctor.internal.db": " (database /{db})",
    "doctor.internal.trimmed": " once the characters of item 2 are removed",
    "doctor.external_url.msg": "it is the instance's External URL, not the Internal one",
    "doctor.external_url.cause": (
        "The service runs on Render: the external URL leaves the private network (slower, TLS, billed egress) "
        "and only works while the service's outbound IPs are on the instance's IP allowlist."
    ),
    "doctor.external_url.fix": "Set {var} to the Internal URL {internal} (same region and workspace), then redeploy.",
    "doctor.diff.host": "host {mine} instead of {want}",
    "doctor.diff.scheme": "scheme {mine}:// instead of {want}://",
    "doctor.diff.port": "port {mine} instead of {want}",
    "doctor.diff.user": "user {mine} instead of {want}",
    "doctor.diff.none": "(none)",
    "doctor.diff.no_password": "no password, while the instance requires one",
    "doctor.diff.no_password.cause": (
        " Internal authentication is enabled on the instance: its internal URL now carries a "
        "password, and a client without it gets NOAUTH Authentication required."
    ),
    "doctor.diff.extra_password": "a password the instance does not use",
    "doctor.diff.extra_password.cause": (
        " A password sent to an instance without auth makes node-redis/redis-py fail the handshake "
        "(AUTH … called without any password configured)."
    ),
    "doctor.diff.other_password": "a different password (rotated, or from another instance)",
    "doctor.diff.other_password.cause": " The server answers WRONGPASS.",
    "doctor.mismatch.msg": "it differs from the instance's {which} URL: {diffs}",
    "doctor.mismatch.cause": (
        "The note asks that REDIS_URL be exactly the Internal Redis URL of the instance (Connect menu); "
        "any difference is a hand edit or a stale copy.{extra}"
    ),
    "doctor.mismatch.fix": "Set {var} to {internal}, then redeploy.",
    # item 5
    "doctor.region.no_kv": "no Render Key Value to compare with (see items 2-3)",
    "doctor.region.unread": "could not compare: {why}",
    "doctor.workspace.msg": "the Key Value is in workspace {kv}, the service in {svc}",
    "doctor.workspace.cause": (
        "Render's private network, and so the internal URL red-…:6379, only connects services and "
        "instances of the same workspace (and region); from another workspace the name does not resolve "
        "(ENOTFOUND)."
    ),
    "doctor.workspace.fix": (
        "Create the Key Value in the service's workspace, or move the service; across workspaces only the "
        "External URL (rediss://, IP allowlist) works."
    ),
    "doctor.region.no_service_region": "the service ({type}) has no region in the API; static sites are not on the private network at all",
    "doctor.region.no_kv_region": "the Key Value has no region in the API answer",
    "doctor.region.msg": "the service runs in {svc}, the Key Value in {kv}",
    "doctor.region.cause_internal": (
        "The internal URL only works inside one region: from another region red-… does not resolve "
        "(getaddrinfo ENOTFOUND red-…)."
    ),
    "doctor.region.cause_external": "The external URL works across regions, but every command crosses the internet: slow and billed.",
    "doctor.region.fix": (
        "Keep service and Key Value in the same region: create a Key Value in {region} (the research "
        "found no way to move one in place), migrate the data, and point {var} at its Internal URL."
    ),
    "doctor.region.ok": "both in {region}{same}",
    "doctor.region.same_workspace": ", same workspace",
    # item 6
    "doctor.suspended.msg": "the service is suspended (by: {who})",
    "doctor.suspended.cause": "A suspended service runs no instance: nothing connects to Redis and there are no new logs.",
    "doctor.suspended.fix": "Resume the service from the dashboard (Settings > Resume), then check the logs again.",
    "doctor.deploys.unread": "could not read the deploys: {why}",
    "doctor.deploy_none.msg": "the service has never been deployed",
    "doctor.deploy_none.cause": "No deploy means no running code: nothing reads the variable yet.",
    "doctor.deploy_none.fix": "Deploy the service (Manual Deploy > Deploy latest commit).",
    "doctor.no_live.msg": "no live deploy; the latest ({id}) is {status}",
    "doctor.no_live.cause": "Without a live deploy the service runs nothing (or an old version that Render no longer lists).",
    "doctor.no_live.fix": "Open the deploy's logs to fix the build, then deploy again.",
    "doctor.in_progress": "a newer deploy ({id}) is {status}: check again when it is live",
    "doctor.latest_failed.msg": "the latest deploy ({id}) failed ({status})",
    "doctor.latest_failed.cause": (
        "The service still runs an older live deploy; whatever the failed deploy was meant to bring "
        "(a new {var}?) is not running."
    ),
    "doctor.latest_failed.fix": "Open the failed deploy's logs, fix it, and deploy again.",
    "doctor.redeploy.no_var": "nothing to date: {var} was not found (item 1)",
    "doctor.logged_unset.msg": "the running deploy logged '{var} is NOT set' ({unset}), yet {var} now has a value",
    "doctor.logged_unset.cause": (
        "The variable was added (or its env group linked) after the live deploy of {live} started: "
        "a service reads its variables when it deploys, so the running instances never saw it."
    ),
    "doctor.logged_unset.fix": (
        "Redeploy the service: Manual Deploy > Deploy latest commit. Then check that the logs show "
        "\"✅ Redis cache connected successfully\"."
    ),
    "doctor.unset.last": "last at {when}",
    "doctor.unset.window": "in the log window",
    "doctor.redeploy.no_date": "the API gave no readable date for the env group or the deploy",
    "doctor.group_changed.msg": "env group {group} changed at {changed}, after the live deploy ({live})",
    "doctor.group_changed.cause": (
        "A service reads its variables when it deploys: the running instances still have the values from "
        "before {changed}. (The API dates the group as a whole: the change may have been another variable of the "
        "group.)"
    ),
    "doctor.group_changed.fix": "Redeploy the service: Manual Deploy > Deploy latest commit (or POST /v1/services/{id}/deploys).",
    "doctor.group_changed.ok": "live deploy {live} is after the last change of env group {group} ({changed})",
    "doctor.redeploy.own_var": (
        "the API gives no date for a service's own variables, so whether {var} changed after the live deploy "
        "({live}, trigger {trigger}) cannot be told; if you edited it since, redeploy"
    ),
    # item 7
    "doctor.window.recent": "the recent window",
    "doctor.window.last": "the last {since}",
    "doctor.logs.not_run": "log diagnosis not run",
    "doctor.logs.unread": "could not read the logs: {why}",
    "doctor.logs.empty": "no log lines in {window}: the service logged nothing (or was not running); widen --since",
    "doctor.logs.last_at": ", last at {time}",
    "doctor.logs.seen": "'✅ Redis cache connected successfully' seen {count}×{when}",
    "doctor.logs.up": "Redis up, though the exact line '✅ Redis cache connected successfully' is not in the window",
    "doctor.logs.recovered": "; it recovered from {title}",
    "doctor.logs.ok": "{line}; nothing failed after it ({window}){extra}{incomplete}",
    "doctor.logs.see_below_cause": "The log diagnosis below has the details.",
    "doctor.logs.see_below_fix": "See the log diagnosis below.",
    "doctor.logs.after_connected": " after it connected",
    "doctor.logs.state.failing": "failing",
    "doctor.logs.state.degraded": "degraded",
    "doctor.logs.failing": "Redis is {state}{after} in {window}: {title}{incomplete}",
    "doctor.logs.no_redis": (
        "no Redis line in {window} ({n} lines): the app may not log its Redis connection, or it did so "
        "earlier; widen --since{incomplete}"
    ),
    # item 8
    "doctor.settings.unread": "could not read the instance: {why}",
    "doctor.settings.no_kv": "no Render Key Value to inspect (see items 2-3)",
    "doctor.maxmemory.unknown": "the API does not show the instance's maxmemory policy",
    "doctor.maxmemory.oom": " — and the logs show OOM errors",
    "doctor.maxmemory.cache_noeviction": "maxmemory policy noeviction for a cache{oom}",
    "doctor.maxmemory.cache_noeviction.cause": (
        "With noeviction nothing is ever evicted: once memory is full every write fails with "
        "'OOM command not allowed when used memory > maxmemory'. A cache wants the least-used keys evicted instead."
    ),
    "doctor.maxmemory.cache_noeviction.fix": (
        "Set the policy to allkeys-lru (dashboard > Key Value > Settings > Maxmemory Policy). Keep "
        "noeviction only if this instance also holds job queues (then pass --use queue)."
    ),
    "doctor.maxmemory.volatile": "maxmemory policy {policy}: only keys with a TTL can be evicted",
    "doctor.maxmemory.volatile.cause": "Keys written without an expiry are never evicted; when they fill memory, writes fail with OOM.",
    "doctor.maxmemory.volatile.fix": "Use allkeys-lru for a cache, or make sure every cache key has a TTL.",
    "doctor.maxmemory.cache_ok": "maxmemory policy {policy} suits a cache",
    "doctor.maxmemory.queue_ok": "maxmemory policy noeviction suits job queues",
    "doctor.maxmemory.queue": "maxmemory policy {policy} on an instance holding queues",
    "doctor.maxmemory.queue.cause": (
        "With an eviction policy, Redis deletes keys when memory is full: queued jobs and locks vanish "
        "(BullMQ 'Missing key for job', lost Sidekiq jobs)."
    ),
    "doctor.maxmemory.queue.fix": "Set the policy to noeviction for queues (Render's recommendation), and size the plan for the backlog.",
    "doctor.maxmemory.store": "maxmemory policy {policy} evicts data when memory is full",
    "doctor.maxmemory.store.cause": "Data the app expects to find again (sessions, counters) can be evicted silently.",
    "doctor.maxmemory.store.fix": "Use noeviction for data that must stay, and watch memory.",
    "doctor.maxmemory.store_ok": "maxmemory policy noeviction keeps the data",
    "doctor.persistence.free": "free plan: no persistence",
    "doctor.persistence.free.cause": (
        "A free Key Value keeps data only in memory: every restart, maintenance or upgrade empties it "
        "(sessions logged out, queued jobs lost), and upgrading from free also wipes it."
    ),
    "doctor.persistence.free.fix": "Fine for a throwaway cache; for sessions or queues use a paid plan (persistence journal_snapshot).",
    "doctor.persistence.off": "persistence is off ({plan} plan)",
    "doctor.persistence.off.cause": "With persistence off, a restart empties the instance.",
    "doctor.persistence.off.fix": "Set persistence to journal_snapshot unless this is a pure cache.",
    "doctor.persistence.ok": "{plan} plan{persistence}",
    "doctor.persistence.mode": ", persistence {mode}",
    "doctor.allowlist.empty": "the external URL is used, but the IP allowlist is empty",
    "doctor.allowlist.empty.cause": (
        "An empty allowlist disables external connections: every client is refused with "
        "'Client IP address is not in the allowlist.'"
    ),
    "doctor.allowlist.empty.fix": (
        "From a Render service use the Internal URL instead. From outside Render add the client's CIDR under "
        "the Key Value's Networking > Access Control."
    ),
    "doctor.allowlist.blocked": "the external URL is used, but the allowlist is 0.0.0.0/32 (blocks everyone)",
    "doctor.allowlist.blocked.cause": "0.0.0.0/32 is Render's way to block all external connections.",
    "doctor.allowlist.blocked.fix": "Use the Internal URL, or add the client's CIDR.",
    "doctor.allowlist.open": "the IP allowlist is 0.0.0.0/0: the whole internet may connect",
    "doctor.allowlist.open.cause": "Anyone who learns the password can reach the instance from anywhere.",
    "doctor.allowlist.open.fix": "Narrow the allowlist to the CIDRs that need external access (use 0.0.0.0/32 to block all).",
    "doctor.allowlist.external": "IP allowlist: {cidrs} — the service's outbound IPs must be in it for the external URL",
    "doctor.allowlist.closed": "external access closed (internal only)",
    "doctor.allowlist.limited": "external access limited to {cidrs}",
    "doctor.version.legacy": "Redis {version}: a legacy instance (created before 2025-02-12)",
    "doctor.version.legacy.cause": "Legacy instances stay on Redis 6; some libraries (Sidekiq 7, BullMQ) want ≥ 6.2.",
    "doctor.version.legacy.fix": "If a library complains about the Redis version, create a new (Valkey 8) instance.",
    # ---------------------------------------------------------------------------------------
    # rla doctor: the command itself (analyzer/cli/doctor.py)
    # ---------------------------------------------------------------------------------------
    "doctor.offline.item.3": "The host is a Render Key Value hostname (instance not looked up offline)",
    "doctor.offline.item.4": "Scheme and TLS fit the endpoint (internal redis://, external rediss://)",
    "doctor.offline.after_item_2": "cannot be judged until item 2 is fixed",
    "doctor.offline.note": "Items 1 and 5-10 need the service: run `rla doctor srv-…` (Render API key required).",
    "doctor.cli.both": "Pass either a service or --redis-url, not both.",
    "doctor.cli.none": "Name a service (srv-… or its name), or lint a URL offline with --redis-url URL.",
    "doctor.cli.key_value": "{ref} is a Key Value; rla doctor checks the service that uses it: pass the service's srv-… ID or name.",
    "doctor.cli.nothing_checked": "no item could be checked (every one is '?', the reasons are above).",
    "doctor.cli.odd_answer": "The Render API sent an unexpected answer for {ref}.",
    "doctor.cli.reading": "rla: reading {what}…",
    "doctor.fetch.env_vars": "env vars",
    "doctor.fetch.env_groups": "env groups",
    "doctor.fetch.key_value": "key value",
    "doctor.fetch.connection_info": "connection info",
    "doctor.fetch.deploys": "deploys",
    "doctor.fetch.logs": "logs",
    "doctor.title.offline": "rla doctor — {var} = {value} (offline lint)",
    "doctor.title.service": "rla doctor — {name} ({bits}), variable {var}",
    "doctor.label.value": "value",
    "doctor.label.cause": "cause",
    "doctor.label.fix": "fix",
    "doctor.wrong.title": "What is wrong and what to do",
    "doctor.col.item": "Item",
    "doctor.col.result": "Result",
    "doctor.logs.section_error": "Log diagnosis ({window}): could not fetch the logs: {why}.",
    "doctor.logs.section": "Log diagnosis ({window}, {n} lines){colon}",
    # ---------------------------------------------------------------------------------------
    # errors raised below the CLI (sources/files.py, expect.py, rules.py), shown by fail()
    # ---------------------------------------------------------------------------------------
    "input.no_match": "no file matches {raw!r}.",
    "cluster.missing": "--engine dask needs the optional extra {extra}: pip install '{extra}'.",
    "cluster.stdin": "--engine dask reads files, globs or URLs, not stdin.",
    "cluster.unreachable": "cannot reach the Dask scheduler at {address} ({why}).",
    "cluster.progress": "rla: {n}/{total} parts scanned",
    "input.no_logs": "{path} holds no log files (*.log, *.txt, *.json, *.jsonl, *.gz).",
    "input.no_file": "{path}: no such file.",
    "input.denied": "{path}: permission denied.",
    "input.directory": "{path} is a directory.",
    "input.unreadable": "{path}: cannot read ({why}).",
    "input.bad_bom": "{path} starts with a UTF-16 byte-order mark but is not UTF-16: read as UTF-8 (bad bytes shown as �)",
    "input.binary": "{path}: {kind}, not a log file",
    "input.long_lines": "{path}: {n} line(s) over 16 MiB, only their first {mib} MiB read",
    "expect.findings": "{where}: 'findings' must be a list of rule ids or a mapping of rule id to count",
    "expect.unreadable": "{path}: cannot read ({why})",
    "expect.yaml": "{path}: invalid YAML ({why})",
    "expect.samples": "{path}: expected a top-level 'samples:' mapping of sample path to expectation",
    "expect.keys": "{where}: an expectation has verdict, root_cause, findings or pending",
    "expect.verdict": "verdict is {got}, expected {want}",
    "expect.root_cause": "root cause is {got}, expected {want}",
    "expect.missing": "missing finding {id}",
    "expect.count": "{id} counted {got}, expected {want}",
    "expect.unexpected": "unexpected finding {id} (x{n})",
    "rules.error.loop": "{path}: symlink loop in the rules directory",
    "rules.error.large": "{path}: rule file larger than {kib} KiB; split it",
    "rules.error.utf8": "{path}: not UTF-8 text",
    "rules.error.unreadable": "{path}: cannot read ({why})",
    "rules.error.yaml": "{path}{line}: invalid YAML: {why}",
    "rules.error.file_name": "{path}: rule id '{id}' must match the file name ('{stem}.yaml')",
    "rules.error.no_dir": "{path}: no such rules directory",
    "rules.error.pack_keys": "{path}: a pack file holds only the pack's languages (languages: [en, fr])",
    "rules.error.pack_languages": "{path}: 'languages' must be a list that includes en, taken from {known} (got {got})",
    "ruletest.match": "examples.match line {line} is not matched by its patterns: {pats}",
    "ruletest.prefilter": (
        "examples.match line {line} matches pattern {pattern!r} but the scanner never tries it (the prefilter misses "
        "the line: give the rule `keywords:` that appear in it)"
    ),
    "ruletest.collision": (
        "examples.match line {line} also triggers {other} ({other_sev}, higher than {sev}) through its pattern {pat!r}; "
        "narrow one of the patterns or declare it with examples.also: [{other}]"
    ),
    "ruletest.no_match": "examples.no_match line {line} is matched by pattern {pat!r}",
    "ruletest.class_match": "class {name}: examples.match line {line} shows none of the class's codes, numbers or wordings",
    "ruletest.class_no_match": "class {name}: examples.no_match line {line} is recognised by the class",
    "ruletest.class_uncovered": "class {name}: {what!r} has no examples.match line; every code, number and wording needs a real one",
    "ruletest.class_no_examples": "class {name}: missing examples.match or examples.no_match",
    "ruletest.duplicate": "duplicate rule id, also defined in {other}",
    "ruletest.unknown_reclassify": "reclassify names an unknown rule id '{ref}'",
    "ruletest.unknown_also": "examples.also names an unknown rule id '{ref}'",
    "ruletest.unreachable": "no patterns, and no rule reclassifies to it",
    "ruletest.no_match_examples": "missing examples.match: give log lines the rule must match",
    "ruletest.no_no_match_examples": "missing examples.no_match: give near-miss lines it must not match",
    "ruletest.no_literal": (
        "pattern {pat!r} has no plain-ASCII text of 3 characters or more that every match holds: every line of "
        "every log becomes a candidate for it (no prefilter, no parallel scan); add such a literal, or list the "
        "rule's words under keywords:"
    ),
    "ruletest.slow": (
        "pattern {pat!r} takes over {seconds:g}s on an adversarial {n}-character line (nested or adjacent repeats "
        "backtrack catastrophically); anchor it on literal text or make the repeats exclusive"
    ),
    "ruletest.missing_language": "no '{lang}' text, though {pack} declares languages [{langs}]: add a {lang}: block (title, cause, solution)",
    "rules.error.duplicate": "{path}: rule id '{id}' is also defined in {other}",
    "rules.overridden": "rla: note: your rule {id} replaces the built-in one",
    "lang.unknown": "unknown language {value!r} (expected one of: {langs})",
    # ---------------------------------------------------------------------------------------
    # rla check: the run's headline, table and markdown (analyzer/report/ci.py)
    "ci.files.1": "{n} file checked",
    "ci.files.n": "{n} files checked",
    "ci.passed.1": "{n} passed",
    "ci.passed.n": "{n} passed",
    "ci.failed": "{n} failed",
    "ci.pending": "{n} pending",
    "ci.unreadable.1": "{n} unreadable",
    "ci.unreadable.n": "{n} unreadable",
    "ci.findings": " · findings: {list}",
    "ci.gate": " · {n} at or above {level}",
    "ci.gate.baseline": " and not in the baseline",
    "ci.line": "line {line}",
    "ci.md.title.passed": "### rla check: ✅ passed",
    "ci.md.title.failed": "### rla check: ❌ failed",
    "ci.md.header": "| | file | verdict | findings | problems |",
    "ci.md.baseline_tag": " (baseline)",
    "ci.md.details_header": "| severity | finding | first seen | cause | fix |",
    "ci.md.gone": "Baseline entries that no longer occur ({n}): remove them with `--write-baseline`.",
    "ci.md.gone_item": "- `{rule}` in `{file}`",
    "ci.md.unlisted": "{n} file(s) have no expectation and were not checked.",
    "ci.table.gone": "no longer seen ({n} baseline entries; rewrite it with --write-baseline):",
    "ci.table.gone_item": "{rule} in {file}",
    "ci.table.unlisted": "{n} file(s) found have no expectation and were not checked, e.g. {example}",
    "ci.table.passed": "PASSED: {headline}",
    "ci.table.failed": "FAILED: {headline}",
    "ci.table.per_rule": "per rule: {list}",
    # rla check: its own errors and notes (analyzer/cli/check.py)
    "warning.prefix": "rla: warning: ",
    "check.error.expect_and_baseline": "use --expect or a baseline (--baseline / --write-baseline), not both.",
    "check.error.baseline_and_write": "use --baseline to check or --write-baseline to record, not both.",
    "check.error.select_typo": "--select/--ignore '{id}' names no rule (see `rla rules list`).",
    "output.not_regular": "it is {kind}, not a regular file, and rla replaces only regular files",
    "output.kind.directory": "a directory",
    "output.kind.char_device": "a character device",
    "output.kind.block_device": "a block device",
    "output.kind.fifo": "a FIFO (named pipe)",
    "output.kind.socket": "a socket",
    "output.kind.dangling": "a symbolic link to nothing",
    "output.kind.special": "a special file",
    "check.error.cannot_write": "cannot write {path} ({why}).",
    "check.sample_missing": "listed in {expect} but the file does not exist",
    "check.cannot_read": "cannot read ({why})",
    "check.baseline.no_file": "{path}: no such baseline file (create it with --write-baseline {path})",
    "check.baseline.unreadable": "{path}: cannot read ({why})",
    "check.baseline.invalid_json": "{path}: not a baseline file (invalid JSON at line {line})",
    "check.baseline.invalid": "{path}: not a baseline file (expected findings: [{{file, rule, fingerprint}}, ...])",
    "check.baseline.wrote": "rla: wrote {n} known finding(s) to {path}; check against it with --baseline {path}",
    # rla rules test / rla rules lint (analyzer/cli/check.py)
    "check.rules.no_dir": "{path}: no such rules directory.",
    "check.rules.lint_hint": "{error} (run `rla rules lint` for every problem at once)",
    "check.rules.test.1": "{n} rule, {checked} example lines: {result}",
    "check.rules.test.n": "{n} rules, {checked} example lines: {result}",
    "check.rules.all_pass": "all pass",
    "check.rules.failures": "{n} failure(s)",
    "check.rules.lint.1": "{n} rule linted: {result}",
    "check.rules.lint.n": "{n} rules linted: {result}",
    "check.rules.no_problems": "no problems",
    "check.rules.problems": "{n} problem(s)",
    # ---------------------------------------------------------------------------------------
    # rla fetch / rla follow (analyzer/cli/fetch.py, analyzer/render/live.py)
    "fetch.bar.counts": "{logs} logs · {pages} pages",
    "fetch.bar.waiting_s": "waiting {s}s ({reason})",
    "fetch.bar.waiting": "waiting ({reason})",
    "fetch.wait.rate_limit": "rate limit",
    "fetch.wait.retry": "retry {n}/{max}: {why}",
    "fetch.error.save_raw": "--save-raw only changes what --save writes: add --save FILE.",
    "fetch.error.cannot_write": "Cannot write {path}: {why}.",
    "fetch.warning.save_raw": "--save-raw keeps the logs as fetched in {path}, secrets included (passwords, tokens): do not share that file.",
    "fetch.incomplete": "the fetch stopped after {pages} page(s) and {logs} logs ({why}){gap}",
    "fetch.incomplete.gap": "; logs from {start} to {end} were not fetched",
    "fetch.incomplete.interrupted": "interrupted (Ctrl-C)",
    "fetch.incomplete.stopped": "stopped",
    "follow.head": "rla follow {name} ({id}) · {lines} lines · {reconnects} reconnect(s) · {status} · Ctrl-C for the final diagnosis",
    "follow.clipped": "… {n} more line(s): Ctrl-C (or the end of --for) shows the full diagnosis",
    "follow.error.for": "--for {value!r}: {why}.",
    "follow.clock_then": "rla follows from the API's time",
    "fetch.clock_then": (
        "--since and relative times count from this machine's clock, so the window may miss the logs "
        "(set the clock right, or pin rla's with RLA_NOW)"
    ),
    "api.clock_ahead": "this machine's clock is {s} s ahead of the Render API's: {then}",
    "api.clock_behind": "this machine's clock is {s} s behind the Render API's: {then}",
    "follow.connecting": "connecting",
    "follow.incomplete": "the live stream stopped ({why})",
    "follow.followed": "rla: followed {lines} lines over {n} connection(s)",
    "live.reconnecting": "reconnecting in {delay}s",
    "live.reconnected": "live (reconnected #{n})",
    "live.connected": "live",
    "live.closed": "closed",
    "live.closed_by_server": "closed by server ({code})",
    "live.connection_lost": "connection lost",
    "live.connection_lost_why": "connection lost ({why})",
    "live.wait_reconnect": "live stream reconnect",
    "live.error.reconnect": "Could not reconnect to the live log stream after {n} tries ({why}).",
    "live.error.kept_closing": "The live log stream kept closing at once ({reason}).",
    # Render API errors: analyzer/render/api.py raises them in English; cli_fetch.api_said
    # gives them in the reader's language by the error's class and status (English: unchanged).
    "api.no_key": (
        "No Render API key: set RENDER_API_KEY or pass --api-key-file FILE (create a key under Account Settings > "
        "API Keys in the Render dashboard)."
    ),
    "api.key_file_unreadable": "Cannot read the API key file {path}: {why}.",
    "api.key_file_empty": "The API key file {path} is empty.",
    "api.key_chars": "The Render API key contains spaces or characters that cannot be sent in a header.",
    "api.since_and_start": "Use either --since or --start, not both.",
    "api.window_order": "Bad time window: the start ({start}) is not before the end ({end}).",
    "api.retention": (
        "Logs before {when}Z are gone: Render keeps logs for 7 days on Hobby workspaces, 14 on Professional and 30 "
        "on Organization/Enterprise, so ask for at most --since {days}d (or less on smaller plans)."
    ),
    "api.http_refused": (
        "Refusing to send the API key over plain http:// to {host}: use https:// (http:// is accepted only for "
        "127.0.0.1, ::1 and localhost)."
    ),
    "api.401": "The Render API rejected the API key (401): check RENDER_API_KEY or --api-key-file.",
    "api.403": "This API key has no access to that resource or workspace (403){detail}.",
    "api.404": "Not found on Render (404){detail}: check the service ID or name.",
    "api.400": "The Render API rejected the request (400){detail}.",
    "api.400_old": (
        "The Render API rejected the request (400){detail}; the window starts more than 7 days ago and Render keeps "
        "logs for 7 days on Hobby workspaces, 14 on Professional and 30 on Organization/Enterprise."
    ),
    "api.429": "The Render API kept answering 429 (rate limited) after {n} waits.",
    "api.failed_n": "The Render API failed {n} times in a row ({why}).",
    "api.status": "The Render API answered {status}{detail} for {path}.",
    "api.connect.refused": "{host} refused the connection",
    "api.connect.dns": "the API host {host} could not be resolved (DNS)",
    "api.connect.timeout": "{host} did not answer within {s} s",
    "api.connect.failed": "the connection to {host} failed ({why})",
    "api.connect.error": "Cannot reach the Render API after {n} tries: {what}; check {setting}.",
    "api.setting.named": "{setting} (now {url})",
    "api.setting.default": "this machine's network and proxy (HTTPS_PROXY), or set RENDER_HOST if the API is elsewhere (now {url})",
    "api.why.timeout": "the request timed out",
    "api.why.dropped": "the connection was dropped ({name})",
    "api.why.json": "the answer was not valid JSON",
    "api.why.status": "the server answered {status}",
    "api.retrying": "rla: {why}; retrying ({n}/{max})…",
    "api.tls": (
        "The TLS connection to {host} failed ({why}); check --api-url / RENDER_HOST and the system's CA "
        "certificates."
    ),
    # ---------------------------------------------------------------------------------------
    # rla rules export (analyzer/export/, analyzer/cli/export.py)
    "export.skip.context": "a context rule: a fact rla tells the story with, never reported as a finding",
    "export.skip.ok": "a progress line at severity ok: not a problem to alert on",
    "export.skip.no_patterns": "no pattern of its own: rla reaches it only by reclassifying another rule's hit with the rest of the log",
    "export.skip.flag": "a pattern uses the flag {flag}, which Sigma's regular expressions cannot carry",
    "export.skip.escape": "a pattern uses {escape}, which RE2 and PCRE engines read differently from Python",
    "export.skip.lucene": "a pattern uses {what}, which Lucene regular expressions cannot say",
    "export.skip.empty": "the {target} backend returned no query for it (it cannot AND two regular expressions)",
    "export.skip.backend": "the {target} backend cannot express it: {why}",
    "export.lost": "Reported by rla as '{title}' ({id}) when {when}: this alert cannot tell",
    "export.lost.affinity": (
        "Missed here: a Redis failure whose line shows no Redis scheme, port, host, client or reply; rla also ties such "
        "a failure to Redis from the lines around it (a Redis line just before, a Redis connection under way), which "
        "this alert cannot see. A failure of another service (PostgreSQL, an HTTP API) is left out, as rla leaves it out"
    ),
    "export.lost.field_matches": "its {field} matches {regex}",
    "export.lost.field": "the pattern captured {field}",
    "export.lost.seen": "'{title}' appears elsewhere in the log",
    "export.lost.not_seen": "'{title}' appears nowhere in the log",
    "export.lost.pending": "'{title}' came after the last ready line of the same instance",
    "export.and": " and ",
    "export.not_this": "Not this failure (rla's example, which this rule does not match): {line}",
    "export.no_fp": "None known",
    "export.summary": "{target}: {exported} rule(s) exported to {path}, {skipped} skipped",
    "export.skipped": "  skipped {id}: {why}",
    "export.lost_count": (
        "{n} exported rule(s) lose a reclassification that needs a captured field or the rest of the log "
        "(said in their falsepositives)"
    ),
    "export.missing_extra": "--to {target} needs pySigma and its backends: pip install 'rla[export]'",
    "export.datadog": (
        "--to datadog is not available: the only pySigma Datadog backend (pySigma-backend-datadog 0.3.1) needs "
        "pySigma < 0.12, which the other backends cannot share, and refuses regular expressions, which every rule "
        "uses; export --to sigma and see docs/export.md, Datadog"
    ),
    "export.selector": "--loki-selector goes with --to loki and takes a LogQL stream selector such as {{job=\"render\"}} (got {got!r})",
    "export.output_file": "{path} is a file: -o takes a directory",
    "export.cannot_write": "cannot write {path} ({why})",
    # ---------------------------------------------------------------------------------------
    # the doctor's Key Value side: the Blueprint check (bp.*), the Key Value's metrics (kvm.*) and its own logs (kvl.*)
    # ---------------------------------------------------------------------------------------
    # ---- the Blueprint
    "bp.error.yaml": "{path} is not valid YAML{where}: {problem}",
    "bp.error.shape": "{path} is not a Blueprint: its top level must be a mapping (services, envVarGroups…)",
    "bp.error.read": "cannot read {path}: {why}",
    "bp.cli.with_service": "--blueprint checks a file offline: give no service and no --redis-url with it",
    "bp.cli.format_online": "--format {fmt} is for --blueprint (a file and line to point at); use table, json or markdown here",
    "bp.in_group": " (through env group {group})",
    "bp.var.missing.msg": "service {service} looks like it uses Redis but has no {var}",
    "bp.var.missing.cause": (
        "Its commands or name mention a Redis client or job framework, and the Blueprint defines a Key Value, "
        "but neither its envVars nor a linked env group define {var}: the client will fall back to "
        "localhost:6379, where nothing listens on Render."
    ),
    "bp.var.missing.fix": (
        "Add to the service's envVars: - key: {var} / fromService: {{type: keyvalue, name: <key value>, "
        "property: connectionString}}"
    ),
    "bp.group.reference.msg": "env group {group} sets {var} with fromService/fromDatabase, which groups cannot do",
    "bp.group.reference.cause": (
        "Render's Blueprint reference: an environment group can't reference values from your services or "
        "from other groups."
    ),
    "bp.group.reference.fix": (
        "Move {var} out of group {group} into each service's envVars, with fromService: {{type: keyvalue, "
        "name: <key value>, property: connectionString}}."
    ),
    "bp.group.unknown.msg": "service {service} has no {var} of its own and links env group {group}, which this file does not define",
    "bp.group.unknown.cause": (
        "A group linked by fromGroup but defined elsewhere (in the Dashboard) cannot be checked here; if it "
        "does not exist in the workspace, the Blueprint sync fails, and if it has no such variable the "
        "client falls back to localhost."
    ),
    "bp.group.unknown.fix": (
        "Define env group {group} in envVarGroups, or check in the Dashboard that it exists and holds the Key "
        "Value's Internal URL."
    ),
    "bp.from.database.msg": "service {service}: {var} comes fromDatabase, which is for Render Postgres only",
    "bp.from.database.cause": (
        "fromDatabase reads a Postgres instance; a Key Value is a service of type keyvalue and is referenced "
        "with fromService."
    ),
    "bp.from.database.fix": "Replace fromDatabase with fromService: {{type: keyvalue, name: <key value>, property: connectionString}} for {var}.",
    "bp.var.generated.msg": "service {service}: {var} has generateValue: true{where}",
    "bp.var.generated.cause": "generateValue makes a random base64 secret, not a Redis URL: the client cannot parse it.",
    "bp.var.generated.fix": "Use fromService: {{type: keyvalue, name: <key value>, property: connectionString}} for {var}.",
    "bp.var.literal.msg": "service {service}: {var} is a literal value{where}, not wired to a Key Value",
    "bp.var.literal.cause": (
        "A URL written in render.yaml is committed with its password, and goes stale when the Key Value is "
        "recreated (a new red-… id) or its password rotates; fromService keeps it current."
    ),
    "bp.var.literal.fix": (
        "Replace the value with fromService: {{type: keyvalue, name: <key value>, property: connectionString}} "
        "(for a Key Value outside the Blueprint, sync: false and paste it in the Dashboard)."
    ),
    "bp.var.sync_false.msg": "service {service}: {var} has sync: false (typed in the Dashboard once)",
    "bp.var.sync_false.cause": (
        "Render prompts for sync: false values only when the Blueprint is first created, ignores them on "
        "later syncs, and leaves them out of preview environments."
    ),
    "bp.var.sync_false.fix": (
        "If the Key Value is in this Blueprint, use fromService: {{type: keyvalue, name: <key value>, "
        "property: connectionString}} for {var}."
    ),
    "bp.var.empty.msg": "service {service}: {var} is declared with no value and no source",
    "bp.var.empty.cause": "An envVars entry needs value, fromService, fromDatabase, generateValue or sync: false.",
    "bp.var.empty.fix": "Give {var} fromService: {{type: keyvalue, name: <key value>, property: connectionString}}.",
    "bp.from.type.msg": "service {service}: {var} comes fromService with type {type}, not keyvalue",
    "bp.from.type.cause": (
        "fromService must name the referenced service's type; a Key Value's is keyvalue (or the deprecated "
        "redis). Another type points at another service, whose properties are host/port, not a Redis URL."
    ),
    "bp.from.type.fix": "Write fromService: {{type: keyvalue, name: {name}, property: connectionString}}.",
    "bp.from.alias.msg": "service {service}: fromService type redis is the deprecated alias of keyvalue (still accepted)",
    "bp.kv.alias.msg": "Key Value {kv}: type redis is the deprecated alias of keyvalue (still accepted)",
    "bp.from.envvarkey.msg": "service {service}: {var} reads the Key Value's env var {key} instead of its connectionString",
    "bp.from.property.msg": "service {service}: {var} takes property {property} of the Key Value, not connectionString",
    "bp.from.property.cause": (
        "For a Key Value, only connectionString gives the URL (redis://red-…:6379, with the password when "
        "internal auth is on); host, port and hostport are for web and private services, and a Key Value "
        "has no env vars to read."
    ),
    "bp.from.property.fix": "Write property: connectionString in the fromService of {name}.",
    "bp.from.noname.msg": "service {service}: the fromService of {var} has no name",
    "bp.from.unknown.msg": "service {service}: {var} comes from {name}, which this file does not define (Key Value here: {known})",
    "bp.from.not_kv.msg": "service {service}: {var} comes from {name}, a service of type {type}, not a Key Value",
    "bp.from.name.cause": (
        "fromService resolves by name. A name not in the file must be an existing Key Value of the workspace, "
        "spelt exactly, or the Blueprint sync fails; a misspelt name is the usual cause."
    ),
    "bp.from.name.fix": "Use the name of the type: keyvalue service defined in render.yaml (or of the existing instance).",
    "bp.var.wired.msg": "service {service}: {var} comes from Key Value {name} (connectionString)",
    "bp.region.ok": "service {service} and Key Value {kv} are both in {region}",
    "bp.region.msg": "service {service} is in {region} but Key Value {kv} is in {kv_region}",
    "bp.region.cause": (
        "The internal URL that connectionString gives only resolves inside one region (region defaults to "
        "oregon when omitted): the service would fail with ENOTFOUND / Name or service not known."
    ),
    "bp.region.fix": (
        "Put the service in {region} like {kv} (region is fixed at creation), or create a Key Value in the "
        "service's region."
    ),
    "bp.allowlist.missing.msg": "Key Value {kv} has no ipAllowList (a required field)",
    "bp.allowlist.missing.cause": "Render's Blueprint reference makes ipAllowList required for Key Value: the Blueprint does not validate.",
    "bp.allowlist.missing.fix": "Add ipAllowList: [] (internal connections only), or the CIDR blocks allowed from outside Render.",
    "bp.allowlist.external.msg": "Key Value {kv} has ipAllowList: [] (internal only) but an external connection is implied: {who}",
    "bp.allowlist.external.cause": (
        "An empty list blocks every connection from outside Render's private network: the external URL "
        "(rediss://…@<region>-keyvalue.render.com) is refused."
    ),
    "bp.allowlist.external.fix": (
        "Prefer the internal URL from the same region; otherwise list the caller's CIDR blocks in the "
        "ipAllowList of {kv}."
    ),
    "bp.external.literal": "service {service} uses the external host (line {line})",
    "bp.allowlist.open.msg": "Key Value {kv} accepts external connections from everywhere (0.0.0.0/0)",
    "bp.allowlist.open.fix": "List only the CIDR blocks that need it, or ipAllowList: [] when only Render services connect.",
    "bp.allowlist.ok": "Key Value {kv}: ipAllowList {sources}",
    "bp.policy.default": " (the default, not written)",
    "bp.maxmemory.invalid.msg": "Key Value {kv}: maxmemoryPolicy {policy} is not a value the Blueprint accepts",
    "bp.maxmemory.invalid.cause": "The Blueprint reference lists: {values}.",
    "bp.maxmemory.invalid.fix": "Use noeviction for job queues, allkeys-lru for a cache.",
    "bp.use.given": "--use {use}",
    "bp.use.no_hint": "no queue framework, worker or queue name seen: read as a cache (--use says otherwise)",
    "bp.maxmemory.queue.msg": "Key Value {kv} holds jobs but its maxmemoryPolicy is {policy}{default}; queue use inferred from: {hints}",
    "bp.maxmemory.queue.fix": "Set maxmemoryPolicy: noeviction on the Key Value (BullMQ and Sidekiq require it).",
    "bp.maxmemory.cache.msg": "Key Value {kv} is read as a cache ({hints}) but its maxmemoryPolicy is noeviction",
    "bp.maxmemory.cache.fix": "Set maxmemoryPolicy: allkeys-lru for a cache (or pass --use queue if it holds jobs).",
    "bp.maxmemory.ok": "Key Value {kv}: maxmemoryPolicy {policy}{default} fits a {use} ({hints})",
    "bp.persistence.free.msg": "Key Value {kv} holds jobs on the free plan (no persistence)",
    "bp.no_kv.msg": "no Key Value and no service using {var} in this Blueprint: nothing to check",
    # rendering of the Blueprint report
    "bp.title": "rla doctor — Blueprint {path} ({var})",
    "bp.summary": "{fail} failed, {warn} warning(s), {ok} ok",
    "bp.col.line": "line",
    "bp.col.check": "check",
    # ---- the Key Value's metrics (item 9) and own logs (item 10)
    "item.9": "The Key Value's metrics agree with the logs",
    "item.10": "The Key Value's own logs",
    "kvm.no_kv": "no Key Value to read (REDIS_URL does not point at a red-… instance that could be read)",
    "kvm.unread_kv": "the Key Value could not be read: {why}",
    "kvm.unread": "{what} metric not read: {why}",
    "kvm.no_points": "{what} metric: no data point in the window",
    "kvm.limit_unknown": "limit unknown (plan {plan})",
    "kvm.memory.no_limit": "memory peaked at {peak} at {at}; limit unknown (plan {plan}); maxmemory policy {policy}",
    "kvm.memory.corroborates": (
        "memory at {value} of {limit} ({pct}) at {at}, when the app logged {rule}: the Key Value was full "
        "(policy {policy}; limit from {src})"
    ),
    "kvm.memory.corroborates.cause": (
        "At maxmemory, policy {policy} decides: noeviction refuses writes (OOM command not allowed), an "
        "eviction policy deletes keys (cache misses, lost jobs or sessions)."
    ),
    "kvm.memory.corroborates.fix": (
        "Free memory (TTLs on cache and session keys, BullMQ removeOnComplete/removeOnFail) or move the Key "
        "Value to a larger instance type."
    ),
    "kvm.memory.refutes": (
        "memory never above {peak} of {limit} ({pct}, at {at}) although the app logged {rule}: that error "
        "does not come from this Key Value's memory"
    ),
    "kvm.memory.refutes.cause": (
        "The Key Value REDIS_URL names was far from full: the app probably talks to another Redis (another "
        "instance, a local one, a URL set elsewhere), or the memory is exhausted elsewhere."
    ),
    "kvm.refutes.fix": (
        "Check which Redis the app really uses: log the host it connects to, compare with REDIS_URL and the "
        "Key Value's Internal URL."
    ),
    "kvm.memory.high": "memory at {peak} of {limit} ({pct}) at {at} (policy {policy}; limit from {src})",
    "kvm.memory.ok": "memory peaked at {peak} of {limit} ({pct}) at {at} (limit from {src})",
    "kvm.conn.corroborates": (
        "{value} active connections at {at}, the limit of plan {plan} is {limit}, when the app logged "
        "{rule}: the connection limit was reached"
    ),
    "kvm.conn.corroborates.cause": (
        "Every process holds its own connections (pools, one per BullMQ Queue/Worker, Sidekiq concurrency, "
        "several instances): together they reach the plan's maximum and new ones are refused."
    ),
    "kvm.conn.corroborates.fix": (
        "Share one client per process and bound the pools; upgrade the instance type if the steady state "
        "needs more connections."
    ),
    "kvm.conn.refutes": (
        "active connections never above {peak} of {limit} (at {at}) although the app logged {rule}: "
        "not this Key Value's connection limit"
    ),
    "kvm.conn.refutes.cause": (
        "The Key Value had connections to spare: the refusals or dropped handshakes come from elsewhere "
        "(the client's own pool limit, TLS on the wrong endpoint, another Redis)."
    ),
    "kvm.conn.high": "{peak} active connections at {at}: near the limit of plan {plan} ({limit})",
    "kvm.conn.ok": "active connections peaked at {peak} of {limit} at {at}",
    "kvm.zero.msg": (
        "Key Value {kv} had 0 active connections from {start} to {end}, yet the app says it is connected "
        "({said}): the app talks to another Redis"
    ),
    "kvm.zero.cause": (
        "A connected client shows in the Key Value's active connections. None there while the app logs "
        "a connection means its Redis is another one: a local Redis or a fallback, another instance's URL, "
        "a variable other than the one checked."
    ),
    "kvm.zero.fix": (
        "Log the host and port the client connects to at start-up and make the code read REDIS_URL; "
        "compare with this Key Value's Internal URL."
    ),
    "kvm.leak.msg": (
        "active connections climb in {n} of {m} deploy periods ({rise}) and fall at each deploy: a "
        "connection leak"
    ),
    "kvm.leak.one": "active connections only climb over the window ({rise}): a connection leak?",
    "kvm.leak.cause": (
        "Connections opened and never closed (a client per request or per job, reconnects that keep the "
        "old socket) accumulate until the process restarts; at the plan's limit new ones are refused."
    ),
    "kvm.leak.fix": "Create the Redis client once per process, reuse it, and close clients you create per task.",
    "kvm.cpu.ok": "CPU peaked at {peak} {unit} at {at}",
    "kvl.unread": "the Key Value's logs were not read: {why}",
    "kvl.empty": "no log line from Key Value {kv} in the window",
    "kvl.ok": "{n} log line(s) from Key Value {kv}, nothing wrong in them",
    "kvl.finding": "Key Value {kv} logged: {title} [{id}] ×{n}, {first} – {last}; in the app's logs then: {linked}",
    "kvl.link": "{rule} at {at}",
    "kvl.no_link": "nothing",
    "doctor.fetch.metrics_memory": "Key Value memory",
    "doctor.fetch.metrics_memory-limit": "Key Value memory limit",
    "doctor.fetch.metrics_active-connections": "Key Value connections",
    "doctor.fetch.metrics_cpu": "Key Value CPU",
    "doctor.fetch.kv_logs": "Key Value logs",
    # ---------------------------------------------------------------------------------------
    # the timeline pictures (issue 18): the terminal line, the Mermaid charts and the HTML report (tl.*, html.*)
    # ---------------------------------------------------------------------------------------
    "tl.head": "Timeline {start} → {end}, one column = {step}, height = Redis errors",
    "tl.deploys": "deploys",
    "tl.others": "+{n} more",
    "tl.all": "all",
    "tl.step.s": "{n} s",
    "tl.step.min": "{n} min",
    "tl.step.h": "{n} h",
    "tl.state.healthy": "healthy",
    "tl.state.degraded": "degraded",
    "tl.state.failing": "failing",
    "tl.state.recovered": "recovered",
    "tl.kind.deploy": "deploy",
    "tl.kind.platform": "platform event",
    "tl.md.title": "Redis errors per {step}",
    "tl.md.y": "errors",
    "tl.md.states": "Redis state",
    "tl.md.events": "Platform events",
    "tl.md.fallback": "Timeline {start} → {end}: {states}{events}",
    "tl.md.lines": "lines, in order: {names}",
    "tl.md.events_at": "; {kind} at {times}",
    # the HTML report
    "html.title": "Redis diagnosis",
    "html.timeline": "Timeline",
    "html.timeline.none": "No timeline: the log has no timestamps.",
    "html.chart.desc": (
        "Redis errors per {step} for each instance, from {start} to {end}. Bands above: Redis's state. "
        "Dashed lines: platform events."
    ),
    "html.chart.total": "{n} error(s)",
    "html.findings": "Findings",
    "html.cause": "Cause",
    "html.fix": "Fix",
    "html.evidence": "Evidence",
    "html.first_last": "first {first}, last {last}",
    "html.count": "{n}×",
    "html.read": "What was read",
    "html.sources": "Sources",
    "html.window": "Window",
    "html.lines": "Lines read",
    "html.candidates": "Candidate entries",
    "html.generated": "Made by rla {version}",
    "html.status": "Status lines",
    "html.legend": "Legend",
    # rla check -f html (analyzer/report/html_check.py)
    "html.check.passed": "passed",
    "html.check.failed": "failed",
    "html.check.title": "rla check {result}",
    "html.check.files": "Files ({n})",
    "html.check.col.state": "State",
    "html.check.col.file": "File",
    "html.check.col.verdict": "Verdict",
    "html.check.col.gate": "Fails the check",
    "html.check.mark.pass": "ok",
    "html.check.mark.warn": "not healthy",
    "html.check.mark.unknown": "can't tell",
    "html.check.mark.fail": "failed",
    "html.check.mark.missing": "missing",
    "html.check.mark.pending": "pending",
    "html.check.mark.error": "unreadable",
    "html.check.problems": "Differs from its expectation",
    "html.check.tag.gate": "fails the check",
    "html.check.tag.baseline": "known (baseline)",
}
