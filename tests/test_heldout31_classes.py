"""Issue 13, heldout31's classes (public pastes of Node.js apps of every era, measured on arrival), each fixed for the
family, not the paste. Every log here is real output: the public pastes of samples/public/ (their threads in
samples/README.md, section E, "Thirty-first batch") and samples/raw/classes/session10-h33.log
(samples/capture/classes/run_s10_h33.sh: machinepack-redis 2, the driver of Sails' session and socket hooks, on node_redis
3, against a silent loopback listener, a closed port and a redis-server with requirepass).
The controls are real lines that must keep their reading."""

from __future__ import annotations

import pytest

from tests.conftest import capture_section, diag_of, ids, public_paste

_S10 = "session10-h33.log"


# --- a driver's own timer giving up on the connect: the 'timeout' class in its words ---

def test_machinepack_redis_giving_up_on_a_silent_server_is_a_connect_timeout():
    diag = diag_of(capture_section(_S10, "node: machinepack-redis silent"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-connection-timeout"


def test_a_sails_app_that_cannot_lift_on_its_redis_session_server_is_a_connect_timeout():
    # public balderdashy/sails#4321: the hook fails to load, Sails lowers, 'Took too long to connect ...'
    diag = diag_of(public_paste("node/sails-4321.log"))
    assert diag.verdict.root_cause == "redis-connection-timeout"
    assert "redis-error-unnamed" not in ids(diag)


def test_took_too_long_to_connect_naming_no_redis_is_no_redis_finding():
    # control: the wording alone (the same real line with its Redis words cut) names no Redis, so no Redis finding
    line = capture_section(_S10, "node: machinepack-redis silent").splitlines()[0]
    cut = line.replace(" the specified Redis session server", "")
    assert cut != line
    assert diag_of(cut).verdict.state not in ("failing", "degraded")


# --- a framework's own words for a Redis client's 'end': the 'dropped' class ---

def test_sails_saying_its_redis_socket_servers_went_offline_is_a_dropped_connection():
    # public balderdashy/sails#6792: one line per pub/sub client after the reporter stopped Redis
    diag = diag_of(public_paste("node/sails-6792.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-connection-dropped"


def test_a_lost_connection_in_node_redis_words_keeps_its_reading():
    # control: node_redis' own 'Redis connection lost and command aborted' under connect-redis (balderdashy/sails#3925)
    assert diag_of(public_paste("node/sails-3925.log")).verdict.root_cause == "redis-connection-dropped"


# --- a driver's own sentences for Redis' NOAUTH and a refused AUTH ---

@pytest.mark.parametrize(("section", "rule"), [
    ("node: machinepack-redis nopass", "redis-noauth"),         # code ERR_NO_PASSWORD, from NOAUTH on the ready check
    ("node: machinepack-redis wrongpass", "redis-wrongpass"),   # code ERR_BAD_PASSWORD, from a refused AUTH
])
def test_machinepack_redis_words_for_auth_failures(section, rule):
    diag = diag_of(capture_section(_S10, section))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == rule


# --- false alarms: the same apps failing on something else ---

@pytest.mark.parametrize("name", [
    "nonredis/sails-1980.log",        # a Sails regression: RangeError thrown from connect-redis's node_redis frame
    "nonredis/rocketchat-9269.log",   # MongoDB refused on 127.0.0.1:27017 (journald lines)
    "nonredis/calcom-docker-317.log", # Prisma P1001, PostgreSQL unreachable
])
def test_the_same_apps_failing_on_something_else_are_no_redis_failure(name):
    assert diag_of(public_paste(name)).verdict.state not in ("failing", "degraded")
