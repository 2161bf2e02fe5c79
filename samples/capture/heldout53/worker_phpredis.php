<?php
// A phpredis worker counting hits every second; an exception it does not catch ends it (PHP's own "Uncaught"
// lines). TLS: a tls:// host with a stream context (REDIS_CA, REDIS_CERT/REDIS_KEY, REDIS_TLS_MAX).
$u = parse_url(getenv('REDIS_URL') ?: 'redis://localhost:6379');
$tls = ($u['scheme'] ?? 'redis') === 'rediss';
$ctx = [];
if ($tls) {
    $ctx['verify_peer'] = true;
    $ctx['peer_name'] = $u['host'];
    if (getenv('REDIS_CA')) $ctx['cafile'] = getenv('REDIS_CA');
    if (getenv('REDIS_CERT')) { $ctx['local_cert'] = getenv('REDIS_CERT'); $ctx['local_pk'] = getenv('REDIS_KEY'); }
    if (getenv('REDIS_TLS_MAX') === 'TLSv1.2') $ctx['crypto_method'] = STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT;
}
echo date('c') . " worker starting\n";
$r = new Redis();
$r->connect(($tls ? 'tls://' : '') . $u['host'], $u['port'] ?? 6379, 5.0, null, 0, 0, $tls ? ['stream' => $ctx] : []);
for ($i = 0; $i < 6; $i++) {
    echo date('c') . " hits=" . $r->incr('hits') . "\n";
    if (getenv('API_URL') && $i == 1) {
        $body = @file_get_contents(getenv('API_URL'));
        if ($body === false) echo date('c') . " payment api call failed: " . error_get_last()['message'] . "\n";
    }
    sleep(1);
}
echo date('c') . " worker done\n";
