"""Issue 13, heldout67's classes: real captures of the clients run least (node-redis 5, ioredis 6, redis-py 6 asyncio,
valkey-py, Valkey GLIDE for Python, ruby-redis, phpredis, Redis.pm) in apps that log as deployed apps do, broken on
purpose, made as samples/README.md section L, heldout67, says. Each test feeds the real output, or a part of it, to the
pipeline."""

from __future__ import annotations

import pytest

from analyzer.storms import form_of
from tests.conftest import batch_capture, verdict_of


# -- URL mistakes an app's own code meets before any client reads the URL -----------------------------------------------

def test_an_apps_own_check_of_redis_url_is_a_malformed_url():
    # a Perl daemon's regex refuses 'reddis://…' for Redis.pm (host:port only): its one line was "can't tell"
    assert verdict_of(batch_capture("heldout67", "counter-perl-redis/url-typo-scheme.log")) == ("failing", "redis-url-malformed")


def test_urllibs_port_error_under_the_apps_glide_address_is_a_malformed_url():
    # the app parses REDIS_URL for GLIDE (NodeAddress(host, port)); urllib's port error, with PostgreSQL refused and the
    # API's lookup failing before it, was "can't tell"
    log = batch_capture("heldout67", "metrics-valkey-glide/mix-url-bad-port.log")
    assert verdict_of(log) == ("failing", "redis-url-malformed")


def test_the_same_port_error_under_another_clients_address_names_no_redis():
    tb = ("Traceback (most recent call last):\n"
          '  File "/app/client.py", line 9, in fetch\n'
          "    addr = ServerAddress(u.hostname, u.port or 443)\n"
          '  File "/usr/lib/python3.11/urllib/parse.py", line 182, in port\n'
          "ValueError: Port could not be cast to integer value as '443x'\n")
    assert verdict_of(tb)[1] != "redis-url-malformed"


# -- Python logging's padded level and logger name before 'connected to Valkey/Redis' ----------------------------------

def test_connected_after_a_padded_level_and_logger_name_says_the_client_works():
    # GLIDE's worker logs '%(levelname)-8s %(name)s %(message)s': the healthy log was "can't tell"
    assert verdict_of(batch_capture("heldout67", "metrics-valkey-glide/healthy.log")) == ("healthy", None)


def test_not_connected_after_the_logger_name_is_no_success():
    state, _ = verdict_of("2026-12-07 05:45:39,764 INFO     metrics not connected to Valkey/Redis\n")
    assert state != "healthy"


# -- GLIDE's watchdog on a command left unanswered ---------------------------------------------------------------------

def test_glides_timeout_watchdog_is_a_redis_timeout():
    # the server killed under the worker: GLIDE's only word was its WARN line, and the log read healthy (after its
    # 'connected to Valkey/Redis') or "can't tell"; heldout42 labels GLIDE's kill a connection timeout
    assert verdict_of(batch_capture("heldout67", "metrics-valkey-glide/mix-killed-then-back.log")) == (
        "failing", "redis-connection-timeout")
    assert verdict_of(batch_capture("heldout42", "glide-node/killed-not-back.log")) == ("failing", "redis-connection-timeout")


# -- the app's work back after a storm, its list of values shorter ------------------------------------------------------

def test_a_list_of_values_is_one_form_whatever_its_length():
    before = "2026-12-07 05:44:48,662 - price-cache - INFO - refreshed price sku4; top sellers ['sku4', 'sku3', 'sku2']"
    after = "2026-12-07 05:44:53,681 - price-cache - INFO - refreshed price sku9; top sellers ['sku9']"
    assert form_of(before) == form_of(after)
    assert form_of("queue sizes [1, 2, 3]") == form_of("queue sizes []")


@pytest.mark.parametrize("name", [
    "price-cache-valkey-py/killed-then-back.log",  # the restarted server lost the sorted set: a one-item list after
])
def test_work_back_with_a_shorter_list_after_a_restart_is_recovery(name):
    # valkey-py's refusals while the server was down, then the refresher's line again with the list the empty server
    # gave: it read failing
    assert verdict_of(batch_capture("heldout67", name)) == ("recovered", "redis-connection-dropped")
