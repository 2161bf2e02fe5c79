"""Issue 13, heldout90's classes (session 21, apps on hosted platforms and their managed Redis: Heroku, ElastiCache,
Azure Cache for Redis, DigitalOcean, Upstash on Vercel). Four classes, each from the batch's public pastes
(samples/public/heldout90.yaml):

- READONLY as people and trackers retype it is still a write refused by a replica (redis-readonly, degraded): the
  docs' hyphenated 'read-only replica', the apostrophe spaced or typographic ('You can' t write', 'You can’t write');
  a replica's configuration line ('replica-read-only yes') is no refusal;
- StackExchange.Redis' own words for a MOVED it did not follow ('Key has MOVED to|from Endpoint <node> and hashslot
  <slot> but CommandFlags.NoRedirect was specified') are a cluster redirect (redis-cluster-redirect), as the reply
  itself is; its 'Endpoint … serving hashslot … is not reachable' is another failure;
- StackExchange.Redis' 'No connection is available to service this operation: <command>' pasted bare, with no word
  of failure, is a Redis failure (failing, never "can't tell"): no connection could run the command;
- a Ruby trace pasted without its message, its first line redis-rb's own rescue ('…/redis/client.rb:270:in `rescue
  in io'', 'rescue in establish_connection', Ruby 3.4's quoted and qualified labels) is a Redis failure; an app's
  rescue frame is not a Redis one."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, public_paste, verdict_of

BAD = ("failing", "degraded")


@pytest.mark.parametrize(
    "text",
    [
        public_paste("dotnet/stackexchange-redis-2264.log"),
        # StackExchange/StackExchange.Redis#1793's title, the apostrophe spaced
        "StackExchange.Redis.RedisServerException: READONLY You can' t write against a read only replica.",
        "READONLY You can\u2019t write against a read-only replica.",
        # the reply as Redis sends it, and from before 5.0, keep their reading
        "READONLY You can't write against a read only replica.",
        public_paste("ruby/redis-elasticache-8.log"),
    ],
    ids=["se-2264-hyphen", "se-1793-spaced", "typographic", "redis-reply", "redis-elasticache-8"],
)
def test_readonly_as_retyped_is_a_replica_refusing_writes(text):
    assert verdict_of(text) == ("degraded", "redis-readonly")


def test_a_replicas_configuration_is_no_refusal():
    assert verdict_of("replica-read-only yes")[0] not in BAD


@pytest.mark.parametrize(
    ("text", "node"),
    [
        (public_paste("dotnet/stackexchange-redis-1062.log"), "test1-0001-001.test1.xhqxoc.cache.amazonaws.com:6379"),
        # a Taiwanese blog's docker cluster, StackExchange.Redis 2.0
        (
            "Key has MOVED from Endpoint 172.19.0.2:6379 and hashslot 4768 but CommandFlags.NoRedirect was specified -"
            " redirect not followed for SET test1. IOCP: (Busy=0,Free=1000,Min=8,Max=1000), WORKER:"
            " (Busy=0,Free=1023,Min=8,Max=1023), Local-CPU: n/a",
            "172.19.0.2:6379",
        ),
        # 2.x's wording (ResultProcessor)
        (
            "StackExchange.Redis.RedisServerException: Key has MOVED to Endpoint 10.0.1.17:6379 and hashslot 8713 but"
            " CommandFlags.NoRedirect was specified - redirect not followed for GET user:42. ",
            "10.0.1.17:6379",
        ),
    ],
    ids=["se-1062", "se-2.0-from", "se-2.x-to"],
)
def test_stackexchange_redis_declining_a_moved_is_a_cluster_redirect(text, node):
    diag = diag_of(text)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-cluster-redirect")
    fields = next(f.fields for f in diag.findings if f.rule_id == "redis-cluster-redirect")
    assert fields["node"] == node


def test_an_unreachable_slot_node_is_not_a_redirect():
    text = "Endpoint 10.0.1.17:6379 serving hashslot 8713 is not reachable at this point of time."
    assert verdict_of(text)[1] != "redis-cluster-redirect"


@pytest.mark.parametrize(
    "text",
    [
        public_paste("dotnet/azure-functions-962.log"),
        public_paste("dotnet/aspnet-redis-providers-140.log"),
        "No connection is active/available to service this operation: SET session:8f2c",
    ],
    ids=["azure-functions-962", "aspnet-redis-providers-140", "active-available"],
)
def test_stackexchange_redis_no_connection_bare_is_a_failure(text):
    assert verdict_of(text)[0] == "failing"


@pytest.mark.parametrize(
    "text",
    [
        public_paste("ruby/redis-rb-931.log"),
        # the connect path's rescue, and Ruby 3.4's labels (quoted with ', the method qualified by its class)
        "/app/vendor/bundle/ruby/2.6.0/gems/redis-4.1.3/lib/redis/client.rb:362:in `rescue in establish_connection'\n"
        "/app/vendor/bundle/ruby/2.6.0/gems/redis-4.1.3/lib/redis/client.rb:343:in `establish_connection'",
        "/usr/local/bundle/gems/redis-4.8.1/lib/redis/client.rb:276:in 'rescue in Redis::Client#io'\n"
        "/usr/local/bundle/gems/redis-4.8.1/lib/redis/client.rb:268:in 'Redis::Client#io'",
    ],
    ids=["redis-rb-931", "establish-connection", "ruby-3.4"],
)
def test_redis_rbs_own_rescue_without_its_message_is_a_failure(text):
    assert verdict_of(text)[0] == "failing"


def test_an_apps_rescue_frame_is_not_redis():
    text = (
        "/app/app/services/payments.rb:88:in `rescue in charge'\n"
        "/app/app/services/payments.rb:80:in `charge'\n"
        "/app/app/controllers/orders_controller.rb:12:in `create'"
    )
    assert verdict_of(text)[0] not in BAD
