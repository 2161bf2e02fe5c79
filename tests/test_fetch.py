"""`rla fetch` as a user runs it: a real subprocess against the fake Render API on 127.0.0.1."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import NOW_NS, TEST_NOW  # noqa: E402
from tests.fake_render_api import (  # noqa: E402
    DEMO_KEY_VALUE,
    DEMO_OWNER,
    DEMO_SERVICE,
    FakeData,
    FakeRender,
    find_demo_sample,
    seed_demo,
)

KEY = "rnd_FetchTestSecretKey_7f3a9c"
SAMPLE = ROOT / "samples" / "api" / "node-app" / "refused-remote.jsonl"

FAILING_LINES = [
    "🔄 Redis connecting...",
    "❌ Redis connection error: {",
    "  message: 'connect ECONNREFUSED 10.0.3.7:6379',",
    "  code: 'ECONNREFUSED',",
    "  redisUrl: 'REDIS_URL is set'",
    "}",
    "⚠️  Falling back to memory cache",
]


def env_for(fake: FakeRender, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RENDER_", "RLA_"))}
    env.update({"RLA_NOW": TEST_NOW, "RENDER_HOST": fake.url, "RENDER_API_KEY": KEY, "NO_COLOR": "1", "RLA_LANG": "en",
                "COLUMNS": "200", "RLA_BACKOFF_BASE": "0.01", "RLA_BACKOFF_CAP": "0.05", "RLA_TIMEOUT": "2"})
    env.update(extra)
    return env


def rla(fake: FakeRender, *args: str, env: dict[str, str] | None = None, timeout: float = 120,
        **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analyzer", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env or env_for(fake, **extra), timeout=timeout)


def run(fake: FakeRender, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """The same as `rla`, in this process (Typer's runner): fast, for the many short cases."""
    from typer.testing import CliRunner

    from analyzer.cli.app import app

    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith(("RENDER_", "RLA_"))}
    env.update(env_for(fake, **extra))
    result = CliRunner().invoke(app, list(args), env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(list(args), result.exit_code, result.stdout, result.stderr)


def demo_data(n_failing_rounds: int = 0) -> FakeData:
    data = FakeData()
    seed_demo(data, SAMPLE if SAMPLE.exists() else find_demo_sample(ROOT))
    if n_failing_rounds:
        base = NOW_NS - 1800 * 10**9
        logs = []
        for r in range(n_failing_rounds):
            for j, line in enumerate(FAILING_LINES):
                logs.append(data.logs.make(line, resource=DEMO_SERVICE, ns=base + (r * 10 + j) * 10**8,
                                           instance=f"{DEMO_SERVICE}-t7v9k", level="error"))
        data.logs.add(logs)
    return data


@pytest.fixture()
def fake():
    with FakeRender(demo_data(), api_key=KEY) as f:
        yield f


def comparable(report: dict) -> dict:
    """The diagnosis minus where it came from (file name vs render:srv-…)."""
    def ev(e):
        return e and {k: e[k] for k in ("line", "time", "instance")}

    return {
        "verdict": {k: report["verdict"][k] for k in ("state", "root_cause")} | {"since": ev(report["verdict"]["since"])},
        "findings": [
            {k: f[k] for k in ("rule", "severity", "count", "instances", "fields", "caused_by", "sample")}
            | {"first": ev(f["first"]), "last": ev(f["last"])}
            for f in report["findings"]
        ],
        "unexplained": [(u["template"], u["count"], ev(u["first"])) for u in report["unexplained"]],
        "lines": report["stats"]["lines"],
    }


# --------------------------------------------------------------------------- same diagnosis everywhere


def test_saved_logs_fed_to_analyze_give_exactly_the_same_findings(tmp_path):
    with FakeRender(demo_data(n_failing_rounds=300), api_key=KEY) as f:
        f.max_log_limit = 100  # many pages
        saved = tmp_path / "logs.jsonl"
        out = rla(f, "fetch", "fylora-backend", "--since", "2h", "--save", str(saved), "--format", "json")
    assert out.returncode == 1, out.stderr
    assert out.stderr == ""  # not a terminal: nothing on stderr but errors
    fetched = json.loads(out.stdout)  # stdout is one clean JSON document
    assert fetched["findings"] and fetched["stats"]["incomplete"] is None
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert len(lines) == fetched["stats"]["lines"] > 2000
    first = json.loads(lines[0])
    assert set(first) == {"id", "timestamp", "message", "labels"}
    analyzed = subprocess.run([sys.executable, "-m", "analyzer", "analyze", str(saved), "--format", "json"],
                              capture_output=True, text=True, cwd=ROOT, env=env_for(f))
    assert analyzed.returncode == out.returncode
    assert comparable(json.loads(analyzed.stdout)) == comparable(fetched)


def test_fetch_by_name_with_window_and_filters_passed_through(fake):
    out = run(fake, "fetch", "fylora-backend", "--start", "3h", "--end", "2026-11-26T23:59:59Z", "--level", "error",
              "--level", "warning", "--type", "app", "--text", "*Redis*", "--instance",
              f"{DEMO_SERVICE}-147zo", "--format", "markdown")
    assert out.returncode in (0, 1), out.stderr
    logs_req = fake.log_requests()
    q = logs_req[0].query
    assert q["ownerId"] == [DEMO_OWNER] and q["resource"] == [DEMO_SERVICE]
    assert "level" not in q  # applied by rla after joining entries, so the server keeps continuation lines
    assert q["type"] == ["app"] and q["text"] == ["*Redis*"]
    assert q["instance"] == [f"{DEMO_SERVICE}-147zo"]
    assert q["limit"] == ["1000"]
    # "3h" is measured from rla's clock (RLA_NOW, pinned by conftest), never from the machine's
    assert (q["startTime"], q["endTime"]) == (["2026-11-26T21:00:00Z"], ["2026-11-26T23:59:59Z"])


def test_fetch_owner_override_and_key_value(fake):
    out = run(fake, "fetch", DEMO_SERVICE, "--owner", "tea-someotherworkspace0", "--format", "json")
    assert out.returncode == 2 and "403" in out.stderr  # the override is what was sent
    assert fake.log_requests()[-1].query["ownerId"] == ["tea-someotherworkspace0"]
    out = run(fake, "fetch", DEMO_KEY_VALUE, "--format", "json")
    assert out.returncode == 0, out.stderr
    assert fake.log_requests()[-1].query["resource"] == [DEMO_KEY_VALUE]
    out = run(fake, "fetch", DEMO_SERVICE, "--format", "json", RENDER_WORKSPACE=DEMO_OWNER)
    assert out.returncode == 1, out.stderr


# --------------------------------------------------------------------------- errors: one sentence, exit 2


@pytest.mark.parametrize(
    "args, extra, needle",
    [
        (["fetch", DEMO_SERVICE], {"RENDER_API_KEY": "rnd_wrong"}, "rejected the API key (401)"),
        (["fetch", "srv-unknownunknownunkno"], {}, "Not found on Render (404)"),
        (["fetch", "fylora-backnd"], {}, "Did you mean: fylora-backend"),
        (["fetch", DEMO_SERVICE, "--since", "45d"], {}, "Hobby"),
        (["fetch", DEMO_SERVICE, "--since", "2 hours"], {}, "Bad time window"),
        (["fetch", DEMO_SERVICE, "--start", "2026-11-26T07:00:00Z", "--end", "2026-11-26T06:00:00Z"], {},
         "not before the end"),
        (["fetch", DEMO_SERVICE], {"RENDER_API_KEY": ""}, "RENDER_API_KEY"),
        (["follow", DEMO_SERVICE], {"RENDER_API_KEY": "rnd_wrong"}, "rejected the API key (401)"),
    ],
)
def test_errors_are_one_sentence_and_exit_2(fake, args, extra, needle):
    out = run(fake, *args, **extra)
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert needle in out.stderr
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert out.stdout == ""


def test_window_beyond_the_plan_retention_is_explained(fake):
    fake.retention_days, fake.retention_mode = 7, "reject"
    out = run(fake, "fetch", DEMO_SERVICE, "--since", "10d")
    assert out.returncode == 2
    assert "retention" in out.stderr and "7 days on Hobby" in out.stderr and out.stderr.count("\n") == 1


def test_ambiguous_name_lists_candidates(fake):
    fake.data.add_service("fylora-backend", "srv-secondfylorabackend1", owner_id=DEMO_OWNER)
    out = run(fake, "fetch", "fylora-backend")
    assert out.returncode == 2
    assert DEMO_SERVICE in out.stderr and "srv-secondfylorabackend1" in out.stderr


def test_api_key_file(fake, tmp_path):
    keyfile = tmp_path / "render.key"
    keyfile.write_text(KEY + "\n")
    out = run(fake, "fetch", DEMO_SERVICE, "--api-key-file", str(keyfile), "--format", "json", RENDER_API_KEY="")
    assert out.returncode == 1, out.stderr


def test_api_url_option_wins_over_render_host(fake):
    out = run(fake, "fetch", DEMO_SERVICE, "--api-url", fake.url, "--format", "json",
              RENDER_HOST="http://127.0.0.1:9/v1")
    assert out.returncode == 1, out.stderr


# --------------------------------------------------------------------------- stops half-way


def test_fatal_error_half_way_still_prints_and_saves_the_partial_diagnosis(tmp_path):
    with FakeRender(demo_data(n_failing_rounds=300), api_key=KEY) as f:
        f.max_log_limit = 100
        f.add_fault("503", -1, after=3, retry_after=None)  # the limit=1000 probe (400), then two pages
        saved = tmp_path / "partial.jsonl"
        out = rla(f, "fetch", DEMO_SERVICE, "--since", "2h", "--format", "json", "--save", str(saved),
                  RLA_MAX_RETRIES="2")
    assert out.returncode == 2
    # one note per retry, then one sentence
    assert out.stderr.splitlines() == ["rla: the server answered 503; retrying (1/2)…",
                                       "rla: the server answered 503; retrying (2/2)…",
                                       "rla: error: The Render API failed 3 times in a row (the server answered 503)."]
    report = json.loads(out.stdout)
    assert report["stats"]["lines"] == 200
    assert "stopped after 2 page(s)" in report["stats"]["incomplete"]
    assert "were not fetched" in report["stats"]["incomplete"]
    assert report["findings"]  # the part fetched is diagnosed
    assert len(saved.read_text().splitlines()) == 200


@pytest.mark.slow
def test_ctrl_c_during_fetch_prints_partial_diagnosis_exit_130(tmp_path):
    with FakeRender(demo_data(n_failing_rounds=300), api_key=KEY) as f:
        f.max_log_limit = 100
        f.latency = 0.3
        proc = subprocess.Popen([sys.executable, "-m", "analyzer", "fetch", DEMO_SERVICE, "--since", "2h",
                                 "--format", "json", "--save", str(tmp_path / "part.jsonl")],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env_for(f))
        deadline = time.monotonic() + 20
        while len(f.log_requests()) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    report = json.loads(stdout)
    assert "interrupted" in report["stats"]["incomplete"]
    assert 0 < report["stats"]["lines"] < 2100
    assert (tmp_path / "part.jsonl").exists()


# --------------------------------------------------------------------------- progress on a terminal


def test_progress_bar_on_a_terminal_stderr_only(tmp_path):
    with FakeRender(demo_data(n_failing_rounds=300), api_key=KEY) as f:
        f.max_log_limit = 100
        f.add_fault("429", 1, after=2, retry_after=1)
        master, slave = pty.openpty()
        proc = subprocess.Popen([sys.executable, "-m", "analyzer", "fetch", DEMO_SERVICE, "--since", "2h",
                                 "--format", "json"], stdout=subprocess.PIPE, stderr=slave, text=True, cwd=ROOT,
                                env=env_for(f))
        os.close(slave)
        chunks = []
        while True:
            ready, _, _ = select.select([master], [], [], 30)
            if not ready:
                break
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        stdout, _ = proc.communicate(timeout=30)
        os.close(master)
    err = b"".join(chunks).decode("utf-8", "replace")
    assert "logs" in err and "pages" in err and "waiting" in err and "rate limit" in err
    assert json.loads(stdout)["stats"]["lines"] > 2000  # stdout stays clean JSON


# --------------------------------------------------------------------------- the key never leaks


def test_key_never_appears_in_any_output(tmp_path):
    data = demo_data(n_failing_rounds=20)
    # a hostile log line and error bodies that echo the key
    data.logs.add([data.logs.make(f"debug: Authorization: Bearer {KEY} token={KEY}", resource=DEMO_SERVICE,
                                  ns=NOW_NS - 60 * 10**9, level="error")])
    outputs = []
    with FakeRender(data, api_key=KEY) as f:
        for fmt in ("table", "json", "markdown"):
            out = run(f, "fetch", DEMO_SERVICE, "--format", fmt, "--save", str(tmp_path / f"s.{fmt}"))
            outputs += [out.stdout, out.stderr]
        out = rla(f, "fetch", DEMO_SERVICE, "--format", "json")  # a real process too
        assert out.returncode == 1
        outputs += [out.stdout, out.stderr]
        f.add_fault("403", 1, path="/v1/services/*", message=f"key {KEY} has no access")
        out = run(f, "fetch", DEMO_SERVICE)
        assert out.returncode == 2
        outputs += [out.stdout, out.stderr]
        f.add_fault("500", -1, after=0, message=f"backend says {KEY}")
        out = run(f, "fetch", DEMO_SERVICE, RLA_MAX_RETRIES="1")
        outputs += [out.stdout, out.stderr]
        out = run(f, "fetch", DEMO_SERVICE, RENDER_HOST="http://127.0.0.1:9/v1", RLA_MAX_RETRIES="1")
        assert out.returncode == 2 and "127.0.0.1:9 refused the connection" in out.stderr
        outputs += [out.stdout, out.stderr]
    for text in outputs:
        assert KEY not in text
    assert any("«secret-" in text or "[redacted]" in text for text in outputs)


def test_help_does_not_import_httpx_or_websockets():
    code = ("import sys; import analyzer.cli.app; "
            "print('httpx' in sys.modules, 'websockets' in sys.modules, 'analyzer.render.api' in sys.modules)")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert p.stdout.split() == ["False", "False", "False"], p.stderr


def test_the_one_command_demo_server_serves_fetch():
    """`python -m tests.fake_render_api --port PORT --demo`, as the README says, then `rla fetch`."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "tests.fake_render_api", "--port", str(port), "--demo",
                               "--live-interval", "0.2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              cwd=ROOT)
    try:
        banner = server.stdout.readline()
        assert f"http://127.0.0.1:{port}/v1" in banner and "refused-remote.jsonl" in banner
        env = {k: v for k, v in os.environ.items() if not k.startswith(("RENDER_", "RLA_"))}
        env.update({"RLA_NOW": TEST_NOW, "RENDER_HOST": f"http://127.0.0.1:{port}/v1", "RENDER_API_KEY": "rnd_demo_fake_key",
                    "NO_COLOR": "1", "RLA_LANG": "en"})
        out = subprocess.run([sys.executable, "-m", "analyzer", "fetch", "fylora-backend", "--since", "1h",
                              "--format", "json"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
        assert out.returncode == 1, out.stderr
        report = json.loads(out.stdout)
        assert report["verdict"]["root_cause"] == "redis-econnrefused"
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_fetch_fail_on_unknown_fails_an_empty_window_and_config_fail_on_reaches_fetch(fake, tmp_path):
    window = ("--start", "2026-11-26T00:00:00Z", "--end", "2026-11-26T01:00:00Z")  # before every demo log
    assert run(fake, "fetch", DEMO_SERVICE, *window, "--format", "json").returncode == 0
    out = run(fake, "fetch", DEMO_SERVICE, *window, "--format", "json", "--fail-on", "unknown")
    assert out.returncode == 1, out.stderr  # nothing could be told: a CI job can fail on it
    config = tmp_path / "rla.yaml"
    config.write_text("fail-on: unknown\n")
    assert run(fake, "fetch", DEMO_SERVICE, *window, "--format", "json", RLA_CONFIG=str(config)).returncode == 1
