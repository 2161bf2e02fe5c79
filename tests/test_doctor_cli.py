"""`rla doctor` as a user runs it: offline lint with no key and no network, the service
checklist against the fake Render API, formats, exit codes, user errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fake_render_api import FakeRender  # noqa: E402
from tests.test_doctor_api import EXTERNAL, FAILING_LOGS, INTERNAL, KID, PASSWORD, SID, world  # noqa: E402

API_KEY = "rnd_fakeTestKey0123456789"


def rla(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("RENDER_")}
    base.update({"NO_COLOR": "1", "RLA_LANG": "en", "PYTHONPATH": str(ROOT)})
    # offline runs get an API host that would fail loudly if anything tried to use it
    base.setdefault("RENDER_HOST", "http://127.0.0.1:9/v1")
    base.update(env or {})
    return subprocess.run([sys.executable, "-m", "analyzer", "doctor", *args], input=stdin, capture_output=True,
                          text=True, env=base, timeout=120, cwd=ROOT)


# ---- offline ----------------------------------------------------------------------------


def test_offline_good_url_exit_0_without_key_or_network():
    p = rla("--redis-url", INTERNAL)
    assert p.returncode == 0, p.stderr
    assert "✅ 2." in p.stdout and "✅ 3." in p.stdout and "✅ 4." in p.stdout
    assert "Items 1 and 5-10 need the service" in p.stdout
    assert p.stderr == ""


def test_offline_never_imports_the_api_client_or_httpx():
    code = ("import sys; from analyzer.cli.app import main; sys.argv=['rla','doctor','--redis-url','redis://x:1'];\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('LOADED', 'httpx' in sys.modules, 'analyzer.render.api' in sys.modules)")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert "LOADED False False" in p.stdout, p.stdout + p.stderr


@pytest.mark.parametrize("value, marker", [
    (INTERNAL + "\n", "whitespace at the end: a newline"),
    (f'"{INTERNAL}"', "wrapped in quotes"),
    (EXTERNAL.replace("rediss", "redis"), "plaintext redis:// to the external host"),
    (f"rediss://{KID}:p@ss@oregon-keyvalue.render.com:6379", "'@' not percent-encoded"),
    ("redis://::1:6379", "IPv6 address must be written in [brackets]"),
])
def test_offline_mistakes_exit_1_with_cause_and_fix(value, marker):
    p = rla("--redis-url", value)
    assert p.returncode == 1, p.stdout + p.stderr
    assert marker in p.stdout and "cause:" in p.stdout and "fix:" in p.stdout


def test_offline_missing_port_is_fine():
    p = rla("--redis-url", f"redis://{KID}")
    assert p.returncode == 0 and "default 6379" in p.stdout


def test_offline_value_from_stdin_and_redaction():
    p = rla("--redis-url", "-", stdin=EXTERNAL + "\n")
    assert p.returncode == 0, p.stdout  # one final newline from the pipe is dropped; external is a warning
    assert "⚠️" in p.stdout and PASSWORD not in p.stdout + p.stderr
    assert "«secret-1»" in p.stdout


def test_offline_fail_on_warning():
    assert rla("--redis-url", EXTERNAL, "--fail-on", "warning").returncode == 1
    assert rla("--redis-url", EXTERNAL + "\n", "--fail-on", "critical").returncode == 0


def test_offline_json():
    p = rla("--redis-url", f" {EXTERNAL}", "--format", "json")
    doc = json.loads(p.stdout)
    assert doc["mode"] == "offline" and doc["tool"]["command"] == "doctor"
    assert [c["item"] for c in doc["checklist"]] == [2, 3, 4]
    assert doc["checklist"][0]["status"] == "fail"
    ids = {r["id"] for c in doc["checklist"] for r in c["results"]}
    assert "url.whitespace" in ids
    assert PASSWORD not in p.stdout


def test_offline_markdown():
    p = rla("--redis-url", f"reddis://{KID}:6379", "--format", "markdown")
    assert p.stdout.startswith("### rla doctor") and "| ❌ | 2." in p.stdout and "url.scheme" in p.stdout


# ---- user errors ------------------------------------------------------------------------


@pytest.mark.parametrize("args, env, sentence", [
    ((SID, "--redis-url", INTERNAL), {}, "not both"),
    ((), {}, "Name a service"),
    ((SID,), {}, "No Render API key"),
    ((SID, "--since", "yesterday"), {"RENDER_API_KEY": API_KEY}, "Bad time window"),
    ((SID, "--format", "xml"), {}, "xml"),
])
def test_user_errors_are_one_sentence_exit_2(args, env, sentence):
    p = rla(*args, env=env)
    assert p.returncode == 2, p.stdout + p.stderr
    assert sentence in p.stderr and "Traceback" not in p.stderr


# ---- against the fake API ------------------------------------------------------------------


@pytest.fixture
def fake():
    with FakeRender(world()) as f:
        yield f


def online(fake: FakeRender, *args: str) -> subprocess.CompletedProcess:
    return rla(*args, env={"RENDER_HOST": fake.url, "RENDER_API_KEY": fake.api_key})


def test_service_all_ok_exit_0(fake):
    p = online(fake, SID)
    assert p.returncode == 0, p.stdout + p.stderr
    for i in range(1, 11):
        assert f"✅ {i}." in p.stdout
    assert "Log diagnosis (the last 1h" in p.stdout
    assert fake.api_key not in p.stdout + p.stderr


def test_service_by_name_with_key_file(fake, tmp_path):
    keyfile = tmp_path / "key"
    keyfile.write_text(fake.api_key + "\n")
    p = rla("fylora-backend", "--api-key-file", str(keyfile), "--api-url", fake.url)
    assert p.returncode == 0, p.stdout + p.stderr


def test_service_failures_exit_1_and_json_is_complete():
    data = world(url=EXTERNAL, logs=FAILING_LOGS, maxmemory_policy="noeviction")
    data.key_values[KID]["region"] = "ohio"
    with FakeRender(data) as f:
        p = online(f, SID)
        j = online(f, SID, "--format", "json")
    assert p.returncode == 1
    # with the external URL a region mismatch is slow, not broken: a warning
    assert "⚠️  5." in p.stdout and "❌ 7." in p.stdout and "❌ 8." in p.stdout and "⚠️  4." in p.stdout
    assert "What is wrong and what to do:" in p.stdout
    assert PASSWORD not in p.stdout + j.stdout
    doc = json.loads(j.stdout)
    assert doc["service"]["id"] == SID and doc["logs"]["diagnosis"]["verdict"]["state"] in ("failing", "degraded")
    status = {c["item"]: c["status"] for c in doc["checklist"]}
    assert status[7] == status[8] == "fail" and status[4] == status[5] == "warn"
    assert j.returncode == 1


def test_zero_connections_refute_healthy_logs_exit_1():
    from tests.test_doctor_api import HEALTHY_LOGS
    from tests.conftest import NOW_NS

    data = world(logs=HEALTHY_LOGS)
    data.add_metric(KID, "active-connections", [(NOW_NS - m * 60 * 10**9, 0) for m in range(60)], "count")
    with FakeRender(data) as f:
        p = online(f, SID)
        j = online(f, SID, "--format", "json")
    assert p.returncode == 1 and "✅ 7." in p.stdout and "❌ 9." in p.stdout, p.stdout
    assert "talks to another Redis" in p.stdout
    zero = [r for c in json.loads(j.stdout)["checklist"] for r in c["results"] if r["id"] == "kvm.zero"]
    assert zero and zero[0]["severity"] == "critical" and j.returncode == 1


def test_fail_on_critical_ignores_errors():
    with FakeRender(world(url=INTERNAL + "\n")) as f:  # whitespace is an error, not critical
        assert online(f, SID).returncode == 1
        assert online(f, SID, "--fail-on", "critical").returncode == 0


def test_unknown_service_name_is_a_user_error(fake):
    p = online(fake, "fylora-backnd")
    assert p.returncode == 2 and "Did you mean" in p.stderr and "fylora-backend" in p.stderr


def test_rejected_key_is_a_user_error(fake):
    p = rla(SID, env={"RENDER_HOST": fake.url, "RENDER_API_KEY": "rnd_wrongwrongwrong"})
    assert p.returncode == 2 and "401" in p.stderr and "rnd_wrongwrongwrong" not in p.stderr


def test_service_endpoint_down_is_one_sentence_exit_2(fake):
    """Without the service nothing can be checked: the reason once (it was on all eight items), exit 2."""
    fake.add_fault("500", -1, path=f"/v1/services/{SID}", retry_after=None)
    p = rla(SID, env={"RENDER_HOST": fake.url, "RENDER_API_KEY": fake.api_key, "RLA_BACKOFF_BASE": "0.01",
                      "RLA_BACKOFF_CAP": "0.02"})
    assert p.returncode == 2, p.stdout + p.stderr
    assert p.stdout == ""
    errors = [line for line in p.stderr.splitlines() if line.startswith("rla: error:")]
    assert errors == ["rla: error: The Render API failed 7 times in a row (the server answered 500)."]
    assert p.stderr.count("retrying (") == 6


def test_one_endpoint_401_marks_its_items_unknown(fake):
    fake.add_fault("401", -1, path=f"/v1/key-value/{KID}/connection-info")
    p = online(fake, SID, "--format", "json")
    doc = json.loads(p.stdout)
    status = {c["item"]: c["status"] for c in doc["checklist"]}
    assert status[4] == "unknown" and status[3] == "ok" and p.returncode == 0
    assert "connection_info" in doc["api_errors"]


def test_red_id_is_refused_with_a_hint(fake):
    p = online(fake, KID)
    assert p.returncode == 2 and "is a Key Value" in p.stderr
