"""The doctor's checks as pure functions over hand-made API facts (no HTTP)."""

from __future__ import annotations

import copy

import pytest

from analyzer.render.doctor import Facts, locate, parse_ts, run_checks, summarize, worst_failure
from analyzer.model import Diagnosis, Evidence, Finding, Severity, Stats, Verdict

SID = "srv-d1abc2def3ghi4jkl5mn"
KID = "red-d1abc2def3ghi4jkl5mn"
OWNER = "tea-d1abc2def3ghi4jkl5mn"
PASSWORD = "Zq9xT3vLwPp8sK2mN4bR7yH1cF6gJ0dA"
INTERNAL = f"redis://{KID}:6379"
EXTERNAL = f"rediss://{KID}:{PASSWORD}@oregon-keyvalue.render.com:6379"
EV = Evidence("render:fylora-backend", 3, "2026-11-26T06:00:00Z", "t7v9k")


def service(**kw):
    svc = {"id": SID, "name": "fylora-backend", "ownerId": OWNER, "type": "web_service", "suspended": "not_suspended",
           "suspenders": [], "updatedAt": "2026-01-05T10:00:00Z", "serviceDetails": {"region": "oregon"}}
    svc.update(kw)
    return svc


def key_value(**kw):
    kv = {"id": KID, "name": "fylora-cache", "status": "available", "region": "oregon", "plan": "starter",
          "owner": {"id": OWNER, "name": "Fylora"}, "options": {"maxmemoryPolicy": "allkeys_lru"},
          "ipAllowList": [], "version": "8.1.4", "updatedAt": "2026-01-05T10:00:00Z"}
    kv.update(kw)
    return kv


def diagnosis(state="healthy", findings=("redis-cache-connected",), root=None):
    fs = [Finding(r, Severity.OK, 1, EV, EV, ["t7v9k"], {}, "✅ Redis cache connected successfully") for r in findings]
    return Diagnosis(Verdict(state, root, EV), fs, [], Stats())


def healthy_kv_side():
    """The Key Value's own side, fine: 30 MB of starter's 256, 12 connections, quiet logs."""
    from datetime import datetime, timedelta, timezone

    from analyzer.render.doctor_metrics import KVSide, Series

    t0 = datetime(2026, 2, 1, 9, 0, tzinfo=timezone.utc)
    pts = lambda v: [(t0 + timedelta(minutes=m), v) for m in range(10)]  # noqa: E731
    return KVSide(KID, "fylora-cache", "starter", "allkeys_lru", t0, t0 + timedelta(minutes=10),
                  series={"memory": Series("memory", pts(30 * 2**20), "bytes"),
                          "active-connections": Series("active-connections", pts(12.0), "count")},
                  logs=Diagnosis(Verdict("unknown"), [], [], Stats()), log_count=3)


def good(**kw) -> Facts:
    """Everything right: the var in a linked env group changed before the live deploy."""
    facts = Facts(
        service=service(),
        env_vars=[{"key": "NODE_ENV", "value": "production"}],
        env_groups=[{"id": "evg-1", "name": "fylora-shared", "updatedAt": "2026-01-05T10:00:00Z",
                     "envVars": [{"key": "REDIS_URL", "value": INTERNAL}]}],
        key_value=key_value(),
        connection_info={"internalConnectionString": INTERNAL, "externalConnectionString": EXTERNAL},
        deploys=[{"id": "dep-2", "status": "live", "trigger": "manual", "startedAt": "2026-02-01T09:00:00Z",
                  "createdAt": "2026-02-01T09:00:00Z"}],
        diagnosis=diagnosis(),
        log_count=40,
        log_window="the last 1h",
        kv_side=healthy_kv_side(),
    )
    for k, v in kw.items():
        setattr(facts, k, v)
    return facts


def by_item(facts: Facts) -> dict[int, str]:
    return {s.item: s.status for s in summarize(run_checks(facts))}


def ids(facts: Facts, status: str | None = None) -> set[str]:
    return {r.id for r in run_checks(facts) if status is None or r.status == status}


def test_everything_passes():
    results = run_checks(good())
    assert by_item(good()) == {i: "ok" for i in range(1, 11)}, [(r.id, r.status, r.message) for r in results]
    assert not worst_failure(results, Severity.INFO)


