"""Issue 13, heldout73's classes (session 18, a fourth round of Java and .NET apps in deployment): a text log whose
lines open with a Java layout's empty MDC field ('[] [eventId-…] [PingConnectionHandler.java,97,…] [Unable to send
PING command …]] ## ' org.redisson.client.RedisTimeoutException: …', Redisson on Aliyun) is text, not a JSON array:
read as a document, its first record failed to decode and nothing at all was read, while an empty array alone on its
line stays a document; netty's older search-domain sentence ('SearchDomainUnknownHostException: Search domain query
failed. Original hostname: 'redis' failed to resolve 'redis.svc.cluster.local'', Redisson's DNSMonitor in Kubernetes)
names its host after 'Original hostname:', and its first word 'Search' is no host (it was read as a piece of a
malformed URL); ServiceStack.Redis' exhausted pool ('Redis Timeout expired. The timeout period elapsed prior to
obtaining a connection from the pool', Hangfire Pro's Redis storage) is a pool timeout, while ADO.NET's SqlClient
sentence without 'Redis' is not; the clients' own cross-slot check before sending, in StackExchange.Redis' and Jedis'
words ('Multi-key operations must involve a single slot', 'No way to dispatch this command to Redis Cluster because
keys have different slots', Jedis 4's 'Keys must belong to same hashslot'), is CROSSSLOT; StackExchange.Redis'
refusal to send an admin command without allowAdmin ('This operation is not available unless admin mode is enabled:
FLUSHDB', nopCommerce's and EasyCaching's cache flush) is its own rule, degraded, not an error no rule names; vert.x'
Redis client refusing its connection string's scheme ('Unsupported Redis connection string scheme [localhost]',
Quarkus' shared Dev Services handing over 'localhost:port') is a malformed URL. Real output: the batch's public
pastes (samples/public/heldout73.yaml) and public lines quoted in the rules' examples (redis/jedis#1415,
apache/druid#10753, redis/jedis#4036)."""

from __future__ import annotations

import pytest

from analyzer.pipeline import diagnose
from analyzer.sources.files import Problems, read_sources
from analyzer.sources.formats import looks_like_json_document
from tests.conftest import ROOT, builtin, diag_of, public_paste

# (paste, verdict, root cause): the batch's pastes each class was made from
PASTES = [
    # redisson/redisson#4121: DNSMonitor's 'Search domain query failed. Original hostname: 'redis' …'
    ("java/redisson-4121.log", "failing", "redis-dns-not-found"),
    # HangfireIO/Hangfire#290: ServiceStack.Redis' PooledRedisClientManager on an ASP.NET error page
    ("dotnet/hangfire-290.log", "degraded", "redis-pool-timeout"),
    # nopSolutions/nopCommerce#6570: StackExchange.Redis' 'Multi-key operations must involve a single slot'
    ("dotnet/nopcommerce-6570.log", "degraded", "redis-crossslot"),
    # quarkusio/quarkus#24473: vert.x' 'Unsupported Redis connection string scheme [localhost]'
    ("java/quarkus-24473.log", "failing", "redis-url-malformed"),
    # nopSolutions/nopCommerce#6571: 'This operation is not available unless admin mode is enabled: FLUSHDB'
    ("dotnet/nopcommerce-6571.log", "degraded", "redis-admin-mode-disabled"),
]


@pytest.mark.parametrize(("paste", "state", "root"), PASTES)
def test_heldout73_class_reads_its_paste(paste, state, root):
    diag = diag_of(public_paste(paste))
    assert (diag.verdict.state, diag.verdict.root_cause) == (state, root)


def test_a_layout_opening_with_an_empty_mdc_field_is_text_not_a_json_array():
    # redisson/redisson#5388: each line opens with '[]' (an empty MDC), then the log's own bracketed fields
    path = ROOT / "samples" / "public" / "java" / "redisson-5388.log"
    assert not looks_like_json_document(path.read_text(encoding="utf-8")[:4096])
    problems = Problems()
    diag = diagnose(list(read_sources([str(path)], problems)), builtin(), "auto")
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-pool-timeout")
    # an empty array alone on its line, or one opening over lines, is still a JSON document
    assert looks_like_json_document("[]\n")
    assert looks_like_json_document("[ ]")
    assert looks_like_json_document('[\n  {"message": "a"}\n]\n')


# (line, root cause or None): neighbours that keep their own reading
LINES = [
    # ADO.NET's SqlClient pool: the same sentence without Redis' name is SQL Server's
    ("System.InvalidOperationException: Timeout expired.  The timeout period elapsed prior to obtaining a connection "
     "from the pool.  This may have occurred because all pooled connections were in use and max pool size was "
     "reached.\n", None),
    # netty's newer sentence keeps the quoted host (public heldout52 redisson#4720)
    ("nested exception is org.redisson.client.RedisConnectionException: java.net.UnknownHostException: Failed to "
     "resolve 'r-xxx.aliyuncs.com' after 5 queries \n", "redis-dns-not-found"),
    # Jedis' cross-slot check in its 2.x and 4.x words (redis/jedis#1415, redis/jedis#4036)
    ("Exception in thread \"main\" redis.clients.jedis.exceptions.JedisClusterException: No way to dispatch this "
     "command to Redis Cluster because keys have different slots.\n", "redis-crossslot"),
    ("redis.clients.jedis.exceptions.JedisClusterOperationException: Keys must belong to same hashslot.\n",
     "redis-crossslot"),
    # the same refusal by EasyCaching on StackExchange.Redis (dotnetcore/EasyCaching#408); a server without the command
    # stays redis-command-unavailable's
    ("StackExchange.Redis.RedisCommandException: This operation is not available unless admin mode is enabled: "
     "FLUSHDB\n", "redis-admin-mode-disabled"),
    ("ERR unknown command 'FLUSHDB'\n", "redis-command-unavailable"),
]


@pytest.mark.parametrize(("line", "root"), LINES)
def test_neighbouring_lines_keep_their_reading(line, root):
    assert diag_of(line).verdict.root_cause == root


def test_the_search_domain_sentence_names_the_original_host():
    diag = diag_of(public_paste("java/redisson-4121.log"))
    finding = next(f for f in diag.findings if f.rule_id == "redis-dns-not-found")
    assert finding.fields.get("host") == "redis"  # not 'Search', the sentence's first word
    assert "redis-url-malformed" not in {f.rule_id for f in diag.findings}
