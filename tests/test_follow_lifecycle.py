"""`rla follow` (and `fetch`) as a daemon: how a run starts, is bounded, is stopped and writes its
result. Real subprocesses, real signals, the fake Render API over HTTP/WebSocket on 127.0.0.1.

The messages are the real lines of samples/api/node-app/refused-remote.jsonl (a Node app whose
ioredis client was refused by 10.0.3.7:6379). Render does not document how it sets the `level`
label; here each line is labelled on its own, as the fake's demo does (error words -> error, else
info), which is the labelling under which a server-side `--level error` loses the continuation lines.

The tests that stream over the WebSocket are marked `realtime_waits`: they read no date (rla and the
fake share the pinned clock), but the client's timed waits break under libfaketime (make test-clock).
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import NOW_NS, TEST_NOW, wait_for  # noqa: E402
from tests.fake_render_api import FakeData, FakeRender, _level_of, parse_ns  # noqa: E402

OWNER = "tea-lifecycleowner000000"
SID = "srv-lifecyclelifecycle01"
KEY = "rnd_LifecycleTestSecret_3c1d"
SAMPLE = ROOT / "samples" / "api" / "node-app" / "refused-remote.jsonl"
MESSAGES = [json.loads(line)["message"] for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def make_fake() -> FakeRender:
    data = FakeData()
    data.add_owner(OWNER, "Lifecycle")
    data.add_service("live-app", SID, owner_id=OWNER)
    return FakeRender(data, api_key=KEY)


def env_for(fake: FakeRender, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RENDER_", "RLA_"))}
    env.update({"RLA_NOW": TEST_NOW, "RENDER_HOST": fake.url, "RENDER_API_KEY": KEY, "NO_COLOR": "1",
                "RLA_LANG": "en", "COLUMNS": "200", "RLA_BACKOFF_BASE": "0.02", "RLA_BACKOFF_CAP": "0.1"})
    env.update(extra)
    return env


def start(fake: FakeRender, *args: str, stdout: int | None = subprocess.PIPE, **extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "analyzer", *args], stdout=stdout, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT, env=env_for(fake, **extra))


def emit(fake: FakeRender, messages: list[str], pause_after=lambda msg: 0.0) -> list[str]:
    ids = []
    for msg in messages:
        ids.append(fake.data.logs.emit(msg, resource=SID, instance=f"{SID}-147zo", level=_level_of(msg, None))["id"])
        time.sleep(pause_after(msg))
    return ids


def until_delivered(fake: FakeRender, ids: list[str]) -> None:
    wait_for(lambda: set(ids) <= fake.ws_sent)
    time.sleep(0.8)  # the client reads what was sent


def counts(report: dict) -> dict[str, int]:
    return {f["rule"]: f["count"] for f in report["findings"]}


def analyze_jsonl(tmp_path: Path, logs: list[dict]) -> dict:
    path = tmp_path / "same.jsonl"
    path.write_text("".join(json.dumps(log) + "\n" for log in logs), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "analyzer", "analyze", str(path), "--format", "json"],
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ, "RLA_NOW": TEST_NOW})
    return json.loads(out.stdout)


# --------------------------------------------------------------------------- stopping


@pytest.mark.realtime_waits
def test_sigterm_prints_the_final_diagnosis_like_ctrl_c():
    """`timeout 15 rla follow web -f json > out.json` left 0 bytes: SIGTERM killed it."""
    with make_fake() as fake:
        proc = start(fake, "follow", "live-app", "--format", "json")
        wait_for(lambda: fake.ws_connections > 0)
        until_delivered(fake, emit(fake, MESSAGES))
        proc.send_signal(signal.SIGTERM)
        stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    report = json.loads(stdout)  # one whole document
    assert report["verdict"]["root_cause"] == "redis-econnrefused"
    assert report["stats"]["lines"] == len(MESSAGES)


@pytest.mark.realtime_waits
def test_for_bounds_the_run_and_exits_like_analyze(tmp_path: Path):
    with make_fake() as fake:
        proc = start(fake, "follow", "live-app", "--format", "json", "--for", "4s")
        wait_for(lambda: fake.ws_connections > 0)
        emit(fake, MESSAGES)
        started = time.monotonic()
        stdout, stderr = proc.communicate(timeout=30)  # no signal: it stops by itself
        logs = fake.data.logs.all()
    assert time.monotonic() - started < 10
    assert proc.returncode == 1, stderr  # an error finding and the default --fail-on error: exit 1, as analyze
    report = json.loads(stdout)
    assert counts(report) == counts(analyze_jsonl(tmp_path, logs))
    scope = report["stats"]["scope"]
    assert scope["service"] == "live-app" and scope["service_id"] == SID and scope["logs"] == len(MESSAGES)


def test_a_bad_for_is_one_sentence():
    with make_fake() as fake:
        proc = start(fake, "follow", "live-app", "--for", "soon")
        stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 2 and stderr.startswith("rla: error: --for 'soon'") and stdout == ""


@pytest.mark.realtime_waits
@pytest.mark.slow
def test_a_second_ctrl_c_while_the_report_is_written_leaves_a_whole_document():
    """The first Ctrl-C asks for the diagnosis; a second one, while that document is being written to
    a pipe nobody reads yet, must not cut it in half."""
    words = ["".join(chr(97 + (i // 26**k) % 26) for k in range(3)) for i in range(400)]
    lines = [f"Error: module {w} failed to load plugin {w}{w}: bad header in {w}.conf" + " x" * 60 for w in words]
    with make_fake() as fake:
        proc = start(fake, "follow", "live-app", "--format", "json")
        wait_for(lambda: fake.ws_connections > 0)
        until_delivered(fake, emit(fake, MESSAGES + lines))
        proc.send_signal(signal.SIGINT)
        ready, _, _ = select.select([proc.stdout], [], [], 20)  # the report is being written...
        assert ready
        time.sleep(0.5)  # ...and blocks: the document is far bigger than the pipe
        proc.send_signal(signal.SIGINT)
        time.sleep(0.3)
        stdout, stderr = proc.communicate(timeout=30)
    assert len(stdout) > 200_000  # the pipe holds 64 KiB: the second signal came mid-document
    assert proc.returncode == 130, stderr[-2000:]
    report = json.loads(stdout)
    assert report["stats"]["lines"] == len(MESSAGES) + len(lines)


# --------------------------------------------------------------------------- counting


@pytest.mark.realtime_waits
def test_batching_never_changes_a_count(tmp_path: Path):
    """Entries cut by a batch boundary (a pause inside each error object, before its `code:` line)
    were counted once per part: the same lines gave 13 refusals through follow, 7 through analyze."""
    with make_fake() as fake:
        proc = start(fake, "follow", "live-app", "--format", "json")
        wait_for(lambda: fake.ws_connections > 0)
        until_delivered(fake, emit(fake, MESSAGES, pause_after=lambda m: 0.7 if "message: 'connect" in m else 0.0))
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=30)
        logs = fake.data.logs.all()
    assert proc.returncode == 130, stderr
    followed, analyzed = json.loads(stdout), analyze_jsonl(tmp_path, logs)
    assert counts(analyzed)["redis-econnrefused"] == 7
    assert counts(followed) == counts(analyzed)
    assert followed["verdict"]["root_cause"] == analyzed["verdict"]["root_cause"] == "redis-econnrefused"


def test_session_batches_of_one_record_give_the_analyze_diagnosis():
    from analyzer.pipeline import Session
    from analyzer.sources.formats import records_from_api_logs
    from tests.conftest import builtin

    logs = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    records = list(records_from_api_logs(logs, "render:x"))
    whole = Session(builtin())
    whole.feed_records(records, "render:x")
    one_by_one = Session(builtin())
    for record in records:
        one_by_one.feed_records([record], "render:x", more=True)
        one_by_one.preview()  # a live redraw between batches closes nothing
    want = [(f.rule_id, f.count) for f in whole.diagnosis().findings]
    assert [(f.rule_id, f.count) for f in one_by_one.diagnosis().findings] == want


def test_level_is_applied_after_joining_entries():
    """`--level error` sent to the server dropped the `code: 'ECONNREFUSED'` lines (labelled info):
    the root cause became a mere symptom."""
    with make_fake() as fake:
        for i, msg in enumerate(MESSAGES):
            fake.data.logs.add([fake.data.logs.make(msg, resource=SID, instance=f"{SID}-147zo",
                                                     level=_level_of(msg, None), ns=NOW_NS - 600 * 10**9 + i)])
        out = subprocess.run([sys.executable, "-m", "analyzer", "fetch", "live-app", "--since", "1h", "--level", "error",
                              "--format", "json"], capture_output=True, text=True, cwd=ROOT, env=env_for(fake),
                             timeout=60)
        query = fake.log_requests()[-1].query
    report = json.loads(out.stdout)
    assert report["verdict"]["root_cause"] == "redis-econnrefused", out.stderr
    # the six error objects, whole; the info lines stay out, as the filter asks (the one-line
    # "connection test failed" is info here, and so is the memory-cache fallback)
    assert counts(report) == {"redis-econnrefused": 6, "redis-connection-error": 6}
    assert "level" not in query
    assert report["stats"]["scope"]["after_join"] == {"level": ["error"]}


# --------------------------------------------------------------------------- the server's clock


@pytest.mark.realtime_waits
def test_follow_starts_from_the_servers_time_and_warns_about_this_clock():
    """This machine's clock one hour ahead of Render's: the stream started an hour in Render's
    future and every live log was dropped, silently."""
    with make_fake() as fake:
        fake.clock_offset_s = -3600
        old = fake.data.logs.emit("Error: connect ECONNREFUSED 10.0.3.7:6379 (before follow)", resource=SID,
                                  level="error", ns=NOW_NS - 3600 * 10**9 - 10**9)
        proc = start(fake, "follow", "live-app", "--format", "json")
        wait_for(lambda: fake.ws_connections > 0)
        until_delivered(fake, emit(fake, MESSAGES))
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=30)
        sub = fake.log_requests("/v1/logs/subscribe")[0]
    assert proc.returncode == 130, stderr
    report = json.loads(stdout)
    assert report["stats"]["lines"] == len(MESSAGES)  # the live logs, and not the one before
    assert parse_ns(sub.query["startTime"][0]) == parse_ns(old["timestamp"]) + 1  # just after the server's last log
    assert "this machine's clock is 3600 s ahead of the Render API's" in stderr


def test_fetch_says_when_this_clock_is_off():
    """The same hole in fetch: --since counts back from this machine's clock, so one hour ahead of
    Render's, `--since 1h` finds nothing; the run must say why rather than look healthy."""
    with make_fake() as fake:
        fake.clock_offset_s = -3600
        out = subprocess.run([sys.executable, "-m", "analyzer", "fetch", "live-app", "--since", "1h", "--format", "json"],
                             capture_output=True, text=True, cwd=ROOT, env=env_for(fake), timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ("rla: warning: this machine's clock is 3600 s ahead of the Render API's: --since and relative "
                          "times count from this machine's clock, so the window may miss the logs (set the clock "
                          "right, or pin rla's with RLA_NOW)\n")


def test_no_clock_warning_when_the_clocks_agree():
    with make_fake() as fake:
        proc = start(fake, "follow", "live-app", "--format", "json", "--for", "1s")
        stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 0 and stderr == "" and json.loads(stdout)["verdict"]["state"] == "unknown"


# --------------------------------------------------------------------------- the live frame


def test_the_frame_is_clipped_to_the_terminal_height():
    from analyzer.cli.follow import clip_frame

    frame = "head\n\nverdict: Redis failing\n" + "\n".join(f"row {i} " + "x" * 150 for i in range(40))
    out = clip_frame(frame, 80, 24)
    rows = sum(max(1, -(-len(line) // 80)) for line in out.split("\n"))
    assert rows <= 23 and out.startswith("head\n\nverdict: Redis failing\n")
    assert out.split("\n")[-1].startswith("… 31 more line(s): Ctrl-C (or the end of --for) shows the full diagnosis")
    assert clip_frame("a\nb\n", 80, 24) == "a\nb"  # a frame that fits is left alone


@pytest.mark.realtime_waits
@pytest.mark.slow
def test_each_redraw_fits_an_80x24_terminal():
    with make_fake() as fake:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {"COLUMNS": "80", "LINES": "24"}
        proc = start(fake, "follow", SID, stdout=slave, **env)
        os.close(slave)
        chunks: list[bytes] = []

        def read_for(seconds: float) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                if select.select([master], [], [], 0.1)[0]:
                    try:
                        chunks.append(os.read(master, 65536))
                    except OSError:
                        return

        while fake.ws_connections == 0:
            read_for(0.1)
        writer = threading.Thread(target=emit, args=(fake, MESSAGES * 2, lambda m: 0.02), daemon=True)
        writer.start()
        read_for(3.0)
        proc.send_signal(signal.SIGINT)
        read_for(2.0)
        proc.wait(timeout=30)
        os.close(master)
    screen = b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
    frames = [f for f in screen.split("\x1b[H\x1b[2J") if f.startswith("rla follow ")]
    assert len(frames) >= 2
    for frame in frames:
        plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", frame)
        rows = sum(max(1, -(-len(line) // 80)) for line in plain.rstrip("\n").split("\n"))
        assert rows <= 23, plain
    assert "Redis" in frames[-1].split("\n")[2]  # the verdict is on screen


@pytest.mark.realtime_waits
def test_a_finding_is_announced_even_when_the_service_falls_silent_mid_entry():
    """An error object still open when the logs stop (its entry waits for a line that never comes)
    is announced anyway: the line mode reads the preview, not only the entries already closed."""
    with make_fake() as fake:
        proc = start(fake, "follow", "live-app", "--format", "table")
        wait_for(lambda: fake.ws_connections > 0)
        emit(fake, MESSAGES[:7])  # the deploy lines, then one error object without its closing brace
        line = ""
        ready, _, _ = select.select([proc.stdout], [], [], 15)
        if ready:
            line = proc.stdout.readline()
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)
    assert "redis-econnrefused" in line or "redis-connection-error" in line, line


def _join_race_tail(fake: FakeRender, signal_first: bool):  # noqa: ANN202
    """A LogTail that hands out the sample's logs, then raises what CPython 3.11's Thread.join raised in CI when a
    Ctrl-C cut it ("RuntimeError: release unlocked lock"); `signal_first`: the Ctrl-C was received (else a bug)."""
    import analyzer.render.live as live

    class JoinRaceTail:
        def __init__(self, client, owner_id, resources, **kw) -> None:  # noqa: ANN001
            self.stats = live.TailStats(connections=1)
            self.logs = [fake.data.logs.make(msg, resource=SID, instance=f"{SID}-147zo", level=_level_of(msg, None))
                         for msg in MESSAGES]

        def __iter__(self):
            for log in self.logs:
                self.stats.delivered += 1
                yield log
            if not signal_first:
                raise RuntimeError("release unlocked lock")
            try:
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(5)  # the handler raises here
            except KeyboardInterrupt:
                raise RuntimeError("release unlocked lock") from None

        def drain(self) -> list[dict]:
            return []

    return JoinRaceTail


def _follow_in_process(monkeypatch, signal_first: bool) -> int:  # noqa: ANN001
    import analyzer.render.live as live
    from analyzer.cli.app import run

    with make_fake() as fake:
        for name in [k for k in os.environ if k.startswith(("RENDER_", "RLA_"))]:
            monkeypatch.delenv(name)
        for name, value in env_for(fake).items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr(live, "LogTail", _join_race_tail(fake, signal_first))
        return run(["follow", SID, "--format", "json"])


def test_ctrl_c_that_python_reports_as_a_thread_join_error_still_prints_the_final_diagnosis(monkeypatch, capsys):
    """CI, `rla follow` under Ctrl-C: exit 2, "internal error: RuntimeError: release unlocked lock". The
    Ctrl-C landed while websockets' recv() joined its reader thread (the socket had just closed), and
    CPython 3.11's Thread.join turned the KeyboardInterrupt into that RuntimeError. The tail here does what
    that recv() did, deterministically: the signal arrives, and a RuntimeError comes out instead."""
    code = _follow_in_process(monkeypatch, signal_first=True)
    out = capsys.readouterr()
    assert code == 130, out.err
    report = json.loads(out.out)
    assert report["verdict"]["root_cause"] == "redis-econnrefused"
    assert report["stats"]["lines"] == len(MESSAGES)


def test_the_same_error_with_no_ctrl_c_is_not_taken_for_one(monkeypatch):
    # no signal received: a RuntimeError is a bug, and surfaces as one (rla's main says "internal error", exit 2)
    with pytest.raises(RuntimeError, match="release unlocked lock"):
        _follow_in_process(monkeypatch, signal_first=False)
