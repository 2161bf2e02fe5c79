"""Errors as data, the judge's side (analyzer/class_reading.py): a Redis line no rule names, that says a failure class
in its own words, is the class's rule (`rule:` in rules/classes/*.yaml), not "a Redis error no rule names".

The lines are real: samples/raw/classes/session9-reset.log (capture/classes/run_s9_reset.sh: each client against a
server that resets the connection) and public pastes (samples/public/, addresses in samples/README.md section E).
Before the mechanism, Perl's, aioredis' and the three pastes' lines gave `redis-error-unnamed`."""

from __future__ import annotations

import re

import pytest

from analyzer.engine.rules import RuleError, load_rules
from analyzer.i18n import said
from tests.conftest import ROOT, diag_of, public_paste

RESET = (ROOT / "samples" / "raw" / "classes" / "session9-reset.log").read_text(encoding="utf-8")


def _section(client: str) -> str:
    """One client's output in the capture (between its `=== client` marker and the next)."""
    parts = re.split(r"^=== ", RESET, flags=re.M)
    return next(p.split("\n", 1)[1] for p in parts if p.startswith(client))


@pytest.mark.parametrize("client", ["Perl Redis.pm", "phpredis", "ruby-redis", "ioredis", "redis-py", "aioredis"])
def test_a_reset_connection_is_a_dropped_connection_in_every_clients_words(client):
    diag = diag_of(_section(client))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-dropped")


@pytest.mark.parametrize(
    "sample,words",
    [
        ("ruby/redis-client-119.log", "Broken pipe"),
        ("cpp/redis-plus-plus-300.log", "Connection reset by peer"),
        ("php/credis-120.log", "errno=104"),
    ],
)
def test_a_public_paste_saying_the_class_in_new_words_gets_its_cause_and_says_why(sample, words):
    diag = diag_of((ROOT / "samples" / "public" / sample).read_text(encoding="utf-8"))
    assert diag.verdict.root_cause == "redis-connection-dropped"
    (finding,) = [f for f in diag.findings if f.rule_id == "redis-connection-dropped"]
    because = " ".join(said(b) for b in finding.because)
    assert f"says '{words}' (the 'dropped' failure class)" in because


def test_perls_reset_line_is_read_through_the_class_not_a_wording():
    line = next(x for x in _section("Perl Redis.pm").splitlines() if "Connection reset by peer" in x)
    diag = diag_of(line)
    (finding,) = diag.findings
    assert finding.rule_id == "redis-connection-dropped"
    assert "the line names Redis (Redis) and says 'Connection reset by peer' (the 'dropped' failure class)" in " ".join(said(b) for b in finding.because)


def test_the_same_words_without_a_redis_signal_are_no_redis_finding():
    # the Perl line with Redis's name taken out: nothing says which connection was reset
    line = "Error while reading from server: Connection reset by peer at -e line 1."
    diag = diag_of(line)
    assert diag.verdict.state == "unknown" and not diag.findings


def test_a_redis_error_saying_no_class_stays_unnamed():
    # phpredis' 'read error on connection' at a timeout and at a reset alike: no class is said, so none is guessed
    # (public heldout11 credis#43, the same words)
    line = "Fatal error: Uncaught exception 'RedisException' with message 'read error on connection' in /x/Client.php:843"
    assert diag_of(line).verdict.root_cause == "redis-error-unnamed"


def _pack(tmp_path, rule: str) -> str:
    root = tmp_path / "pack"
    (root / "classes").mkdir(parents=True)
    (root / "classes" / "dropped.yaml").write_text(f"class: dropped\nrule: {rule}\nwordings: [Verbindung getrennt]\n", encoding="utf-8")
    return str(root)


def test_a_class_naming_a_rule_no_pack_has_stops_the_load(tmp_path):
    with pytest.raises(RuleError, match=r"classes/dropped\.yaml: class dropped field 'rule': unknown rule id 'no-such-rule'"):
        load_rules([_pack(tmp_path, "no-such-rule")])


def test_a_pack_may_send_a_class_to_another_rule(tmp_path):
    ruleset = load_rules([_pack(tmp_path, "redis-error-unnamed")])
    (dropped,) = [c for c in ruleset.classes if c.name == "dropped"]
    assert dropped.rule == "redis-error-unnamed" and "Verbindung getrennt" in dropped.wordings


