"""The Render API client against the fake Render API over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analyzer.render.api import (  # noqa: E402
    AuthError,
    BadRequestError,
    ConfigError,
    ForbiddenError,
    LogQuery,
    NotFoundError,
    RenderClient,
    ResolveError,
    RetriesExhausted,
    RetryPolicy,
    load_api_key,
    normalize_base_url,
    resolve_window,
    ts_ns,
)
from tests.conftest import NOW, NOW_NS, TEST_NOW  # noqa: E402
from tests.fake_render_api import FakeData, FakeRender, format_ns  # noqa: E402

OWNER = "tea-testowner0000000000"
FAST = RetryPolicy(backoff_base=0.01, backoff_cap=0.05, timeout=2.0, connect_timeout=2.0)


def make_data(n_logs: int = 0, *, span_s: float = 3000.0, same_ts_every: int = 0) -> tuple[FakeData, dict]:
    data = FakeData()
    data.add_owner(OWNER, "Test workspace")
    svc = data.add_service("api", "srv-apiapiapiapiapiapi0001", owner_id=OWNER)
    end = NOW_NS - 5_000_000_000
    step = int(span_s * 1e9 / max(1, n_logs))
    logs = []
    for i in range(n_logs):
        ns = end - (n_logs - i) * step
        if same_ts_every and i % same_ts_every:
            ns = end - (n_logs - (i - i % same_ts_every)) * step  # groups sharing one timestamp
        level = "error" if i % 10 == 0 else "info"
        logs.append(data.logs.make(f"line {i}", resource=svc["id"], ns=ns, level=level,
                                   instance=f"{svc['id']}-inst{i % 3}"))
    data.logs.add(logs)
    return data, svc


def window(hours: float = 2) -> tuple[datetime, datetime]:
    now = NOW
    return now - timedelta(hours=hours), now


def query(svc: dict, **kw) -> LogQuery:
    start, end = window()
    return LogQuery(OWNER, [svc["id"]], start, end, **kw)


def raw_get(fake: FakeRender, path: str, params=None, key: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key or fake.api_key}"}
    return httpx.get(fake.url + path, params=params, headers=headers, timeout=5)


# --------------------------------------------------------------------------- the fake follows the spec


def test_fake_logs_requires_owner_and_resource():
    data, svc = make_data(5)
    with FakeRender(data) as fake:
        r = raw_get(fake, "/logs", [("resource", svc["id"])])
        assert r.status_code == 400 and "ownerId" in r.json()["message"]
        r = raw_get(fake, "/logs", [("ownerId", OWNER)])
        assert r.status_code == 400 and "resource" in r.json()["message"]
        r = raw_get(fake, "/logs", [("ownerId", OWNER), ("resource", svc["id"])])
        assert r.status_code == 200
        body = r.json()
        assert set(body) == {"hasMore", "nextStartTime", "nextEndTime", "logs"}
        assert all(set(log) == {"id", "message", "timestamp", "labels"} for log in body["logs"])
        for h in ("Ratelimit-Limit", "Ratelimit-Remaining", "Ratelimit-Reset"):
            assert h in r.headers


def test_fake_limit_bounds_and_default():
    data, svc = make_data(50)
    with FakeRender(data) as fake:
        base = [("ownerId", OWNER), ("resource", svc["id"])]
        assert len(raw_get(fake, "/logs", base).json()["logs"]) == 20  # default 20
        for bad in ("0", "1001", "x"):
            assert raw_get(fake, "/logs", base + [("limit", bad)]).status_code == 400
        fake.max_log_limit = 100  # strictly the spec
        assert raw_get(fake, "/logs", base + [("limit", "101")]).status_code == 400
        assert raw_get(fake, "/logs", base + [("limit", "100")]).status_code == 200
        assert raw_get(fake, "/services", [("limit", "101")]).status_code == 400


def test_fake_repeated_parameters_or_within_and_across():
    data, svc = make_data(30)
    other = data.add_service("other", "srv-otherotherotherothe1", owner_id=OWNER)
    data.logs.add([data.logs.make("other line", resource=other["id"], ns=NOW_NS - 10**9)])
    with FakeRender(data) as fake:
        base = [("ownerId", OWNER), ("limit", "100")]
        both = raw_get(fake, "/logs", base + [("resource", svc["id"]), ("resource", other["id"])]).json()["logs"]
        assert len(both) == 31
        errors = raw_get(fake, "/logs", base + [("resource", svc["id"]), ("level", "error")]).json()["logs"]
        assert len(errors) == 3
        lv = raw_get(fake, "/logs", base + [("resource", svc["id"]), ("level", "error"), ("level", "info")]).json()
        assert len(lv["logs"]) == 30
        inst = raw_get(fake, "/logs", base + [("resource", svc["id"]), ("level", "error"),
                                               ("instance", f"{svc['id']}-inst0")]).json()["logs"]
        assert [log["message"] for log in inst] == ["line 0"]  # errors are 0, 10, 20; inst0 is i % 3 == 0
        text = raw_get(fake, "/logs", base + [("resource", svc["id"]), ("text", "line 1*")]).json()["logs"]
        assert {log["message"] for log in text} == {"line 1"} | {f"line {i}" for i in range(10, 20)}
        regex = raw_get(fake, "/logs", base + [("resource", svc["id"]), ("text", "/line 2[0-3]$/")]).json()["logs"]
        assert len(regex) == 4


def test_fake_errors_have_message_bodies():
    data, svc = make_data(1)
    with FakeRender(data) as fake:
        r = raw_get(fake, "/services/" + svc["id"], key="rnd_wrong")
        assert r.status_code == 401 and r.json() == {"message": "unauthorized"}
        r = raw_get(fake, "/services/srv-doesnotexist0000000")
        assert r.status_code == 404 and r.json() == {"message": "not found: srv-doesnotexist0000000"}
        r = httpx.get(fake.url + "/services", headers={"Authorization": f"Bearer {fake.api_key}",
                                                       "Accept": "text/html"})
        assert r.status_code == 406 and "message" in r.json()


def test_fake_cursor_pagination_and_name_filter():
    data, svc = make_data(0)
    for i in range(130):
        data.add_env_var(svc["id"], f"K{i:03d}", f"v{i}")
    for i in range(25):
        data.add_service(f"svc-{i}", owner_id=OWNER)
    with FakeRender(data) as fake:
        first = raw_get(fake, f"/services/{svc['id']}/env-vars", [("limit", "100")]).json()
        assert len(first) == 100 and set(first[0]) == {"envVar", "cursor"}
        rest = raw_get(fake, f"/services/{svc['id']}/env-vars", [("limit", "100"), ("cursor", first[-1]["cursor"])]).json()
        assert len(rest) == 30 and rest[0]["envVar"]["key"] == "K100"
        end = raw_get(fake, f"/services/{svc['id']}/env-vars", [("limit", "100"), ("cursor", rest[-1]["cursor"])]).json()
        assert end == []
        assert len(raw_get(fake, "/services").json()) == 20  # default limit
        named = raw_get(fake, "/services", [("name", "svc-3,svc-4")]).json()  # style form, explode false
        assert sorted(item["service"]["name"] for item in named) == ["svc-3", "svc-4"]


# --------------------------------------------------------------------------- pagination


def test_10000_logs_over_100_pages_exactly_once_with_limit_fallback():
    data, svc = make_data(10_000)
    with FakeRender(data) as fake:
        fake.max_log_limit = 100  # the spec's maximum: limit=1000 gets a 400, the client falls back
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        res = client.fetch_logs(query(svc))
    assert res.complete and res.error is None
    assert res.page_limit == 100
    assert res.pages == 100
    ids = [log["id"] for log in res.read()]
    assert len(ids) == 10_000 == len(set(ids))
    assert [log["message"] for log in res.read()] == [f"line {i}" for i in range(10_000)]
    log_requests = fake.log_requests()
    assert [r.query["limit"] for r in log_requests[:2]] == [["1000"], ["100"]]
    assert len(log_requests) == 101


def test_large_pages_echo_next_times_and_dedupe_overlapping_pages():
    data, svc = make_data(10_000, same_ts_every=7)
    with FakeRender(data) as fake:
        fake.overlap_pages = True  # each page re-includes the boundary: duplicates to drop
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        res = client.fetch_logs(query(svc))
        reqs = fake.log_requests()
    assert res.complete and res.page_limit == 1000
    assert res.count == 10_000 == len({log["id"] for log in res.read()})
    assert res.duplicates > 0
    times = [ts_ns(log["timestamp"]) for log in res.read()]
    assert times == sorted(times)
    # every later request echoes the previous page's nextStartTime/nextEndTime and keeps the filters
    for r in reqs[1:]:
        assert r.query["resource"] == [svc["id"]] and r.query["ownerId"] == [OWNER]
        assert r.query["direction"] == ["backward"]


def test_forward_direction_and_server_filters_passed_through():
    data, svc = make_data(3000)
    with FakeRender(data) as fake:
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        res = client.fetch_logs(query(svc, direction="forward", levels=["error"], texts=["line*"],
                                      instances=[f"{svc['id']}-inst0"]))
        r0 = fake.log_requests()[0]
    assert res.complete
    assert {log["message"] for log in res.read()} == {f"line {i}" for i in range(0, 3000, 30)}
    assert r0.query["level"] == ["error"] and r0.query["text"] == ["line*"]
    assert r0.query["instance"] == [f"{svc['id']}-inst0"]


# --------------------------------------------------------------------------- faults


@pytest.mark.slow
def test_429_storm_is_waited_out_without_hammering():
    data, svc = make_data(2500)
    with FakeRender(data) as fake:
        fake.add_fault("429", 3, after=1, retry_after=1)
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        t0 = time.monotonic()
        res = client.fetch_logs(query(svc))
        elapsed = time.monotonic() - t0
        assert res.complete and res.count == 2500
        assert fake.early_requests == []  # no request while a Retry-After said to wait
        statuses = [r.status for r in fake.log_requests()]
        assert statuses.count(429) == 3
        assert elapsed >= 3.0
        assert client.waited_s >= 3.0


@pytest.mark.slow
def test_rate_limit_headers_pace_the_client():
    data, svc = make_data(6000)
    with FakeRender(data) as fake:
        fake.rate_limit, fake.rate_window = 2, 1.0  # two requests a second
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        res = client.fetch_logs(query(svc))
        assert res.complete and res.count == 6000 and res.requests == 6
        # Ratelimit-Remaining: 0 made the client wait for Ratelimit-Reset instead of drawing 429s
        assert [r.status for r in fake.requests].count(429) == 0
        assert fake.early_requests == []


def test_503_burst_is_retried_with_backoff():
    data, svc = make_data(2500)
    with FakeRender(data) as fake:
        fake.add_fault("503", 4, after=1, retry_after=None)
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        waits: list[str] = []
        client.progress.waiting = lambda s, why: waits.append(why)  # type: ignore[method-assign]
        res = client.fetch_logs(query(svc))
    assert res.complete and res.count == 2500
    assert sum("retry" in w for w in waits) == 4


def test_backoff_is_exponential_and_capped():
    client = RenderClient("rnd_x", "http://127.0.0.1:9", policy=RetryPolicy(backoff_base=1, backoff_cap=8, jitter=0.25))
    delays = [client._backoff(n) for n in range(1, 8)]
    assert 1 <= delays[0] <= 1.4 and 2 <= delays[1] <= 2.6 and 4 <= delays[2] <= 5.1
    assert all(d <= 8 for d in delays) and delays[-1] == 8


def test_page_that_never_answers_times_out_and_is_retried():
    data, svc = make_data(2500)
    with FakeRender(data) as fake:
        fake.add_fault("hang", 1, after=1, hang_seconds=10)
        policy = RetryPolicy(backoff_base=0.01, backoff_cap=0.05, timeout=0.5)
        client = RenderClient(fake.api_key, fake.url, policy=policy)
        t0 = time.monotonic()
        res = client.fetch_logs(query(svc))
        elapsed = time.monotonic() - t0
    assert res.complete and res.count == 2500
    assert 0.5 <= elapsed < 5


def test_connection_reset_and_malformed_json_are_retried():
    data, svc = make_data(2500)
    with FakeRender(data) as fake:
        fake.add_fault("reset", 2, after=1)
        fake.add_fault("malformed", 2)
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        res = client.fetch_logs(query(svc))
    assert res.complete and res.count == 2500


def test_retries_exhausted_half_way_keeps_what_was_fetched():
    data, svc = make_data(5000)
    with FakeRender(data) as fake:
        fake.add_fault("500", -1, after=2)
        client = RenderClient(fake.api_key, fake.url, policy=RetryPolicy(max_retries=2, backoff_base=0.01))
        res = client.fetch_logs(query(svc))
    assert not res.complete and isinstance(res.error, RetriesExhausted)
    assert res.pages == 2 and res.count == 2000
    # backward: the newest 2000 logs were fetched; the window's older part is missing
    assert [log["message"] for log in res.read()] == [f"line {i}" for i in range(3000, 5000)]
    assert res.missing_end == data.logs.all()[3000]["timestamp"]
    assert "stopped after 2 page(s)" in res.incomplete and "were not fetched" in res.incomplete


def test_fatal_error_half_way_is_reported_not_raised():
    data, svc = make_data(3000)
    with FakeRender(data) as fake:
        fake.add_fault("401", -1, after=1)
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        res = client.fetch_logs(query(svc))
    assert isinstance(res.error, AuthError) and res.pages == 1 and res.count == 1000


def test_http_errors_are_one_sentence():
    data, svc = make_data(1)
    data.add_owner("tea-otherowner000000000", "Other")
    hidden = data.add_service("hidden", "srv-hiddenhiddenhidden01", owner_id="tea-otherowner000000000")
    with FakeRender(data) as fake:
        fake.api_keys[fake.api_key] = {OWNER}
        bad = RenderClient("rnd_bad_key_123", fake.url, policy=FAST)
        with pytest.raises(AuthError) as e401:
            bad.get_service(svc["id"])
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        with pytest.raises(NotFoundError) as e404:
            client.get_service(hidden["id"])
        denied = client.fetch_logs(LogQuery("tea-otherowner000000000", [hidden["id"]], *window()))
        assert isinstance(denied.error, ForbiddenError) and denied.pages == 0
        res = client.fetch_logs(LogQuery(OWNER, [svc["id"]], *window(), limit=100))
        assert res.complete
        fake.max_log_limit = 100
        bad_window = client.fetch_logs(LogQuery(OWNER, [svc["id"]], window()[1], window()[0], limit=100))
        assert isinstance(bad_window.error, BadRequestError)
    for exc in (e401.value, e404.value):
        text = str(exc)
        assert text.count(".") >= 1 and "\n" not in text and "Traceback" not in text
    assert "401" in str(e401.value) and "RENDER_API_KEY" in str(e401.value)


# --------------------------------------------------------------------------- resolution and doctor helpers


def test_resolve_by_id_name_key_value_and_owner_override():
    data, svc = make_data(0)
    kv = data.add_key_value("cache", "red-cachecachecachecache01", owner_id=OWNER)
    with FakeRender(data) as fake:
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        by_id = client.resolve(svc["id"])
        assert (by_id.id, by_id.owner_id, by_id.name) == (svc["id"], OWNER, "api")
        assert client.resolve("api").id == svc["id"]
        assert client.resolve(kv["id"]).kind == "key_value"
        assert client.resolve("cache").id == kv["id"]
        assert client.resolve(svc["id"], owner="tea-override").owner_id == "tea-override"


def test_resolve_ambiguous_and_unknown_names_list_candidates():
    data, svc = make_data(0)
    data.add_owner("tea-second0000000000000", "Second")
    data.add_service("web", "srv-webwebwebwebwebweb001", owner_id=OWNER)
    data.add_service("web", "srv-webwebwebwebwebweb002", owner_id="tea-second0000000000000")
    data.add_service("fylora-backend", owner_id=OWNER)
    with FakeRender(data) as fake:
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        with pytest.raises(ResolveError) as amb:
            client.resolve("web")
        assert "srv-webwebwebwebwebweb001" in str(amb.value) and "srv-webwebwebwebwebweb002" in str(amb.value)
        assert client.resolve("web", owner="tea-second0000000000000").id == "srv-webwebwebwebwebweb002"
        with pytest.raises(ResolveError) as unk:
            client.resolve("fylora-backnd")
        assert "fylora-backend" in str(unk.value)


def test_doctor_helpers_read_every_page():
    data, svc = make_data(0)
    for i in range(250):
        data.add_env_var(svc["id"], f"VAR_{i}", str(i))
    data.add_env_var(svc["id"], "REDIS_URL", "redis://red-cachecachecachecache01:6379")
    kv = data.add_key_value("cache", "red-cachecachecachecache01", owner_id=OWNER)
    data.add_env_group("common-env", {"REDIS_TLS": "true"}, linked=[svc["id"]], owner_id=OWNER)
    data.add_env_group("unrelated", {"X": "1"}, owner_id=OWNER)
    for i in range(30):
        data.add_deploy(svc["id"], "live" if i % 2 else "build_failed", commit_message=f"c{i}")
    with FakeRender(data) as fake:
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        env = client.list_env_vars(svc["id"])
        assert len(env) == 251 and env[-1] == {"key": "REDIS_URL", "value": "redis://red-cachecachecachecache01:6379"}
        groups = client.list_env_groups_for_service(svc["id"])
        assert [g["name"] for g in groups] == ["common-env"] and groups[0]["envVars"] == [{"key": "REDIS_TLS", "value": "true"}]
        detail = client.get_key_value(kv["id"])
        assert detail["options"]["maxmemoryPolicy"] == "allkeys_lru" and detail["owner"]["id"] == OWNER
        info = client.get_connection_info(kv["id"])
        assert info["internalConnectionString"] == f"redis://{kv['id']}:6379"
        deploys = client.list_deploys(svc["id"])
        assert len(deploys) == 20 and deploys[0]["commit"]["message"] == "c29"
        assert len(client.list_deploys(svc["id"], limit=None)) == 30
        assert [o["id"] for o in client.list_owners()] == [OWNER]


# --------------------------------------------------------------------------- configuration and secrets


def test_base_url_and_key_sources(tmp_path):
    assert normalize_base_url(None) == "https://api.render.com/v1"
    assert normalize_base_url("https://api.render.com/v1/") == "https://api.render.com/v1"
    assert normalize_base_url("http://127.0.0.1:8765") == "http://127.0.0.1:8765/v1"
    assert load_api_key(env={"RENDER_API_KEY": " rnd_abc \n"}) == "rnd_abc"
    keyfile = tmp_path / "key"
    keyfile.write_text("\nrnd_from_file\n")
    assert load_api_key(keyfile, env={}) == "rnd_from_file"
    with pytest.raises(ConfigError) as none:
        load_api_key(env={})
    assert "RENDER_API_KEY" in str(none.value)
    with pytest.raises(ConfigError):
        load_api_key(env={"RENDER_API_KEY": "rnd with space"})


def test_windows():
    now = datetime(2026, 11, 26, 7, 0, tzinfo=timezone.utc)
    assert resolve_window("2h", None, None, now) == (now - timedelta(hours=2), now)
    assert resolve_window(None, None, None, now) == (now - timedelta(hours=1), now)
    s, e = resolve_window(None, "2026-11-26T06:00:00Z", "2026-11-26T06:30:00+00:00", now)
    assert (s.hour, s.minute, e.minute) == (6, 0, 30)
    with pytest.raises(ConfigError) as old:
        resolve_window("45d", None, None, now)
    assert "30d" in str(old.value) and "Hobby" in str(old.value)
    with pytest.raises(ConfigError):
        resolve_window(None, "2026-11-26T06:30:00Z", "2026-11-26T06:00:00Z", now)
    with pytest.raises(ConfigError):
        resolve_window("2h", "2026-11-26T06:00:00Z", None, now)
    with pytest.raises(ConfigError):
        resolve_window("2 hours", None, None, now)


def test_key_never_in_errors_or_repr():
    secret = "rnd_SuperSecretKey_0123456789"
    data, svc = make_data(1500)
    with FakeRender(data, api_key=secret) as fake:
        fake.add_fault("500", -1, after=1, message=f"echoing {secret} back")  # a hostile server
        client = RenderClient(secret, fake.url, policy=RetryPolicy(max_retries=1, backoff_base=0.01))
        res = client.fetch_logs(query(svc))
        fake.add_fault("403", 1, path="/v1/services/*", message=f"key {secret} denied")
        with pytest.raises(ForbiddenError) as e403:
            client.get_service(svc["id"])
    texts = [str(res.error), repr(res.error), res.incomplete or "", repr(client), str(e403.value),
             repr(e403.value), str(e403.value.args)]
    assert res.error is not None
    for text in texts:
        assert secret not in text
    assert "[redacted]" in str(e403.value)
