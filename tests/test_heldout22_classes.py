"""Issue 13, heldout22's class (public pastes of apps deployed on Render, measured on arrival): the app's code failing to
find its Redis client (a library, module, class or constant not installed, not loaded or shadowed; the exception
handler's source line a traceback quotes) never reached Redis, so it is no Redis failure: 'can't tell', not 'failing'.
Every log here is real output: the public paste of samples/public/ (its thread in samples/README.md, section E,
"Twenty-second batch") and samples/raw/classes/session9-code-errors.log (samples/capture/classes/run_s9_code_errors.sh);
the controls are real lines that must stay Redis failures."""

from __future__ import annotations

import pytest

from tests.conftest import capture_section, diag_of, ids, public_paste

_CODE_ERRORS = "session9-code-errors.log"


@pytest.mark.parametrize("section", [
    "ruby: a rescue clause naming RedisClient",  # error_highlight quotes 'rescue RedisClient::CannotConnectError'
    "ruby: RedisClient.new",                     # 'uninitialized constant RedisClient (NameError)'
    "ruby: require of a gem not installed",      # 'cannot load such file -- redis-client (LoadError)'
    "python: redis-py not installed",            # "ModuleNotFoundError: No module named 'redis'"
    "python: a local redis.py shadows redis-py",  # "ImportError: cannot import name 'Redis' from 'redis'"
    "node: require of ioredis",                  # "Error: Cannot find module 'ioredis'"
    "node: ESM import of ioredis",               # "Cannot find package 'ioredis' imported from …"
    "php: phpredis not loaded",                  # 'Uncaught Error: Class "Redis" not found'
    "java: Jedis not on the class path",         # ClassNotFoundException: redis.clients.jedis.JedisPooled
    "java: Jedis compiled against",              # NoClassDefFoundError: redis/clients/jedis/Jedis
])
def test_a_redis_client_the_code_cannot_find_is_no_redis_failure(section):
    diag = diag_of(capture_section(_CODE_ERRORS, section))
    assert diag.verdict.state not in ("failing", "degraded")
    assert "redis-error-unnamed" not in ids(diag)


def test_docuseals_name_error_on_render_is_no_redis_failure():
    # its embedded Sidekiq plugin referenced RedisClient before requiring it (fixed in 3.0.2): no connection was tried
    diag = diag_of(public_paste("nonredis/docuseal-684.log"))
    assert diag.verdict.state not in ("failing", "degraded")
    assert "redis-error-unnamed" not in ids(diag)


def test_a_clients_own_rescue_frame_still_reads_as_its_failure():
    # control: redis-rb's frame "client.rb:306:in `rescue in io': Connection lost (ECONNRESET) (Redis::ConnectionError)"
    # names a rescue too, inside the message of a real failure (samples/raw/classes/session9-reset.log)
    diag = diag_of(capture_section("session9-reset.log", "ruby-redis"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-connection-dropped"


def test_an_apps_unnamed_redis_error_is_still_quoted():
    # control: an app's Redis error no rule names stays the unnamed finding (public heldout37 ServiceStack/Issues#709,
    # ServiceStack.Redis' RedisException over Windows' 'Only one usage of each socket address'; heldout17's
    # domain-digger#36, heldout25's centrifugo#130 and machinery#499, used here before, are now redis-provider-limit,
    # redis-db-index and redis-out-of-file-descriptors)
    assert diag_of(public_paste("dotnet/servicestack-issues-709.log")).verdict.root_cause == "redis-error-unnamed"
