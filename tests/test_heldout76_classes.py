"""Issue 13, heldout76's class (session 18, Python apps as deployed on PaaS platforms and Kubernetes): Python finding no
such attribute on a Redis library's object, class or module is two packages whose versions do not fit, not a Redis
failure: Daphne 1.0.2 calling receive() on an asgi_redis channel layer older than 1.0 ("Error at trying to receive
messages: 'RedisChannelLayer' object has no attribute 'receive'", django/daphne#85), an app written for redis-py 4 on
redis-py 3.5 ("'Redis' object has no attribute 'ft'", "module 'redis' has no attribute 'asyncio'"). The object exists
and nothing was sent, as with 'cannot import name' (rules/affinity.yaml `unnamed_not`). Neighbours keep their reading:
the Redis client's own constructor refusing a keyword is still a Redis error (the app has no client, `unnamed_despite`:
python-arq/arq#456), and a 'NoneType' object (a lock or a connection already gone) names no Redis class (RedBeat's
crash after 'Connection closed by server', sibson/redbeat#285). Real output: the batch's public pastes
(samples/public/heldout76.yaml, heldout45's redbeat) and samples/raw/classes/session18-h78-attr.log
(capture/classes/run_s18_h78_attr.sh, redis-py 3.5.3)."""

from __future__ import annotations

import pytest

from tests.conftest import capture_section, diag_of, public_paste

BAD = ("failing", "degraded")


@pytest.mark.parametrize(
    "text",
    [
        # django/daphne#85: Daphne's server loop on an asgi_redis older than 1.0
        public_paste("nonredis/daphne-85.log"),
        # redis-py 3.5.3 asked for redis-py 4's search and asyncio: the app's ERROR lines and the uncaught traceback
        capture_section("session18-h78-attr.log", "redis-py 3.5.3"),
    ],
    ids=["daphne-85", "redis-py-3.5-api"],
)
def test_a_missing_attribute_of_a_redis_library_is_not_a_redis_failure(text):
    diag = diag_of(text)
    assert diag.verdict.state not in BAD
    assert "redis-error-unnamed" not in {f.rule_id for f in diag.findings}


@pytest.mark.parametrize(
    ("paste", "state", "root"),
    [
        # python-arq/arq#456: 'TypeError: Redis.__init__() got an unexpected keyword argument 'retry_on_error''
        ("python/arq-456.log", "failing", "redis-error-unnamed"),
        # sibson/redbeat#285: 'Connection closed by server', then "'NoneType' object has no attribute 'extend'"
        ("python/redbeat-285.log", "failing", "redis-connection-dropped"),
    ],
)
def test_neighbours_keep_their_reading(paste, state, root):
    diag = diag_of(public_paste(paste))
    assert (diag.verdict.state, diag.verdict.root_cause) == (state, root)