def test_service_own_variable_cannot_be_dated():
    facts = good(env_vars=[{"key": "REDIS_URL", "value": INTERNAL}], env_groups=[])
    r = next(r for r in run_checks(facts) if r.item == 6)
    assert r.status == "unknown" and "no date for a service's own variables" in r.message


# ---- item 1 -----------------------------------------------------------------------------


def test_missing_variable_lists_other_redis_values_and_close_names():
    facts = good(env_vars=[{"key": "CACHE_URL", "value": EXTERNAL}, {"key": "REDIS_UR", "value": "x"}],
                 env_groups=[])
    r = next(r for r in run_checks(facts) if r.id == "env.missing")
    assert r.status == "fail" and r.severity == Severity.CRITICAL
    assert "CACHE_URL" in r.cause and "REDIS_UR (service)" in r.cause and "--var" in r.cause
    assert PASSWORD not in r.cause
    assert by_item(facts)[2] == "unknown"


def test_other_variable_name_with_var_option():
    facts = good(var="CACHE_URL", env_groups=[], env_vars=[{"key": "CACHE_URL", "value": INTERNAL}])
    assert by_item(facts)[1] == "ok"


def test_duplicate_definition_with_different_values_warns():
    facts = good(env_vars=[{"key": "REDIS_URL", "value": EXTERNAL}])
    loc = locate(facts)
    assert loc.source == "service" and loc.value == EXTERNAL  # the service's own value is the one checked
    assert "env.duplicate" in ids(facts, "warn")


def test_other_redis_values_are_reported_when_present():
    facts = good(env_vars=[{"key": "SESSION_REDIS", "value": "redis://red-zzzzzzzzzzzzzzzzzzzz:6379"}])
    r = next(r for r in run_checks(facts) if r.id == "env.other-redis")
    assert "SESSION_REDIS" in r.message and r.status == "ok"


def test_unreadable_env_groups_make_absence_unknown():
    facts = good(env_vars=[], env_groups=None, errors={"env_groups": "The Render API answered 500"})
    r = next(r for r in run_checks(facts) if r.item == 1)
    assert r.status == "unknown" and "500" in r.message


# ---- item 2 -----------------------------------------------------------------------------


@pytest.mark.parametrize("value, rid", [("", "url.empty"), (INTERNAL + "\n", "url.whitespace"),
                                        (f'"{INTERNAL}"', "url.quotes"), (f"reddis://{KID}:6379", "url.scheme")])
def test_lint_runs_on_the_found_value(value, rid):
    facts = good(env_groups=[{"id": "evg-1", "name": "g", "updatedAt": "2026-01-05T10:00:00Z",
                              "envVars": [{"key": "REDIS_URL", "value": value}]}])
    assert rid in ids(facts, "fail")
    assert by_item(facts)[2] == "fail"


# ---- item 3 -----------------------------------------------------------------------------


@pytest.mark.parametrize("status, expected", [
    ("suspended", "fail"), ("unavailable", "fail"), ("recovery_failed", "fail"),
    ("creating", "warn"), ("maintenance_in_progress", "warn"), ("config_restart", "warn"),
    ("updating_instance", "warn"), ("maintenance_scheduled", "warn"), ("unknown", "unknown"),
])
def test_instance_statuses_are_explained(status, expected):
    facts = good(key_value=key_value(status=status))
    r = next(r for r in run_checks(facts) if r.id == "kv.status")
    assert r.status == expected
    if expected != "unknown":
        assert r.cause and r.fix and status in r.message


def test_instance_not_found_is_a_failure():
    facts = good(key_value=None, connection_info=None,
                 errors={"key_value": "Not found on Render (404)", "key_value_status": "404"})
    r = next(r for r in run_checks(facts) if r.item == 3 and r.status != "ok")
    assert r.id == "kv.not-found" and r.status == "fail" and by_item(facts)[3] == "fail"
    assert by_item(facts)[5] == "unknown" and by_item(facts)[8] == "unknown"


def test_instance_unreadable_is_unknown():
    facts = good(key_value=None, connection_info=None,
                 errors={"key_value": "The Render API rejected the API key (401)", "key_value_status": "401",
                         "connection_info": "The Render API rejected the API key (401)"})
    got = by_item(facts)
    assert got[3] == got[4] == got[5] == got[8] == "unknown"


