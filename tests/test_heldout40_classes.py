"""Issue 13, heldout40's classes (a second batch of public pastes of the Python ecosystem, measured on arrival), each
fixed for the family, not the paste: the ACL's refusal in the server's own sentence once a wrapper dropped its code
and class (kombu, Celery, RQ), and a command newer than the server, from Redis 3.2 to 5.0 as well as 6.0 on, also when
a framework prints the reply without 'ERR' nor the exception's class. Every log here is real output: the public pastes
of samples/public/ (their threads in samples/README.md, section E, "Fortieth batch"), the captures of samples/raw/
(samples/README.md) and two command-line tools run here (pip 23.2, git 2.39). The controls are real logs of the
neighbouring case, which must keep their reading."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, public_paste, verdict_of


# --- NOPERM in the server's words, whatever wraps them ---

@pytest.mark.parametrize("name", [
    "python/aperag-375.log",        # 'kombu.exceptions.OperationalError: this user has no permissions to access one of
                                    # the channels used as arguments' (apecloud/ApeRAG#375)
    "python/tacticalrmm-2218.log",  # Celery's 'Unrecovrable error: OperationalError('this user has no
                                    # permissions …')' (amidaware/tacticalrmm#2218)
])
def test_a_wrapped_acl_refusal_is_noperm(name):
    assert verdict_of(public_paste(name)) == ("degraded", "redis-noperm")


def test_redis_7_2_words_without_the_code_are_noperm():
    # RQ's JSON record 'Pubsub thread exiting on No permissions to access a channel' (rq/django-rq#709)
    assert verdict_of(public_paste("python/django-rq-709.log"))[1] == "redis-noperm"


def test_the_captured_noperm_replies_keep_their_reading():
    # the five clients' NOPERM lines with their codes and classes (capture/classes/run_s10_noperm.sh)
    text = (ROOT / "samples" / "raw" / "classes" / "session10-noperm.log").read_text(encoding="utf-8")
    assert verdict_of(text)[1] == "redis-noperm"


# --- a command newer than the server: Redis 3.2 to 5.0 too ---

@pytest.mark.parametrize("name", [
    "python/aioredis-py-782.log",    # "Exception inside application: ERR unknown command 'BZPOPMIN'" (aioredis 1 on
                                     # Windows, aio-libs-abandoned/aioredis-py#782)
    "python/redis-py-1368.log",      # "redis.exceptions.ResponseError: unknown command 'ZPOPMAX'" (redis/redis-py#1368)
    "python/channels-redis-397.log",  # daphne's "Exception inside application: unknown command 'BZPOPMIN'", no ERR,
                                      # no class (django/channels_redis#397)
])
def test_a_redis_5_command_on_an_older_server_is_a_server_too_old(name):
    assert verdict_of(public_paste(name)) == ("failing", "redis-server-too-old")


def test_a_module_command_stays_a_command_the_server_lacks():
    # redis-py's 'unknown command 'JSON.GET'' on a server without RedisJSON (real: samples/raw/mixed)
    text = (ROOT / "samples" / "raw" / "mixed" / "redis-py-unknown-command.log").read_text(encoding="utf-8")
    assert verdict_of(text)[1] == "redis-command-unavailable"


def test_a_command_every_redis_has_still_says_sentinel():
    # Hangfire on a Sentinel port: 'ERR unknown command ECHO' (marcoCasamento/Hangfire.Redis.StackExchange#107)
    assert verdict_of(public_paste("dotnet/hangfire-redis-stackexchange-107.log"))[1] == "redis-sentinel-as-server"


@pytest.mark.parametrize("line", [
    'ERROR: unknown command "foo"',                          # pip 23.2, run here
    "git: 'foo' is not a git command. See 'git --help'.",    # git 2.39, run here
])
def test_a_tools_unknown_subcommand_is_no_redis_reply(line):
    state, root = verdict_of(line + "\n")
    assert state not in ("failing", "degraded") and root is None
