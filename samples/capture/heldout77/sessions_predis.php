<?php
// A session janitor CLI on Predis 1.1.10 (Debian php-predis) under PHP 8.2, run by a process manager: plain
// "[time] LEVEL message" lines on stderr through error_log's CLI output. Predis takes REDIS_URL as it is
// (Predis\Client(getenv('REDIS_URL'))), rediss:// included (no CA given). At start it reads the server's INFO and
// reports the Redis version; the first command failing there is NOT caught (PHP prints its uncaught-exception fatal
// error, as a CLI script that never expected it). Each second it writes a session (SETEX) and sweeps expired ones
// (SCAN); a failure in the loop is caught and logged, Predis reconnecting by itself at the next command.
// Every third round it touches PostgreSQL (PDO pgsql) and the mail API (file_get_contents) when set.
require '/usr/share/php/Predis/Autoloader.php';
Predis\Autoloader::register();

function say(string $level, string $msg): void {
    fwrite(STDERR, sprintf("[%s] %s %s\n", date('c'), $level, $msg));
}

$url = getenv('REDIS_URL') ?: 'tcp://127.0.0.1:6379';
$redis = new Predis\Client($url, ['parameters' => ['timeout' => 2.0, 'read_write_timeout' => 3.0]]);
$info = $redis->info('server');
say('INFO', 'session janitor started, redis ' . ($info['Server']['redis_version'] ?? '?'));
for ($i = 1; ; $i++) {
    try {
        $redis->setex('sess:' . bin2hex(random_bytes(4)), 600, json_encode(['uid' => $i]));
        [$cursor, $keys] = $redis->scan(0, ['MATCH' => 'sess:*', 'COUNT' => 50]);
        say('INFO', 'session written, ' . count($keys) . ' sessions seen');
    } catch (Predis\PredisException $e) {
        say('ERROR', get_class($e) . ': ' . $e->getMessage());
    }
    if ($i % 3 === 1) {
        if ($dsn = getenv('DATABASE_URL')) {
            $d = parse_url($dsn);
            try {
                new PDO("pgsql:host={$d['host']};port={$d['port']};dbname=" . ltrim($d['path'], '/'), $d['user'], $d['pass'],
                        [PDO::ATTR_TIMEOUT => 2]);
            } catch (PDOException $e) {
                say('ERROR', 'audit log: ' . $e->getMessage());
            }
        }
        if ($api = getenv('API_HOST')) {
            $ctx = stream_context_create(['http' => ['timeout' => 3]]);
            if (@file_get_contents("https://$api/v3/mail/send", false, $ctx) === false) {
                say('WARNING', "mail API $api: " . (error_get_last()['message'] ?? 'unknown error'));
            }
        }
    }
    sleep(1);
}
