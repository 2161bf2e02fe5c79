"""Live tail over the fake's /v1/logs/subscribe WebSocket: reconnects without gap or duplicate."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyzer.render.live import LogTail  # noqa: E402
from analyzer.render.api import (  # noqa: E402
    AuthError,
    NotFoundError,
    RenderClient,
    RetriesExhausted,
    RetryPolicy,
)
from tests.conftest import NOW_NS, TEST_NOW  # noqa: E402
from tests.fake_render_api import FakeData, FakeRender  # noqa: E402

OWNER = "tea-followowner000000000"
SID = "srv-followfollowfollow01"
KEY = "rnd_FollowTestSecret_91ab"
FAST = RetryPolicy(backoff_base=0.02, backoff_cap=0.1, timeout=2, connect_timeout=2, max_retries=5)


def make_fake(**kw) -> FakeRender:
    data = FakeData()
    data.add_owner(OWNER, "Follow")
    data.add_service("live-app", SID, owner_id=OWNER)
    return FakeRender(data, api_key=KEY, **kw)


class Emitter(threading.Thread):
    """Writes `n` log lines into the fake, one every `every` seconds, with the current time."""

    def __init__(self, fake: FakeRender, n: int, every: float, messages: list[str] | None = None):
        super().__init__(daemon=True)
        self.fake, self.n, self.every = fake, n, every
        self.messages = messages
        self.ids: list[str] = []

    def run(self) -> None:
        for i in range(self.n):
            msg = self.messages[i % len(self.messages)] if self.messages else f"live line {i}"
            self.ids.append(self.fake.data.logs.emit(msg, resource=SID, instance=f"{SID}-abcde")["id"])
            time.sleep(self.every)


def collect(tail: LogTail, until, timeout: float = 30) -> list[dict]:
    got: list[dict] = []
    deadline = time.monotonic() + timeout
    for log in tail:
        if log is not None:
            got.append(log)
        if until(got) or time.monotonic() > deadline:
            break
    return got


# WebSocket reconnects timed by the real clock (its siblings below are marked so): under libfaketime at +365 d the
# client's keepalive ping failed mid-run and its close raced the reader's join inside threading (a RuntimeError)
@pytest.mark.realtime_waits
def test_three_forced_disconnects_without_gap_or_duplicate():
    with make_fake() as fake:
        fake.ws_lifetime = 60
        client = RenderClient(KEY, fake.url, policy=FAST)
        tail = LogTail(client, OWNER, [SID], ticks=True, tick=0.05)
        emitter = Emitter(fake, 300, 0.01)
        drops = []

        def dropper():
            # each drop hits a connection made after the previous one: on a loaded machine the client could
            # still be connecting when a fixed delay ran out, and a drop then found no socket open
            connected = 0
            for _ in range(3):
                deadline = time.monotonic() + 30
                while fake.ws_connections <= connected and time.monotonic() < deadline:
                    time.sleep(0.02)
                connected = fake.ws_connections
                time.sleep(0.6)
                drops.append(fake.drop_websockets())

        emitter.start()
        threading.Thread(target=dropper, daemon=True).start()
        got = collect(tail, lambda g: len(drops) == 3 and not emitter.is_alive() and len(g) >= 300)
        emitter.join()
    assert drops == [1, 1, 1]
    assert tail.stats.reconnects >= 3 and tail.stats.connections >= 4
    ids = [log["id"] for log in got]
    assert len(ids) == len(set(ids)), "duplicate delivered"
    assert set(ids) == set(emitter.ids), "gap: a line emitted was never delivered"
    assert ids == emitter.ids  # in order, too
    assert tail.stats.duplicates > 0  # the overlap on resume was really deduplicated


@pytest.mark.realtime_waits
@pytest.mark.parametrize("mode", ["close", "reset"])
def test_server_lifetime_closes_are_survived(mode):
    with make_fake() as fake:
        fake.ws_lifetime = 0.4
        fake.ws_close_mode = mode
        client = RenderClient(KEY, fake.url, policy=FAST)
        tail = LogTail(client, OWNER, [SID], ticks=True, tick=0.05)
        emitter = Emitter(fake, 150, 0.01)
        emitter.start()
        got = collect(tail, lambda g: not emitter.is_alive() and len(g) >= 150)
        assert fake.ws_closed_by_server >= 3
    ids = [log["id"] for log in got]
    assert ids == emitter.ids
    assert tail.stats.reconnects >= 3


def test_starts_from_now_and_passes_filters_and_auth():
    with make_fake() as fake:
        old = fake.data.logs.emit("old line before follow", resource=SID, level="error",
                                  ns=NOW_NS - 30 * 10**9)
        client = RenderClient(KEY, fake.url, policy=FAST)
        tail = LogTail(client, OWNER, [SID], levels=["error"], texts=["*boom*"], ticks=True, tick=0.05)
        url = tail.url(tail.start_ns)
        assert url.startswith("ws://127.0.0.1:") and "/v1/logs/subscribe?" in url
        assert "level=error" in url and "text=%2Aboom%2A" in url and "startTime=" in url

        def later():
            time.sleep(0.3)
            fake.data.logs.emit("info boom", resource=SID, level="info")
            fake.data.logs.emit("error boom", resource=SID, level="error")
            fake.data.logs.emit("error quiet", resource=SID, level="error")

        threading.Thread(target=later, daemon=True).start()
        got = collect(tail, lambda g: len(g) >= 1, timeout=10)
        sub = [r for r in fake.requests if r.path == "/v1/logs/subscribe"][0]
    assert [log["message"] for log in got] == ["error boom"]
    assert old["id"] not in {log["id"] for log in got}
    assert sub.query["ownerId"] == [OWNER] and sub.query["resource"] == [SID]


def test_handshake_errors_are_one_sentence():
    with make_fake() as fake:
        bad = RenderClient("rnd_wrong_key", fake.url, policy=FAST)
        with pytest.raises(AuthError) as e401:
            next(iter(LogTail(bad, OWNER, [SID])))
        client = RenderClient(KEY, fake.url, policy=FAST)
        with pytest.raises(NotFoundError):
            next(iter(LogTail(client, OWNER, ["srv-doesnotexist0000000"])))
    assert "401" in str(e401.value) and "rnd_wrong_key" not in str(e401.value)


def test_handshake_429_and_503_are_waited_out():
    with make_fake() as fake:
        fake.add_fault("429", 1, path="/v1/logs/subscribe", retry_after=1)
        fake.add_fault("503", 2, path="/v1/logs/subscribe", retry_after=None)
        client = RenderClient(KEY, fake.url, policy=FAST)
        tail = LogTail(client, OWNER, [SID], ticks=True, tick=0.05)
        threading.Timer(1.5, lambda: fake.data.logs.emit("hello", resource=SID)).start()
        got = collect(tail, lambda g: len(g) >= 1, timeout=15)
        assert [log["message"] for log in got] == ["hello"]
        assert fake.early_requests == []


def test_server_gone_ends_with_retries_exhausted():
    with make_fake() as fake:
        client = RenderClient(KEY, fake.url, policy=RetryPolicy(backoff_base=0.01, backoff_cap=0.02, max_retries=2))
        fake.add_fault("503", -1, path="/v1/logs/subscribe", retry_after=None)
        with pytest.raises(RetriesExhausted):
            next(iter(LogTail(client, OWNER, [SID])))


# --------------------------------------------------------------------------- rla follow, end to end

FAILING = [
    "🔄 Redis connecting...",
    "❌ Redis connection error: {",
    "  message: 'connect ECONNREFUSED 10.0.3.7:6379',",
    "  code: 'ECONNREFUSED',",
    "  redisUrl: 'REDIS_URL is set'",
    "}",
]


def env_for(fake: FakeRender) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RENDER_", "RLA_"))}
    env.update({"RLA_NOW": TEST_NOW, "RENDER_HOST": fake.url, "RENDER_API_KEY": KEY, "NO_COLOR": "1", "RLA_LANG": "en",
                "COLUMNS": "200", "RLA_BACKOFF_BASE": "0.02", "RLA_BACKOFF_CAP": "0.1"})
    return env


def run_follow(fake: FakeRender, fmt: str, n_lines: int) -> tuple[int, str, str, list[str]]:
    proc = subprocess.Popen([sys.executable, "-m", "analyzer", "follow", "live-app", "--format", fmt],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env_for(fake))
    deadline = time.monotonic() + 20
    while fake.ws_connections == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    emitter = Emitter(fake, n_lines, 0.01, FAILING)
    emitter.start()
    emitter.join()
    deadline = time.monotonic() + 20
    while not set(emitter.ids) <= fake.ws_sent and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.7)  # the client reads what was sent (and reconnects once or twice)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=30)
    return proc.returncode, stdout, stderr, emitter.ids


@pytest.mark.slow
@pytest.mark.realtime_waits
def test_rla_follow_json_reconnects_and_prints_final_diagnosis_on_ctrl_c():
    with make_fake() as fake:
        fake.ws_lifetime = 0.5
        code, stdout, stderr, ids = run_follow(fake, "json", 120)
        assert fake.ws_connections >= 4
    assert code == 130, stderr
    assert stderr == ""
    report = json.loads(stdout)  # only the final document on stdout
    assert report["stats"]["lines"] == len(ids) == 120  # every line once: no gap, no duplicate
    assert report["verdict"]["root_cause"] == "redis-econnrefused"
    assert KEY not in stdout


@pytest.mark.slow
def test_rla_follow_prints_one_line_per_new_finding_then_the_table():
    with make_fake() as fake:
        fake.ws_lifetime = 1.0
        code, stdout, stderr, ids = run_follow(fake, "table", 60)
    assert code == 130, stderr
    head, _, final = stdout.partition("\n\n")
    new_lines = head.splitlines()
    assert any("redis-econnrefused" in line for line in new_lines)
    assert len(new_lines) == len({line.split()[-1] for line in new_lines}) or len(new_lines) <= 6
    assert "Redis" in final and "redis-econnrefused" in final


@pytest.mark.slow
def test_rla_follow_redraws_in_place_on_a_terminal():
    import pty
    import select

    with make_fake() as fake:
        fake.ws_lifetime = 1.0
        master, slave = pty.openpty()
        proc = subprocess.Popen([sys.executable, "-m", "analyzer", "follow", SID], stdout=slave,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env_for(fake))
        os.close(slave)
        chunks: list[bytes] = []

        def read_for(seconds: float) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                ready, _, _ = select.select([master], [], [], 0.1)
                if ready:
                    try:
                        chunks.append(os.read(master, 65536))
                    except OSError:
                        return

        deadline = time.monotonic() + 20
        while fake.ws_connections == 0 and time.monotonic() < deadline:
            read_for(0.1)
        read_for(0.3)
        emitter = Emitter(fake, 40, 0.03, FAILING)
        emitter.start()
        read_for(3.0)
        proc.send_signal(signal.SIGINT)
        read_for(2.0)
        proc.wait(timeout=30)
        os.close(master)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 130, proc.stderr.read()
    assert screen.count("\x1b[H\x1b[2J") >= 3  # redrawn in place, then cleared for the final report
    assert "rla follow live-app" in screen and "reconnect" in screen
    assert "redis-econnrefused" in screen.rsplit("\x1b[H\x1b[2J", 1)[-1]
