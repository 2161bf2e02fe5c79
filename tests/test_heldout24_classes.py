"""Issue 13, heldout24's classes (public pastes of Ruby, PHP and Elixir apps, measured on arrival):
- Erlang's reasons for a closed connection handed on without Redix's error struct: Redix.PubSub's `:disconnected`
  message to its subscribers and a linked process's exit, `reason: :tcp_closed` / `:closed`, are a dropped connection;
- Redix's `%Redix.ConnectionError{reason: :timeout}` is a command that got no reply in time (a connect timeout is
  gen_tcp's `{:error, :timeout}`), so it reads as the command-timeout symptom, `degraded`;
- an exception notifier's heading for redis-rb's read timeout (Bugsnag's `**Redis::TimeoutError** in **job**`, the
  message on a line of its own) is that read timeout, as the `Class: message` form is.
Every log here is real output: the public pastes of samples/public/ (threads in samples/README.md, section E,
"Twenty-fourth batch") and the rule pack's real example lines; the controls are real lines that must keep their reading."""

from __future__ import annotations

from tests.conftest import diag_of, ids, public_paste


def test_redix_pubsubs_disconnected_message_is_a_dropped_connection():
    # phoenix_pubsub_redis 2.1 crashed on {:redix_pubsub, pid, :disconnected, %{reason: :tcp_closed}} (Sentry's report)
    diag = diag_of(public_paste("elixir/phoenix-pubsub-redis-29.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-connection-dropped"
    assert "redis-error-unnamed" not in ids(diag)


def test_redix_reply_timeout_is_a_command_timeout_not_a_connect_timeout():
    # Phoenix.PubSub's broadcast failed with %Redix.ConnectionError{reason: :timeout} after a partial network loss
    diag = diag_of(public_paste("elixir/redix-285.log"))
    assert diag.verdict.state == "degraded"
    assert diag.verdict.root_cause == "redis-pool-timeout"


def test_redixs_other_reasons_keep_their_reading():
    # controls: Redix.PubSub crashing on a refused connect (public redix_pubsub#12) and Redix's own log line for a closed
    # connection (public redix#62) read as before
    assert diag_of(public_paste("elixir/redix-pubsub-12.log")).verdict.root_cause == "redis-econnrefused"
    assert diag_of(public_paste("elixir/redix-62.log")).verdict.root_cause == "redis-connection-dropped"


def test_bugsnags_heading_for_redis_rbs_read_timeout_is_that_timeout():
    # '**Redis::TimeoutError** in **sidekiq#default**' then 'Connection timed out' on its own line (lagotto#606)
    diag = diag_of(public_paste("ruby/lagotto-606.log"))
    assert diag.verdict.root_cause == "redis-pool-timeout"
    assert diag.verdict.state == "degraded"
    assert "redis-error-unnamed" not in ids(diag)


def test_redis_rbs_connect_timeout_stays_a_connection_timeout():
    # control: a connect that timed out names Redis::TimeoutError in parentheses after redis-rb's own sentence
    line = ("/usr/share/rubygems-integration/all/gems/redis-4.8.0/lib/redis/client.rb:398:in `rescue in "
            "establish_connection': Error connecting to Redis on red-d0cjkelq67qs70c2tmot:6379 (Redis::TimeoutError) "
            "(Redis::CannotConnectError)")
    assert diag_of(line).verdict.root_cause == "redis-connection-timeout"


def test_postgrex_failures_of_the_same_batch_stay_not_redis():
    # control: the batch's Elixir PostgreSQL failures (refused, :nxdomain) are no Redis failure
    for name in ("nonredis/blockscout-1413.log", "nonredis/postgrex-255.log"):
        assert diag_of(public_paste(name)).verdict.state not in ("failing", "degraded"), name
