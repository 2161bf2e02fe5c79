"""Issue 13, heldout49's classes (session 13, the false-alarm side: logs that mention Redis where Redis is not the
failure): a Redis client refusing to encode an argument the app gave it or checking a command's arguments (redis-py's
DataError, node-redis 4's 'TypeError: Invalid argument type', node-redis 5's '"arguments[2]" must be of type') says
nothing of whether Redis works, and node-redis 4's words are no EINVAL; redis-server 7.2's 'Failed listening on port N
(tcp), aborting.' is the server failing to start like 7.0's '(TCP)'. Real output: samples/raw/classes/session13-h52.log (samples/capture/classes/run_s13_h52.sh) and the batch's
public pastes (samples/public/heldout49.yaml)."""

from __future__ import annotations

import pytest

from tests.conftest import capture_section, diag_of, public_paste

CAPTURE = "session13-h52.log"
BAD = ("failing", "degraded")
PY = capture_section(CAPTURE, "redis-py 5.2.1: SET")
PY_CHECKS = capture_section(CAPTURE, "redis-py 5.2.1: HSET")
NODE = capture_section(CAPTURE, "node-redis 4.7.1")
NODE5 = capture_section(CAPTURE, "node-redis 5.12.4")


def test_the_capture_holds_each_clients_refusal_while_the_server_answers():
    # a section found empty would test nothing; each client reached the server first (PING answered)
    assert "PING -> True" in PY and "DataError: Invalid input of type: 'dict'" in PY
    assert "PING -> PONG" in NODE and "TypeError: Invalid argument type" in NODE
    assert "PING -> PONG" in NODE5 and 'must be of type "string | Buffer"' in NODE5
    assert "PING -> True" in PY_CHECKS and PY_CHECKS.count("redis.exceptions.DataError: ") == 2


@pytest.mark.parametrize(
    "section", [PY, PY_CHECKS, NODE, NODE5], ids=["redis-py", "redis-py-checks", "node-redis-4", "node-redis-5"]
)
def test_a_client_refusing_to_encode_an_argument_is_no_redis_failure(section):
    diag = diag_of(section)
    assert diag.verdict.state not in BAD, (diag.verdict.state, diag.verdict.root_cause)
    assert "redis-address-invalid" not in {f.rule_id for f in diag.findings}


@pytest.mark.parametrize(
    "paste", ["nonredis/ail-framework-294.log", "nonredis/redis-py-1542.log", "nonredis/tabbycat-921.log"]
)
def test_public_data_errors_are_no_redis_failure(paste):
    diag = diag_of(public_paste(paste))
    assert diag.verdict.state not in BAD, (diag.verdict.state, diag.verdict.root_cause)


def test_a_refusal_in_the_same_log_is_still_read():
    # the exclusion hides the encoder's words only: redis-py's refusal after them (public heldout49 kiddouk/redisco#51's
    # last line) still turns the verdict red (the client had worked: the server went away)
    refusal = public_paste("python/redisco-51.log").splitlines()[-1] + "\n"
    diag = diag_of(PY + refusal)
    assert diag.verdict.state == "failing" and diag.verdict.root_cause is not None


def test_einval_said_by_a_client_is_still_the_invalid_address():
    # phpredis' words for EINVAL (samples/raw/classes/url-as-host-einval.log, a rule example): 'Invalid argument' as
    # the OS says it stays that class
    diag = diag_of("RedisException: Invalid argument\n")
    assert diag.verdict.root_cause == "redis-address-invalid"


@pytest.mark.parametrize(
    "paste", ["cpp/redis-windows-45.log", "cpp/opnsense-plugins-918.log", "cpp/tporadowski-redis-98.log"]
)
def test_redis_server_unable_to_listen_is_a_start_failure(paste):
    # redis-windows#45: Redis 7.2's 'Failed listening on port 6379 (tcp), aborting.' after its 'Warning: Could not
    # create server TCP listening socket'; the older wordings beside it
    diag = diag_of(public_paste(paste))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-server-start-failed")
