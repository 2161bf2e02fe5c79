<?php
// A cart-sync queue worker on phpredis 5.3.7 (Debian php-redis) under PHP 8.2 CLI, logging in Laravel's layout
// ("[time] production.LEVEL: message {context}", the exception as Laravel's LineFormatter prints it). REDIS_URL is
// parsed with parse_url (rediss:// becomes phpredis' tls:// host), then auth() and select() as a Laravel connection
// does. Each 0.8 s it syncs a cart (HINCRBY, EXPIRE); on a RedisException the connection is made again next round.
// Every third round it touches PostgreSQL (PDO pgsql) and the tax API (file_get_contents) when set.
function logline(string $level, string $msg, ?Throwable $e = null): void {
    $ctx = $e ? sprintf(' {"exception":"[object] (%s(code: %d): %s at %s:%d)"}', get_class($e), $e->getCode(),
        $e->getMessage(), $e->getFile(), $e->getLine()) : ' ';
    fwrite(STDERR, sprintf("[%s] production.%s: %s%s\n", date('Y-m-d H:i:s'), $level, $msg, $ctx));
}

function connect_redis(array $u): Redis {
    $r = new Redis();
    $host = ($u['scheme'] ?? 'redis') === 'rediss' ? 'tls://' . $u['host'] : $u['host'];
    $r->connect($host, $u['port'] ?? 6379, 2.0);
    if (isset($u['pass'])) {
        $r->auth(isset($u['user']) && $u['user'] !== '' ? [$u['user'], $u['pass']] : $u['pass']);
    }
    $db = (int) ltrim($u['path'] ?? '', '/');
    if ($db) {
        $r->select($db);
    }
    logline('INFO', 'Redis connection established to ' . $u['host']);
    return $r;
}

$u = parse_url(getenv('REDIS_URL') ?: 'redis://127.0.0.1:6379');
logline('INFO', 'cart-sync worker started (phpredis ' . phpversion('redis') . ', PHP ' . PHP_VERSION . ')');
$redis = null;
for ($i = 1; ; $i++) {
    $cart = 'cart:' . (100 + $i % 7);
    try {
        $redis ??= connect_redis($u);
        $n = $redis->hIncrBy($cart, 'sku-' . ($i % 5), 1);
        if ($n === false) {
            logline('ERROR', "cart $cart not synced: " . $redis->getLastError());
        } else {
            $redis->expire($cart, 3600);
            logline('INFO', "cart $cart synced (qty $n)");
        }
    } catch (RedisException $e) {
        logline('ERROR', "cart $cart not synced: " . $e->getMessage(), $e);
        $redis = null;
    }
    if ($i % 3 === 1) {
        if ($dsn = getenv('DATABASE_URL')) {
            $d = parse_url($dsn);
            try {
                new PDO("pgsql:host={$d['host']};port={$d['port']};dbname=" . ltrim($d['path'], '/'), $d['user'], $d['pass'],
                        [PDO::ATTR_TIMEOUT => 2]);
            } catch (PDOException $e) {
                logline('ERROR', 'Order history not saved: ' . $e->getMessage(), $e);
            }
        }
        if ($api = getenv('API_HOST')) {
            $ctx = stream_context_create(['http' => ['timeout' => 3]]);
            if (@file_get_contents("https://$api/v1/tax/rates", false, $ctx) === false) {
                logline('WARNING', "Tax rates refresh from $api failed: " . (error_get_last()['message'] ?? 'unknown error'));
            }
        }
    }
    usleep(800000);
}
