<?php
// Predis 1.1 (Debian php-nrk-predis) given REDIS_URL as its parameters string; exceptions escape to PHP.
require __DIR__ . '/deps.php';
require 'Predis/Autoloader.php';
Predis\Autoloader::register();
$rounds = (int)(getenv('ROUNDS') ?: 12); $gap = (int)(getenv('GAP_MS') ?: 700);
$url = getenv('REDIS_URL') ?: 'tcp://127.0.0.1:6379';
$client = new Predis\Client($url, ['parameters' => ['timeout' => 2.5]]);
error_log('[worker] started');
for ($i = 1; $i <= $rounds; $i++) {
    touch_deps();
    $n = $client->incr('jobs:done');
    error_log("[worker] job $i done (total $n)");
    usleep($gap * 1000);
}
