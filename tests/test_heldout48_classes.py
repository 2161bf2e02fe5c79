"""Issue 13, heldout48's classes (session 13, pastes from apps on hosting platforms with a managed Redis): a Heroku
build's app directory as platform evidence (a loopback refusal while the slug compiles is a URL never given), Upstash's
reply to refused credentials (redis-wrongpass) and Bull's own 'Error initializing Lua scripts' (a Redis error, whatever
level the app logs it at). Real output: the batch's public pastes (samples/public/heldout48.yaml)."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, public_paste

BUILD = "ruby/redis-rb-779.log"


def test_a_loopback_refusal_during_a_heroku_build_is_a_url_never_given():
    # redis/redis-rb#779: 'Redis::CannotConnectError: … 127.0.0.1:6379 (Errno::ECONNREFUSED)' then the frames under
    # Heroku's slug compiler ('remote:        /tmp/build_<32 hex>/vendor/bundle/…'): the client had no URL at build time
    diag = diag_of(public_paste(BUILD))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-url-not-set")


def test_without_the_build_directory_the_same_refusal_says_only_what_it_shows():
    # the build's path is the evidence: the exception line alone names no platform, and a loopback refusal with no
    # platform says only that nothing listened there (README, 'Render-specific inferences need Render evidence')
    first = public_paste(BUILD).splitlines(True)[0]
    assert "/tmp/build_" not in first
    diag = diag_of(first)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-econnrefused")


@pytest.mark.parametrize(
    "paste, state, cause",
    [
        # vercel/chatbot#1214: Upstash's reply to stale credentials ('… or wrong username-password given'), reset fixed it
        ("node/vercel-chatbot-1214.log", "failing", "redis-wrongpass"),
        # StackExchange/StackExchange.Redis#1679: the server's own line for a plaintext client on Heroku Redis' TLS port
        ("dotnet/stackexchange-redis-1679.log", "failing", "redis-server-tls-handshake-error"),
    ],
)
def test_the_public_pastes_read_as_their_class(paste, state, cause):
    diag = diag_of(public_paste(paste))
    assert (diag.verdict.state, diag.verdict.root_cause) == (state, cause)


def test_bulls_lua_scripts_error_names_redis_at_any_level():
    # OptimalBits/bull#928: winston's 'info:  Error: Error initializing Lua scripts' under Bull's frames on a Heroku
    # dyno; the queue client never loaded its commands (its refusal on 127.0.0.1 is cut from the paste)
    diag = diag_of(public_paste("node/bull-928.log"))
    assert diag.verdict.state == "failing"


def test_bulls_frames_alone_do_not_name_redis():
    # the same paste without Bull's sentence: its frames are in every job's backtrace and tie nothing to Redis
    frames = [line for line in public_paste("node/bull-928.log").splitlines(True) if "initializing" not in line]
    assert frames and all("/node_modules/" in line for line in frames)
    assert diag_of("".join(frames)).verdict.state == "unknown"
