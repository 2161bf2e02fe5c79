"""A user name sent to a Redis older than 6 (rules/redis/auth/redis-auth-username.yaml): 'wrong number of arguments for
'auth' command' in every client's words, the cause ahead of the NOAUTH that follows it.

Public pastes only (the local server is Redis 7, which takes a user name): each line's thread is in the rule file."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of


@pytest.mark.parametrize(
    "line",
    [
        "pid=12 tid=gv0 WARN: Redis::CommandError: ERR wrong number of arguments for 'auth' command",
        "redis.exceptions.ResponseError: wrong number of arguments for 'AUTH' command",
        "Failed: ERR wrong number of arguments for 'auth' command",
    ],
)
def test_a_user_name_an_old_server_refuses_is_the_cause(line):
    diag = diag_of(line + "\n")
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-auth-username")


def test_it_explains_the_noauth_after_it():
    # ioredis' own advice, then the refusal of every command (public: https://github.com/grouparoo/grouparoo/pull/1523)
    diag = diag_of(
        "[ERROR] The server returned \"wrong number of arguments for 'auth' command\". You are probably passing both "
        "username and password to Redis version 5 or below. You should only pass the 'password' option for Redis "
        "version 5 and under.\n"
        "alert: Redis connection `client` error NOAUTH Authentication required. command=[object Object] "
        "stack=ReplyError: NOAUTH Authentication required.\n"
    )
    assert diag.verdict.root_cause == "redis-auth-username"


def test_other_commands_with_wrong_arguments_are_not_auth():
    diag = diag_of("ReplyError: ERR wrong number of arguments for 'set' command\n")
    assert all(f.rule_id != "redis-auth-username" for f in diag.findings)


def test_redis_py_wording_of_an_old_servers_wrong_password_is_wrongpass():
    # Redis < 6 answers a wrong password 'ERR invalid password'; redis-py raises it as AuthenticationError without
    # the code (research catalogue 3.7): the same cause as WRONGPASS, not a user name problem
    diag = diag_of("redis.exceptions.AuthenticationError: invalid password\n")
    assert diag.verdict.root_cause == "redis-wrongpass"
