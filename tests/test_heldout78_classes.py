"""Issue 13, heldout78's classes (session 19, Node.js apps deployed on PaaS platforms whose managed Redis failed):
- a managed Redis's own refusals in the words its clients print: @upstash/redis' REST client answered 401
  ('UpstashError: Unauthorized', upstash/redis-js#335) is a refused password, the REST form of WRONGPASS; a provider
  throttling a client's requests as a Redis reply ('ReplyError: Too many requests. Please try again later.' to BullMQ's
  AUTH, redis/ioredis#1855) is the provider's limit, like Upstash's 'max requests limit exceeded';
- SET refused for its number of arguments ('ERR wrong number of arguments for 'set' command') is a server older than
  2.6.12, which lacks SET's options that session stores and queues send (tj/connect-redis#164 under express-session,
  weyoss/redis-smq#13 on Redis 2.4.6); another command refused so is the caller's own mistake (a current redis-server's
  reply to GET with no key, samples/raw/classes/session19-h80-setargs.log);
- node_redis' reconnect logged by the app ('There was an error when re-connecting to redis {…"times_connected":12}',
  hyphenated, the retry options printed whole) after the client had connected before is a dropped connection (Meteor's
  redis-oplog on Galaxy, cult-of-coders/redis-oplog#322); with "times_connected":0 the client never connected and its
  refusal in the same line is the cause (heldout49 redis-oplog-334); the app's 'Connection to redis ended' line alone
  is no failure (node_redis says it after a failed attempt and at quit() as well);
- @upstash/redis (1.18, 1.20) built from an unset variable throws in its constructor, 'TypeError: Cannot read
  properties of undefined (reading 'startsWith')' with 'at new Redis (…@upstash/redis…)' under it: REDIS_URL not set,
  as its later versions say in words (upstash/redis-js#279, a Vercel build); the same TypeError from the app's own code
  is not; and a viewer's table copied with its time column keeps the column's bar ('13:12:47.832 | at new Redis (…)'):
  the bar is not the message's, so the frame continues the error above it.
Real output: the batch's public pastes (samples/public/heldout78.yaml) and the captures above and
samples/raw/classes/session19-h80-upstash-url.log (capture/classes/run_s19_h80_upstash_url.sh)."""

from __future__ import annotations

import pytest

from analyzer.sources.formats import parse_line
from tests.conftest import capture_section, public_paste, verdict_of

BAD = ("failing", "degraded")


@pytest.mark.parametrize(
    ("paste", "root"),
    [
        ("node/redis-js-335.log", "redis-wrongpass"),
        ("node/ioredis-1855.log", "redis-provider-limit"),
        ("node/connect-redis-164.log", "redis-server-too-old"),
        ("node/redis-smq-13.log", "redis-server-too-old"),
        ("node/redis-oplog-322.log", "redis-connection-dropped"),
    ],
)
def test_a_managed_redis_refusal_in_its_clients_words_is_its_cause(paste, root):
    assert verdict_of(public_paste(paste)) == ("failing", root)


def test_another_command_refused_for_its_arguments_is_not_the_servers_age():
    state, root = verdict_of(capture_section("session19-h80-setargs.log", "redis-cli GET"))
    assert root != "redis-server-too-old"


def test_a_client_that_never_connected_keeps_its_refusal():
    assert verdict_of(public_paste("node/redis-oplog-334.log")) == ("failing", "redis-econnrefused")


def test_the_apps_end_line_alone_is_no_failure():
    first = public_paste("node/redis-oplog-322.log").splitlines(True)[0]
    assert "Connection to redis ended" in first
    assert verdict_of(first)[0] not in BAD


@pytest.mark.parametrize(
    "text",
    [
        public_paste("node/upstash-redis-js-279.log"),
        capture_section("session19-h80-upstash-url.log", "@upstash/redis 1.18.1"),
        capture_section("session19-h80-upstash-url.log", "@upstash/redis 1.20.6"),
    ],
    ids=["redis-js-279", "1.18.1", "1.20.6"],
)
def test_an_upstash_client_built_without_its_url_is_redis_url_not_set(text):
    assert verdict_of(text) == ("failing", "redis-url-not-set")


def test_the_apps_own_undefined_is_not():
    assert verdict_of(capture_section("session19-h80-upstash-url.log", "node, the app's own undefined"))[0] not in BAD


def test_a_viewers_time_column_bar_is_not_the_message():
    line = public_paste("node/upstash-redis-js-279.log").splitlines()[6]
    record = parse_line(line, "<test>", 7)
    assert record is not None and record.time == "13:12:47.832"
    assert record.message.startswith("at new Redis (file:///vercel/path0/node_modules/@upstash/redis/")
