"""Issue 13, class "entries split across records": the platform makes every printed line a log record of its own
(the dashboard's copy, the API's JSON objects), and a logger may print an error's backtrace or cause as a call of its
own after the error's line. The scanner joins those records back to the entry they continue, on the same instance:
a Ruby frame at the margin (after a logger's prefix or none), the JVM's 'Caused by:', the root cause a servlet error
announces, a Python traceback right after the app's error line. Real output only: samples/raw/classes/tls-context.log
(samples/capture/tls_context/run.sh: Sidekiq 6.4.1, redis-rb 4.8, redis-py 8.2 against a real TLS redis-server) and
public pastes of samples/public."""

from __future__ import annotations

import json

import pytest

from analyzer.engine.shapes import FRAME_RECORD
from tests.conftest import ROOT, builtin, diag_of

CAPTURE = (ROOT / "samples" / "raw" / "classes" / "tls-context.log").read_text(encoding="utf-8")
PUBLIC = ROOT / "samples" / "public"


def section(title: str) -> str:
    """The lines of tls-context.log under the '=== <title>…' header, up to the next header."""
    start = CAPTURE.index("=== " + title)
    end = CAPTURE.find("\n=== ", start + 1)
    return CAPTURE[CAPTURE.index("\n", start) + 1 : end + 1 if end > 0 else None]


def as_dashboard(text: str, other: str = "") -> str:
    """Each line a record of instance 'k7p2x' as the dashboard's copy shows it; `other`: a line of instance
    'm4q9z' after every fourth (another instance's output interleaved, as Render shows it; an entry passes up to
    entries.MAX_FOREIGN of them)."""
    out = []
    for n, line in enumerate(text.splitlines()):
        out.append(f"08:46:{n % 60:02d} PM [k7p2x] {line}")
        if other and n % 4 == 3:
            out.append(f"08:46:{n % 60:02d} PM [m4q9z] {other}")
    return "\n".join(out) + "\n"


def as_api(text: str) -> str:
    """Each line a GET /v1/logs object (JSON lines, as `rla fetch --save` writes them)."""
    rows = []
    for n, line in enumerate(text.splitlines()):
        labels = [{"name": "instance", "value": "srv-d1abc2def3ghi4jkl5mn-k7p2x"}, {"name": "type", "value": "app"}]
        rows.append(json.dumps({"id": str(n), "timestamp": f"2026-11-26T06:12:{n % 60:02d}.000Z", "message": line, "labels": labels}))
    return "\n".join(rows) + "\n"


FORMATS = {
    "plain": lambda text: text,
    "dashboard": as_dashboard,
    "dashboard-interleaved": lambda text: as_dashboard(text, other="GET /health 200 1ms"),
    "api": as_api,
}

def findings(diag) -> dict[str, int]:
    return {f.rule_id: f.count for f in diag.findings}


@pytest.mark.parametrize("fmt", FORMATS)
def test_sidekiq_pool_timeout_whose_only_redis_evidence_is_the_backtrace_record_after_it(fmt: str):
    # Sidekiq 2 logs 'Waited 1 sec' (connection_pool's checkout) and the backtrace as the next logger call; the frame
    # 'lib/sidekiq.rb:72:in `redis'' is the only thing tying it to Redis (public paste sidekiq#726, labelled before)
    paste = (PUBLIC / "ruby" / "sidekiq-726.log").read_text(encoding="utf-8")
    diag = diag_of(FORMATS[fmt](paste))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-pool-timeout")
    # the line alone, its backtrace left out, names no Redis: the join is what decides
    head = "\n".join(paste.splitlines()[:2]) + "\n"
    assert diag_of(FORMATS[fmt](head)).verdict.state == "unknown"


@pytest.mark.parametrize("fmt", FORMATS)
def test_real_sidekiq_backtrace_logged_as_its_own_record_is_one_entry_with_its_error(fmt: str):
    real = section("sidekiq 6.4.1 booting on rediss")
    assert "WARN: /usr/share/rubygems-integration/all/gems/redis-4.8.0/lib/redis/connection/ruby.rb:264:in `connect_nonblock'" in real
    diag = diag_of(FORMATS[fmt](real))
    assert findings(diag) == {"redis-tls-certificate": 1}
    # no frame left over as an error-looking line of its own
    assert not [u for u in diag.unexplained if ".rb:" in u.template]


