"""Issue 13, the judge side: is it Redis? (a connection failure is a Redis finding only on evidence), never
silent (a Redis error no rule names is a finding), and a verdict true to the log (the fallback named only when
seen, recovery from any line showing the client working). Every log here is real output: captures of
samples/raw/ and the two captures of samples/raw/mixed/ (samples/README.md says how they were made)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.model import Severity
from analyzer.pipeline import diagnose
from analyzer.report import ReportContext
from analyzer.report.dispatch import render
from analyzer.sources.files import Problems, read_sources, text_block
from tests.conftest import ROOT, builtin, public_paste

RAW = Path(__file__).resolve().parents[1] / "samples" / "raw"
RULES = builtin()


def _diag(text: str):
    return diagnose([text_block(text, "app.log")], RULES)


def _read(*names: str) -> str:
    return "".join((RAW / n).read_text(encoding="utf-8") for n in names)


# a healthy app (real), then a Stripe call failing on DNS and PostgreSQL refusing (real Node output)
HEALTHY_PLUS_OTHERS = ("node-app/healthy.log", "mixed/stripe-dns-postgres-refused.log")


def test_other_services_failing_in_a_healthy_log_are_not_redis():
    diag = _diag(_read(*HEALTHY_PLUS_OTHERS))
    assert diag.verdict.state == "healthy"
    assert not [f for f in diag.findings if f.severity >= Severity.WARNING]
    why = {n.endpoint: str(n.because) for n in diag.not_redis}
    assert why["127.0.0.1:5432"] == "PostgreSQL's port"
    assert why["api.stripe.com"].startswith("nothing ties it to Redis")


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "github", "junit", "sarif"])
def test_not_redis_is_one_line_in_every_format(fmt: str):
    diag = _diag(_read(*HEALTHY_PLUS_OTHERS))
    out = render(diag, fmt, ReportContext(RULES))
    assert out.count("not Redis: 1× Error: connect ECONNREFUSED 127.0.0.1:5432, PostgreSQL's port") == 1
    assert "getaddrinfo ENOTFOUND api.stripe.com" in out


@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_a_failure_naming_no_endpoint_is_untied_not_another_services(fmt: str):
    # public heldout5 twenty#15250: Node's 'self-signed certificate' and nothing else, no host, no client named.
    # Nothing says it is Redis's, nothing that it is another service's: "not tied to Redis", with the rule to read
    # if it is (a named host such as api.stripe.com stays "not Redis", above)
    text = (ROOT / "samples" / "public" / "node" / "twenty-15250.log").read_text(encoding="utf-8")
    diag = _diag(text)
    assert diag.verdict.state == "unknown"
    (untied,) = diag.not_redis
    assert untied.untied and untied.endpoint == ""
    out = " ".join(render(diag, fmt, ReportContext(RULES)).split())
    assert "not tied to Redis: 1× server-1" in out and "Error: self-signed certificate" in out
    assert "if it is your Redis: rla rules show redis-tls-certificate" in out
    assert not any(n.untied for n in _diag(_read(*HEALTHY_PLUS_OTHERS)).not_redis)
    if fmt == "json":
        assert json.loads(render(diag, fmt, ReportContext(RULES)))["not_redis"][0]["untied"] is True


def test_not_redis_never_fails_the_run(tmp_path: Path):
    log = tmp_path / "app.log"
    log.write_text(_read(*HEALTHY_PLUS_OTHERS), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "analyzer", "analyze", str(log)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout
    assert "Redis healthy" in out.stdout and "not Redis" in out.stdout


def test_the_same_refusal_on_a_redis_port_is_redis_and_says_why():
    diag = _diag(_read("node-app/refused-remote.log"))
    refused = next(f for f in diag.findings if f.rule_id == "redis-econnrefused")
    assert [str(b) for b in refused.because] == ["10.0.3.7:6379: a Redis port"]
    assert not diag.not_redis


@pytest.mark.parametrize(
    "sample",
    ["node-redis-nolistener/dns-enotfound.log", "redis-py/dns-enotfound.log", "ioredis/dns-enotfound.log"],
)
def test_redis_dns_failures_stay_redis(sample: str):
    diag = _diag(_read(sample))
    assert diag.verdict.state == "failing" and diag.verdict.root_cause == "redis-dns-not-found"


def test_a_failure_with_no_endpoint_right_after_a_redis_traceback_is_redis():
    # redis-py over TLS to a plaintext port: the bare 'TimeoutError: _ssl.c…' line follows frames of redis/connection.py
    diag = _diag(_read("redis-py/rediss-to-plaintext.log"))
    assert diag.verdict.root_cause == "redis-tls-to-plaintext"


def _without(*rule_ids: str):
    """The pack without these rules: a reply they name stands for any Redis error no rule names yet."""
    from dataclasses import replace

    return replace(RULES, rules=tuple(r for r in RULES.rules if r.id not in rule_ids))


# the replies below have rules since session 11; without them they are what any new reply is
REPLY_RULES = ("redis-command-unavailable", "redis-wrongtype", "redis-busy-script")


def test_a_redis_error_no_rule_names_is_a_finding_quoting_it():
    diag = diagnose([text_block(_read("mixed/redis-py-unknown-command.log"), "app.log")], _without(*REPLY_RULES))
    assert diag.verdict.state == "failing" and diag.verdict.root_cause == "redis-error-unnamed"
    (finding,) = [f for f in diag.findings if f.rule_id == "redis-error-unnamed"]
    assert finding.sample.startswith("redis.exceptions.ResponseError: unknown command 'JSON.GET'")
    assert all("unknown command" not in u.sample for u in diag.unexplained)  # said once, as the finding


def test_a_line_whose_rules_say_only_how_it_was_printed_is_never_silent():
    """'[ioredis] Unhandled error event: Error: <failure>' matches a rule that says only that ioredis had no listener:
    with no rule for the failure itself (here the Sentinel rule left out) the line is a Redis error no rule names,
    never "Can't tell". Real: ioredis 5.11.1 told to ask a Sentinel on a closed port (samples/raw/sentinel/)."""
    text = _read("sentinel/sentinel-ioredis-unreachable.log")
    diag = diagnose([text_block(text, "app.log")], _without("redis-sentinel-no-master"))
    assert diag.verdict.state == "failing" and diag.verdict.root_cause == "redis-error-unnamed"
    assert "All sentinels are unreachable" in next(f for f in diag.findings if f.rule_id == "redis-error-unnamed").sample
    assert _diag(text).verdict.root_cause == "redis-sentinel-no-master"


@pytest.mark.parametrize(
    "cut",
    [
        # the last line of a traceback or of an error object, pasted alone: the class name and the reply code
        # are its only words of failure (real: samples/raw/replies/)
        "redis.exceptions.ResponseError: BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.",
        "ReplyError: WRONGTYPE Operation against a key holding the wrong kind of value",
    ],
)
def test_an_error_class_or_reply_pasted_alone_is_never_silent(cut: str):
    assert cut in _read("replies/redis-py-busy.log", "replies/ioredis-wrongtype-busy.log")
    diag = diagnose([text_block(cut + "\n", "app.log")], _without(*REPLY_RULES))
    assert diag.verdict.state == "failing" and diag.verdict.root_cause == "redis-error-unnamed"


def test_sentinel_failures_of_every_client_are_one_cause():
    """ioredis, redis-py, redis-rb and go-redis asking a Sentinel on a closed port, or a real Sentinel for a master
    it does not monitor (samples/raw/sentinel/, samples/capture/sentinel/run.sh). A reason the client quotes inside
    (redis-py: '… - network:ConnectionError: Error 111 connecting to …') is the root cause, the Sentinel linked to it."""
    for log in sorted((RAW / "sentinel").glob("sentinel-*-*.log")):
        if log.name.endswith("-ok.log"):
            continue
        diag = _diag(log.read_text(encoding="utf-8"))
        quoted = "redis-econnrefused" if log.name == "sentinel-py-unreachable.log" else "redis-sentinel-no-master"
        assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", quoted), log.name
        sentinel = next(f for f in diag.findings if f.rule_id == "redis-sentinel-no-master")
        assert sentinel.caused_by in (None, quoted), log.name


def test_unnamed_lines_stay_unexplained_when_a_rule_names_the_failure():
    # redis-rb prints the cause chain after the refusal: frames naming redis, not a second failure
    diag = _diag(_read("redis-rb/refused-remote.log"))
    assert "redis-error-unnamed" not in {f.rule_id for f in diag.findings}
    assert diag.verdict.root_cause == "redis-econnrefused"


@pytest.mark.parametrize("sample", ["ioredis/oom.log", "redis-py/oom.log", "node-app/oom.log"])
def test_degraded_without_a_fallback_line_does_not_claim_one(sample: str):
    diag = _diag(_read(sample))
    text = render(diag, "table", ReportContext(RULES)).splitlines()[0]
    assert diag.verdict.state == "degraded" and diag.verdict.fallback is None
    assert "memory-cache fallback" not in text and "some commands fail" in text


def test_the_fallback_is_named_when_its_line_is_seen():
    diag = _diag(_read("node-app/degraded.log"))
    assert diag.verdict.fallback is not None
    assert "memory-cache fallback" in render(diag, "table", ReportContext(RULES)).splitlines()[0]


def test_the_fallback_is_named_in_its_own_rule_s_words():
    # cacheops goes to the database, not to a memory cache (public heldout66 netbox-community/netbox#5752): the verdict
    # says what this app did, in the fallback rule's title
    diag = _diag(public_paste("python/netbox-5752.log"))
    first = render(diag, "table", ReportContext(RULES)).splitlines()[0]
    assert diag.verdict.fallback_rule == "redis-app-fallback"
    assert "serves without Redis (its own fallback)" in first and "memory" not in first
    # two fallbacks in one window (the note's memory cache, then express-session's MemoryStore warning): the first
    diag = _diag((ROOT / "samples/dashboard/node-app/degraded.txt").read_text(encoding="utf-8"))
    assert diag.verdict.fallback_rule == "redis-memory-cache-fallback"
    assert "Redis degraded: the app runs on the memory-cache fallback since" in render(diag, "table", ReportContext(RULES))


def test_a_worker_that_says_connected_to_redis_is_healthy_not_cant_tell():
    diag = _diag(_read("clean/celery-worker.log"))
    assert diag.verdict.state == "healthy"


def test_node_redis_connected_then_dropped_keeps_its_story():
    # 'Connected to Redis' (the client worked), then the server went away: failing, the drop as root cause
    diag = diagnose(read_sources([str(RAW / "node-redis-nolistener/runtime-drop.log")], Problems()), RULES)
    assert diag.verdict.state == "failing" and diag.verdict.root_cause == "redis-connection-dropped"


def test_json_documents_the_new_keys():
    diag = _diag(_read(*HEALTHY_PLUS_OTHERS))
    doc = json.loads(render(diag, "json", ReportContext(RULES)))
    assert doc["schema"] == 1 and doc["verdict"]["fallback"] is None
    (pg,) = [n for n in doc["not_redis"] if n["endpoint"] == "127.0.0.1:5432"]
    assert pg["rule"] == "redis-econnrefused" and pg["count"] == 1 and pg["because"] == "PostgreSQL's port"


# -- inference that shows its evidence (real redis-py 8.2.0 captures, samples/raw/mixed/) ---------------------


# Render's own platform lines, as every dashboard capture of samples/dashboard/ shows them: Render evidence
RENDER_HEAD = "==> Deploying...\n==> Running 'python redis_ping.py'\n"


def test_loopback_on_the_default_port_is_url_not_set_and_says_why():
    diag = diagnose(read_sources([str(RAW.parent / "dashboard/node-app/url-unset.txt")], Problems()), RULES)
    assert diag.verdict.root_cause == "redis-url-not-set"
    finding = next(f for f in diag.findings if f.rule_id == "redis-url-not-set")
    assert "127.0.0.1:6379, the client's default address, and no earlier successful connection on this instance" in [
        str(b) for b in finding.because
    ]


def test_without_render_evidence_a_loopback_refusal_says_what_the_log_shows():
    for sample in ("ioredis/url-unset.log", "mixed/redis-py-loopback-other-port.log"):
        diag = _diag(_read(sample))
        assert diag.verdict.root_cause == "redis-econnrefused", sample
        refused = next(f for f in diag.findings if f.rule_id == "redis-econnrefused")
        assert "the log shows no Render platform line, path or host" in str(refused.because[-1])


def test_loopback_on_another_port_means_the_url_was_read():
    diag = _diag(RENDER_HEAD + _read("mixed/redis-py-loopback-other-port.log"))
    assert diag.verdict.root_cause == "redis-url-loopback"
    (finding,) = [f for f in diag.findings if f.rule_id == "redis-url-loopback"]
    assert "127.0.0.1:6391 is a loopback address on a port that is not the client's default" in str(finding.because[-1])
    cause = render(diag, "json", ReportContext(RULES))
    assert "The client connected to 127.0.0.1:6391" in cause


def test_loopback_after_a_success_is_the_server_going_away():
    diag = _diag(_read("mixed/redis-py-loopback-dropped.log"))
    assert diag.verdict.root_cause == "redis-connection-dropped"
    assert "redis-url-not-set" not in {f.rule_id for f in diag.findings}


MATRIX_RAW = RAW.parent / "matrix" / "raw"


def test_refusals_after_a_success_on_a_remote_host_are_the_server_going_away():
    # RQ registered in Redis ('*** Listening on default...'), then the server was shut down mid-run
    diag = _diag((MATRIX_RAW / "rq/killed-then-back-remote.log").read_text(encoding="utf-8"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-dropped")
    dropped = next(f for f in diag.findings if f.rule_id == "redis-connection-dropped")
    assert any("a Redis success line came earlier on this instance" in str(b) for b in dropped.because)
    assert "redis-econnrefused" not in {f.rule_id for f in diag.findings}


def test_a_reconnect_line_says_the_refusals_before_it_were_the_server_going_away():
    # Sidekiq prints nothing when it works, then 'Redis is online, 7.03 sec downtime' after the restart
    diag = _diag((MATRIX_RAW / "sidekiq/killed-then-back-remote.log").read_text(encoding="utf-8"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("recovered", "redis-connection-dropped")
    assert "redis-client-reconnected" in {f.rule_id for f in diag.findings}


def test_refusals_with_no_success_before_stay_refusals():
    # RQ started while the server was down: it never listened, nothing worked before
    diag = _diag(_read("rq/start-refused.log"))
    assert diag.verdict.root_cause == "redis-econnrefused"


def _matrix(name: str):
    return _diag((MATRIX_RAW / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "sample",
    [
        "bullmq/killed-then-back-remote.log",  # 10.0.5.9: three jobs completed, then refusals
        "bullmq/killed-then-back-loopback.log",  # the same on 127.0.0.1:6379, which alone reads as a URL never read
        "bullmq/killed-not-back-loopback.log",
    ],
)
def test_a_queue_job_done_before_refusals_is_the_server_going_away(sample: str):
    # BullMQ prints nothing when it connects; the app's 'job 1 completed' (its 'completed' event) says Redis answered
    diag = _matrix(sample)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-dropped")
    dropped = next(f for f in diag.findings if f.rule_id == "redis-connection-dropped")
    assert any("a Redis success line came earlier on this instance" in str(b) for b in dropped.because)
    assert "redis-queue-job-done" in {f.rule_id for f in diag.findings}


def test_the_same_refusals_with_no_job_done_stay_what_they_were():
    # BullMQ on a port where nothing ever listened: no job, the loopback inference stands
    diag = _diag(RENDER_HEAD + (MATRIX_RAW / "bullmq/refused-loopback-6380.log").read_text(encoding="utf-8"))
    assert diag.verdict.root_cause == "redis-url-loopback"
    assert "redis-queue-job-done" not in {f.rule_id for f in diag.findings}


def test_sidekiq_refused_while_fetching_jobs_had_reached_redis_at_boot():
    # Sidekiq's processors start only after its boot check (redis_info); then the server was shut down for good
    diag = _matrix("sidekiq/killed-not-back-loopback.log")
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-dropped")
    dropped = next(f for f in diag.findings if f.rule_id == "redis-connection-dropped")
    assert any("Sidekiq fetches jobs only after its start-up check" in str(b) for b in dropped.because)


def test_sidekiq_refused_at_boot_is_not_a_drop():
    # the boot check itself refused (nothing on 127.0.0.1:6380): no processor ran, nothing was dropped
    diag = _diag(RENDER_HEAD + (MATRIX_RAW / "sidekiq/refused-loopback-6380.log").read_text(encoding="utf-8"))
    assert diag.verdict.root_cause == "redis-url-loopback"


def test_celery_given_host_and_port_without_a_scheme_is_a_malformed_url():
    # kombu reads 'red-…:6379' as an AMQP host: 'Cannot connect to amqp://guest:**@red-…%3A6379:5672//'
    diag = _matrix("celery/url-no-scheme.log")
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-url-malformed")


@pytest.mark.parametrize(
    ("sample", "shown", "problem"),
    [
        ("sidekiq/url-one-slash.log", "redis:/red-d0cjkelq67qs70c2kvup:6379", "the URL starts with redis:/ instead of redis://"),
        ("sidekiq/url-no-host.log", "redis://:6379", "the URL has no host"),
    ],
)
def test_a_printed_url_with_no_host_and_a_refusal_on_the_default_address_is_malformed(sample, shown, problem):
    # Sidekiq prints the URL it was given at boot, then dials its default 127.0.0.1:6379: not an unset variable
    diag = _matrix(sample)
    assert diag.verdict.root_cause == "redis-url-malformed"
    (finding,) = [f for f in diag.findings if f.rule_id == "redis-url-malformed"]
    said = str(finding.because[-1])
    assert f"the log prints the URL it was given, {shown}: {problem}; the client fell back" in said
    assert "redis-url-not-set" not in {f.rule_id for f in diag.findings}


def test_the_client_saying_no_host_was_supplied_makes_a_default_refusal_malformed():
    # kombu with redis://:6379: 'No hostname was supplied. Reverting to default 'localhost'', then 127.0.0.1:6379
    diag = _matrix("celery/url-no-host.log")
    assert diag.verdict.root_cause == "redis-url-malformed"
    assert any("no host name was supplied" in str(b) for f in diag.findings for b in f.because)


def test_the_same_line_with_no_broker_url_is_still_url_not_set():
    # no broker URL: kombu says the same 'No hostname' line but falls back to AMQP on 5672
    diag = _diag(RENDER_HEAD + _read("celery/broker-url-unset.log"))
    assert diag.verdict.root_cause == "redis-url-not-set"


def test_a_usable_printed_url_is_no_evidence_and_no_unexplained_line():
    # a Sidekiq boot line with a good URL, then a refusal on that host: the URL is fine, the server refused
    diag = _diag(_read("sidekiq/refused-remote.log"))
    assert diag.verdict.root_cause == "redis-econnrefused"
    assert not [u for u in diag.unexplained if "Booting Sidekiq" in u.template]


@pytest.mark.parametrize("client", ["go-redis", "redis-rb"])
def test_an_empty_scheme_names_both_mistakes_it_can_be(client: str):
    # byte-identical output for REDIS_URL="" and "redis//host": one cause covering both, saying why
    empty, no_colon = _matrix(f"{client}/url-empty.log"), _matrix(f"{client}/url-no-colon.log")
    assert empty.verdict.root_cause == no_colon.verdict.root_cause == "redis-url-malformed"
    (finding,) = [f for f in empty.findings if f.rule_id == "redis-url-malformed"]
    assert "the URL is empty, or has no ':' after its scheme" in str(finding.because[-1])


def test_a_printed_empty_url_tells_the_empty_scheme_apart():
    assert _matrix("sidekiq/url-empty.log").verdict.root_cause == "redis-url-empty"
    assert _matrix("sidekiq/url-no-colon.log").verdict.root_cause == "redis-url-malformed"


def test_the_evidence_of_a_url_speaks_the_readers_language():
    # the lint's problem is a catalogue message: French in a French report (the report's redaction kept it a Msg)
    doc = json.loads(render(_matrix("sidekiq/url-one-slash.log"), "json", ReportContext(RULES, lang="fr")))
    (because,) = doc["findings"][0]["because"]
    assert "le log affiche l'URL qu'il a reçue, redis:/red-d0cjkelq67qs70c2kvup:6379 : l'URL commence par redis:/" in because


def test_a_go_dns_error_naming_its_own_https_url_is_not_redis():
    # Go's net/http: 'Get "https://api.stripe.com/v1/charges": dial tcp: lookup api.stripe.com on …: no such host',
    # right after a go-redis refusal on the same instance: the URL in the entry says which service failed
    diag = _matrix("mixed-go/redis-refused-postgres-down.log")
    assert diag.verdict.root_cause == "redis-econnrefused"
    assert "redis-dns-not-found" not in {f.rule_id for f in diag.findings}
    why = {n.endpoint: str(n.because) for n in diag.not_redis}
    assert why["api.stripe.com"] == "a HTTPS URL"


PUBLIC = RAW.parent / "public"


def test_redis_pys_wording_without_a_port_still_names_redis():
    # iredis (public paste): 'Error 1 connecting to foobar.com. [SSL: CERTIFICATE_VERIFY_FAILED] …' (no port)
    diag = _diag((PUBLIC / "python/iredis-403.log").read_text(encoding="utf-8"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-tls-certificate")


def test_a_whole_url_where_the_host_goes_is_a_malformed_url_and_its_password_stays_hidden():
    # redis-rb given the URL as host (public paste): 'Error connecting to Redis on redis://u:pw@host:10303/:6379'
    diag = _diag((PUBLIC / "ruby/ebwiki-3834.log").read_text(encoding="utf-8"))
    assert diag.verdict.root_cause == "redis-url-malformed"
    assert "5fcbd9c319315037610bb714a5056661" not in render(diag, "json", ReportContext(RULES))


BULL_RESET = (PUBLIC / "node/bull-2530.log").read_text(encoding="utf-8").split("\n\n", 1)[0] + "\n"


def test_a_failure_with_no_address_is_claimed_by_the_redis_error_right_after_it():
    # bull (public paste): 'Error: read ECONNRESET', then the queue's error whose frames are ioredis'
    diag = _diag((PUBLIC / "node/bull-2530.log").read_text(encoding="utf-8"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-dropped")
    dropped = next(f for f in diag.findings if f.rule_id == "redis-connection-dropped")
    assert [str(b) for b in dropped.because] == ["no address, and a Redis error just after it on the same instance (line 4)"]
    assert not diag.not_redis


def test_a_redis_attempt_or_status_after_it_claims_nothing():
    # the same reset, then a healthy app's 'Redis connecting…' and 'ready': no Redis error after it, not Redis
    diag = _diag(BULL_RESET + _read("node-app/healthy.log"))
    assert diag.verdict.state == "healthy"
    assert [n.rule_id for n in diag.not_redis] == ["redis-connection-dropped"]


def test_a_held_failure_is_listed_as_not_redis_while_nothing_has_claimed_it():
    # at the end of a log (or of a live tail so far) nothing came after it: "not Redis", and the judge can still learn
    diag = _diag(_read("mixed/stripe-dns-postgres-refused.log") + BULL_RESET)
    assert diag.verdict.state == "unknown"
    assert "redis-connection-dropped" in [n.rule_id for n in diag.not_redis]


def test_a_go_error_cut_after_its_colon_reads_as_one_line():
    # rekor (public paste): 'dial tcp 127.0.0.1:6379: connect: ' / 'connection refused', wrapped in the paste
    diag = _diag((PUBLIC / "go/rekor-479.log").read_text(encoding="utf-8"))
    assert diag.verdict.root_cause == "redis-econnrefused"
    refused = next(f for f in diag.findings if f.rule_id == "redis-econnrefused")
    assert refused.sample.endswith("dial tcp 127.0.0.1:6379: connect: connection refused")
    # a blank line after the cut ends the entry: nothing to join; the bare 'connection refused' is then a line of its
    # own, read through its failure class and tied to Redis by the Redis error just above it
    lines = (PUBLIC / "go/rekor-479.log").read_text(encoding="utf-8").split("\n")
    cut = _diag(lines[0] + "\n\n" + lines[1] + "\n")
    alone = next(f for f in cut.findings if f.rule_id == "redis-econnrefused")
    assert alone.sample == "connection refused"
    assert [str(b) for b in alone.because] == ["a Redis line just before it (line 1)"]


def test_a_dns_failure_without_render_evidence_says_so_and_keeps_what_tied_it_to_redis():
    # ioredis' real 'getaddrinfo ENOTFOUND' on a made-up red- host: the host itself is Render evidence
    on_render = _diag(_read("ioredis/dns-enotfound.log"))
    (finding,) = [f for f in on_render.findings if f.rule_id == "redis-dns-not-found"]
    assert not any("no Render line" in str(b) for b in finding.because)
    # the real redis-py capture, its host renamed off the compose names (no Render line anywhere): what the log shows
    off = _diag(_read("mixed/redis-py-compose-host.log").replace("redis:6379", "cache.internal.example:6379"))
    (finding,) = [f for f in off.findings if f.rule_id == "redis-dns-not-found"]
    said = [str(b) for b in finding.because]
    assert said[-1].startswith("the log shows no Render line, path or host: the name does not resolve where the app runs")
    assert len(said) == 2  # what tied it to Redis comes first, kept


def test_a_compose_host_that_does_not_resolve_is_not_a_malformed_url():
    diag = _diag(_read("mixed/redis-py-compose-host.log"))
    assert diag.verdict.root_cause == "redis-dns-not-found"
    finding = diag.findings[0]
    assert any("container or service name" in str(b) for b in finding.because)


def test_a_dotless_piece_of_a_broken_url_is_still_malformed():
    # node-redis with an unencoded '#' in the password resolves 'ss' (samples/raw/node-app/url-unencoded-password.log)
    diag = _diag(_read("node-app/url-unencoded-password.log"))
    assert diag.verdict.root_cause == "redis-url-malformed"


def test_a_boot_line_printing_a_nil_url_is_not_critical_when_nothing_fails():
    # Sidekiq 7's boot line (the rule's catalogue example) at the head of a real healthy Sidekiq worker log
    boot = "INFO: Sidekiq 7.3.9 connecting to Redis with options {size: 10, pool_name: \"internal\", url: nil}\n"
    diag = _diag(boot + _read("clean/sidekiq-worker.log"))
    assert diag.verdict.state != "failing"
    assert all(f.severity < Severity.WARNING for f in diag.findings)
    assert "redis-url-nil-at-boot" in {f.rule_id for f in diag.findings}


def test_a_nil_url_then_a_refusal_on_the_default_address_is_url_not_set():
    boot = "INFO: Sidekiq 7.3.9 connecting to Redis with options {size: 10, pool_name: \"internal\", url: nil}\n"
    diag = _diag(RENDER_HEAD + boot + _read("sidekiq/url-unset.log"))
    assert diag.verdict.root_cause == "redis-url-not-set"


def test_two_causes_of_one_entry_give_the_same_root_cause_every_run():
    # a redis-py traceback chaining the drop and the refused reconnect (samples/matrix): the verdict once
    # depended on the hash seed of the run
    import os

    sample = RAW.parent / "matrix/plain/redis-py/killed-then-back-remote.rfc3339.log"
    roots = set()
    for seed in ("1", "2", "3", "4"):
        out = subprocess.run(
            [sys.executable, "-m", "analyzer", "analyze", str(sample), "-f", "json"],
            capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed},
        )
        roots.add(json.loads(out.stdout)["verdict"]["root_cause"])
    assert len(roots) == 1, roots


# -- several files, one story each (issue 13, class 5) ----------------------------------------------------------


def test_several_files_get_their_own_verdicts_and_one_consistent_overall():
    folder = RAW.parent / "dashboard" / "node-app"
    diag = diagnose(read_sources([str(folder)], Problems()), RULES)
    per = {sv.source: sv.verdict for sv in diag.per_source}
    assert len(per) == len(list(folder.glob("*.txt"))) > 1
    healthy = str(folder / "healthy.txt")
    assert per[healthy].state == "healthy"
    # the overall verdict is one file's own: its "since" and its root cause come from the same file
    v = diag.verdict
    assert v.state == "failing" and v.since is not None
    assert per[v.since.source] == v
    doc = json.loads(render(diag, "json", ReportContext(RULES)))
    assert {p["source"] for p in doc["per_source"]} == set(per)
    assert "27 sources:" in doc["verdict"]["text"] or f"{len(per)} sources:" in doc["verdict"]["text"]
    table = render(diag, "table", ReportContext(RULES, width=200))
    # worst first, one line each, named below the common folder; the first 8 keep the fix on the first screen
    listed = table.split("Per source:\n", 1)[1].splitlines()[:9]
    assert listed[0].strip() == f"❌ {Path(v.since.source).name}: failing · {v.root_cause}"
    assert listed[8].strip() == f"… {len(per) - 8} more source(s)"
    explained = render(diag, "table", ReportContext(RULES, width=200, explain=True))
    assert f"✅ healthy.txt: Redis healthy" in explained
    assert f"`{healthy}`: Redis healthy" in render(diag, "markdown", ReportContext(RULES))


@pytest.mark.parametrize("fmt", ["github", "junit", "sarif", "markdown"])
def test_several_sources_give_one_line_each_and_the_overall_line_in_every_format(fmt: str):
    from analyzer.report import state_text, verdict_text

    folder = RAW.parent / "dashboard" / "node-app"
    diag = diagnose(read_sources([str(folder)], Problems()), RULES)
    ctx = ReportContext(RULES)
    out = render(diag, fmt, ctx)
    assert len(diag.per_source) > 1
    for sv in diag.per_source:
        said = state_text(sv.verdict, ctx)
        assert said in out, (sv.source, said)
    overall = verdict_text(diag, ctx) if fmt in ("junit", "markdown") else state_text(diag.verdict, ctx)
    assert overall in out
    if fmt == "sarif":
        results = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "rla-verdict"]
        assert len(results) == len(diag.per_source) + 1
        assert results[-1]["properties"] == {"state": diag.verdict.state, "root_cause": diag.verdict.root_cause, "overall": True}
    if fmt == "github":
        notices = [line for line in out.splitlines() if "title=rla%3A Redis" in line]
        assert len(notices) == len(diag.per_source) + 1


def test_one_file_keeps_one_verdict():
    diag = diagnose(read_sources([str(RAW.parent / "dashboard/node-app/degraded.txt")], Problems()), RULES)
    assert diag.per_source == []
    assert json.loads(render(diag, "json", ReportContext(RULES)))["per_source"] == []


def test_a_findings_sample_is_the_line_that_proves_it():
    """A Node error object is one entry; its first line only opens it. The sample quoted in every format
    is the line the rule matched (real two-instance capture), while a rule matching the opening line
    keeps that one."""
    text = (RAW.parent / "timeline" / "outage-two-instances.txt").read_text(encoding="utf-8")
    samples = {f.rule_id: f.sample for f in _diag(text).findings}
    assert "Socket closed unexpectedly" in samples["redis-connection-dropped"]
    assert "{" not in samples["redis-connection-dropped"]
    assert samples["redis-connection-error"].startswith("❌ Redis connection error")


def test_celerys_amqp_default_means_redis_url_not_set_only_on_render():
    # Celery with no broker URL tries AMQP on 127.0.0.1:5672 (real capture, run from /opt/render: Render evidence)
    real = _read("celery/broker-url-unset.log")
    assert _diag(real).verdict.root_cause == "redis-url-not-set"
    # the same capture without its one Render line (the /opt/render path of the SecurityWarning): what the log shows
    # is an AMQP broker, RabbitMQ's port, refusing; said as not Redis, with what decided it
    off = _diag(real.replace("/opt/render/project/src/", "/home/app/"))
    assert off.verdict.state == "unknown" and not [f for f in off.findings if f.severity >= Severity.WARNING]
    (amqp,) = off.not_redis
    assert amqp.endpoint == "127.0.0.1:5672" and "Celery's default AMQP broker" in str(amqp.because)
    # a Celery+RabbitMQ project's paste (public, crestify): three refusals, one line, never red
    paste = _diag((PUBLIC / "nonredis/crestify-12.log").read_text(encoding="utf-8"))
    assert paste.verdict.state == "unknown"
    assert [(n.endpoint, n.count) for n in paste.not_redis] == [("127.0.0.1:5672", 3)]
