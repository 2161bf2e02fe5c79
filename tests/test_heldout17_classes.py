"""Issue 13, heldout17's classes (self-hosted Node.js apps where Redis broke, and their non-Redis failures; public pastes
measured on arrival): Redis before 5.0 words its READONLY reply with 'slave' where 5.0 says 'replica', and the SMTP and
PostgreSQL failures of apps that also use Redis stay no Redis finding. Every log here is real output: the public pastes of
samples/public/ (their threads in samples/README.md, section E, "Seventeenth batch"); the few lines written here are the
controls that must stay as they were."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, ids, public_paste

_paste = public_paste


def test_a_redis_4_read_only_slave_is_the_read_only_replica():
    # ioredis on a Redis 3/4 sentinel set's replica: 'Error: READONLY You can't write against a read only slave.'
    diag = diag_of(_paste("node/ioredis-439.log"))
    assert diag.verdict.root_cause == "redis-readonly"
    assert diag.verdict.state == "degraded"
    # Redis 5's wording stays the same finding
    assert diag_of("ReplyError: READONLY You can't write against a read only replica.").verdict.root_cause == "redis-readonly"
    # a read-only file system is no Redis replica
    assert "redis-readonly" not in ids(diag_of("Error: EROFS: read-only file system, open '/data/dump.rdb'"))


@pytest.mark.parametrize("name", [
    "nonredis/nodebb-8602.log",         # nodemailer: SMTP refused on 127.0.0.1:587
    "nonredis/email-templates-359.log",  # the same, in node's old error object
    "nonredis/rallly-selfhosted-9.log",  # nodemailer: SMTP connection timeout
    "nonredis/immich-2476.log",          # TypeORM: PostgreSQL refused on 127.0.0.1:5432
    "nonredis/immich-4283.log",          # pg: password authentication failed, then BullModule initialised
    "nonredis/abrechnung-332.log",       # express-rate-limit's 429
])
def test_a_redis_apps_mail_and_database_failures_are_no_redis_finding(name):
    # apps that also use Redis (NodeBB, Immich, Rallly): a refusal or a timeout of another service must not turn red
    assert diag_of(_paste(name)).verdict.state not in ("failing", "degraded")
