<?php
// A page-fragment cache warmer on phpredis (the Redis extension): it parses REDIS_URL with parse_url (phpredis takes a
// host and port; 'tls://' in front of the host for rediss://), logs Monolog-style lines on stderr
// ("[time] app.LEVEL: message"). Each second it caches a rendered fragment (SETEX), bumps a hit counter and reads a
// hash of settings (an error reply makes phpredis return false: the app logs getLastError()); every third round it queries PostgreSQL (PDO pgsql) and calls the payment API when configured.
function logline(string $level, string $msg): void {
    fwrite(STDERR, '[' . date('Y-m-d\TH:i:sP') . "] app.$level: $msg\n");
}

function touch_deps(): void {
    if ($db = getenv('DATABASE_URL')) {
        $u = parse_url($db);
        try {
            new PDO("pgsql:host={$u['host']};port=" . ($u['port'] ?? 5432) . ';dbname=' . ltrim($u['path'], '/'),
                    $u['user'] ?? null, $u['pass'] ?? null, [PDO::ATTR_TIMEOUT => 2]);
        } catch (PDOException $e) {
            logline('ERROR', 'database unavailable: ' . $e->getMessage());
        }
    }
    if ($api = getenv('API_HOST')) {
        $ctx = stream_context_create(['http' => ['timeout' => 2]]);
        if (@file_get_contents("https://$api/v1/charges", false, $ctx) === false) {
            $e = error_get_last();
            logline('ERROR', 'payment sync failed: ' . ($e['message'] ?? 'unknown'));
        }
    }
}

$url = getenv('REDIS_URL') ?: 'redis://127.0.0.1:6379';
$u = parse_url($url);
logline('INFO', 'cache warmer starting (phpredis ' . phpversion('redis') . ', PHP ' . PHP_VERSION . ')');
$host = ($u['host'] ?? '127.0.0.1');
if (($u['scheme'] ?? '') === 'rediss') { $host = 'tls://' . $host; }
$redis = new Redis();
$connected = false;
for ($n = 1; ; $n++) {
    try {
        if (!$connected) {
            $redis->connect($host, (int)($u['port'] ?? 6379), 2.0);
            if (isset($u['pass'])) { $redis->auth($u['pass']); }
            $connected = true;
            logline('INFO', "connected to Redis at {$u['host']}");
        }
        $redis->setex("fragment:home:$n", 300, str_repeat('<li>item</li>', 20));
        $hits = $redis->incr('fragments:warmed');
        if ($hits === false) {  // phpredis returns false on an error reply; the app logs the client's last error
            logline('WARNING', 'Redis INCR failed: ' . $redis->getLastError());
            $redis->clearLastError();
        }
        $redis->hGetAll('settings');
        logline('INFO', "warmed fragment home:$n ($hits so far)");
    } catch (RedisException $e) {
        logline('ERROR', 'Redis error: ' . $e->getMessage());
        $connected = false;
        try { $redis->close(); } catch (RedisException $e2) {}
        $redis = new Redis();
    }
    if ($n % 3 == 1) { touch_deps(); }
    sleep(1);
}
