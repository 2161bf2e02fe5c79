<?php
// A PHP worker on phpredis 5.3.7 that calls setlocale(LC_ALL, <LANG>) to print dates in its users' language:
// phpredis' RedisException then carries glibc's strerror / gai_strerror in that language ("Connexion refusée"), as
// do PDO's libpq messages and PHP's stream warnings. It INCRs a counter every 0.7 s; with DATABASE_URL and API_HOST
// set it also opens PostgreSQL (PDO) and calls an HTTP API (file_get_contents), as a web app's job does.
setlocale(LC_ALL, getenv('LANG'));
function logl(string $level, string $msg): void { fwrite(STDERR, '[' . date('Y-m-d H:i:s') . "] production.$level: $msg\n"); }
$u = parse_url(getenv('REDIS_URL') ?: 'redis://127.0.0.1:6379');
logl('INFO', 'worker started');
$r = null;
for ($i = 1; $i <= 14; $i++) {
    try {
        if (!$r) {
            $r = new Redis();
            $r->connect($u['host'], $u['port'] ?? 6379, 2.5);
            if (isset($u['pass'])) $r->auth($u['pass']);
        }
        logl('INFO', "round $i: counter=" . $r->incr('counter'));
    } catch (RedisException $e) {
        logl('ERROR', get_class($e) . '(code: ' . $e->getCode() . '): ' . $e->getMessage() . ' at ' . $e->getFile() . ':' . $e->getLine());
        $r = null;
    }
    if (getenv('DATABASE_URL') && $i % 4 == 2) {
        $d = parse_url(getenv('DATABASE_URL'));
        try {
            new PDO("pgsql:host={$d['host']};port=" . ($d['port'] ?? 5432) . ';dbname=' . ltrim($d['path'], '/'), $d['user'], $d['pass']);
        } catch (PDOException $e) {
            logl('ERROR', 'PDOException: ' . $e->getMessage());
        }
    }
    if (getenv('API_HOST') && $i % 4 == 1) {
        $body = @file_get_contents('https://' . getenv('API_HOST') . '/v1/charges', false, stream_context_create(['http' => ['timeout' => 3]]));
        if ($body === false) logl('WARNING', 'API call failed: ' . (error_get_last()['message'] ?? 'unknown'));
    }
    usleep(700000);
}
