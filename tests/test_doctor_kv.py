"""`rla doctor`, the Key Value's own side (items 9-10), against the fake Render API over real HTTP:
metrics that corroborate or refute the app's log findings, in the documented response shape and in
the unconfirmed alternative, and the Key Value's own logs on the app's timeline.

App logs are real captures (samples/raw/redis-py: redis-py 8.1.0 against redis-server 7.0.15 at
maxmemory / maxclients), Key Value logs real redis-server output (samples/raw/redis-server)."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyzer.render.doctor import gather, run_checks, summarize  # noqa: E402
from analyzer.render.doctor_metrics import PLAN_LIMITS, KVSide, Series, check_metrics, parse_series, sparkline  # noqa: E402
from tests.conftest import NOW_NS  # noqa: E402
from tests.fake_render_api import FakeData, FakeRender  # noqa: E402
from tests.test_doctor_api import FAST, HEALTHY_LOGS, KID, RULES, SID, world  # noqa: E402

from analyzer.render.api import RenderClient  # noqa: E402

RAW = ROOT / "samples" / "raw"
MIN = 60 * 1_000_000_000
OOM_LOGS = (RAW / "redis-py" / "oom.log").read_text().splitlines()
MAXCLIENTS_LOGS = (RAW / "redis-py" / "maxclients.log").read_text().splitlines()
KV_RESTART = (RAW / "redis-server" / "kv-restart.log").read_text().splitlines()
APP_START = NOW_NS - 30 * MIN  # world() writes the app's lines from here, one a second


def run(data: FakeData, shape: str = "documented"):
    with FakeRender(data) as fake:
        fake.metrics_shape = shape
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        facts = gather(client, client.get_service(SID), rules=RULES, since="1h")
        client.close()
    results = run_checks(facts)
    return {s.item: s for s in summarize(results)}, results, facts


def series(value_at: dict[int, float], default: float) -> list[tuple[int, float]]:
    """One point a minute over the last hour; minute offsets (from APP_START) in value_at override."""
    out = []
    for m in range(-30, 30):
        out.append((APP_START + m * MIN, value_at.get(m, default)))
    return out


def by_id(results, rid):
    return [r for r in results if r.id == rid]


@pytest.mark.parametrize("shape", ["documented", "alternative"])
def test_oom_is_corroborated_by_memory_at_its_limit(shape):
    data = world(logs=OOM_LOGS, plan="free", maxmemory_policy="noeviction")
    full = 25 * 1024 * 1024
    data.add_metric(KID, "memory", series({0: full, 1: full}, 3 * 1024 * 1024), "bytes")  # replaces world()'s
    data.add_metric(KID, "memory-limit", series({}, full), "bytes")
    items, results, facts = run(data, shape)
    (mem,) = by_id(results, "kvm.memory")
    assert facts.diagnosis is not None and any(f.rule_id == "redis-oom" for f in facts.diagnosis.findings)
    assert mem.status == "fail" and mem.data["corroborates"] == "redis-oom", mem.message
    assert "25.0 MB of 25.0 MB (100%)" in mem.message and "policy noeviction" in mem.message
    # the limit: the memory-limit metric when served, the plan's table when not (the alternative: 404)
    assert mem.data["limit_from"] == ("memory-limit" if shape == "documented" else "plan free")
    assert items[9].status == "fail"


def test_oom_is_refuted_when_memory_stayed_low():
    data = world(logs=OOM_LOGS, plan="starter", maxmemory_policy="noeviction")
    data.add_metric(KID, "memory", series({}, 20 * 1024 * 1024), "bytes")
    _, results, _ = run(data)
    (mem,) = by_id(results, "kvm.memory")
    assert mem.status == "warn" and mem.data["refutes"] == "redis-oom", mem.message


@pytest.mark.parametrize("shape", ["documented", "alternative"])
def test_max_clients_is_corroborated_by_connections_at_the_plan_limit(shape):
    data = world(logs=MAXCLIENTS_LOGS, plan="starter")
    data.add_metric(KID, "active-connections", series({0: 250, 1: 249}, 40), "count")
    items, results, _ = run(data, shape)
    (con,) = by_id(results, "kvm.connections")
    assert con.status == "fail" and con.data["corroborates"] == "redis-max-clients", con.message
    assert "250 active connections" in con.message and "plan starter is 250" in con.message
    assert con.data["limit"] == PLAN_LIMITS["starter"].connections


def test_max_clients_is_refuted_when_connections_stayed_low():
    data = world(logs=MAXCLIENTS_LOGS, plan="standard")
    data.add_metric(KID, "active-connections", series({}, 30), "count")
    _, results, _ = run(data)
    (con,) = by_id(results, "kvm.connections")
    assert con.status == "warn" and con.data["refutes"] == "redis-max-clients"


@pytest.mark.parametrize("shape", ["documented", "alternative"])
def test_claimed_healthy_connection_is_refuted_by_zero_connections(shape):
    data = world(logs=HEALTHY_LOGS)
    data.add_metric(KID, "active-connections", series({}, 0), "count")
    items, results, facts = run(data, shape)
    assert facts.diagnosis.verdict.state == "healthy"  # the logs alone say all is well
    (zero,) = by_id(results, "kvm.zero")
    assert zero.status == "fail" and zero.severity.label == "critical"
    assert "0 active connections" in zero.message and "talks to another Redis" in zero.message
    assert items[9].status == "fail" and items[7].status == "ok"


def test_unknown_plan_says_limit_unknown():
    data = world(logs=MAXCLIENTS_LOGS, plan="pro")
    data.add_metric(KID, "active-connections", series({0: 5000}, 100), "count")
    _, results, _ = run(data)
    (con,) = by_id(results, "kvm.connections")
    assert "limit unknown (plan pro)" in con.message and con.status == "ok"


def test_connection_leak_climbs_across_deploys():
    data = world(logs=HEALTHY_LOGS)
    # two deploys inside the window; connections climb in each period and fall at each deploy
    from tests.test_doctor_api import iso

    for minute in (-10, 10):
        dt = datetime.fromtimestamp((APP_START + minute * MIN) / 1e9, tz=timezone.utc)
        data.add_deploy(SID, "live", created_at=iso(dt))
    climb = {m: 10 + (m + 30) * 2 for m in range(-30, -10)}
    climb.update({m: 10 + (m + 10) * 2 for m in range(-10, 10)})
    climb.update({m: 10 + (m - 10) * 2 for m in range(10, 30)})
    data.add_metric(KID, "active-connections", series(climb, 10), "count")
    _, results, _ = run(data)
    (leak,) = by_id(results, "kvm.leak")
    assert leak.status == "warn" and "3 of 3 deploy periods" in leak.message, leak.message


def test_kv_logs_are_diagnosed_and_linked_to_the_app_timeline():
    # real redis-server output of a restart, at the time the app's errors start
    data = world(logs=MAXCLIENTS_LOGS, plan="starter")
    data.logs.add([data.logs.make(line, resource=KID, ns=APP_START + i * 10_000_000, instance=f"{KID}-0")
                   for i, line in enumerate(KV_RESTART)])
    items, results, _ = run(data)
    (restart,) = by_id(results, "kvl.redis-server-restarted")
    assert restart.status == "warn" and restart.data["count"] == 2
    assert "redis-max-clients" in [link["rule"] for link in restart.data["linked"]], restart.message
    assert items[10].status == "warn"


def test_kv_logs_misconf_fails_item_10():
    data = world()
    lines = (RAW / "redis-server" / "kv-misconf.log").read_text().splitlines()
    data.logs.add([data.logs.make(line, resource=KID, ns=APP_START + i * 10_000_000) for i, line in enumerate(lines)])
    items, results, _ = run(data)
    assert by_id(results, "kvl.redis-misconf")[0].status == "fail"
    assert items[10].status == "fail"


def test_json_and_table_show_the_figures(capsys):
    from analyzer.cli.doctor import _render

    data = world(logs=HEALTHY_LOGS)
    data.add_metric(KID, "active-connections", series({}, 0), "count")
    _, results, facts = run(data)
    doc = json.loads(_render("json", {"mode": "service", "service": {"ref": SID}, "var": "REDIS_URL"}, results,
                             None, facts, RULES, None))
    item9 = next(i for i in doc["checklist"] if i["item"] == 9)
    zero = next(r for r in item9["results"] if r["id"] == "kvm.zero")
    assert zero["data"]["points"][0][1] == 0 and len(zero["data"]["points"]) >= 30
    table = _render("table", {"mode": "service", "service": {"ref": SID}, "var": "REDIS_URL"}, results, None,
                    facts, RULES, None)
    assert " ❌ 9. " in table and "0 active connections" in table


# ---- pure parts ----------------------------------------------------------------------------


def test_parse_series_reads_both_shapes_and_keeps_the_max_per_time():
    documented = [{"labels": [{"field": "resource", "value": KID}], "unit": "MB",
                   "values": [{"timestamp": "2026-01-05T10:00:00Z", "value": 1}, {"timestamp": "2026-01-05T10:01:00Z", "value": 3}]},
                  {"labels": [{"field": "resource", "value": KID}], "unit": "MB",
                   "values": [{"timestamp": "2026-01-05T10:00:00Z", "value": 2}]},
                  {"labels": [{"field": "resource", "value": "red-other"}], "unit": "MB",
                   "values": [{"timestamp": "2026-01-05T10:00:00Z", "value": 99}]}]
    s = parse_series("memory", documented, KID)
    assert [v for _, v in s.points] == [2, 3] and s.bytes_factor() == 1024 * 1024
    wrapped = {"items": [{"labels": [], "unit": "GB", "values": [{"timestamp": 1767607200, "value": "0.5"}]}]}
    s = parse_series("memory", wrapped)
    assert s.points == [(datetime(2026, 1, 5, 10, 0, tzinfo=timezone.utc), 0.5)]
    assert parse_series("memory", {"message": "odd"}).points == []
    assert parse_series("memory", "garbage").points == []


def test_unknown_unit_is_never_turned_into_bytes():
    t = datetime(2026, 1, 5, 10, 0, tzinfo=timezone.utc)
    side = KVSide(KID, plan="free", series={"memory": Series("memory", [(t, 24.0)], "units")})
    (mem,) = [r for r in check_metrics(side, None) if r.id == "kvm.memory"]
    assert mem.status == "ok" and "limit unknown" in mem.message and "24 units" in mem.message


def test_sparkline():
    assert sparkline([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█"
    assert sparkline([5, 5], top=10) == "▅▅"
    assert sparkline([]) == "" and len(sparkline(list(range(100)), width=24)) == 24


def test_spark_lines_under_the_item():
    from analyzer.cli.doctor import spark_lines

    t = datetime(2026, 1, 5, 10, 0, tzinfo=timezone.utc)
    pts = [(t.replace(minute=m), float(m)) for m in range(8)]
    side = KVSide(KID, plan="starter", series={"active-connections": Series("active-connections", pts, "count")})
    lines = spark_lines(check_metrics(side, None))
    assert lines == ["      connections  ▁▁▁▁▁▁▁▁"]  # 7 of 250: flat against the plan's limit
