<?php
// Session 6, heldout8: phpredis on a connection whose server was killed between two commands.
// Usage: php php_gone.php PORT SERVER_PID
$s = new Redis();
$s->connect('127.0.0.1', (int)$argv[1]);
$s->set('a', 1);
exec('kill ' . (int)$argv[2]);
usleep(500000);
foreach ([1, 2] as $i) {
    try { $s->get('a'); } catch (RedisException $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