def test_non_render_host_is_unknown_not_failed():
    url = "rediss://default:pw@eu1-fine-cat-123.upstash.io:6379"
    facts = good(env_groups=[{"id": "g", "name": "g", "updatedAt": "2026-01-05T10:00:00Z",
                              "envVars": [{"key": "REDIS_URL", "value": url}]}], key_value=None, connection_info=None)
    got = by_item(facts)
    assert got[3] == "unknown" and got[1] == "ok"


# ---- item 4 -----------------------------------------------------------------------------


def test_external_url_from_render_is_a_warning_with_the_internal_url_as_fix():
    facts = good(env_groups=[{"id": "g", "name": "g", "updatedAt": "2026-01-05T10:00:00Z",
                              "envVars": [{"key": "REDIS_URL", "value": EXTERNAL}]}])
    results = run_checks(facts)
    r = next(r for r in results if r.item == 4 and r.status != "ok")
    assert r.id == "kv.external-url" and r.status == "warn" and INTERNAL in r.fix
    assert "tls.external-from-render" not in {x.id for x in results}  # replaced, not repeated
    assert all(PASSWORD not in (x.value or "") + x.message + x.cause + x.fix for x in results)


def test_internal_auth_enabled_but_url_without_password():
    info = {"internalConnectionString": f"redis://default:{PASSWORD}@{KID}:6379", "externalConnectionString": EXTERNAL}
    facts = good(connection_info=info)
    r = next(r for r in run_checks(facts) if r.id == "kv.url-mismatch")
    assert "NOAUTH" in r.cause and PASSWORD not in r.fix
    assert by_item(facts)[4] == "fail"


def test_wrong_port_and_password_are_named():
    url = f"redis://default:wrong@{KID}:6380"
    info = {"internalConnectionString": f"redis://default:{PASSWORD}@{KID}:6379", "externalConnectionString": EXTERNAL}
    facts = good(connection_info=info, env_groups=[{"id": "g", "name": "g", "updatedAt": "2026-01-05T10:00:00Z",
                                                     "envVars": [{"key": "REDIS_URL", "value": url}]}])
    r = next(r for r in run_checks(facts) if r.id == "kv.url-mismatch")
    assert "port 6380 instead of 6379" in r.message and "different password" in r.message


def test_database_number_alone_is_not_a_mismatch():
    facts = good(env_groups=[{"id": "g", "name": "g", "updatedAt": "2026-01-05T10:00:00Z",
                              "envVars": [{"key": "REDIS_URL", "value": INTERNAL + "/2"}]}])
    assert by_item(facts)[4] == "ok"


def test_rediss_to_internal_is_said_once():
    facts = good(env_groups=[{"id": "g", "name": "g", "updatedAt": "2026-01-05T10:00:00Z",
                              "envVars": [{"key": "REDIS_URL", "value": f"rediss://{KID}:6379"}]}])
    bad = [r.id for r in run_checks(facts) if r.item == 4 and r.status == "fail"]
    assert bad == ["tls.internal-rediss"]


def test_connection_info_unreadable_is_unknown():
    facts = good(connection_info=None, errors={"connection_info": "The Render API answered 500"})
    r = next(r for r in run_checks(facts) if r.item == 4 and r.status == "unknown")
    assert "500" in r.message


# ---- item 5 -----------------------------------------------------------------------------


def test_region_mismatch_fails_for_internal_url():
    facts = good(key_value=key_value(region="frankfurt"))
    r = next(r for r in run_checks(facts) if r.id == "kv.region")
    assert r.status == "fail" and r.severity == Severity.CRITICAL and "ENOTFOUND" in r.cause


def test_workspace_mismatch_fails():
    facts = good(key_value=key_value(owner={"id": "tea-other"}))
    assert "kv.workspace" in ids(facts, "fail")


def test_static_site_has_no_region():
    facts = good(service=service(type="static_site", serviceDetails={}))
    assert by_item(facts)[5] == "unknown"


# ---- item 6 -----------------------------------------------------------------------------


