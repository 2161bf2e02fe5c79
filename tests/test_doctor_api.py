"""`rla doctor` against the fake Render API over real HTTP: every item passing, failing, and "?"
when one endpoint answers 401, 404 or 500."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analyzer.render.doctor import gather, run_checks, summarize  # noqa: E402
from analyzer.engine.rules import load_rules  # noqa: E402
from analyzer.render.api import RenderClient, RetryPolicy  # noqa: E402
from tests.conftest import NOW, NOW_NS  # noqa: E402
from tests.fake_render_api import FakeData, FakeRender  # noqa: E402

OWNER = "tea-d1abc2def3ghi4jkl5mn"
SID = "srv-d1abc2def3ghi4jkl5mn"
KID = "red-d1abc2def3ghi4jkl5mn"
PASSWORD = "Zq9xT3vLwPp8sK2mN4bR7yH1cF6gJ0dA"
INTERNAL = f"redis://{KID}:6379"
EXTERNAL = f"rediss://{KID}:{PASSWORD}@oregon-keyvalue.render.com:6379"
FAST = RetryPolicy(max_retries=1, backoff_base=0.01, backoff_cap=0.02, timeout=3.0, connect_timeout=2.0)
RULES = load_rules()

HEALTHY_LOGS = ["🔄 Redis connecting...", "✅ Redis ready and connected", "✅ Redis cache connected successfully",
                "✅ Redis session store ready", "GET /api/files 200"]
FAILING_LOGS = ["🔄 Redis connecting...",
                "❌ Redis connection error: { message: 'connect ECONNREFUSED 10.214.3.7:6379', code: 'ECONNREFUSED', "
                "redisUrl: 'REDIS_URL is set' }",
                "⚠️  Redis connection failed, using memory cache"]


def iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def world(*, url: str = INTERNAL, where: str = "group", logs: list[str] = HEALTHY_LOGS, **kv_kw) -> FakeData:
    """A healthy account: REDIS_URL in a linked env group changed a day before the live deploy."""
    now = NOW
    data = FakeData()
    data.add_owner(OWNER, "Fylora")
    data.add_service("fylora-backend", SID, owner_id=OWNER)
    kv_args = dict(owner_id=OWNER, maxmemory_policy="allkeys_lru", password=PASSWORD)
    kv_args.update(kv_kw)
    data.add_key_value("fylora-cache", KID, **kv_args)
    data.add_env_var(SID, "NODE_ENV", "production")
    if where == "service":
        data.add_env_var(SID, "REDIS_URL", url)
        group_vars = {"CACHE_TTL": "300"}
    else:
        group_vars = {"REDIS_URL": url, "CACHE_TTL": "300"}
    group = data.add_env_group("fylora-shared", group_vars, linked=[SID], owner_id=OWNER)
    group["updatedAt"] = iso(now - timedelta(days=1))
    data.add_deploy(SID, "live", created_at=iso(now - timedelta(hours=2)), trigger="manual")
    start = NOW_NS - 30 * 60 * 1_000_000_000
    data.logs.add([data.logs.make(m, resource=SID, ns=start + i * 1_000_000_000, instance=f"{SID}-t7v9k")
                   for i, m in enumerate(logs)])
    # the Key Value's own side, healthy: 30 MB of 256, 12 connections, a server line (samples/raw/redis-server)
    minutes = [NOW_NS - (59 - m) * 60 * 1_000_000_000 for m in range(60)]
    data.add_metric(KID, "memory", [(ns, 30 * 1024 * 1024) for ns in minutes], "bytes")
    data.add_metric(KID, "memory-limit", [(ns, 256 * 1024 * 1024) for ns in minutes], "bytes")
    data.add_metric(KID, "active-connections", [(ns, 12) for ns in minutes], "count")
    data.logs.add([data.logs.make("7750:M 04 Dec 2026 19:27:40.386 * Ready to accept connections", resource=KID,
                                  ns=start, instance=f"{KID}-0")])
    return data


def doctor(data: FakeData, faults: list[tuple[str, str]] = (), **kw):
    with FakeRender(data) as fake:
        for kind, path in faults:
            fake.add_fault(kind, -1, path=path, retry_after=None)
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        service = client.get_service(SID)
        facts = gather(client, service, rules=RULES, since="1h", **kw)
        client.close()
    results = run_checks(facts)
    return {s.item: s for s in summarize(results)}, results, facts


def test_every_item_passes():
    items, results, facts = doctor(world())
    assert facts.errors == {}
    assert {i: s.status for i, s in items.items()} == {i: "ok" for i in range(1, 11)}, \
        [(r.id, r.status, r.message) for r in results if r.status != "ok"]
    assert "connected successfully" in items[7].message


def _tweak_region(d: FakeData) -> None:
    d.key_values[KID]["region"] = "frankfurt"


def _tweak_group_after_deploy(d: FakeData) -> None:
    for g in d.env_groups.values():
        g["updatedAt"] = iso(NOW - timedelta(minutes=5))


def _tweak_internal_auth(d: FakeData) -> None:
    d.connection_info[KID]["internalConnectionString"] = f"redis://default:{PASSWORD}@{KID}:6379"


def _tweak_no_live_deploy(d: FakeData) -> None:
    d.deploys[SID] = []
    d.add_deploy(SID, "build_failed")


def _tweak_suspended_service(d: FakeData) -> None:
    d.services[SID]["suspended"] = "suspended"
    d.services[SID]["suspenders"] = ["billing"]


# (what is wrong, world arguments, tweak, item, expected status, expected result id)
FAILURES: list[tuple[str, dict, Callable[[FakeData], None] | None, int, str, str]] = [
    ("REDIS_URL missing", {"url": INTERNAL, "where": "nowhere"}, None, 1, "fail", "env.missing"),
    ("trailing newline", {"url": INTERNAL + "\n"}, None, 2, "fail", "url.whitespace"),
    ("quotes in the value", {"url": f'"{INTERNAL}"'}, None, 2, "fail", "url.quotes"),
    ("reddis:// typo", {"url": f"reddis://{KID}:6379"}, None, 2, "fail", "url.scheme"),
    ("instance suspended", {"status": "suspended"}, None, 3, "fail", "kv.status"),
    ("instance being created", {"status": "creating"}, None, 3, "warn", "kv.status"),
    ("instance deleted", {"url": "redis://red-zzzzzzzzzzzzzzzzzzzz:6379"}, None, 3, "fail", "kv.not-found"),
    ("external URL from Render", {"url": EXTERNAL, "ip_allow_list": [{"cidrBlock": "203.0.113.0/24",
                                                                      "description": "office"}]},
     None, 4, "warn", "kv.external-url"),
    ("plaintext to the external host", {"url": EXTERNAL.replace("rediss", "redis")}, None, 4, "fail",
     "tls.external-plaintext"),
    ("internal auth enabled", {}, _tweak_internal_auth, 4, "fail", "kv.url-mismatch"),
    ("region mismatch", {}, _tweak_region, 5, "fail", "kv.region"),
    ("env group changed after deploy", {}, _tweak_group_after_deploy, 6, "fail", "deploy.stale-env"),
    ("no live deploy", {}, _tweak_no_live_deploy, 6, "fail", "deploy.no-live"),
    ("service suspended", {}, _tweak_suspended_service, 6, "fail", "deploy.suspended"),
    ("logs failing", {"logs": FAILING_LOGS}, None, 7, "fail", "logs.connected"),
    ("noeviction for a cache", {"maxmemory_policy": "noeviction"}, None, 8, "warn", "kv.maxmemory"),
    ("free plan", {"plan": "free"}, None, 8, "warn", "kv.persistence"),
    ("external URL, empty allowlist", {"url": EXTERNAL}, None, 8, "fail", "kv.allowlist"),
]


@pytest.mark.parametrize("why, world_kw, tweak, item, status, rid", FAILURES, ids=[f[0] for f in FAILURES])
def test_each_item_fails_with_its_cause_and_fix(why, world_kw, tweak, item, status, rid):
    world_kw = dict(world_kw)
    if world_kw.get("where") == "nowhere":
        world_kw["where"] = "group"
        data = world(**world_kw)
        for g in data.env_groups.values():
            g["envVars"] = [e for e in g["envVars"] if e["key"] != "REDIS_URL"]
    else:
        data = world(**world_kw)
    if tweak:
        tweak(data)
    items, results, _ = doctor(data)
    assert items[item].status == status, (why, [(r.id, r.status, r.message) for r in results if r.item == item])
    r = next(r for r in results if r.id == rid and r.status == status)
    assert r.cause and r.fix, why
    for x in results:
        assert PASSWORD not in f"{x.message} {x.cause} {x.fix} {x.value} {x.data}", x.id


ENDPOINTS = {
    # without the variable nothing downstream can be followed: items 3-6 and 8 wait for it
    "env-vars": (f"/v1/services/{SID}/env-vars", {"where": "service"}, [1, 2, 3, 4, 5, 6, 8, 9, 10]),
    "env-groups": ("/v1/env-groups", {}, [1, 2, 3, 4, 5, 6, 8, 9, 10]),
    "key-value": (f"/v1/key-value/{KID}", {}, [3, 4, 5, 8, 9, 10]),
    "connection-info": (f"/v1/key-value/{KID}/connection-info", {}, [4]),
    "deploys": (f"/v1/services/{SID}/deploys", {}, [6]),
    "logs": ("/v1/logs", {}, [7, 10]),  # the app's and the Key Value's logs: one endpoint
    "metrics": ("/v1/metrics/*", {}, [9]),
}


@pytest.mark.parametrize("status", ["401", "404", "500"])
@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_one_failing_endpoint_turns_only_its_items_into_unknown(endpoint, status):
    path, world_kw, blocked = ENDPOINTS[endpoint]
    items, results, facts = doctor(world(**world_kw), faults=[(status, path)])
    if endpoint == "key-value" and status == "404":
        # a 404 on the instance is an answer, not a failure to ask: the instance does not exist
        assert items[3].status == "fail" and any(r.id == "kv.not-found" for r in results)
        blocked = [4, 5, 8, 9, 10]
    for i, s in items.items():
        if endpoint == "key-value" and status == "404" and i == 3:
            continue
        if i in blocked:
            assert s.status == "unknown", (endpoint, status, i, s.message)
            assert s.message and s.message != "not checked"
        else:
            assert s.status == "ok", (endpoint, status, i, s.status, s.message)
    # the reason names the API's answer
    reasons = " ".join(items[i].message for i in blocked)
    assert status in reasons or "rejected the API key" in reasons, reasons


def test_env_vars_unreadable_but_variable_in_group_is_still_found():
    items, _, _ = doctor(world(), faults=[("401", f"/v1/services/{SID}/env-vars")])
    assert items[1].status == "ok" and "env group fylora-shared" in items[1].message


def test_everything_failing_never_raises():
    data = world()
    items, results, facts = doctor(data, faults=[("500", f"/v1/services/{SID}/env-vars"), ("500", "/v1/env-groups"),
                                                 ("500", f"/v1/services/{SID}/deploys"), ("500", "/v1/logs")])
    assert {s.status for s in items.values()} == {"unknown"}
    assert set(facts.errors) >= {"env_vars", "env_groups", "deploys", "logs"}


def test_env_var_pagination_and_other_redis_values():
    data = world(where="service")
    for i in range(230):  # three pages of env vars
        data.add_env_var(SID, f"VAR_{i:03d}", str(i))
    data.add_env_var(SID, "BULL_REDIS_URL", EXTERNAL)
    items, results, _ = doctor(data)
    assert items[1].status == "ok"
    other = next(r for r in results if r.id == "env.other-redis")
    assert "BULL_REDIS_URL" in other.message and PASSWORD not in other.message


def test_env_group_linked_to_another_service_is_ignored():
    data = world(where="service")
    data.add_service("other", "srv-otherotherotherothe", owner_id=OWNER)
    data.add_env_group("other-env", {"REDIS_URL": "redis://red-zzzzzzzzzzzzzzzzzzzz:6379"},
                       linked=["srv-otherotherotherothe"], owner_id=OWNER)
    items, results, _ = doctor(data)
    assert not any(r.id == "env.duplicate" for r in results)
    assert items[3].status == "ok"
