<?php
// A Predis (Debian php-nrk-predis 1.1) worker counting hits every second, logging what it catches. TLS: Predis'
// 'ssl' options from the environment (REDIS_CA, REDIS_CERT/REDIS_KEY, REDIS_TLS_MAX).
require '/usr/share/php/Predis/Autoloader.php';
Predis\Autoloader::register();
$url = getenv('REDIS_URL') ?: 'redis://localhost:6379';
$ssl = [];
if (getenv('REDIS_CA')) $ssl['cafile'] = getenv('REDIS_CA');
if (getenv('REDIS_CERT')) { $ssl['local_cert'] = getenv('REDIS_CERT'); $ssl['local_pk'] = getenv('REDIS_KEY'); }
if (getenv('REDIS_TLS_MAX') === 'TLSv1.2') $ssl['crypto_type'] = STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT;  // Predis' own option (StreamConnection)
$ssl['verify_peer'] = true;
$client = new Predis\Client($url, str_starts_with($url, 'rediss:') ? ['parameters' => ['ssl' => $ssl]] : []);
echo date('c') . " worker starting\n";
for ($i = 0; $i < 6; $i++) {
    try {
        echo date('c') . " hits=" . $client->incr('hits') . "\n";
    } catch (Predis\PredisException $e) {
        echo date('c') . " job $i failed: " . get_class($e) . ": " . $e->getMessage() . "\n";
    }
    sleep(1);
}
echo date('c') . " worker done\n";