def test_env_group_changed_after_the_live_deploy():
    facts = good(env_groups=[{"id": "g", "name": "fylora-shared", "updatedAt": "2026-02-02T12:00:00.123456789Z",
                              "envVars": [{"key": "REDIS_URL", "value": INTERNAL}]}])
    r = next(r for r in run_checks(facts) if r.id == "deploy.stale-env")
    assert r.status == "fail" and "Redeploy" in r.fix and "2026-02-02 12:00 UTC" in r.message


def test_no_live_deploy_and_failed_latest():
    facts = good(deploys=[{"id": "dep-1", "status": "build_failed", "startedAt": "2026-02-01T09:00:00Z"}])
    assert "deploy.no-live" in ids(facts, "fail")
    facts = good(deploys=[{"id": "dep-3", "status": "update_failed", "startedAt": "2026-02-03T09:00:00Z"}]
                 + good().deploys)
    assert "deploy.latest-failed" in ids(facts, "warn")
    facts = good(deploys=[])
    assert "deploy.none" in ids(facts, "fail")


def test_suspended_service():
    facts = good(service=service(suspended="suspended", suspenders=["billing"]))
    r = next(r for r in run_checks(facts) if r.id == "deploy.suspended")
    assert r.status == "fail" and "billing" in r.message


def test_deploys_unreadable_is_unknown():
    facts = good(deploys=None, errors={"deploys": "Not found on Render (404)"})
    assert by_item(facts)[6] == "unknown"


# ---- item 7 -----------------------------------------------------------------------------


def test_logs_failing_fail_the_item_with_the_root_cause():
    d = diagnosis("failing", ("redis-econnrefused",), "redis-econnrefused")
    facts = good(diagnosis=d)
    r = next(r for r in run_checks(facts) if r.item == 7)
    assert r.status == "fail" and "redis-econnrefused" in r.message and r.severity == Severity.CRITICAL


def test_logs_recovered_is_ok():
    facts = good(diagnosis=diagnosis("recovered", ("redis-econnrefused", "redis-cache-connected"), "redis-econnrefused"))
    r = next(r for r in run_checks(facts) if r.item == 7)
    assert r.status == "ok" and "recovered" in r.message


@pytest.mark.parametrize("facts_kw, why", [
    ({"diagnosis": None, "errors": {"logs": "The Render API answered 500"}}, "500"),
    ({"diagnosis": diagnosis("unknown", ()), "log_count": 12}, "no Redis line"),
    ({"diagnosis": diagnosis("unknown", ()), "log_count": 0}, "no log lines"),
])
def test_logs_unknown_paths(facts_kw, why):
    r = next(r for r in run_checks(good(**facts_kw)) if r.item == 7)
    assert r.status == "unknown" and why in r.message


# ---- item 8 -----------------------------------------------------------------------------


def test_noeviction_for_a_cache_warns_and_fails_with_oom_in_logs():
    facts = good(key_value=key_value(options={"maxmemoryPolicy": "noeviction"}))
    assert "kv.maxmemory" in ids(facts, "warn")
    oom = diagnosis("failing", ("redis-oom",), "redis-oom")
    facts = good(key_value=key_value(options={"maxmemoryPolicy": "noeviction"}), diagnosis=oom)
    assert "kv.maxmemory" in ids(facts, "fail")


def test_eviction_policy_for_queues_fails():
    facts = good(use="queue")
    assert "kv.maxmemory" in ids(facts, "fail")
    facts = good(use="queue", key_value=key_value(options={"maxmemoryPolicy": "noeviction"}))
    assert "kv.maxmemory" in ids(facts, "ok")


def test_free_plan_and_persistence_off():
    assert "kv.persistence" in ids(good(key_value=key_value(plan="free")), "warn")
    assert "kv.persistence" in ids(good(key_value=key_value(options={"maxmemoryPolicy": "allkeys_lru",
                                                                          "persistenceMode": "off"})), "warn")


def test_external_url_with_empty_allowlist_fails():
    facts = good(env_groups=[{"id": "g", "name": "g", "updatedAt": "2026-01-05T10:00:00Z",
                              "envVars": [{"key": "REDIS_URL", "value": EXTERNAL}]}],
                 key_value=key_value(ipAllowList=None))
    r = next(r for r in run_checks(facts) if r.id == "kv.allowlist")
    assert r.status == "fail" and "allowlist" in r.cause


