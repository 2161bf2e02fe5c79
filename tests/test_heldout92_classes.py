"""Issue 13, heldout92's classes (session 21, self-hosted open-source products that ship with a Redis, their users'
container logs: Sentry self-hosted, Harbor, authentik, Chatwoot, Nextcloud, Immich, mailcow, Dify, Sourcegraph...).
Three classes, each from the batch's public pastes (samples/public/heldout92.yaml) and real captures of redis-server
7.0.15 (samples/raw/classes/session21-h94-aof.log, made by samples/capture/classes/run_s21_h94_aof.sh):

- a Redis server that will not start on its append-only file is the server down (redis-server-start-failed), never
  "can't tell": a corrupt or foreign AOF ('Bad file format reading the append only file[ <name>]'), one cut short
  with aof-load-truncated off ('Unexpected end of file …'), a manifest that is no manifest ('*** FATAL AOF MANIFEST
  FILE ERROR ***'), an AOF or appendonlydir it cannot open or create ('Can't open the append-only file: Read-only file
  system', 'Can't open or create append-only dir appendonlydir: Permission denied'), and Redis 7.2's 'Fatal error
  loading the DB, check server logs'; the default aof-load-truncated yes, which truncates and loads, says no failure;
- the process managers that run a Redis beside an app say it exited: supervisord's 'exited: redis-server (exit
  status 1; not expected)', docker compose's '<project>_redis_1 exited with code 1', Sourcegraph's 'redis died.
  Shutting down...' are the server down (an exit status 0, a Sentinel's program, an exporter's container are not);
- a variable naming Redis and an address said undefined, unset, missing or required, in any app's words, is the
  unset Redis URL (redis-url-not-set): self-hosted Sentry's 'REDIS_PORT_6379_TCP_ADDR (or SENTRY_REDIS_HOST) is
  undefined', 'REDIS_HOST environment variable is not set', 'Missing required environment variable: REDIS_URL'; a
  password or port variable is no address."""

from __future__ import annotations

import pytest

from tests.conftest import capture_section, public_paste, verdict_of

AOF = "session21-h94-aof.log"


@pytest.mark.parametrize(
    "text",
    [
        public_paste("cpp/authentik-7643.log"),
        public_paste("cpp/authentik-11576.log"),
        public_paste("cpp/1panel-8888.log"),
        public_paste("cpp/oncokb-2216.log"),
        capture_section(AOF, "an incr AOF that is no AOF"),
        capture_section(AOF, "a truncated AOF, aof-load-truncated no"),
        capture_section(AOF, "appendonlydir in a directory the server's user (nobody) may not write"),
        capture_section(AOF, "a manifest that is no manifest"),
        # Redis 7.2's words after the reason on the lines before it, and Redis 2.x-5.x's for an AOF it cannot read
        "1:M 09 Aug 2026 10:34:02.611 # Fatal error loading the DB, check server logs. Exiting.",
        "1:M 02 Sep 2022 04:26:03.957 # Can't open the append-only file: Permission denied",
        "[1] 12 Mar 10:01:02.003 # Fatal error: can't open the append log file for reading: Permission denied",
    ],
    ids=[
        "authentik-7643", "authentik-11576", "1panel-8888", "oncokb-2216", "bad-format", "unexpected-eof",
        "aof-dir-permission", "manifest", "redis72-rdb", "aof-permission", "old-append-log",
    ],
)  # fmt: skip
def test_a_server_that_cannot_load_its_aof_is_down(text):
    assert verdict_of(text) == ("failing", "redis-server-start-failed")


def test_a_truncated_aof_loaded_anyway_is_no_failure():
    # the default aof-load-truncated yes: the server truncates the file, loads it and accepts connections
    state, root = verdict_of(capture_section(AOF, "the truncated AOF again with the default aof-load-truncated yes"))
    assert state not in ("failing", "degraded")
    assert root is None


@pytest.mark.parametrize(
    "text",
    [
        public_paste("go/sourcegraph-90.log"),
        "nginx-dkc_redis_1 exited with code 1",
        "sentry-self-hosted-redis-1 exited with code 137",
        "2017-02-21 08:24:06,451 INFO exited: redis-server (exit status 1; not expected)",
        "2024-01-05 10:00:01,120 INFO exited: valkey (terminated by SIGKILL; not expected)",
    ],
    ids=["sourcegraph-90", "compose-v1", "compose-v2-oom", "supervisord", "supervisord-signal"],
)
def test_a_process_manager_saying_the_server_exited_is_the_server_down(text):
    assert verdict_of(text) == ("failing", "redis-server-start-failed")


@pytest.mark.parametrize(
    "text",
    [
        "2017-02-21 08:24:06,451 INFO exited: redis-server (exit status 0; not expected)",
        "2025-04-24 11:57:34,873 INFO exited: redis_sentinel (exit status 0; not expected)",
        "docker-redis-1 exited with code 0",
        "redis-exporter-1 exited with code 1",
    ],
    ids=["status-0", "sentinel", "clean-stop", "exporter"],
)
def test_other_exits_are_not_the_server_down(text):
    assert verdict_of(text)[1] != "redis-server-start-failed"


@pytest.mark.parametrize(
    "text",
    [
        public_paste("python/sentry-self-hosted-141.log"),
        "Error: REDIS_HOST environment variable is not set",
        "Missing required environment variable: REDIS_URL",
        "CELERY_REDIS_URL must be set",
    ],
    ids=["sentry-141", "host-not-set", "missing-variable", "must-be-set"],
)
def test_a_redis_address_variable_said_unset_is_the_unset_url(text):
    assert verdict_of(text) == ("failing", "redis-url-not-set")


@pytest.mark.parametrize(
    "text",
    ["REDIS_PASSWORD is not set, connecting without AUTH", "REDIS_PORT is undefined, using 6379"],
    ids=["password", "port"],
)
def test_a_password_or_port_variable_is_no_address(text):
    assert verdict_of(text)[1] != "redis-url-not-set"
