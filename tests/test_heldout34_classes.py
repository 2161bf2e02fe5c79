"""Issue 13, heldout34's classes (session 11, public pastes of the Node.js ecosystem): a port setting that is not a port,
said by any client (rules/classes/bad_port.yaml, read as redis-url-malformed), and a connection 'to Redis' said lost in
an app's own words, and a Redis Cluster refusing a command whose keys are in different slots (CROSSSLOT). Real output:
samples/raw/classes/session11-h36.log and session11-h36-crossslot.log (samples/capture/classes/run_s11_h36*.sh) and the
batch's public pastes (samples/public/heldout34.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.pipeline import diagnose
from analyzer.sources.files import text_block
from tests.conftest import builtin

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
CAPTURE = SAMPLES / "raw" / "classes" / "session11-h36.log"
RULES = builtin()


def _diag(text: str):
    return diagnose([text_block(text, "app.log")], RULES)


def _runs(capture: Path) -> dict[str, str]:
    """A capture's runs, by their '=== ' header (each a whole client run, as an app would log it)."""
    out: dict[str, str] = {}
    name = ""
    for line in capture.read_text(encoding="utf-8").splitlines(True):
        if line.startswith("=== "):
            name = line[4:].strip()
            out[name] = ""
        elif name:
            out[name] += line
    return out


SECTIONS = _runs(CAPTURE)


def test_the_capture_holds_every_client_and_value():
    # node-redis and ioredis with a placeholder, parseInt('') and 70000; redis-py with a bad port in a URL and as argument
    assert len(SECTIONS) == 10
    assert {n.split(":")[0] for n in SECTIONS} == {"node", "python"}


@pytest.mark.parametrize("run", sorted(SECTIONS))
def test_a_port_that_is_not_a_port_is_a_malformed_setting_in_every_client(run):
    # Node's ERR_SOCKET_BAD_PORT under node-redis and ioredis, urllib's and redis-py's own port checks: the client never
    # sends a packet, the URL or port setting is wrong, whatever the wording
    diag = _diag(SECTIONS[run])
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-url-malformed")


def test_the_public_paste_left_at_its_placeholder_is_malformed():
    # heldout34 rohitsx/omegleClone#5: REDIS_PORT='ur redis port' from the .env example, on Windows paths
    text = (SAMPLES / "public" / "node" / "omegleclone-5.log").read_text(encoding="utf-8")
    diag = _diag(text)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-url-malformed")


def test_a_bad_port_of_a_client_that_is_not_redis_is_not_read_as_redis():
    # Node 10's wording under an nREPL client (public jasongilman/proto-repl#323): the class needs a Redis signal
    text = (
        "RangeError [ERR_SOCKET_BAD_PORT]: Port should be > 0 and < 65536. Received NaN.\n"
        "    at lookupAndConnect (net.js:1013:13)\n"
        "    at Socket.connect (net.js:987:5)\n"
        "    at Object.connect (net.js:153:35)\n"
        "    at Object.connect (/packages/proto-repl/node_modules/jg-nrepl-client/src/nrepl-client.js:194:29)\n"
    )
    diag = _diag(text)
    assert diag.verdict.state not in ("failing", "degraded")
    assert diag.verdict.root_cause != "redis-url-malformed"


def test_an_apps_own_connection_to_redis_lost_is_the_drop():
    # heldout34 langfuse/langfuse#6344: the worker's own words on each of its connections, behind compose's prefix
    text = (SAMPLES / "public" / "node" / "langfuse-6344.log").read_text(encoding="utf-8")
    diag = _diag(text)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-dropped")


@pytest.mark.parametrize(
    "line",
    [
        "Connection to Redis lost: Retry (3/20) in 1.00 second.",  # Celery's own
        "2025-04-04T07:56:39.993Z warn       Connection to redis lost. Retry attempt: 1",  # Langfuse's own
        "Lost Redis connection. Trying to reconnect in 1s... (0s/10s)",  # n8n's, the other order
    ],
)
def test_every_order_and_case_of_a_lost_redis_connection_is_the_drop(line):
    assert _diag(line + "\n").verdict.root_cause == "redis-connection-dropped"


def test_a_connection_said_recovered_is_not_a_drop():
    # n8n's line when the connection is back (public heldout8 n8n#32249): never the drop
    assert _diag("Recovered Redis connection\n").verdict.root_cause != "redis-connection-dropped"


# -- a Redis Cluster refusing a command whose keys are in different slots (CROSSSLOT) ----------------------------------

CROSSSLOT = SAMPLES / "raw" / "classes" / "session11-h36-crossslot.log"

CROSSSLOT_RUNS = _runs(CROSSSLOT)


def test_the_crossslot_capture_holds_every_client():
    # node-redis, ioredis, redis-py plain and RedisCluster, redis-rb
    assert len(CROSSSLOT_RUNS) == 5


@pytest.mark.parametrize("run", sorted(CROSSSLOT_RUNS))
def test_a_command_over_two_slots_is_the_cluster_refusing_it_in_every_client(run):
    # the server's reply (node-redis, ioredis, redis-rb), redis-py's exception that drops the reply's word, and
    # redis-py's RedisCluster refusing the command itself: one cause, whatever the wording; degraded, as OOM and
    # READONLY are (Redis answers and refuses those commands)
    diag = _diag(CROSSSLOT_RUNS[run])
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-crossslot")


def test_bullmq_scripts_refused_on_a_serverless_cluster_is_crossslot():
    # heldout34 langfuse/langfuse#5906: ElastiCache Serverless runs in cluster mode; BullMQ's prefix had no hash tag
    text = (SAMPLES / "public" / "node" / "langfuse-5906.log").read_text(encoding="utf-8")
    assert _diag(text).verdict.root_cause == "redis-crossslot"


def test_a_cluster_that_is_down_is_not_a_slot_refusal():
    assert _diag("CLUSTERDOWN The cluster is down\n").verdict.root_cause != "redis-crossslot"