def test_open_allowlist_warns():
    facts = good(key_value=key_value(ipAllowList=[{"cidrBlock": "0.0.0.0/0", "description": "everywhere"}]))
    assert "kv.allowlist" in ids(facts, "warn")


# ---- robustness and exit semantics --------------------------------------------------------


def test_odd_api_data_never_raises():
    weird = good(service={"id": SID}, env_vars=[{"key": "REDIS_URL", "value": None}, {"nokey": 1}],
                 env_groups=[{"envVars": None}], key_value={"status": None, "options": None, "ipAllowList": "x"},
                 connection_info={}, deploys=[{"status": "live"}, {}])
    results = run_checks(copy.deepcopy(weird))
    assert {s.item for s in summarize(results)} == set(range(1, 11))


def test_nothing_fetched_is_all_unknown_and_never_fails():
    errors = {k: "The Render API answered 503" for k in
              ("service", "env_vars", "env_groups", "key_value", "connection_info", "deploys", "logs")}
    results = run_checks(Facts(errors=errors))
    assert {s.status for s in summarize(results)} == {"unknown"}
    assert not worst_failure(results, Severity.INFO)


def test_fail_on_threshold():
    results = run_checks(good(key_value=key_value(options={"maxmemoryPolicy": "noeviction"})))
    assert not worst_failure(results, Severity.ERROR)
    assert worst_failure(results, Severity.WARNING)


def test_parse_ts_reads_api_timestamps():
    assert parse_ts("2026-02-02T12:00:00.123456789Z").microsecond == 123456
    assert parse_ts("2021-07-15T07:20:05.777035-07:00").hour == 14
    assert parse_ts("nope") is None and parse_ts(None) is None


def test_logs_saying_unset_prove_a_missing_redeploy():
    ev = Evidence("render:x", 1, "2026-02-01T10:00:00Z", "t7v9k")
    d = Diagnosis(Verdict("failing", "redis-url-not-set", ev),
                  [Finding("redis-url-not-set", Severity.CRITICAL, 3, ev, ev, [], {}, "REDIS_URL is NOT set")], [], Stats())
    for env in ({}, {"env_vars": [{"key": "REDIS_URL", "value": INTERNAL}], "env_groups": []}):
        facts = good(diagnosis=d, **env)
        r = next(r for r in run_checks(facts) if r.item == 6 and r.status != "ok")
        assert r.id == "deploy.stale-env" and r.status == "fail" and "NOT set" in r.message
    # a line from before the live deploy says nothing about it
    old = Evidence("render:x", 1, "2026-01-20T10:00:00Z", "t7v9k")
    d.findings[0].last = old
    assert by_item(good(diagnosis=d))[6] == "ok"


def test_symbols_agree_with_severities():
    """❌ is error or worse, ⚠️ is a warning: the exit code and the symbol never disagree."""
    scenarios = [
        good(),
        good(key_value=key_value(region="ohio", owner={"id": "tea-x"}, plan="free", ipAllowList=None,
                                 options={"maxmemoryPolicy": "noeviction"})),
        good(env_groups=[{"id": "g", "name": "g", "updatedAt": "2027-01-01T00:00:00Z",
                          "envVars": [{"key": "REDIS_URL", "value": EXTERNAL + " "}]}],
             key_value=key_value(region="ohio", owner={"id": "tea-x"}, status="suspended")),
        good(use="queue", deploys=[{"id": "d", "status": "build_failed"}], diagnosis=diagnosis("degraded", (), None)),
    ]
    for facts in scenarios:
        for r in run_checks(facts):
            if r.status == "fail":
                assert r.severity >= Severity.ERROR, r
            if r.status == "warn":
                assert r.severity == Severity.WARNING, r


def test_wrong_scheme_is_item_2_only():
    facts = good(env_groups=[{"id": "g", "name": "g", "updatedAt": "2026-01-05T10:00:00Z",
                              "envVars": [{"key": "REDIS_URL", "value": f"reddis://{KID}:6379"}]}])
    got = by_item(facts)
    assert got[2] == "fail" and got[3] == "ok" and got[4] == "unknown" and got[5] == "ok"
