<?php
// phpredis (Debian php-redis 5.3.7) as a PHP site's cache: connect once, GET/SET per request; an exception
// escapes to PHP's default handler (what `php -S`/php-fpm print to stderr) unless REDIS_CATCH is set.
require __DIR__ . '/deps.php';
$u = parse_url(getenv('REDIS_URL') ?: 'redis://127.0.0.1:6379');
$rounds = (int)(getenv('ROUNDS') ?: 12); $gap = (int)(getenv('GAP_MS') ?: 700);
$r = new Redis();
$host = ($u['scheme'] ?? 'redis') === 'rediss' ? 'tls://' . $u['host'] : $u['host'];
error_log("[app] connecting to cache at {$u['host']}");
$r->connect($host, $u['port'] ?? 6379, 2.5);
if (isset($u['pass'])) { $r->auth(urldecode($u['pass'])); }
for ($i = 1; $i <= $rounds; $i++) {
    touch_deps();
    if (getenv('REDIS_CATCH')) {
        try { $r->setex("page:$i", 60, 'html'); error_log("[app] GET /page/$i 200"); }
        catch (RedisException $e) { error_log("[app] GET /page/$i 500 cache error: " . $e->getMessage()); }
    } else {
        $r->setex("page:$i", 60, 'html'); error_log("[app] GET /page/$i 200");
    }
    usleep($gap * 1000);
}
