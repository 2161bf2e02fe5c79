"""Issue 13, heldout91's classes (session 21, Go and JVM services, fifth round: go-redis, redigo, Jedis, Lettuce,
Redisson, Spring Data Redis and Spring Session). Seven classes, each from the batch's public pastes
(samples/public/heldout91.yaml):

- a JVM framework's application context that failed to start (Spring's 'Context initialization failed', Spring Boot's
  'Application run failed' / 'Application startup failed', a singleton 'Error creating bean with name …', Quarkus'
  'Failed to start application', Micronaut's 'Error starting Micronaut server') is the app stopping
  (app-process-stopped): a Jedis pool with no connection at start then reads failing, not degraded;
- commons-pool's 'Unable to validate object' / 'Unable to activate object' under Jedis' 'Could not get a resource from
  the pool' is a connection just made that failed its check, not an exhausted pool (failing; 'Timeout waiting for idle
  object' stays the exhausted pool, degraded);
- a JVM cause chain that ends, below the entry's first line, in a linkage or class-loading error ('Caused by:
  java.lang.NoClassDefFoundError', 'nested exception is java.lang.NoSuchMethodError') is the classpath's failure, not a
  Redis error no rule names (rules/affinity.yaml `unnamed_not_below`), and a Spring message wrapped before its
  'nested exception is …' keeps that cause with it (analyzer/engine/shapes.py);
- an UnknownHostException thrown from java.net.InetAddress.getLocalHost is the machine's own name, not the Redis host
  (context jvm-local-hostname-unresolved; Jedis' 'cant resolve localhost address');
- the OS's ETIMEDOUT on a read of an open JVM channel (Lettuce's 'Unexpected exception during request:
  java.io.IOException: Connection timed out', FileDispatcherImpl.read0) is a dropped connection, as Python's and Node's
  read ETIMEDOUT already were; a connect that timed out keeps its reading;
- Go before 1.5 printed a dropped connection as 'write tcp host:port: broken pipe' (no local address, no syscall name):
  a drop when the port is Redis's, not Redis on another service's port;
- an error REPLY carrying a socket error ('ERR Connection timed out', 'ERR Connection refused') is a proxy's
  (Twemproxy) whose call to its backend failed: Redis answered through it, degraded (redis-proxy-backend-error), not a
  connect timeout."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, ids, public_paste, verdict_of

BAD = ("failing", "degraded")

# favorites-web#36's lines (Spring Boot 1.5 with Spring Session on Jedis, Redis not installed), as a paste keeps them
BOOT_STARTUP_FAILED = (
    "2017-09-26 08:55:59.348 ERROR 12452 --- [  restartedMain] o.s.boot.SpringApplication               : Application"
    " startup failed\n"
    "\n"
    "org.springframework.beans.factory.BeanCreationException: Error creating bean with name"
    " 'enableRedisKeyspaceNotificationsInitializer' defined in class path resource [org/springframework/session/data/"
    "redis/config/annotation/web/http/RedisHttpSessionConfiguration.class]: Invocation of init method failed; nested"
    " exception is org.springframework.data.redis.RedisConnectionFailureException: Cannot get Jedis connection; nested"
    " exception is redis.clients.jedis.exceptions.JedisConnectionException: Could not get a resource from the pool\n"
    "\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean"
    "(AbstractAutowireCapableBeanFactory.java:1628) ~[spring-beans-4.3.9.RELEASE.jar:4.3.9.RELEASE]\n"
)


@pytest.mark.parametrize(
    "text",
    [
        public_paste("java/yan-3.log"),  # ContextLoader's 'Context initialization failed' (micyo202/yan#3)
        public_paste("java/spring-session-653.log"),  # the bean's own line (spring-projects/spring-session#653)
        BOOT_STARTUP_FAILED,  # Spring Boot's 'Application startup failed' (cloudfavorites/favorites-web#36)
    ],
    ids=["context-initialization-failed", "error-creating-bean", "application-startup-failed"],
)
def test_a_pool_with_no_connection_at_a_failed_start_is_failing(text):
    state, root = verdict_of(text)
    assert state == "failing"
    assert root == "redis-pool-timeout"


def test_a_pool_exhausted_while_the_app_runs_stays_degraded():
    # netty/thrift service under load (redis/jedis#261) and leaked connections (didispace), no start that failed
    assert verdict_of(public_paste("java/jedis-261.log"))[0] == "degraded"
    assert verdict_of(public_paste("java/didispace-jedis-pool-exhausted.log"))[0] == "degraded"


@pytest.mark.parametrize("why", ["Unable to validate object", "Unable to activate object"])
def test_a_new_connection_that_failed_its_check_is_no_exhausted_pool(why):
    # redis/jedis#1377: testOnBorrow's PING failed on the connection the pool had just made
    text = public_paste("java/jedis-1377.log").replace("Unable to validate object", why)
    state, root = verdict_of(text)
    assert state == "failing"
    assert root != "redis-pool-timeout"


# Spring Boot's redisConnectionFactory with Lettuce's pool and no commons-pool2 on the classpath: the head names the
# Redis bean and says it failed, the chain ends in a class the JVM could not load
LINKAGE_BELOW = (
    "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'redisConnectionFactory'"
    " defined in class path resource [org/springframework/boot/autoconfigure/data/redis/"
    "LettuceConnectionConfiguration.class]: Bean instantiation via factory method failed\n"
    "\tat org.springframework.beans.factory.support.ConstructorResolver.instantiate(ConstructorResolver.java:627)"
    " ~[spring-beans-5.1.5.RELEASE.jar:5.1.5.RELEASE]\n"
    "Caused by: java.lang.{error}: org/apache/commons/pool2/impl/GenericObjectPoolConfig\n"
    "\tat org.springframework.data.redis.connection.lettuce.LettucePoolingClientConfiguration.builder"
    "(LettucePoolingClientConfiguration.java:50)\n"
)


@pytest.mark.parametrize("error", ["NoClassDefFoundError", "NoSuchMethodError", "ClassNotFoundException"])
def test_a_cause_chain_ending_in_a_linkage_error_is_not_redis(error):
    diag = diag_of(LINKAGE_BELOW.format(error=error))
    assert diag.verdict.state not in BAD
    assert "redis-error-unnamed" not in ids(diag)


def test_spring_sessions_binary_mismatch_on_one_line_is_not_redis():
    # spring-projects/spring-session#956 as Spring logs it (the message on one line, not wrapped by hand)
    text = (
        "Context initialization failed\n"
        "org.springframework.beans.factory.BeanCreationException: Error creating bean with name"
        " 'enableRedisKeyspaceNotificationsInitializer' defined in class path resource [org/springframework/session/data/"
        "redis/config/annotation/web/http/RedisHttpSessionConfiguration.class]: Invocation of init method failed; nested"
        " exception is java.lang.NoSuchMethodError: org.springframework.data.redis.connection.RedisConnection.getConfig"
        "(Ljava/lang/String;)Ljava/util/List;\n"
    )
    assert verdict_of(text)[0] not in BAD


def test_spring_sessions_binary_mismatch_wrapped_by_hand_is_not_redis():
    # spring-projects/spring-session#956 as pasted: the message wrapped before 'nested exception is' (its own line)
    diag = diag_of(public_paste("nonredis/spring-session-956.log"))
    assert diag.verdict.state not in BAD
    assert "redis-error-unnamed" not in ids(diag)


def test_a_wrapped_nested_exception_keeps_a_real_redis_cause():
    # the same wrapping over a refusal: the cause joined to the message above it is still read
    text = (
        "org.springframework.data.redis.RedisConnectionFailureException: Cannot get Jedis connection;\n"
        "nested exception is redis.clients.jedis.exceptions.JedisConnectionException: java.net.ConnectException:"
        " Connection refused (Connection refused)\n"
    )
    assert verdict_of(text) == ("failing", "redis-econnrefused")


def test_a_real_redis_failure_above_a_frame_keeps_its_reading():
    # the exclusion reads only 'Caused by:' and 'nested exception is' lines: a refusal stays a refusal
    text = (
        "Caused by: redis.clients.jedis.exceptions.JedisConnectionException: java.net.ConnectException: Connection"
        " refused (Connection refused)\n"
        "        at redis.clients.jedis.Connection.connect(Connection.java:207)\n"
    )
    assert verdict_of(text) == ("failing", "redis-econnrefused")


def test_the_machines_own_name_is_not_the_redis_host():
    # redis/jedis#1547: Jedis' HostAndPort.getLocalHostQuietly, the cluster connecting all the same
    diag = diag_of(public_paste("nonredis/jedis-1547.log"))
    assert diag.verdict.state not in BAD
    assert not {"redis-dns-not-found", "redis-url-malformed"} & ids(diag)


def test_a_redis_host_that_does_not_resolve_keeps_its_reading():
    text = (
        "redis.clients.jedis.exceptions.JedisConnectionException: java.net.UnknownHostException: redis-master.prod\n"
        "\tat redis.clients.jedis.Connection.connect(Connection.java:207)\n"
        "Caused by: java.net.UnknownHostException: redis-master.prod\n"
        "\tat java.net.AbstractPlainSocketImpl.connect(AbstractPlainSocketImpl.java:184)\n"
    )
    assert verdict_of(text) == ("failing", "redis-dns-not-found")


def test_a_jvm_read_that_timed_out_on_the_open_channel_is_a_drop():
    # redis/lettuce#296: the TCP retransmission timeout on a read, Lettuce reconnecting
    assert verdict_of(public_paste("java/lettuce-296.log")) == ("failing", "redis-connection-dropped")


def test_a_jvm_connect_that_timed_out_keeps_its_reading():
    text = (
        "org.springframework.data.redis.RedisConnectionFailureException: Unable to connect to Redis; nested exception is"
        " io.lettuce.core.RedisConnectionException: Unable to connect to 10.0.3.7:6379\n"
        "Caused by: io.netty.channel.ConnectTimeoutException: connection timed out: redis.internal/10.0.3.7:6379\n"
    )
    assert verdict_of(text) == ("failing", "redis-connection-timeout")


@pytest.mark.parametrize(
    "line",
    [
        "write tcp 127.0.0.1:6379: broken pipe",  # redis/go-redis#6 (Go < 1.5)
        "read tcp 10.0.0.9:6379: connection reset by peer",  # the same era's read
    ],
)
def test_go_before_1_5_says_a_drop_without_the_local_address(line):
    assert verdict_of(line) == ("failing", "redis-connection-dropped")


def test_go_before_1_5_on_another_services_port_is_not_redis():
    assert verdict_of("write tcp 10.0.0.5:5432: broken pipe")[0] not in BAD


@pytest.mark.parametrize(
    "text",
    [
        public_paste("java/lettuce-1756.log"),  # redis/lettuce#1756: Lettuce through Twemproxy (400 ms timeout)
        "ReplyError: ERR Connection refused",  # the same proxy's reply with its backend down, as ioredis raises it
        "redis.exceptions.ResponseError: ERR Connection reset by peer",
    ],
    ids=["lettuce-1756", "ioredis-refused", "redis-py-reset"],
)
def test_a_socket_error_in_an_error_reply_is_a_proxys_backend(text):
    assert verdict_of(text) == ("degraded", "redis-proxy-backend-error")


def test_a_clients_own_socket_error_is_no_proxy_reply():
    assert verdict_of("Error: connect ECONNREFUSED 10.0.3.7:6379")[1] == "redis-econnrefused"
    assert verdict_of("2026-12-08 ERROR redis: Connection refused to 10.0.3.7:6379")[1] != "redis-proxy-backend-error"
