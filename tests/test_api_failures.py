"""A Render API that cannot be reached: every command fails fast, in one sentence that names the
host and the setting to check, and says on stderr when it retries. Real subprocesses, real sockets
on 127.0.0.1 (a port nobody listens on answers "connection refused")."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyzer.render.api import ConnectFailed, RenderClient, RetryPolicy  # noqa: E402
from tests.conftest import TEST_NOW  # noqa: E402

KEY = "rnd_ApiFailureTestKey_0a9f"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed on exit: connecting to it is refused


def rla(*args: str, **env: str) -> tuple[subprocess.CompletedProcess[str], float]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("RENDER_", "RLA_"))}
    base.update({"RLA_NOW": TEST_NOW, "RENDER_API_KEY": KEY, "RLA_LANG": "en", "NO_COLOR": "1"})
    base.update(env)
    started = time.monotonic()
    out = subprocess.run([sys.executable, "-m", "analyzer", *args], capture_output=True, text=True, cwd=ROOT,
                         env=base, timeout=120)
    return out, time.monotonic() - started


@pytest.mark.parametrize("command", [["fetch", "srv-d1abc2def3ghi4jkl5mn"], ["follow", "srv-d1abc2def3ghi4jkl5mn"],
                                     ["doctor", "srv-d1abc2def3ghi4jkl5mn"]])
def test_a_wrong_api_url_fails_fast_naming_host_and_setting(command: list[str]):
    """Was: 33 silent seconds, then "failed 7 times in a row (the connection failed (ConnectError))"
    with no host; the doctor printed it on four items and exited 0. The default retry policy here
    (no RLA_* knobs): the same for every command."""
    port = closed_port()
    out, seconds = rla(*command, RENDER_HOST=f"http://127.0.0.1:{port}/v1")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.splitlines() == [
        f"rla: 127.0.0.1:{port} refused the connection; retrying (1/2)…",
        f"rla: 127.0.0.1:{port} refused the connection; retrying (2/2)…",
        f"rla: error: Cannot reach the Render API after 3 tries: 127.0.0.1:{port} refused the connection; "
        f"check RENDER_HOST (now http://127.0.0.1:{port}/v1).",
    ]
    assert seconds < 10  # two short waits, not a 30-second backoff
    assert KEY not in out.stderr


def test_the_setting_named_is_the_one_used():
    port = closed_port()
    out, _ = rla("fetch", "srv-d1abc2def3ghi4jkl5mn", "--api-url", f"http://localhost:{port}", RLA_BACKOFF_BASE="0.01")
    assert f"localhost:{port} refused the connection; check --api-url (now http://localhost:{port}/v1)." in out.stderr
    out, _ = rla("fetch", "srv-d1abc2def3ghi4jkl5mn", "--api-url", f"http://localhost:{port}", "--lang", "fr",
                 RLA_BACKOFF_BASE="0.01")
    assert out.stderr.splitlines()[-1] == (
        f"rla : erreur : Impossible de joindre l'API Render après 3 essais : localhost:{port} a refusé la connexion ; "
        f"vérifiez --api-url (actuellement http://localhost:{port}/v1).")


def test_an_unknown_api_host_is_named_with_the_default_url_hint():
    def dns(request: httpx.Request) -> httpx.Response:
        try:
            raise socket.gaierror(-2, "Name or service not known")
        except socket.gaierror as exc:
            raise httpx.ConnectError("[Errno -2] Name or service not known", request=request) from exc

    waits: list[float] = []
    client = RenderClient(KEY, None, policy=RetryPolicy(), transport=httpx.MockTransport(dns), sleep=waits.append)
    with client, pytest.raises(ConnectFailed) as info:
        client.get("services")
    assert len(waits) == 2 and sum(waits) < 3  # fail fast: the connect budget, not the 5xx one
    assert str(info.value) == (
        "Cannot reach the Render API after 3 tries: the API host api.render.com could not be resolved (DNS); check "
        "this machine's network and proxy (HTTPS_PROXY), or set RENDER_HOST if the API is elsewhere "
        "(now https://api.render.com/v1).")


def test_server_errors_keep_their_longer_budget():
    calls: list[int] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(503 if len(calls) < 5 else 200, json={"ok": True})

    client = RenderClient(KEY, "https://api.example.test/v1", policy=RetryPolicy(), transport=httpx.MockTransport(flaky),
                          sleep=lambda s: None)
    with client:
        assert client.get("services") == {"ok": True}  # four 503s waited out: a server's bad minute
    assert len(calls) == 5


def test_follow_notes_each_stream_retry_on_stderr():
    from tests.fake_render_api import FakeData, FakeRender

    data = FakeData()
    data.add_owner("tea-apifailuresowner0000", "Failures")
    data.add_service("live-app", "srv-apifailuresservice01", owner_id="tea-apifailuresowner0000")
    with FakeRender(data, api_key=KEY) as fake:
        fake.add_fault("503", -1, path="/v1/logs/subscribe", retry_after=None)
        out, _ = rla("follow", "live-app", "--format", "json", RENDER_HOST=fake.url, RLA_MAX_RETRIES="2",
                     RLA_BACKOFF_BASE="0.01", RLA_BACKOFF_CAP="0.02")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.splitlines() == [
        "rla: the server answered 503; retrying (1/2)…",
        "rla: the server answered 503; retrying (2/2)…",
        "rla: error: Could not reconnect to the live log stream after 3 tries (the server answered 503).",
    ]
