"""Issue 13, heldout80's classes (session 19, a sixth round of the less common stacks: Go, Rust, Elixir/Erlang, Bun,
Deno, Crystal, Dart). Each test is a family, read from the batch's real public pastes (samples/public/heldout80.yaml):

- Erlang/OTP says a socket the peer closed as {tcp_closed, Port} / {ssl_closed, Socket}; eredis and the apps on it print
  the atom as the reason: the dropped class (rules/classes/dropped.yaml), as 'Connection reset by peer' is.
- Crystal's resolver says a name getaddrinfo does not know as 'Hostname lookup for <host> failed: No address found':
  the dns class.
- The Rust redis crate prints a server's error reply as 'An error was signalled by the server - <Kind>: …': a Redis
  reply, so a Redis error (rules/affinity.yaml `text`), not "no Redis line".
- Rust's tracing-subscriber in its pretty format indents every event by two spaces: an indented line that opens with an
  RFC 3339 time is a record of its own, not the continuation of the line above (analyzer/sources/formats.py).
- An identifier with Redis as one of its parts (VerneMQ's load_redis_functions) names Redis, so eredis'
  {connection_error,econnrefused} before its crash is Redis' refusal.
- An Erlang crash on {ok, Value} (case_clause, badmatch) is the app's code failing on a reply Redis gave: no Redis
  failure (`unnamed_not`).
- go-redis 9.16's pool giving no connection ('connection pool: was not able to get a healthy connection') is the pool
  class (redis-pool-timeout), as 'connection pool timeout' is.
"""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, ids, public_paste, verdict_of

BAD = ("failing", "degraded")


@pytest.mark.parametrize(
    "paste",
    [
        "erlang/emqx-auth-redis-200.log",  # '[Redis] Command: "HMGET …" failed: tcp_closed'
        "erlang/emqx-6784.log",  # eredis' '{unhandled_message,{ssl_closed,…}}' with the Redis host on 6380
    ],
)
def test_erlang_closed_socket_is_a_dropped_connection(paste):
    assert verdict_of(public_paste(paste))[1] == "redis-connection-dropped"


def test_crystal_lookup_failure_is_the_dns_class():
    assert verdict_of(public_paste("crystal/mosquito-142.log")) == ("failing", "redis-dns-not-found")


def test_redis_rs_error_reply_is_a_redis_error():
    # apalis-dev/apalis#492: a Lua script's reply after Redis restarted under the worker; before, "can't tell"
    assert verdict_of(public_paste("rust/apalis-492.log")) == ("failing", "redis-error-unnamed")


def test_tracing_pretty_events_are_records_of_their_own():
    # juspay/hyperswitch#12162: 'ERROR redis_interface…: Redis has been unreachable for 6s' under an INFO line, each
    # event indented by two spaces and its time read
    diag = diag_of(public_paste("rust/hyperswitch-12162.log"))
    assert diag.verdict.state == "failing"
    assert any(f.rule_id == "redis-error-unnamed" and "unreachable" in f.sample for f in diag.findings)


def test_an_identifier_naming_redis_ties_erlangs_refusal_to_redis():
    assert verdict_of(public_paste("erlang/gojek-vernemq-74.log")) == ("failing", "redis-econnrefused")


def test_an_erlang_crash_on_an_ok_reply_is_no_redis_failure():
    # emqx/emqx-auth-redis#36: '{{case_clause,{ok,<<"pass0">>}},[{emq_auth_redis,check,3,…' (the plugin's bug)
    diag = diag_of(public_paste("erlang/emqx-auth-redis-36.log"))
    assert diag.verdict.state not in BAD
    assert "redis-error-unnamed" not in ids(diag)


def test_an_erlang_crash_on_an_error_reply_keeps_its_reading():
    # the neighbour: a badmatch on {error, …} from the Redis client is still a Redis failure (gojek/vernemq#74's
    # '{error,no_connection}' in load_redis_functions)
    text = (
        "07:23:53.546 [error] CRASH REPORT Process <0.262.0> with 0 neighbours crashed with reason: no match of right "
        "hand value {error,no_connection} in vmq_reg_mgr:load_redis_functions/0 line 282"
    )
    assert verdict_of(text)[0] == "failing"


def test_go_redis_pool_giving_no_healthy_connection_is_the_pool_class():
    assert verdict_of(public_paste("go/bucketeer-2229.log")) == ("degraded", "redis-pool-timeout")
