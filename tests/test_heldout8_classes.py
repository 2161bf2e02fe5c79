"""Issue 13, heldout8's classes (self-hosted apps that use Redis, compose and Kubernetes, managed Redis): the same
failures as before in the wordings other runtimes and apps print. Every log here is real output: the public pastes of
samples/public/ (their threads in samples/README.md, section E, "Eighth batch") and captures of samples/raw/
(samples/raw/classes/session6-h8.log, made by samples/capture/classes/run_s6_h8.sh)."""

from __future__ import annotations

from tests.conftest import capture_section, diag_of, ids, public_paste

_paste = public_paste


def _capture(title: str) -> str:
    return capture_section("session6-h8.log", title)


def _finding(diag, rule_id: str):
    return next(f for f in diag.findings if f.rule_id == rule_id)


def test_redis_pys_errno_names_the_failure_when_nothing_follows_the_port():
    # NetBox's test script printed redis-py's message cut after the port (netbox-docker#251): -3 is the resolver's
    # EAI_AGAIN, whatever text would have followed
    diag = diag_of(_paste("python/netbox-docker-251.log"))
    assert diag.verdict.root_cause == "redis-dns-not-found"
    # the whole message still reads the same (superset#14322's worker line)
    whole = next(line for line in _paste("python/superset-14322.log").splitlines() if "Error -2 connecting" in line)
    assert "redis-dns-not-found" in ids(diag_of(whole))


def test_rubys_socket_error_printed_on_a_line_of_its_own_is_a_refusal():
    # redis-rb 4.8's error chain as an exception notifier prints it (class, then message), captured: the socket
    # error's line stands alone, as in exercism/website#6280's Bugsnag report (redis-client, a private 10.x address)
    for text in (_capture("redis-rb, nothing listening"), _paste("ruby/exercism-6280.log")):
        assert diag_of(text).verdict.root_cause == "redis-econnrefused", text
    # the bare message alone, with the port that says Redis
    line = next(line for line in _paste("ruby/exercism-6280.log").splitlines() if line.startswith("Connection refused"))
    diag = diag_of(line)
    assert diag.verdict.root_cause == "redis-econnrefused"
    assert _finding(diag, "redis-econnrefused").count == 1


def test_localhost_as_ipv6_with_nothing_to_connect_to_is_the_same_refusal_as_redis_pys_errno_99():
    # a container whose loopback has no IPv6: 'localhost' is [::1] there, EADDRNOTAVAIL (captured in a network
    # namespace; Sidekiq printed the message alone at boot in etalab/sirene_as_api#284, no Redis in the container)
    for text in (_capture("redis-rb, [::1]:6379"), _paste("ruby/sirene-as-api-284.log")):
        assert diag_of(text).verdict.root_cause == "redis-econnrefused", text


def test_rubys_network_unreachable_is_the_unreachable_class_not_a_refusal():
    diag = diag_of(_capture("redis-rb, 10.9.9.9:6379"))
    assert diag.verdict.root_cause == "redis-connection-timeout"
    assert "redis-econnrefused" not in ids(diag)


def test_phpredis_losing_its_server_between_two_commands_is_a_dropped_connection():
    # captured: phpredis 5.3.7 says 'Connection lost', then 'Redis server <host>:<port> went away'; phpredis 4 under
    # Nextcloud's cache says it without the address (nextcloud/nextcloudpi#692)
    for text in (_capture("phpredis"), _paste("php/nextcloudpi-692.log")):
        diag = diag_of(text)
        assert diag.verdict.state == "failing" and diag.verdict.root_cause == "redis-connection-dropped", text


def test_dotnets_certificate_rejection_is_the_tls_certificate_cause():
    # StackExchange.Redis against Azure Cache for Redis' TLS port (eShopOnContainers#537): SslStream's wording, no
    # OpenSSL code in it
    diag = diag_of(_paste("dotnet/eshoponcontainers-537.log"))
    assert diag.verdict.root_cause == "redis-tls-certificate"


def test_an_apps_own_lost_and_recovered_redis_connection_is_a_drop_it_recovered_from():
    # n8n's worker against an external Redis that drops idle connections (n8n#32249): 'Lost Redis connection. Trying
    # to reconnect…' then 'Recovered Redis connection', twice
    paste = _paste("node/n8n-32249.log")
    diag = diag_of(paste)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("recovered", "redis-connection-dropped")
    # cut after the last loss, nothing says it came back: failing
    lost = paste[: paste.rindex("Recovered Redis connection")]
    assert diag_of(lost).verdict.state == "failing"


def test_an_error_reply_no_rule_names_is_never_silent():
    # Bull's Lua script refused by the server, printed as redis-parser's ReplyError with no client frame (n8n#8767):
    # nothing names Redis but the reply's class and the server's words for a script; no rule names the cause
    diag = diag_of(_paste("node/n8n-8767.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-error-unnamed")
    assert "ReplyError: ERR Error running script" in _finding(diag, "redis-error-unnamed").sample
    # the replies a rule names keep their rule: a cluster's MOVED, a replica's READONLY (outline#11146, #9109)
    assert diag_of(_paste("node/outline-11146.log")).verdict.root_cause == "redis-cluster-redirect"
    assert diag_of(_paste("node/outline-9109.log")).verdict.root_cause == "redis-readonly"


def test_the_servers_own_start_up_failure_is_the_root_cause_of_what_its_clients_then_see():
    # captured: redis-server exits on an RDB of a newer format, on a file that is no RDB, on a port already taken
    for title in ("redis-server, a dump.rdb of a newer", "redis-server, a dump.rdb that is not", "redis-server, its port"):
        diag = diag_of(_capture(title))
        assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-server-start-failed"), title
    # superset#14322: the server's exit, then the worker cannot resolve the container's name: the exit is the cause,
    # the lookup failure stays a finding
    diag = diag_of(_paste("python/superset-14322.log"))
    assert diag.verdict.root_cause == "redis-server-start-failed"
    assert "redis-dns-not-found" in ids(diag)
    # the worker's line alone still says what it shows
    alone = _paste("python/superset-14322.log").splitlines()[-1]
    assert diag_of(alone).verdict.root_cause == "redis-dns-not-found"


def test_nodes_error_object_with_a_reset_or_broken_pipe_code_is_a_drop_when_redis_printed_it():
    # n8n's 'Error with Redis:' logs only the error object, escaped in its JSON line (n8n#10543): the code line names
    # the failure. (The thread's cause, plain TCP to a TLS-only managed Redis, is not in the log: ioredis at maxclients
    # says the same 'write EPIPE'; the rule's cause text names both.)
    diag = diag_of(_paste("node/n8n-10543.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-dropped")
    # the same code line from an SMTP client (nodemailer#176) is not Redis's
    diag = diag_of(_paste("nonredis/nodemailer-176.log"))
    assert diag.verdict.state == "unknown"
    assert "redis-connection-dropped" not in ids(diag)
