#!/bin/sh
# Session 9 (heldout22): an app whose Redis client library, class or constant is missing. The code never reaches
# Redis, so these lines say nothing of whether Redis works. Debian 12: Ruby 3.1 (error_highlight on), Python 3.11
# without redis-py, Node 20 without ioredis, PHP 8.2 run with -n (no php.ini: php-redis not loaded), OpenJDK 17.
# Run from an empty folder (no node_modules, no redis package); it writes a few files there.
# Output: samples/raw/classes/session9-code-errors.log
echo "=== ruby: a rescue clause naming RedisClient, redis-client never required"
ruby -e 'begin; Integer("x"); rescue RedisClient::CannotConnectError; end' 2>&1
echo "=== ruby: RedisClient.new, redis-client never required"
ruby -e 'RedisClient.new(url: ENV.fetch("REDIS_URL", nil)).call("GET", "1")' 2>&1
echo "=== ruby: require of a gem not installed"
ruby -e 'require "redis-client"' 2>&1
echo "=== python: redis-py not installed"
python3 -c 'import redis' 2>&1
echo "=== python: a local redis.py shadows redis-py"
mkdir -p shadow && : > shadow/redis.py && (cd shadow && python3 -c 'from redis import Redis') 2>&1
echo "=== node: require of ioredis, not installed"
node -e "require('ioredis')" 2>&1
echo "=== node: ESM import of ioredis, not installed"
node --input-type=module -e "import Redis from 'ioredis'" 2>&1
echo "=== php: phpredis not loaded"
php -n -r 'new Redis();' 2>&1
echo "=== java: Jedis not on the class path (Class.forName)"
mkdir -p j && printf 'public class App {\n    public static void main(String[] args) throws Exception {\n        Class.forName("redis.clients.jedis.JedisPooled");\n    }\n}\n' > j/App.java && javac -d j j/App.java && java -cp j App 2>&1
echo "=== java: Jedis compiled against, missing at run time"
mkdir -p j2/redis/clients/jedis && printf 'package redis.clients.jedis;\npublic class Jedis { public Jedis(String u) {} }\n' > j2/redis/clients/jedis/Jedis.java \
  && printf 'public class Worker {\n    public static void main(String[] args) {\n        new redis.clients.jedis.Jedis(System.getenv("REDIS_URL"));\n    }\n}\n' > j2/Worker.java \
  && (cd j2 && javac Worker.java redis/clients/jedis/Jedis.java && rm redis/clients/jedis/Jedis.class && java -cp . Worker) 2>&1