def test_the_servers_own_line_is_not_read_as_the_apps_connection():
    # public heldout8 outline#9109: a replica (made one by an attacker's REPLICAOF) fails to reach its master
    # ('Error condition on socket for SYNC: Connection refused', redis-server's own log); the app's writes then get
    # READONLY. The refusal is the server's replication link, not the app's connection: READONLY stays the root cause
    text = (ROOT / "samples" / "public" / "node" / "outline-9109.log").read_text(encoding="utf-8")
    assert "# Error condition on socket for SYNC: Connection refused" in text
    diag = diag_of(text)
    assert diag.verdict.root_cause == "redis-readonly"
    assert "redis-econnrefused" not in {f.rule_id for f in diag.findings}


@pytest.mark.parametrize("sample", ["go/new-api-201.log", "go/hakscale-6.log", "go/go-redis-1380.log"])
def test_gos_context_deadline_on_a_redis_line_is_a_connection_timeout(sample):
    # a Go client given a context with a deadline says only 'context deadline exceeded' when the answer never came
    # (public pastes, samples/README.md section E); it was 'a Redis error no rule names'
    diag = diag_of((ROOT / "samples" / "public" / sample).read_text(encoding="utf-8"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-timeout")


def test_a_context_deadline_naming_no_redis_is_no_redis_finding():
    # the same words from any Go client (an HTTP call): nothing ties them to Redis
    assert diag_of("2024/04/13 13:54:53 fetch prices failed: context deadline exceeded").verdict.state == "unknown"


# A line that says a failure class and names no Redis at all: its class's rule, decided by the affinity like any
# endpoint rule's hit (analyzer/class_reading.py `_bare`). Before, every such line was only "an error no rule explains"
# whatever stood around it: hiredis' errstr printed by the app under its own Redis line gave "Can't tell".


def test_a_bare_refusal_under_the_apps_own_redis_line_is_a_refusal():
    # real: samples/heldout42 hiredis-c (an app on libhiredis printing c->errstr, Redis down)
    text = (ROOT / "samples" / "heldout42" / "plain" / "hiredis-c" / "down-refused.cli.log").read_text(encoding="utf-8")
    diag = diag_of(text)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-econnrefused")
    (refused,) = diag.findings
    assert refused.count == text.count("Connection error: Connection refused")
    assert said(refused.because[0]) == "a Redis line just before it (line 4)"
    assert not diag.unexplained


def test_a_bare_failure_naming_another_services_endpoint_is_not_redis_beside_a_redis_line():
    # real: samples/matrix mixed-ruby: Redis refused, then the same worker's PostgreSQL refused and its payments API's
    # host unresolved ('Failed to open TCP connection to api.stripe.com:443 (getaddrinfo: …)', a Redis line just above).
    # The endpoint the line names is read as a rule's would be: port 443, HTTPS, not Redis
    text = (ROOT / "samples" / "matrix" / "plain" / "mixed-ruby" / "redis-refused-postgres-down.cli.log").read_text(encoding="utf-8")
    diag = diag_of(text)
    assert diag.verdict.root_cause == "redis-econnrefused"
    assert [f.rule_id for f in diag.findings] == ["redis-econnrefused"]
    dns = next(n for n in diag.not_redis if n.rule_id == "redis-dns-not-found")
    assert dns.endpoint == "api.stripe.com:443" and "HTTPS" in said(dns.because)


def test_the_message_line_of_a_redis_error_above_it_is_that_error():
    # public heldout24 datacite/lagotto#606 (Bugsnag's layout): '**Redis::TimeoutError** in **sidekiq#default**' then
    # its message 'Connection timed out' on the next line: one event, not a second finding of another cause
    diag = diag_of((ROOT / "samples" / "public" / "ruby" / "lagotto-606.log").read_text(encoding="utf-8"))
    assert [f.rule_id for f in diag.findings] == ["redis-pool-timeout"]


def test_a_bare_refusal_after_the_redis_client_became_ready_is_not_redis():
    # real lines: node-redis' ready line (samples/dashboard/node-app/healthy.txt), then a refusal printed bare by a Rust
    # program (public rust/jet1090-93.log): a success says nothing of which client failed after it
    ready = next(x for x in (ROOT / "samples" / "dashboard" / "node-app" / "healthy.txt").read_text(encoding="utf-8").splitlines()
                 if "Redis ready and connected" in x)
    bare = (ROOT / "samples" / "public" / "rust" / "jet1090-93.log").read_text(encoding="utf-8").splitlines()[1]
    assert bare == "Error: Connection refused (os error 111)"
    diag = diag_of(f"{ready}\n{bare}\n")
    assert not [f for f in diag.findings if f.rule_id == "redis-econnrefused"]
    assert [n.rule_id for n in diag.not_redis] == ["redis-econnrefused"]


# Review (h56) of the bare reading: a Redis connection under way or once made ties no bare line (any client's failure
# may follow it); the endpoint is read from the entry's first line, libpq's forms and a URL's user part included.
HEALTHY = (ROOT / "samples" / "raw" / "node-app" / "healthy.log").read_text(encoding="utf-8").splitlines(keepends=True)


def test_a_bare_drop_after_the_redis_client_connected_is_not_redis():
    # the note's app connected to Redis, then Laravel's PDO lost its SSL link (public laravel/framework#36601)
    pdo = (ROOT / "samples" / "public" / "nonredis" / "laravel-framework-36601.log").read_text(encoding="utf-8")
    diag = diag_of("".join(HEALTHY) + pdo)
    assert diag.verdict.state == "healthy"
    assert "redis-connection-dropped" not in {f.rule_id for f in diag.findings}


def test_a_bare_refusal_while_redis_is_connecting_is_not_redis():
    # '🔄 Redis connecting...', then libpq's refusal (public hacken-in#722): PostgreSQL's, whatever Redis was doing
    pg = (ROOT / "samples" / "public" / "nonredis" / "hacken-in-722.log").read_text(encoding="utf-8").splitlines(keepends=True)[3:6]
    assert pg[0].startswith("could not connect to server: Connection refused")
    diag = diag_of(HEALTHY[0] + "".join(pg))
    assert diag.verdict.state == "unknown"
    assert [f.rule_id for f in diag.findings] == ["redis-connecting"]


def test_libpqs_host_name_form_is_postgresql_not_a_second_redis_refusal():
    # real: samples/heldout9 redis-asyncio, Redis and PostgreSQL both refused; libpq names 'dpg-…' (10.0.9.10), port 5432
    diag = diag_of((ROOT / "samples" / "heldout9" / "raw" / "redis-asyncio" / "mixed-pg-redis-refused.log").read_text(encoding="utf-8"))
    (refused,) = [f for f in diag.findings if f.rule_id == "redis-econnrefused"]
    assert refused.count == 9
    (pg,) = diag.not_redis
    assert pg.endpoint.endswith(":5432") and pg.count == 9


def test_a_stack_frames_file_and_line_is_no_endpoint():
    # real: samples/heldout47 deno-node-redis, an API's lookup failing under Deno's fetch ('ext:deno_fetch/26_fetch.js:2:3449')
    diag = diag_of((ROOT / "samples" / "heldout47" / "raw" / "deno-node-redis" / "mixed-pg-api-healthy.log").read_text(encoding="utf-8"))
    assert diag.verdict.state == "healthy"
    assert not [n.endpoint for n in diag.not_redis if ".js" in n.endpoint]


def test_a_urls_user_part_runs_to_its_last_at_sign():
    # a probe, not a log: a password with a raw '@' (heldout19 captured clients given such URLs) must not become a host
    aff = load_rules().affinity
    assert aff.endpoint_in("amqp://guest:s3cr@tpass@broker.internal:5672/ : Connection refused") == {
        "scheme": "amqp", "host": "broker.internal", "port": "5672"}


def _line_of(paste: str, words: str) -> str:
    return next(line for line in public_paste(paste).splitlines() if words in line)


@pytest.mark.parametrize(
    "paste, words, endpoint",
    [
        # a logger's or a frame's file and line without a path is no host:port: Go's log flags ('main.go:58:'), ntopng's
        # '[Redis.cpp:93]', Lua's chunk name; the endpoint the line names after it is the one read
        ("cpp/ntopng-6895.log", "[Redis.cpp:93] ERROR: Connection error", {}),
        ("go/chproxy-550.log", "failed to reach redis: i/o timeout", {}),
        ("nonredis/cortex-2345.log", "connect timeout to 10.1.8.40:11211", {"host": "10.1.8.40", "port": "11211"}),
        ("nonredis/machinery-224.log", "dial tcp [::1]:5672", {"host": "[::1]", "port": "5672"}),
        # Go's 'read tcp LOCAL->REMOTE': the remote end, not the client's own port
        ("healthy/go-redis-2117.log", "->127.0.0.1:6379", {"host": "127.0.0.1", "port": "6379"}),
    ],
)
def test_the_endpoint_is_no_frames_file_and_no_local_end(paste, words, endpoint):
    assert load_rules().affinity.endpoint_in(_line_of(paste, words)) == endpoint
