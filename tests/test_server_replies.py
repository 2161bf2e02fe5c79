"""Replies of a running server that were "a Redis error no rule names": a command the server lacks or the provider
disabled (redis-command-unavailable, told apart by the command), a key of another type (redis-wrongtype), a script
over the busy threshold (redis-busy-script), a replica without its primary (redis-masterdown).

Real: samples/raw/classes/session11-replies.log (capture/classes/run_s11_replies.sh: four clients, each scenario)."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, capture_section, diag_of, public_paste

CLIENTS = ["redis-py", "ioredis", "node-redis", "ruby-redis"]
EXPECTED = {
    "config": ("degraded", "redis-command-unavailable"),
    "keys": ("degraded", "redis-command-unavailable"),
    "wrongtype": ("degraded", "redis-wrongtype"),
    "busy": ("failing", "redis-busy-script"),
    "masterdown": ("failing", "redis-masterdown"),
    # a Sentinel's port given as the Redis URL: GET is unknown there (every Redis server has it)
    "sentinel": ("failing", "redis-sentinel-as-server"),
}


def _section(client: str, scenario: str) -> str:
    return capture_section("session11-replies.log", f"{client} {scenario}")


@pytest.mark.parametrize("scenario", sorted(EXPECTED))
@pytest.mark.parametrize("client", CLIENTS)
def test_each_reply_is_its_cause_in_every_clients_words(client, scenario):
    diag = diag_of(_section(client, scenario))
    assert (diag.verdict.state, diag.verdict.root_cause) == EXPECTED[scenario]


@pytest.mark.parametrize("client", CLIENTS)
def test_a_disabled_command_says_which_and_why(client):
    (finding,) = [f for f in diag_of(_section(client, "config")).findings if f.rule_id == "redis-command-unavailable"]
    assert finding.fields["command"].upper() == "CONFIG"
    assert any("managed Redis services disable" in why for why in finding.because)


@pytest.mark.parametrize(
    ("line", "rule", "why"),
    [
        # a module's command on a server without the module (real: samples/raw/mixed/redis-py-unknown-command.log)
        ("redis.exceptions.ResponseError: unknown command 'JSON.GET', with args beginning with: 'doc' ",
         "redis-command-unavailable", "a module's command"),
        # a command of Redis 7 on an older server: the server is too old (a Key Value created before 2025 runs Redis 6)
        ("ReplyError: ERR unknown command 'lmpop', with args beginning with: '1' 'jobs' 'LEFT' ",
         "redis-server-too-old", "came with Redis 6.0 or later"),
        # a client naming itself (CLIENT SETINFO, Redis 7.2) to an older server, the reply landing on the app's own
        # command (public: https://github.com/redis/go-redis/issues/2910); the reply alone is harmless (heldout89)
        ("2024/02/18 10:00:00 redis eval error: ERR unknown subcommand 'setinfo'. Try CLIENT HELP.",
         "redis-server-too-old", "CLIENT SETINFO came with Redis 7.2"),
        # Redis 6.0's backticks (public: https://github.com/redis/redis-om-dotnet/issues/27)
        ("StackExchange.Redis.RedisServerException:“ERR unknown command `FT.CREATE`, "
         "with args beginning with: `customer-idx`, ”", "redis-command-unavailable", "a module's command"),
    ],
)  # fmt: skip
def test_the_command_tells_which_of_the_three_causes(line, rule, why):
    diag = diag_of(line + "\n")
    assert diag.verdict.root_cause == rule
    assert any(why in said for said in next(f for f in diag.findings if f.rule_id == rule).because)


def test_a_cli_of_another_tool_saying_unknown_command_is_not_redis():
    assert diag_of('Error: unknown command "serve" for "app"\n').findings == []


@pytest.mark.parametrize("client", CLIENTS)
def test_keys_of_several_slots_on_a_cluster_are_crossslot_in_every_clients_words(client):
    # the server's reply, redis-py's own check before sending, ioredis' own check on a pipeline
    diag = diag_of(capture_section("session11-crossslot.log", client))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-crossslot")


@pytest.mark.parametrize(
    ("client", "restart"),
    [("redis-py", "redis-connection-dropped"), ("ioredis", "redis-econnrefused"),
     ("node-redis", "redis-connection-dropped"), ("ruby-redis", None)],
)  # fmt: skip
def test_scripts_lost_in_a_restart_are_the_restart_seen_from_the_app(client, restart):
    # the restart shows as a drop or a refusal (the root cause), then every EVALSHA gets NOSCRIPT, a symptom linked to
    # it; a client that said nothing of the restart (redis-rb reconnects quietly) leaves NOSCRIPT alone to tell it
    diag = diag_of(capture_section("session11-noscript.log", client))
    # with the restart in the window the app failed; NOSCRIPT alone is Redis answering and refusing the calls
    expected = ("failing", restart) if restart else ("degraded", "redis-noscript")
    assert (diag.verdict.state, diag.verdict.root_cause) == expected
    (noscript,) = [f for f in diag.findings if f.rule_id == "redis-noscript"]
    assert noscript.caused_by == restart


def test_a_noscript_the_client_handled_is_not_the_cause():
    # redis-py's Script falls back to EVAL on NoScriptError; what failed then is the READONLY reply (real capture:
    # samples/heldout9/plain/huey/readonly.cli.log)
    text = (ROOT / "samples" / "heldout9" / "plain" / "huey" / "readonly.cli.log").read_text(encoding="utf-8")
    assert "NoScriptError" in text
    assert diag_of(text).verdict.root_cause == "redis-readonly"


def test_a_drop_and_refusals_before_loading_are_the_restart_it_ends():
    # public heldout36 mrliving-magento-76: Credis' lost connection, refused while Redis restarts, then LOADING
    text = public_paste("php/mrliving-magento-76.log")
    diag = diag_of(text)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-loading")
    (loading,) = [f for f in diag.findings if f.rule_id == "redis-loading"]
    assert any("it restarted" in why for why in loading.because)
