"""Issue 13, heldout79's classes (session 19, self-hosted open-source apps run with docker compose or Helm whose Redis
or Valkey failed). Four families, each read from the batch's public pastes (samples/public/heldout79.yaml) and a real
capture (samples/raw/classes/session19-h81-timeouts.log, capture/classes/run_s19_h81_timeouts.sh, redis-server 7.0.15):

- A lone reconnect is no outage: one 'Retrying redis connection: attempt 1' with no Redis error, no second attempt and
  no success is the retry strategy at work once (rules/affinity.yaml `lone`); Outline died of node-postgres' SSL
  refusal beside it (outline/outline#5879). Two attempts, or a success after it, read as before.
- A Redis before 6.0 refusing a blocking command's fractional timeout ('ERR timeout is not an integer or out of
  range', Penpot's worker on Lettuce, penpot/penpot#3022) is a server too old for the library; a current Redis says
  'not a float' for a timeout that is no number, which is no such evidence.
- The app going on without Redis is its fallback, so the verdict is degraded: Plane's live server 'wasn't able to
  connect, continuing without Redis' (makeplane/plane#6382), Symfony's cache logging 'Failed to fetch key …: Redis
  connection failed' and computing the item (developeregrem/fewohbee#221).
- Python's int() handed a piece of a Redis URL holding its port and more (Celery building its result backend from a
  REDIS_URL with a stray brace, makeplane/plane#3125) is a malformed URL; a number's parse error without a Redis port
  is not Redis."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, diag_of, ids, public_paste, verdict_of

BAD = ("failing", "degraded")
TIMEOUTS = "session19-h81-timeouts.log"


def _raw(name: str) -> str:
    return (ROOT / "samples" / "raw" / "classes" / name).read_text(encoding="utf-8")


def test_a_lone_reconnect_beside_another_services_failure_is_no_outage():
    diag = diag_of(public_paste("nonredis/outline-5879.log"))
    assert diag.verdict.state not in BAD
    assert "redis-client-reconnecting" in ids(diag)  # still listed: the reader sees the retry


@pytest.mark.parametrize(
    ("text", "state"),
    [
        # outline/outline#4873: attempts 1 to 4 and nothing else (heldout44): the client keeps failing
        (public_paste("node/outline-4873.log"), "failing"),
        # redis/ioredis#912: one 'will reconnecting', then 'connected' and 'ready' (heldout21)
        (public_paste("node/ioredis-912.log"), "recovered"),
    ],
    ids=["outline-4873", "ioredis-912"],
)
def test_reconnects_seen_again_or_beside_another_state_read_as_before(text, state):
    assert verdict_of(text)[0] == state


def test_two_retries_are_no_lone_blip():
    line = public_paste("nonredis/outline-5879.log").splitlines(True)[0]
    assert verdict_of(line + line.replace("attempt 1", "attempt 2"))[0] == "failing"


def test_an_old_redis_refusing_a_fractional_blocking_timeout_is_too_old():
    assert verdict_of(public_paste("java/penpot-3022.log")) == ("failing", "redis-server-too-old")


def test_a_current_redis_refusing_a_timeout_that_is_no_number_is_not_too_old():
    reply = next(line for line in _raw(TIMEOUTS).splitlines(True) if "not a float" in line)
    assert "redis-server-too-old" not in ids(diag_of(reply))


@pytest.mark.parametrize(
    "paste",
    ["node/plane-6382.log", "php/fewohbee-221.log"],
)
def test_an_app_going_on_without_redis_is_degraded(paste):
    diag = diag_of(public_paste(paste))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-dns-not-found")
    assert "redis-app-fallback" in ids(diag)


def test_symfonys_cache_computing_an_item_alone_is_no_fallback():
    first = public_paste("php/fewohbee-221.log").splitlines(True)[0]  # 'Lock acquired, now computing item …'
    assert "redis-app-fallback" not in ids(diag_of(first))


def test_an_int_parse_of_a_redis_url_piece_is_a_malformed_url():
    assert verdict_of(public_paste("python/plane-3125.log")) == ("failing", "redis-url-malformed")


def test_a_numbers_parse_error_without_a_redis_port_is_not_redis():
    # real: Python 3.11, int('abc')
    assert verdict_of("ValueError: invalid literal for int() with base 10: 'abc'\n")[0] not in BAD
