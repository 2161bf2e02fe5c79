"""Issue 13, heldout89's classes (session 21, Redis failures as logged by Node.js backends, seventh round: ioredis and
node-redis under Nuxt, Strapi, NestJS, Mastodon's streaming server, PostHog, Flowise and n8n queue mode, BullMQ and
Bull). Six classes, each from the batch's public pastes (samples/public/heldout89.yaml) and the family's other words:

- a cluster's MOVED/ASK redirect whose node the paste garbled (the colon lost in a mask: 'MOVED 2236
  xxx-0001-001.xxx6379') is still the redirect when a client's reply error class or ERR stands before it
  (redis-cluster-redirect); a prose 'moved' is not;
- CLIENT SETINFO refused by a server older than 7.2 is the handshake's reply, which every client ignores: the connection
  works (redis-client-setinfo-refused, status up); only where the reply landed on the app's own command ('redis eval
  error: ERR unknown subcommand 'setinfo'', go-redis 9.5.0 under asynq) is it redis-server-too-old;
- a Node framework saying a package its Redis integration needs is not installed ('The package "strapi-plugin-redis" is
  required', NestJS' 'The "ioredis" package is missing') is no Redis error, as 'Cannot find module' is not
  (rules/affinity.yaml `unnamed_not`);
- a JavaScript programming error serialized a field per line ('"type": "TypeError",' first, a stack through a 'redis'
  folder below) is no Redis error either, as the same error on one line is not;
- BullMQ failing to renew an active job's lock ('could not renew lock for job <id>') is the queue degraded, not "can't
  tell" (queue-job-lock-lost, a symptom); the lock found gone at the end stays redis-data-missing's;
- a queue library's warning about a setting it read from the server (BullMQ's eviction policy and minimum version,
  Sidekiq's policy) says the connection answered (redis-server-info-read, status up): the warning alone is a healthy
  log with its finding, not "can't tell"."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, public_paste, verdict_of

BAD = ("failing", "degraded")


def _ids(text: str) -> set[str]:
    return {f.rule_id for f in diag_of(text).findings}


@pytest.mark.parametrize(
    "text",
    [
        # PostHog/posthog#3831: the plugin server on a cluster-mode ElastiCache endpoint, the node masked without ':'
        public_paste("node/posthog-3831.log"),
        "(node:54) UnhandledPromiseRejectionWarning: ReplyError: MOVED 2236 xxx-0001-001.xxx6379\n",
        # an ElastiCache Serverless endpoint whose port the author cut with the rest of the host
        "ReplyError: ERR MOVED 7572 <redacted>-aud8py.serverless.euw1.cache.amazonaws.com\n",
        "ErrorReply: ASK 3999 node-2.internal\n",
    ],
    ids=["posthog-3831", "posthog-line", "serverless-masked", "node-redis-ask"],
)
def test_a_redirect_whose_node_the_paste_garbled_is_still_the_redirect(text):
    assert verdict_of(text) == ("failing", "redis-cluster-redirect")


@pytest.mark.parametrize(
    "line",
    ["Error: file MOVED 2 directories up\n", "Exception: the job was MOVED to the dead letter queue\n"],
)
def test_a_prose_moved_is_no_redirect(line):
    assert "redis-cluster-redirect" not in _ids(line)


@pytest.mark.parametrize(
    "text",
    [
        # redis/node-redis#2869: node-redis 4.6.14 on ElastiCache 7.1, the reply alone (the client ignores it)
        public_paste("healthy/node-redis-2869.log"),
        # Redis 7.0's words, and node-redis' ErrorReply in brackets, and Valkey/Redis 6.0's backticks
        "ERR unknown subcommand 'setinfo'. Try CLIENT HELP.\n",
        "[ErrorReply: ERR Unknown subcommand or wrong number of arguments for 'SETINFO'. Try CLIENT HELP.]\n",
        "ReplyError: ERR unknown subcommand `setinfo`. Try CLIENT HELP.\n",
    ],
    ids=["node-redis-2869", "redis-7.0", "node-redis-brackets", "backticks"],
)
def test_a_refused_client_setinfo_alone_is_a_working_connection(text):
    diag = diag_of(text)
    assert diag.verdict.state == "healthy"
    assert "redis-client-setinfo-refused" in {f.rule_id for f in diag.findings}
    assert "redis-server-too-old" not in {f.rule_id for f in diag.findings}


def test_a_setinfo_reply_landing_on_the_apps_command_is_the_server_too_old():
    # redis/go-redis#2910: go-redis 9.5.0 under asynq, the reply read as the eval's
    line = "2024/02/18 10:00:00 redis eval error: ERR unknown subcommand 'setinfo'. Try CLIENT HELP.\n"
    assert verdict_of(line) == ("failing", "redis-server-too-old")


@pytest.mark.parametrize(
    "text",
    [
        # strapi-community/plugin-redis#18: Strapi under pm2, the REST cache's Redis plugin not installed
        public_paste("nonredis/plugin-redis-18.log"),
        # NestJS' loadPackage for its Redis transport and cache store
        "[Nest] 1  - 03/12/2026, 6:36:25 PM   ERROR [PackageLoader] The \"ioredis\" package is missing. Please, make"
        " sure to install it to take advantage of ClientRedis.\n",
    ],
    ids=["plugin-redis-18", "nestjs-package-loader"],
)
def test_a_missing_redis_package_is_no_redis_error(text):
    state, root = verdict_of(text)
    assert state not in BAD
    assert root is None


def test_a_serialized_type_error_through_a_redis_folder_is_no_redis_error():
    # activepieces/activepieces#3255: bull-board's TypeError as pino's object a field per line
    diag = diag_of(public_paste("nonredis/activepieces-3255.log"))
    assert diag.verdict.state not in BAD
    assert "redis-error-unnamed" not in {f.rule_id for f in diag.findings}


def test_a_serialized_redis_reply_error_keeps_its_reading():
    # the same shape for an error Redis replied: ReplyError is no programming error
    text = (
        "{\n"
        '  "level": 50,\n'
        '  "err": {\n'
        '    "type": "ReplyError",\n'
        '    "message": "WRONGPASS invalid username-password pair or user is disabled.",\n'
        '    "stack": "ReplyError: WRONGPASS invalid username-password pair or user is disabled.\\n    at parseError'
        ' (/app/node_modules/redis-parser/lib/parser.js:179:12)"\n'
        "  },\n"
    )
    assert verdict_of(text) == ("failing", "redis-wrongpass")


@pytest.mark.parametrize(
    "text",
    [
        # FlowiseAI/Flowise#5171: BullMQ 5.45.2's extendLocks, with the log viewer's time stamps between
        public_paste("node/flowise-5171.log"),
        "[2025-09-04 11:07:38] ERROR worker: Error: could not renew lock for job 7f3c2a\n",
    ],
    ids=["flowise-5171", "one-line"],
)
def test_a_lock_not_renewed_is_the_queue_degraded(text):
    assert verdict_of(text) == ("degraded", "queue-job-lock-lost")


def test_a_lock_found_gone_at_the_end_stays_data_missing():
    # taskforcesh/bullmq#2424: 'Missing lock for job …' beside a script's own 'Out of memory'
    diag = diag_of(public_paste("node/bullmq-2424.log"))
    rules = {f.rule_id for f in diag.findings}
    assert "redis-data-missing" in rules
    assert "queue-job-lock-lost" not in rules


@pytest.mark.parametrize(
    "text",
    [
        # National-Tutoring-Observatory/sandpiper#734: BullMQ on AWS Valkey, the warning alone
        public_paste("healthy/sandpiper-734.log"),
        # BullMQ's version advice, read from the same INFO, and Sidekiq 7's policy line
        "It is highly recommended to use a minimum Redis version of 6.2.0 Current: 6.0.16\n",
        "The 'noeviction' maxmemory policy is recommended (current policy: 'allkeys-lru').\n",
    ],
    ids=["sandpiper-734", "bullmq-version", "sidekiq-policy"],
)
def test_a_setting_read_from_the_server_says_the_connection_answers(text):
    diag = diag_of(text)
    assert diag.verdict.state == "healthy"
    assert "redis-server-info-read" in {f.rule_id for f in diag.findings}


def test_bullmqs_options_notice_says_nothing_of_the_server():
    # nocodb/nocodb#2452: printed when the connection object is made, before any reply
    diag = diag_of(public_paste("healthy/nocodb-2452.log"))
    assert diag.verdict.state not in BAD
    assert "redis-server-info-read" not in {f.rule_id for f in diag.findings}


def test_a_refusal_after_the_policy_warning_is_still_the_failure():
    text = (
        "IMPORTANT! Eviction policy is allkeys-lru. It should be \"noeviction\"\n"
        "[ioredis] Unhandled error event: Error: connect ECONNREFUSED 10.0.0.5:6379\n"
        "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)\n"
    )
    assert verdict_of(text)[0] == "failing"
