"""A Unix socket's path that no Redis server made is a refusal, not a URL read as a path (session 12, lead).

ioredis takes a REDIS_URL that starts with '/' for a Unix socket, and so reads a URL with a broken scheme; node-redis
takes socket.path. Both print `connect ENOENT <path>`: for '/red-abc:6379' or a quoted URL that is a malformed URL;
for a real socket's path ('/var/run/redis/redis-server.sock') it is a socket nobody serves, as the other clients'
ENOENT on one reads. Real: samples/raw/classes/session12-socket.log (capture/classes/run_s12_socket.sh)."""

from __future__ import annotations

import io

import pytest

from analyzer.model import Diagnosis
from analyzer.pipeline import diagnose
from analyzer.sources.files import Problems, read_sources
from tests.conftest import builtin, capture_section, public_paste


def _diag(text: str) -> Diagnosis:
    return diagnose(read_sources(["-"], Problems(), stdin=io.BytesIO(text.encode())), builtin())


@pytest.mark.parametrize("client", ["ioredis REDIS_URL=/var", "node-redis socket.path=/var"])
def test_a_socket_path_no_server_made_is_a_refusal(client: str):
    log = capture_section("session12-socket.log", client)
    assert "connect ENOENT /var/run/redis/redis-server.sock" in log
    diag = _diag(log)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-econnrefused")
    root = next(f for f in diag.findings if f.rule_id == "redis-econnrefused")
    assert any("a Unix socket's path" in str(b) for b in root.because)


@pytest.mark.parametrize("client", ["ioredis REDIS_URL=/tmp", "node-redis socket.path=/tmp"])
def test_a_socket_file_nobody_listens_on_is_a_refusal(client: str):
    log = capture_section("session12-socket.log", client)
    assert "connect ECONNREFUSED /tmp/" in log
    assert _diag(log).verdict.root_cause == "redis-econnrefused"


def test_a_url_read_as_a_path_stays_a_malformed_url():
    # public heldout44 omnivore-app/omnivore#4378: the quoted REDIS_URL kept its quotes; ioredis read it as a path
    assert _diag(public_paste("node/omnivore-4378.log")).verdict.root_cause == "redis-url-malformed"
    # redis-url-malformed's own example: 'redis:/red-abc:6379' read as a path
    assert _diag("[ioredis] error: Error: connect ENOENT /red-abc:6379\n").verdict.root_cause == "redis-url-malformed"
