<?php
// Symfony 5.4's Redis cache adapter (Debian php-symfony-cache 5.4.53) on phpredis, given the DSNs an app reads from
// REDIS_URL when it is empty, of another scheme, or without a host, and a Sentinel DSN whose master name the Sentinel
// does not monitor. Prints what the app's logger prints: the exception's class and message.
require '/usr/share/php/Symfony/Component/Cache/autoload.php';
use Symfony\Component\Cache\Adapter\RedisAdapter;
$sentinel = $argv[1] ?? '127.0.0.1:9201';
$dsns = ['', 'http://redis:6379', 'redis://', "redis://$sentinel?redis_sentinel=mymaster"];
foreach ($dsns as $dsn) {
    echo "=== RedisAdapter::createConnection('$dsn')\n";
    try { RedisAdapter::createConnection($dsn)->ping(); echo "PONG\n"; }
    catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
