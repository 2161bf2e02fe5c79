"""Issue 13, heldout37's classes (public pastes of JVM and .NET apps, measured on arrival): the JVM's trust manager
refusing a Redis server's certificate in its own words ('PKIX path building failed', 'No subject alternative names
matching …'); Spring Data's repository-scan notice, an INFO line whatever its logger prints before it; the drivers of the
JVM's and .NET's other services (JDBC's PostgreSQL and MySQL, Npgsql, SqlClient, JavaMail) naming their own failures;
an app's error line that names Redis only by where it was logged, its exception on the next line another service's;
StackExchange.Redis 2.0's timeout of a command never written.
Every log here is real output: the public pastes of samples/public/ (their threads in samples/README.md, section E,
"Thirty-seventh batch"); the controls are real pastes that must keep their reading."""

from __future__ import annotations

import pytest

from analyzer.engine.rules import pack_classes
from analyzer.unnamed import _named_where_logged
from tests.conftest import builtin, diag_of, ids, public_paste


@pytest.mark.parametrize("paste", [
    "java/jedis-1964.log",   # 'JedisConnectionException: javax.net.ssl.SSLHandshakeException: … PKIX path building failed'
    "java/lettuce-1526.log",  # Lettuce's watchdog: 'Cannot reconnect to [….redis.cache.windows.net:6380]: PKIX path …'
])
def test_the_jvms_certificate_refusal_is_a_tls_certificate_failure(paste):
    diag = diag_of(public_paste(paste))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-tls-certificate"
    assert "redis-error-unnamed" not in ids(diag)


def test_the_jvms_certificate_wordings_are_the_class_not_one_line():
    tls = pack_classes(())["tls_certificate"]
    # the trust manager (no trusted CA), the chain's validation, the host name check (redisson#1422, #5589)
    assert tls.recognises("javax.net.ssl.SSLHandshakeException: PKIX path building failed: "
                          "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid "
                          "certification path to requested target")
    assert tls.recognises("Caused by: java.security.cert.CertificateException: No subject alternative names matching "
                          "IP address 12.34.567.89 found")
    assert tls.recognises("io.netty.handler.codec.DecoderException: javax.net.ssl.SSLHandshakeException: No subject "
                          "alternative names matching IP address IP4 found")
    # a TLS failure that is no certificate's stays out of the class (redis-py's plaintext answer to a TLS hello)
    assert not tls.recognises("redis.exceptions.ConnectionError: Error 1 connecting to localhost:16402. "
                              "[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006).")


@pytest.mark.parametrize("paste", [
    # Spring Data's repository-scan notice, an INFO line whatever prints it
    "healthy/appsmith-17764.log",        # supervisord's 'backend stdout |  - Spring Data Redis - Could not safely …'
    "healthy/spring-data-redis-2537.log",  # "level':'INFO',…,'message':'Spring Data Redis - Could not safely …'}"
    "healthy/plant-it-374.log",          # Spring Boot's ' INFO 76 --- [main] …' (read as a notice before too)
    "healthy/abixen-platform-229.log",   # '[INFO] [c=RepositoryConfigurationExtensionSupport] …'
    # another service's driver naming its own failure, whatever Redis line stands near
    "nonredis/thingsboard-3629.log",   # 'org.postgresql.util.PSQLException: Connection to localhost:5432 refused'
    "nonredis/efcore-pg-619.log",      # Npgsql's 'ExtendedSocketException (111): Connection refused 172.18.0.4:5432'
    "nonredis/ms-identity-dotnet-advanced-token-cache-28.log",  # Microsoft.Data.SqlClient.SqlException, no LocalDB
    "nonredis/redis-manager-166.log",  # JavaMail's 'Couldn't connect to host, port: smtp.163.com, 25' … refused
])
def test_a_notice_or_another_services_failure_is_no_redis_finding(paste):
    diag = diag_of(public_paste(paste))
    assert diag.verdict.state in ("healthy", "unknown")
    assert not ids(diag)


def test_a_spring_redis_error_line_is_still_an_error():
    # control: Lettuce under Spring, the app's own 'ERROR … Failed to connect to Redis' with the cluster's exception:
    # no notice, a Redis failure
    diag = diag_of(public_paste("java/lettuce-3029.log"))
    assert diag.verdict.state == "failing"


def test_a_redis_refusal_under_spring_stays_redis():
    # control: Lettuce's refusal under Spring Data Redis (no other service's driver in its chain)
    diag = diag_of(public_paste("java/containerproxy-46.log"))
    assert diag.verdict.root_cause == "redis-econnrefused"


def test_an_error_line_naming_redis_by_its_thread_is_explained_by_its_exception_below():
    # redis-manager's alert thread 'redis-notify-pool-thread-2' logs 'Alert task failed', and the exception JavaMail
    # printed on the next line is SMTP's: one event, not Redis's
    diag = diag_of(public_paste("nonredis/redis-manager-166.log"))
    assert "redis-error-unnamed" not in ids(diag)
    assert any(n.sample.startswith("org.springframework.mail.MailSendException") for n in diag.not_redis)


def test_the_same_line_alone_stays_never_silent():
    # control: the same real line without the exception under it names Redis and says it failed: nothing explains it
    first = public_paste("nonredis/redis-manager-166.log").splitlines()[0]
    diag = diag_of(first + "\n")
    assert "redis-error-unnamed" in ids(diag)


def test_a_command_never_written_in_time_is_a_command_timeout():
    # StackExchange.Redis 2.0 under Hangfire: 'The timeout was reached before the message could be written to the
    # output buffer, and it was not sent, command=EXEC, …': the connection is there, Redis answers slowly
    diag = diag_of(public_paste("dotnet/hangfire-redis-stackexchange-88.log"))
    assert diag.verdict.state == "degraded"
    assert diag.verdict.root_cause == "redis-pool-timeout"


@pytest.mark.parametrize("paste", [
    "dotnet/stackexchange-redis-653.log",   # 1.x 'System.TimeoutException: Timeout performing GET …, inst: 0, …'
    "dotnet/stackexchange-redis-2563.log",  # 2.6 'Timeout performing GET (15000ms), next: SETEX …'
])
def test_stackexchange_redis_timeouts_of_both_generations_keep_their_reading(paste):
    diag = diag_of(public_paste(paste))
    assert diag.verdict.root_cause == "redis-pool-timeout"


def test_a_connect_time_echo_refused_by_a_sentinel_is_the_sentinel_class():
    # StackExchange.Redis' connect-time ECHO on a Sentinel's port (Hangfire.Redis.StackExchange#107): 'No connection is
    # active/available …; Error: ERR unknown command `ECHO`': nothing works there, not a command the server lacks
    diag = diag_of(public_paste("dotnet/hangfire-redis-stackexchange-107.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-sentinel-as-server"


def test_only_a_line_naming_redis_in_brackets_alone_can_be_explained_by_the_next():
    # the thread in brackets is where the logger wrote it; a message that says Redis is a Redis error whatever follows
    aff = builtin().affinity
    thread_only = public_paste("nonredis/redis-manager-166.log").splitlines()[0]
    # '… c.g.p.p.c.RedisController: Failed to connect to Redis'
    in_message = public_paste("java/lettuce-3029.log").splitlines()[2]
    assert _named_where_logged(aff, thread_only)
    assert not _named_where_logged(aff, in_message)
