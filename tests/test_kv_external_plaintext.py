"""A Render Key Value's External URL used with redis:// (rules/redis/tls/redis-endpoint-tls-only.yaml): the external
host <region>-keyvalue.render.com speaks only TLS, so a reset there before the client ever worked is a plaintext
client, and the fix is rediss:// (or the Internal URL from a Render service).

Real: samples/raw/classes/session11-kvexternal.log (capture/classes/run_s11_kvexternal.sh: the name resolving, in a
network namespace, to a redis-server with TLS only on 6379). Only where the log names the host can rla tell: redis-py
names it in its reset, the ioredis app logs it at boot; node-redis and redis-rb say a bare reset (the known miss)."""

from __future__ import annotations

import pytest

from tests.conftest import capture_section, diag_of

def _part(client: str) -> str:
    return capture_section("session11-kvexternal.log", client)


@pytest.mark.parametrize("client", ["redis-py", "ioredis"])
def test_a_reset_from_the_external_host_is_a_plaintext_client(client):
    diag = diag_of(_part(client))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-plaintext-to-tls")
    (finding,) = [f for f in diag.findings if f.rule_id == "redis-plaintext-to-tls"]
    assert any("oregon-keyvalue.render.com accepts only TLS" in why for why in finding.because)


@pytest.mark.parametrize("client", ["node-redis", "ruby-redis"])
def test_a_bare_reset_naming_no_host_stays_a_drop(client):
    assert diag_of(_part(client)).verdict.root_cause == "redis-connection-dropped"
