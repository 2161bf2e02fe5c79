"""Issue 13, heldout71's classes: real captures of server-side connection kills and limits (the idle timeout, the
pub/sub output buffer limit, CLIENT KILL, maxclients, maxmemory-clients, proto-max-bulk-len, DEBUG SLEEP, BUSY, CLIENT
PAUSE, SHUTDOWN, READONLY) in Node.js and Python apps that log as deployed, made as samples/README.md section L,
heldout71, says. Each test feeds the real output, or a part of it, to the pipeline."""

from __future__ import annotations

from tests.conftest import batch_file, verdict_of


# -- the app's 'connection closed' line, then its client reconnecting: a drop (ioredis' close + reconnecting events) --

def test_closed_then_reconnecting_is_a_drop_the_client_came_back_from():
    # the server's idle timeout closed ioredis' connection before every request: '[redis] connection closed',
    # '[redis] reconnecting in 50ms', '[redis] ready'; the log read healthy
    log = batch_file("heldout71", "sessions-connect-redis-ioredis/idle-timeout.log")
    assert verdict_of(log) == ("recovered", "redis-connection-dropped")


def test_client_kill_seen_only_as_closed_then_reconnecting_is_a_drop():
    log = batch_file("heldout71", "sessions-connect-redis-ioredis/client-kill.log")
    assert verdict_of(log) == ("recovered", "redis-connection-dropped")


def test_connection_closed_at_shutdown_without_a_reconnect_is_no_failure():
    # the same words when the app quits its client: no reconnect follows, nothing failed
    log = ("[redis] connected\n[redis] ready\nGET /cart 200 3 ms\nSIGTERM received, shutting down\n"
           "[redis] connection closed\n")
    assert verdict_of(log)[0] == "healthy"


# -- a node-redis 5 pub/sub client's own 'ready' after its reconnect ------------------------------------------------------

def test_a_subscribers_ready_line_after_its_drop_is_recovery():
    # the subscriber over its output buffer limit: 'redis subscriber error SocketClosedUnexpectedlyError', then
    # 'redis subscriber reconnecting', 'redis subscriber ready'; the log read failing
    log = batch_file("heldout71", "notify-noderedis5/outbuf-pubsub.log")
    assert verdict_of(log) == ("recovered", "redis-connection-dropped")


def test_redis_pys_ping_result_true_says_the_client_works():
    log = batch_file("heldout71", "pricing-redis-py/idle-timeout.log")
    assert verdict_of(log) == ("healthy", None)


# -- a command that timed out on a hung server, in the app's words -------------------------------------------------------

def test_the_apps_own_timeout_naming_the_command_is_a_command_timeout():
    # CLIENT PAUSE under node-redis 4: 'redis GET product:42:0 timed out after 2000ms' was "a Redis error no rule names"
    log = batch_file("heldout71", "catalogue-noderedis4/client-pause.log")
    assert verdict_of(log)[1] == "redis-pool-timeout"


def test_ioredis_command_timed_out_after_the_notes_fallback_words_is_a_command_timeout():
    # DEBUG SLEEP under the note's app on ioredis: '⚠️  Redis cache get failed, using memory cache: Command timed out'
    log = batch_file("heldout71", "fallback-ioredis/debug-sleep.log")
    assert verdict_of(log) == ("degraded", "redis-pool-timeout")


# -- the server's proto-max-bulk-len --------------------------------------------------------------------------------------

def test_invalid_bulk_length_is_the_value_too_large_not_the_resets_around_it():
    # node-redis 4: 'write ECONNRESET' first, then '[ErrorReply: ERR Protocol error: invalid bulk length]'
    log = batch_file("heldout71", "catalogue-noderedis4/proto-bulk.log")
    assert verdict_of(log)[1] == "redis-bulk-too-large"


def test_redis_pys_invalid_bulk_length_among_broken_pipes():
    log = batch_file("heldout71", "pricing-redis-py/proto-bulk.log")
    assert verdict_of(log)[1] == "redis-bulk-too-large"


# -- a client's name in a Node frame's FUNCTION NAME, the frame in the app's own file -----------------------------------

_PG_IN_A_BULLMQ_JOB = """queued job 1
Database query failed: Error: connect ECONNREFUSED 10.71.0.10:5432
    at /tmp/h73/app/node_modules/pg-pool/index.js:45:11
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
    at async touchDeps (/tmp/h73/app/lib.js:12:11)
    at async Worker.connection.IORedis.maxRetriesPerRequest [as processFn] (/tmp/h73/app/bullmq-worker.js:13:3)
    at async /tmp/h73/app/node_modules/bullmq/dist/cjs/classes/worker.js:636:32 {
  errno: -111,
  code: 'ECONNREFUSED',
  syscall: 'connect',
  address: '10.71.0.10',
  port: 5432
}
job 1 completed
"""


def test_a_v8_function_name_in_the_apps_file_names_no_redis():
    # V8 named the job processor after `connection: new IORedis(…)` beside it: PostgreSQL's refusal and the API's failed
    # lookup in the job were read as Redis's (redis-dns-not-found on api.stripe.com)
    assert verdict_of(_PG_IN_A_BULLMQ_JOB)[1] is None
    log = batch_file("heldout71", "thumbnails-bullmq/mixed-pg-api.log")
    assert verdict_of(log) == ("healthy", None)


def test_the_clients_own_frame_still_names_redis():
    # the same refusal raised in ioredis' own file: its location says the client
    log = _PG_IN_A_BULLMQ_JOB.replace("10.71.0.10:5432", "10.71.0.10:7000").replace("5432", "7000").replace(
        "(/tmp/h73/app/bullmq-worker.js:13:3)", "(/tmp/h73/app/node_modules/ioredis/built/Redis.js:170:14)")
    assert verdict_of(log)[1] is not None
