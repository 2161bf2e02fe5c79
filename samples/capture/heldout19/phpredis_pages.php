<?php
// A page cache on phpredis (Debian php-redis 5.3.7): the URL split with parse_url as such sites do, connect at
// start (an exception there escapes to PHP's default handler), then per request SETEX; a failed SETEX is logged
// and the page rendered uncached.
require __DIR__ . '/deps.php';
$u = parse_url(getenv('REDIS_URL') ?: 'redis://127.0.0.1:6379');
$rounds = (int)(getenv('ROUNDS') ?: 14); $gap = (int)(getenv('GAP_MS') ?: 700);
$r = new Redis();
error_log('[pages] connecting to redis at ' . ($u['host'] ?? '?') . ':' . ($u['port'] ?? 6379));
$r->connect($u['host'] ?? '127.0.0.1', $u['port'] ?? 6379, 2.0);
if (isset($u['pass'])) { $r->auth($u['pass']); }
error_log('[pages] ready');
for ($i = 1; $i <= $rounds; $i++) {
    touch_deps();
    try {
        $r->setex("page:/blog/$i", 300, "<html>post $i</html>");
        error_log("[pages] GET /blog/$i 200 (cached)");
    } catch (RedisException $e) {
        error_log("[pages] cache write failed: " . $e->getMessage() . "; rendering uncached");
        error_log("[pages] GET /blog/$i 200 (uncached)");
    }
    usleep($gap * 1000);
}
