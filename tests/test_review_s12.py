"""Session 12's review of the session's rule changes (lead): each case a reading a rule change had broken, from real
output, with its control."""

from __future__ import annotations

import io

from analyzer.model import Diagnosis
from analyzer.pipeline import diagnose
from analyzer.sources.files import Problems, read_sources
from tests.conftest import batch_capture, builtin, capture_section, public_paste


def _diag(text: str) -> Diagnosis:
    return diagnose(read_sources(["-"], Problems(), stdin=io.BytesIO(text.encode())), builtin())


def test_redis_py_refusing_a_setting_is_a_redis_failure():
    # real: redis-py 5.2.1 given ssl_cert_reqs with a redis:// URL (samples/raw/classes/session12-typeerror.log): the app
    # has no client at all. The call-signature exclusion (another library's API changed under it) must not hide it.
    log = capture_section("session12-typeerror.log", "redis-py")
    assert "TypeError: AbstractConnection.__init__() got an unexpected keyword argument 'ssl_cert_reqs'" in log
    assert _diag(log).verdict.state == "failing"
    # control: scrapy-redis' spider calling a Scrapy API that changed (public heldout45 rmax/scrapy-redis#285)
    assert _diag(public_paste("nonredis/scrapy-redis-285.log")).verdict.state not in ("failing", "degraded")


def test_a_bare_timed_out_is_no_connect_timeout():
    # Rust-core clients' connect errors end on io::Error's 'timed out' (real: heldout42 valkey-glide) ...
    log = batch_capture("heldout42", "glide-python/down-refused.log")
    line = next(x for x in log.splitlines() if "Failed connecting to" in x and "due to timed out" in x)
    assert _diag(line + "\n").verdict.root_cause == "redis-connection-timeout"
    # ... but 'timed out' alone is any timeout of a line naming Redis: glide's own command timeout after the server
    # was killed (heldout42 glide-node killed-not-back) is no connect that timed out, without more
    killed = batch_capture("heldout42", "glide-node/killed-not-back.log")
    assert "round 6 failed: TimeoutError: timed out" in killed
    bare = "".join(line for line in killed.splitlines(True) if "timeout_watchdog" not in line)
    assert _diag(bare).verdict.root_cause != "redis-connection-timeout"
    # the more: glide's watchdog saying the server stopped answering ('cause=ServerUnresponsive', session 16's heldout67)
    # is a connection timeout, as heldout42's label for this log has it
    assert _diag(killed).verdict.root_cause == "redis-connection-timeout"
