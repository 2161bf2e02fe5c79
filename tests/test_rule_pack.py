"""The rule pack covers the catalogue: every cause RK01-RK32 of redis-errors.md §5 has a rule (the file's
leading comment names it: "# RK05 ..."), the topics are the documented folders, every rule file says
where its example lines come from, and the loopback/handshake/symptom inferences are data, not code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import builtin

RULES = builtin().rules
CATALOGUE = {f"RK{n:02d}" for n in range(1, 33)}
TOPICS = {
    "redis/config", "redis/connection", "redis/auth", "redis/tls", "redis/memory",
    "redis/server", "redis/queues", "redis/app", "render/platform", "app/process",
}  # fmt: skip
# Rules that are not a catalogue cause of their own: the note app's status lines, platform context.
NOT_A_CAUSE = {
    "redis-connecting", "redis-ready", "redis-cache-connected", "redis-session-store-ready",
    "redis-connection-error", "redis-connection-test-failed", "python-exception-chain",
    "render-deploying", "render-service-live", "render-no-open-ports", "render-exited", "render-out-of-memory",
    "redis-error-unnamed", "redis-client-working", "redis-client-reconnected", "app-process-stopped",
    "redis-app-resumed", "redis-app-stopped", "redis-queue-job-done",
    # causes the catalogue lacks: a Redis Cluster's replies (Render Key Value is no cluster; users paste them all the same)
    "redis-cluster-redirect", "redis-cluster-down", "redis-cluster-disabled", "redis-cluster-unreachable",
    # ... and Redis Sentinel's (Render Key Value has none either); the server's own "ready" line, a status, no cause
    "redis-sentinel-no-master", "redis-server-ready",
    # ... and a primary that refuses writes for want of replicas (min-replicas-to-write: Render Key Value has no replica)
    "redis-noreplicas",
    # ... and an ACL user refused a command or key (Render Key Value's URL logs in as its default user, which may run all)
    "redis-noperm",
    # ... and a managed provider's plan limits (Upstash's requests and sizes: Render Key Value counts neither)
    "redis-provider-limit",
    # ... and a database number the server does not have (the URL's /N: a Key Value's own URL has none)
    "redis-db-index",
    # ... and replies of a running server to what the app asked (a command it lacks, a key of another type, a script
    # over the busy threshold, a replica without its primary, a value over the server's proto-max-bulk-len)
    "redis-command-unavailable", "redis-wrongtype", "redis-search-index-missing", "redis-busy-script", "redis-masterdown",
    "redis-bulk-too-large",
    # ... and a cluster's refusal of keys of several slots in one command (Render Key Value is no cluster)
    "redis-crossslot",
    # ... and a client's own refusal to send an admin command (StackExchange.Redis without allowAdmin: the server is
    # never asked)
    "redis-admin-mode-disabled",
    # ... and a fact of a cluster client that followed redirects until it gave up (a cluster client, not a plain one)
    "redis-cluster-client-gave-up",
    # ... and scripts the server lost in a restart that the app never loads again
    "redis-noscript",
    # ... and a Sentinel's address given as the server (Render Key Value has no Sentinel)
    "redis-sentinel-as-server",
    # ... and the mirror: a client's Sentinel mode given a Redis server (or a Key Value, which has no Sentinel)
    "redis-server-as-sentinel",
    # ... and a unix socket the app's user may not open (Render Key Value is reached over TCP, never by a socket)
    "redis-socket-permission",
    # ... and a user name sent to a Redis older than 6 (a Key Value runs Redis 6 or Valkey 8, which take one)
    "redis-auth-username",
    # ... and a client's pool told of a connection after the app closed the client (RK23's words, said by the pool: no cause)
    "redis-pool-put-after-close",
    # ... and a read timeout the app itself logs at DEBUG: its own wait loop's deadline (a fact, no cause)
    "redis-read-timeout-at-debug",
    # ... and the app's own process out of file descriptors (a client per request never closed: the note's Redis is fine)
    "redis-out-of-file-descriptors",
}  # fmt: skip


def _header(rule) -> str:
    lines = Path(rule.path).read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if not line.startswith("#"):
            break
        out.append(line)
    return "\n".join(out)


def _rk_ids(rule) -> set[str]:
    return set(re.findall(r"\bRK\d\d\b", _header(rule)))


def test_every_catalogue_cause_has_a_rule():
    covered = set().union(*(_rk_ids(r) for r in RULES))
    assert CATALOGUE - covered == set(), f"no rule names {sorted(CATALOGUE - covered)}"
    assert covered <= CATALOGUE


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_file_starts_with_a_comment(rule):
    header = _header(rule)
    assert header, f"{rule.path}: say which catalogue cause it is (# RKnn) and where its examples come from"
    if rule.id not in NOT_A_CAUSE:
        assert _rk_ids(rule), f"{rule.path}: name its catalogue cause (# RKnn ...)"


def test_topics_are_the_documented_folders():
    assert {r.topic for r in RULES} == TOPICS


def test_seed_rules_keep_their_note_wording():
    by_id = {r.id: r for r in RULES}
    assert by_id["redis-econnrefused"].title == "Redis refused the connection (ECONNREFUSED)"
    assert by_id["redis-connection-timeout"].text("fr").title == "Délai de connexion à Redis dépassé"
    assert by_id["redis-memory-cache-fallback"].text("fr").solution[0].startswith("Corrigez l'erreur Redis")
    assert by_id["redis-url-not-set"].text("en").solution[0].startswith("Add REDIS_URL to the backend's environment")


def test_loopback_reclassification_is_data_on_every_refusal_rule():
    by_id = {r.id: r for r in RULES}
    for rule_id in ("redis-econnrefused",):
        targets = {i.to for i in by_id[rule_id].reclassify}
        assert {"redis-url-not-set", "redis-url-ignored"} <= targets


def test_handshake_inference_is_data():
    dropped = next(r for r in RULES if r.id == "redis-connection-dropped")
    assert any(i.pending == "redis-connecting" and i.to == "redis-handshake-failed" for i in dropped.reclassify)


def test_symptoms_of_the_issue_are_symptoms():
    by_id = {r.id: r for r in RULES}
    for rule_id in (
        "redis-retries-exhausted", "redis-offline-queue", "redis-memory-cache-fallback", "express-session-memory-store",
        "redis-unhandled-error-crash", "ioredis-unhandled-error-event", "redis-pool-timeout", "render-exited",
    ):  # fmt: skip
        assert by_id[rule_id].kind == "symptom", rule_id


def test_valkey_and_redis_wordings_both_match():
    from analyzer.engine.scan import classify, compile_plan

    plan = compile_plan(RULES)
    for line, rule_id in (
        ("LOADING Valkey is loading the dataset in memory", "redis-loading"),
        ("LOADING Redis is loading the dataset in memory", "redis-loading"),
        ("MISCONF Valkey is configured to save RDB snapshots, but it's currently unable to persist to disk.", "redis-misconf"),
        ("MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk.", "redis-misconf"),
    ):
        assert rule_id in {rid for rid, _ in classify(plan, line)}, line