def test_a_job_runners_frames_do_not_tie_a_failure_to_redis():
    # the same Sidekiq, a job calling an HTTPS API: the backtrace now joined to the error goes through Sidekiq's own
    # frames (processor.rb, job_retry.rb, `block in <module:Sidekiq>'), as every job's does; they say nothing of Redis
    # (real capture). The next job of the same worker, its own redis-rb client to the TLS Redis, is read as Redis's.
    real = section("sidekiq 6.4.1 on redis://")
    cut = real.rindex("\n", 0, real.index("class=CacheJob")) + 1
    webhook, cache = real[:cut], real[cut:]
    assert "/gems/sidekiq-6.4.1/lib/sidekiq/processor.rb" in webhook and "in `block in <module:Sidekiq>'" in webhook
    start = webhook.index("WARN: OpenSSL::SSL::SSLError")
    http_entry = webhook[start : webhook.index("\nPassing the timeout", start)]
    assert http_entry.endswith("in `block in safe_thread'")  # the error and its backtrace record, whole
    assert builtin().affinity.in_text(http_entry) is None
    assert builtin().affinity.in_text(cache[cache.index("WARN: OpenSSL::SSL::SSLError") :]) is not None
    # Sidekiq named in a message still names Redis's job queue
    assert builtin().affinity.in_text("Sidekiq::Client: could not push the job") == "Sidekiq:"


@pytest.mark.parametrize("fmt", FORMATS)
def test_jvm_caused_by_at_the_margin_is_the_same_event(fmt: str):
    # Jedis' wrapper and its 'Caused by: java.net.ConnectException' (public paste jedis#882): one refusal, not two
    paste = (PUBLIC / "java" / "jedis-882.log").read_text(encoding="utf-8")
    assert "\nCaused by: java.net.ConnectException: Connection refused: connect\n" in paste
    diag = diag_of(FORMATS[fmt](paste))
    assert findings(diag) == {"redis-econnrefused": 1}


@pytest.mark.parametrize("fmt", FORMATS)
def test_python_traceback_after_the_apps_error_line_joins_it(fmt: str):
    # logging.exception('cache unavailable'): the app's line, then the traceback as records of their own (real)
    real = section("python 3.11 redis-py 8.2.0, rediss://")
    assert real.splitlines()[0].endswith("ERROR app: cache unavailable")
    diag = diag_of(FORMATS[fmt](real))
    assert findings(diag) == {"redis-tls-certificate": 1}
    assert not diag.unexplained  # the app's error line is part of the entry, not an error no rule explains


def test_an_http_calls_traceback_joined_to_its_line_stays_not_redis():
    # a worker logs 'payments API call failed' and requests' chained traceback (its first exception the bare
    # 'socket.gaierror: [Errno -2] Name or service not known'), between Redis refusals (real: samples/matrix, mixed)
    from analyzer.i18n import said

    sample = ROOT / "samples" / "matrix" / "plain" / "mixed-python" / "redis-refused-postgres-down.rfc3339.log"
    diag = diag_of(sample.read_text(encoding="utf-8"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-econnrefused")
    assert "redis-dns-not-found" not in {f.rule_id for f in diag.findings}
    dns = [n for n in diag.not_redis if n.rule_id == "redis-dns-not-found"]
    assert dns and all(said(n.because).startswith("HTTP's client") for n in dns), [said(n.because) for n in dns]


def test_a_traceback_after_a_status_line_stays_its_own_entry():
    # 'PING -> True' (the client working) then a traceback: two events, the success is not the failure's head
    sample = (ROOT / "samples" / "plain" / "redis-py" / "oom.cli.log").read_text(encoding="utf-8")
    diag = diag_of(sample)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-oom")


def test_frame_record_shapes():
    real_first = "2026-12-05T07:30:32.228Z pid=29060 tid=n6k WARN: /usr/share/rubygems-integration/all/gems/redis-4.8.0/lib/redis/connection/ruby.rb:264:in `connect_nonblock'"
    assert FRAME_RECORD.match(real_first)
    assert FRAME_RECORD.match("org/jruby/RubyKernel.java:1392:in `loop'")
    assert FRAME_RECORD.match("/usr/lib/ruby/3.1.0/net/http.rb:1048:in `connect'")
    # Ruby's uncaught error starts with a frame, then its message: an entry of its own, never a continuation
    assert not FRAME_RECORD.match(
        "/usr/share/rubygems-integration/all/gems/redis-4.8.0/lib/redis/connection/ruby.rb:264:in `connect_nonblock': "
        "SSL_connect returned=1 errno=0 peeraddr=127.0.0.1:6380 state=error: certificate verify failed (self-signed certificate) (OpenSSL::SSL::SSLError)"
    )
    # a deprecation notice that quotes a frame in its text
    assert not FRAME_RECORD.match(
        "Redis#sadd will always return an Integer in Redis 5.0.0. Use Redis#sadd? instead.(called from: "
        "/usr/share/rubygems-integration/all/gems/sidekiq-6.4.1/lib/sidekiq/client.rb:227:in `atomic_push')"
    )
