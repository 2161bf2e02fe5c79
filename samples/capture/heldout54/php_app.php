<?php
// heldout54: a PHP worker on phpredis 5.3.7 (Debian's php-redis): RedisCluster (MODE=cluster, CLUSTER_NODES) or a
// plain Redis (REDIS_HOST, REDIS_PORT). Laravel-style log lines on stderr; an uncaught exception at start-up ends the
// script as PHP prints it. OP=mget: MGET of two unrelated keys through a MULTI pipeline as a cart page does.
// DATABASE_URL: PostgreSQL (pgsql) also queried each round.
$mode = getenv('MODE') ?: 'plain';
function logl($lvl, $msg) { fwrite(STDERR, '[' . date('Y-m-d H:i:s') . "] production.$lvl: $msg\n"); }
if ($mode === 'cluster') {
    $r = new RedisCluster(null, explode(',', getenv('CLUSTER_NODES')), 1.5, 1.5);
} else {
    $r = new Redis();
    $r->connect(getenv('REDIS_HOST'), (int) getenv('REDIS_PORT'), 1.5);
}
logl('INFO', "worker started ($mode)");
for ($n = 0; $n < 10000; $n++) {
    $order = 'order:' . (500 + $n % 8);
    try {
        if (getenv('OP') === 'mget') {
            $r->incr('orders:seen');
            $vals = $r->mget([$order, 'orders:seen']);
            $seen = $vals[1];
        } else {
            $r->hSet($order, 'state', 'picked');
            $seen = $r->incr('orders:seen');
        }
        if (getenv('DATABASE_URL')) {
            $db = @pg_connect(getenv('DATABASE_URL') . ' connect_timeout=2');
            if ($db === false) { logl('ERROR', 'SQLSTATE[08006] [7] ' . trim(error_get_last()['message'] ?? 'pg_connect failed')); }
        }
        logl('INFO', "Processed $order seen=$seen");
    } catch (RedisClusterException | RedisException $e) {
        logl('ERROR', get_class($e) . ': ' . $e->getMessage() . " while processing $order");
    }
    usleep(700000);
}
