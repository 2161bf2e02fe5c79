"""Issue 13, heldout64's classes: real captures of Node.js session, cache, rate-limit, socket.io and queue layers on
Redis (connect-redis, cache-manager with @keyv/redis, the note's memory-cache fallback, rate-limiter-flexible,
express-rate-limit with rate-limit-redis, socket.io's redis adapter, BullMQ, bee-queue), made as samples/README.md
section L, heldout64, says. Each test feeds the real output, or a part of it, to the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.engine.affinity import load_affinity
from tests.conftest import batch_capture, batch_lines, verdict_of

ROOT = Path(__file__).resolve().parent.parent


# -- an app's own source file named after its client is no Redis signal -------------------------------------------------

@pytest.mark.parametrize("name", [
    "memcache-fallback-ioredis/mixed-pg-api-healthy.log",  # frames in 'fallback-ioredis.js': PG refused, API's DNS
    "express-rate-limit-redis-ioredis/mixed-pglocal-api-healthy.log",  # 'erl-ioredis.js': PG on 127.0.0.1:5432
    "socketio-adapter-ioredis/mixed-pg-api-healthy.log",  # 'socketio-ioredis.js': PG refused, API's DNS
])
def test_app_file_named_after_its_client_ties_no_other_service_to_redis(name):
    # PostgreSQL's refusal and the API's failed lookup, their stacks running through the app's route in a file whose
    # name holds 'ioredis' after a hyphen, were read as Redis (redis-url-loopback, redis-dns-not-found): false alarms
    state, root = verdict_of(batch_capture("heldout64", name))
    assert state not in ("failing", "degraded") and root is None


def test_only_the_apps_own_hyphenated_file_loses_the_signal():
    aff = load_affinity(ROOT / "rules" / "affinity.yaml")
    assert aff is not None
    frame = "    at async /opt/render/project/src/fallback-ioredis.js:50:3 {"
    assert aff.in_text(frame) is None
    assert aff.in_text("    at async Worker.processFn (/opt/render/project/src/bullmq-worker.js:10:54)") is None
    # a client's own module keeps it: its package folder, a dependency's file, a file named only after the client
    assert aff.in_text("    at Decoder.decode (/opt/render/project/src/node_modules/ioredis/built/resp/decoder.js:375:11)")
    assert aff.in_text("    at Pool.get (/app/node_modules/cache-lib/lib/ioredis-pool.js:10:3)")
    assert aff.in_text("    at connect (/opt/render/project/src/ioredis.js:3:1)")
    # and a message naming the client stays one
    assert aff.in_text("[ioredis] Unhandled error event: Error: connect ECONNREFUSED 10.0.0.5:6379")


# -- 'Redis adapter connected': the app's part named between Redis and the verb -----------------------------------------

def test_redis_adapter_connected_says_the_client_works():
    # socket.io's redis-adapter app logs it once its pub and sub clients connected: the healthy log was "can't tell"
    assert verdict_of(batch_capture("heldout64", "socketio-adapter-noderedis/healthy.log")) == ("healthy", None)


# -- the failure, then 'using in-memory cache': the app's own fallback --------------------------------------------------

def test_using_in_memory_cache_after_redis_not_ready_is_the_apps_fallback():
    # node-redis 4 at maxclients says only 'Socket closed unexpectedly'; the app's '[cache] redis not ready; using
    # in-memory cache' was not read as its fallback: failing, where the app kept serving (degraded)
    text = batch_lines("heldout64", "memcache-fallback-noderedis4/maxclients.log", "[cache]")
    assert verdict_of(text)[0] == "degraded"
    text = batch_lines("heldout64", "memcache-fallback-noderedis4/tls-to-plain.log", "[cache]", "listening")
    assert verdict_of(text)[0] == "degraded"
