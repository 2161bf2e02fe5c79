"""Issue 13, heldout20's classes (managed Redis and its TLS and network specifics: Azure Cache for Redis, ElastiCache,
Heroku Redis, Upstash and Vercel KV, DigitalOcean, Railway; public pastes measured on arrival): a reset from an endpoint
that speaks only TLS is a plaintext client, Ruby's 'SSL_connect SYSCALL' certificate failure, StackExchange.Redis'
'Timeout awaiting response', node_redis' 'read ETIMEDOUT' on an open connection, Lettuce's connect timeouts, Vercel KV's
missing REST variables. Every log here is real output: the public pastes of samples/public/ (their threads in
samples/README.md, section E, "Twentieth batch"); the few lines written here are the controls that must stay as they
were."""

from __future__ import annotations

from tests.conftest import diag_of, ids, public_paste

_paste = public_paste


def test_a_reset_from_an_endpoint_that_speaks_only_tls_is_a_plaintext_client():
    # node_redis and ioredis (its debug log names the host on another line) without tls on Azure's TLS port 6380
    for name in ("node/node-redis-650.log", "node/ioredis-577.log", "node/ioredis-267.log"):
        diag = diag_of(_paste(name))
        assert diag.verdict.root_cause == "redis-plaintext-to-tls", name
    # the same reset from Azure's plaintext port, or from Fly.io's private Upstash endpoint, stays a dropped connection
    line = _paste("node/node-redis-650.log")
    assert diag_of(line.replace(":6380", ":6379")).verdict.root_cause == "redis-connection-dropped"
    fly = line.replace("xxx.redis.cache.windows.net:6380", "fly-redis-server-kaz.upstash.io:6379")
    assert diag_of(fly).verdict.root_cause == "redis-connection-dropped"
    upstash = line.replace("xxx.redis.cache.windows.net:6380", "evolved-snail-63391.upstash.io:6379")
    assert diag_of(upstash).verdict.root_cause == "redis-plaintext-to-tls"


def test_a_client_that_worked_over_tls_then_dropped_is_a_drop():
    # the endpoint speaks only TLS, but the client was ready before the reset: it spoke TLS, the connection went away
    ready = "✅ Redis ready and connected\n"  # the note's app (samples/raw/node-app/healthy.log)
    diag = diag_of(ready + _paste("node/node-redis-650.log"))
    assert diag.verdict.root_cause == "redis-connection-dropped"


def test_an_endpoint_that_speaks_only_tls_is_no_failure_on_its_own():
    # ElastiCache Serverless named in a MOVED reply: still the redirect, the endpoint adds nothing to the verdict
    assert diag_of(_paste("node/ioredis-1865.log")).verdict.root_cause == "redis-cluster-redirect"
    # DigitalOcean's 25061 on a connect timeout: still a timeout (a connection never made is no plaintext exchange)
    assert diag_of(_paste("ruby/mapzy-57.log")).verdict.root_cause == "redis-connection-timeout"
    assert diag_of(_paste("healthy/flyctl-3927.log")).verdict.state not in ("failing", "degraded")


def test_rubys_ssl_connect_syscall_certificate_failure():
    # redis-client under sidekiqmon to Heroku Redis: 'SSL_connect SYSCALL returned=5 ... certificate verify failed'
    assert diag_of(_paste("ruby/sidekiq-6015.log")).verdict.root_cause == "redis-tls-certificate"
    # the lone certificate line that names no endpoint and no Redis client stays not tied to Redis
    assert diag_of(_paste("ruby/sidekiq-4786.log")).verdict.state == "unknown"


def test_stackexchange_redis_timeout_awaiting_response_is_a_command_timeout():
    diag = diag_of(_paste("dotnet/stackexchange-redis-2874.log"))
    assert diag.verdict.state == "degraded"
    assert diag.verdict.root_cause == "redis-pool-timeout"


def test_a_read_that_timed_out_on_an_open_connection_is_a_dropped_connection():
    # node_redis: 'failed - read ETIMEDOUT' after hours idle (Redis Cloud)
    assert diag_of(_paste("node/node-redis-530.log")).verdict.root_cause == "redis-connection-dropped"
    # 'failed - connect ETIMEDOUT' is a connection never made
    assert diag_of(_paste("node/node-redis-1152.log")).verdict.root_cause == "redis-connection-timeout"


def test_lettuces_connect_timeout_is_a_connection_timeout():
    # the cluster topology refresh dialling a node's private address from outside the VPC
    assert diag_of(_paste("java/lettuce-1827.log")).verdict.root_cause == "redis-connection-timeout"
    # the same words for a PostgreSQL port are not Redis
    line = _paste("java/lettuce-1827.log").replace(":6379", ":5432")
    assert "redis-connection-timeout" not in ids(diag_of(line))


def test_vercel_kvs_missing_rest_variables_are_an_unset_url():
    assert diag_of(_paste("node/vercel-examples-744.log")).verdict.root_cause == "redis-url-not-set"


def test_non_redis_tls_failures_of_the_batch_stay_quiet():
    # managed PostgreSQL's self-signed certificate, HTTP APIs' unverifiable chains, an HTTPS client on a plain-HTTP API
    for name in ("nonredis/nodejs-getting-started-166.log", "nonredis/heimdall2-1357.log",
                 "nonredis/porsager-postgres-38.log", "nonredis/porsager-postgres-597.log",
                 "nonredis/texas-dps-scheduler-141.log", "nonredis/node-jira-client-344.log",
                 "nonredis/serverless-redis-http-23.log", "nonredis/fastopp-143.log"):
        assert diag_of(_paste(name)).verdict.state not in ("failing", "degraded"), name
