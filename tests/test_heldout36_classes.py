"""Issue 13, heldout36's classes (public pastes of Ruby and PHP apps, measured on arrival), each fixed for the family,
not the paste: a job runner's name that ActiveJob prints for any job is no Redis signal, nor a SQL database's error
whatever its statement quotes; OpenSSL 3's TLS EOF and phpredis' failed read are the dropped class; Ruby's ENOENT on a
unix socket's path is the refusal's unix form. Every log here is real output: the public pastes of samples/public/
(their threads in samples/README.md, section E, "Thirty-sixth batch") and lines quoted from them."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, public_paste, verdict_of


# --- what is not Redis: ActiveJob's 'from Sidekiq(queue)', net/smtp's frames, a SQLSTATE error ---

@pytest.mark.parametrize("name", [
    "nonredis/mastodon-16669.log",            # the mail host does not resolve, net/smtp.rb frames, 'from Sidekiq(default)'
    "nonredis/mastodon-documentation-465.log",  # 'from Sidekiq(mailers) in 60038.01ms: EOFError (end of file reached)'
    "nonredis/horizon-243.log",               # 'SQLSTATE[42S02]: … values (redis, default, [...]'
])
def test_a_job_runner_or_database_failure_of_a_redis_app_is_not_redis(name):
    state, root = verdict_of(public_paste(name))
    assert state not in ("failing", "degraded") and root is None


def test_sidekiq_by_its_own_name_still_ties_a_line():
    # the job runner's own log line about its fetch ('Error fetching message: …') stays Sidekiq's, hence Redis's
    line = ("2014-10-21T09:16:41Z 8590 TID-ovpxxl4dg ERROR: Error fetching message: No such file or directory - "
            "connect(2) for /var/run/redis/redis.sock")
    assert verdict_of(line) == ("failing", "redis-econnrefused")


# --- the dropped class in two more wordings ---

def test_phpredis_socket_error_on_read_is_a_drop():
    assert verdict_of(public_paste("php/redis-cache-460.log")) == ("failing", "redis-connection-dropped")


# --- a unix socket with no file ---

def test_gitlab_sidekiq_on_a_missing_unix_socket_is_refused():
    assert verdict_of(public_paste("ruby/gitlab-recipes-237.log")) == ("failing", "redis-econnrefused")


# --- what the reader and the scanner hand the rules ---

def test_a_cut_pretty_printed_record_is_read_as_text():
    # v2board's serialized exception pasted from its log, cut short: its trace's own objects are no records, so the
    # paste is text and its NOAUTH reply is read (it was 'nothing was read': five records that did not parse)
    assert verdict_of(public_paste("php/v2board-127.log")) == ("failing", "redis-noauth")


def test_an_error_trackers_frames_belong_to_the_error_above_them():
    # Bugsnag's copy: '**OpenSSL::SSL::SSLError: SSL_read: unexpected eof while reading**', a blank line, then
    # '<file> line <n> in <method>' frames through redis-rb: the frames tie the TLS EOF (a drop) to Redis
    assert verdict_of(public_paste("ruby/sidekiq-5402.log")) == ("failing", "redis-connection-dropped")


def test_a_brace_left_open_by_a_cut_line_ends_at_the_next_record():
    # Monolog lines whose JSON context the user cut ('… at ...'), blank lines between: each line is its own entry, so
    # Credis' refusal between the lost connection and LOADING is read too (it was joined to the first line)
    diag = diag_of(public_paste("php/mrliving-magento-76.log"))
    counts = {f.rule_id: f.count for f in diag.findings}
    # three entries: the lost connection and the refusal after it (the restart, read as the LOADING it ends with since
    # the lead's restart class) and LOADING itself; joined, the refusal was not read at all
    assert counts == {"redis-loading": 3}
