<?php
// A cart service on Predis 1.1 (Debian php-nrk-predis) given REDIS_URL as its parameters string; each request is
// caught: a Predis error is logged and the cart is kept in the session instead (the app's fallback).
require __DIR__ . '/deps.php';
require 'Predis/Autoloader.php';
Predis\Autoloader::register();
$rounds = (int)(getenv('ROUNDS') ?: 14); $gap = (int)(getenv('GAP_MS') ?: 700);
$client = new Predis\Client(getenv('REDIS_URL'), ['parameters' => ['timeout' => 2.0]]);
error_log('[cart] service started');
$session = [];
for ($i = 1; $i <= $rounds; $i++) {
    touch_deps();
    try {
        $n = $client->hincrby('cart:42', "sku-$i", 1);
        error_log("[cart] POST /cart/items 201 sku-$i qty=$n");
    } catch (Predis\PredisException $e) {
        error_log('[cart] redis unavailable (' . get_class($e) . ': ' . $e->getMessage() . '), keeping the cart in the session');
        $session["sku-$i"] = 1;
        error_log("[cart] POST /cart/items 201 sku-$i (session)");
    }
    usleep($gap * 1000);
}
