"""Issue 13, heldout65's classes (session 16, a fourth round of Node.js apps on any Redis client): Redis before 2.8 said
WRONGTYPE with the generic 'ERR' prefix ('ERR Operation against a key holding the wrong kind of value'), the same
refusal; a library's Lua script reaching for the 'bit' library, which Redis loads only since 2.8.18, is a server too old
for that library (another global's name is the script's own bug); a command of Redis 2.6 to 3.0 that no provider turns
off (TIME, the SCAN family, HyperLogLog...) answered 'unknown command' is an old server too, as the 3.2-6.x ones already
were; node_redis' 'Redis connection to <path> failed - connect ENOENT' on a string that keeps a scheme (Docker's link
variable 'tcp://…') is a URL read as a Unix socket's path, while a real socket's path stays a refusal; ioredis'
'Connection is closed.' is read by the frame under it: from sendCommand, a command sent on a client whose connection
ended (redis-client-closed), from its close handler, the client ending its connection (quit, disconnect, retries
stopped): no failure by itself, the failure that stopped the retries being logged before it. Real output: the batch's
public pastes (samples/public/heldout65.yaml, heldout56's bullmq-2437), captures of redis-server 7.0's Lua replies and of
node_redis 3's ENOENT."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, diag_of, public_paste

# (paste, verdict, root cause): the batch's pastes each class was made from
PASTES = [
    # node_redis after a Faye upgrade: 'ERR Operation against a key holding the wrong kind of value' (faye/faye#76)
    ("node/faye-76.log", "degraded", "redis-wrongtype"),
    # Bull on Redis 2.8.17: "Script attempted to access unexisting global variable 'bit'" (OptimalBits/bull#294)
    ("node/bull-294.log", "failing", "redis-server-too-old"),
    # node_redis given Docker's link variable: 'Redis connection to tcp://172.17.0.29:6379 failed - connect ENOENT'
    # (dashku/dashku#65)
    ("node/dashku-65.log", "failing", "redis-url-malformed"),
]

# (line, root cause): the classes' lines and their neighbours that must keep their own reading
LINES = [
    # smrchy/rsmq#140: TIME came with Redis 2.6 and no provider turns it off
    ("ReplyError: ERR unknown command 'time'\n", "redis-server-too-old"),
    # ...while a lone scripting command unknown stays what managed services turn off (public heldout43)
    ("ReplyError: ERR unknown command 'script'\n", "redis-command-unavailable"),
    # real (samples/raw/classes/session16-h67-node-redis3-enoent.log, node_redis 3.1.2): Docker's link variable taken
    # for a path is a URL read as a path; a real Unix socket's path with no file stays a refusal
    ("Error: Redis connection to tcp://172.17.0.29:6379 failed - connect ENOENT tcp://172.17.0.29:6379\n",
     "redis-url-malformed"),
    ("Error: Redis connection to /var/run/redis/redis-server.sock failed - connect ENOENT /var/run/redis/redis-server.sock\n",
     "redis-econnrefused"),
]


@pytest.mark.parametrize(("paste", "state", "root"), PASTES)
def test_heldout65_class_reads_its_paste(paste, state, root):
    diag = diag_of(public_paste(paste))
    assert (diag.verdict.state, diag.verdict.root_cause) == (state, root)


def test_rsmq_on_an_old_server_is_that_server():
    # smrchy/rsmq#140: TIME and SCRIPT LOAD both refused; the root is the server's age (its verdict is read on the
    # later SCRIPT refusal, a degraded one: left, see the batch's report)
    assert diag_of(public_paste("node/rsmq-140.log")).verdict.root_cause == "redis-server-too-old"


@pytest.mark.parametrize(("line", "root"), LINES)
def test_neighbouring_lines_keep_their_reading(line, root):
    assert diag_of(line).verdict.root_cause == root


@pytest.mark.parametrize("line", (ROOT / "samples" / "raw" / "classes" / "session16-h67-lua-globals.log")
                         .read_text(encoding="utf-8").split("\n\n"))
def test_another_lua_global_is_not_the_servers_age(line):
    # real: redis-cli EVAL on redis-server 7.0.15, a script's own undefined global and Lua 5.2's bit32
    assert diag_of(line).verdict.root_cause != "redis-server-too-old"


def test_ioredis_close_handler_rejection_alone_is_no_failure():
    # redis/ioredis#344: cluster.quit() at shutdown rejecting with 'Connection is closed.' from the close handler
    assert diag_of(public_paste("healthy/ioredis-344.log")).verdict.state not in ("failing", "degraded")


def test_ioredis_command_after_the_end_is_a_closed_client():
    # heldout56 taskforcesh/bullmq#2437: the close handler's rejections, then sendCommand's for commands sent after
    diag = diag_of(public_paste("node/bullmq-2437.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-client-closed")


def test_an_error_event_saying_it_stays_a_drop():
    # public redis/ioredis#337 (ioredis 2.0.1's Cluster to six local nodes): an 'error' event, not a rejected command
    line = ("[ioredis] Unhandled error event: Error: Connection is closed.\n"
            "    at close (/home/frank/Project/NodeJs/ccjh/node_modules/ioredis/lib/redis/event_handler.js:99:21)\n"
            "    at Socket.<anonymous> (/home/frank/Project/NodeJs/ccjh/node_modules/ioredis/lib/redis/event_handler.js:74:14)\n")
    assert diag_of(line).verdict.root_cause == "redis-connection-dropped"
