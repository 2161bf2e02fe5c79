"""Issue 13, heldout52's classes (session 13, users writing in languages other than English): the JVM's
UnknownHostException does not always carry the bare host. netty's resolver (under Lettuce, Redisson, reactor) writes a
sentence with the host quoted ('Failed to resolve 'r-xxx.aliyuncs.com' after 5 queries'), and the JVM on Windows a
sentence in the system's language with the host in parentheses ('No such host is known (host)'): the host is the
quoted or bracketed name, not the sentence's first word, which was read as a piece of a malformed URL. Real output: the
batch's public pastes (samples/public/heldout52.yaml) and the rule's public examples."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, public_paste


def test_netty_failed_to_resolve_is_a_name_that_does_not_resolve():
    diag = diag_of(public_paste("zh/redisson-4720.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-dns-not-found"


@pytest.mark.parametrize(
    "line, host",
    [
        # public heldout52 redisson#4720's cause line
        (
            "nested exception is org.redisson.client.RedisConnectionException: java.net.UnknownHostException: "
            "Failed to resolve 'r-xxx.aliyuncs.com' after 5 queries ",
            "r-xxx.aliyuncs.com",
        ),
        # https://github.com/redisson/redisson/issues/4996 (netty's search-domain variant)
        (
            "io.netty.resolver.dns.DnsResolveContext$SearchDomainUnknownHostException: Failed to resolve 'Redis-URL' "
            "and search domain query for configured domains failed as well: [us-west-2.compute.internal]",
            "Redis-URL",
        ),
        # https://github.com/Azure/azure-sdk-for-java/issues/28965 (the JVM on Windows)
        ("java.net.UnknownHostException: No such host is known (XXX-YYYY.redis.cache.windows.net)", "XXX-YYYY.redis.cache.windows.net"),
        # the bare host still (public heldout4 mgreau/docker4dev-tennistour-app#5, Jedis in docker-compose)
        (
            "Caused by: redis.clients.jedis.exceptions.JedisConnectionException: java.net.UnknownHostException: redis-cache",
            "redis-cache",
        ),
    ],
)
def test_the_host_is_the_quoted_or_bracketed_name(line, host):
    diag = diag_of(line + "\n")
    hits = [f for f in diag.findings if f.rule_id == "redis-dns-not-found"]
    assert hits, [f.rule_id for f in diag.findings]
    assert hits[0].fields.get("host") == host


def test_a_providers_whitelist_refusal_is_its_own_cause_not_an_unnamed_error():
    # public heldout52 alibaba/jetcache#532: Aliyun's ApsaraDB for Redis answers 'ERR illegal address' to an IP off
    # its whitelist; Render's proxy says it in other words (redis-ip-not-allowlisted, whose steps are Render's only)
    diag = diag_of(public_paste("zh/jetcache-532.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-provider-ip-not-allowed"

