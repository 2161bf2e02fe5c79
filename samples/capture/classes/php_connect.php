<?php
// phpredis and PHP's own stream sockets (what Predis wraps as '<reason> [tcp://host:port]') on each target.
foreach (array_slice($argv, 1) as $target) {
    [$h, $p] = explode(':', $target);
    echo "=== php $target\n";
    $r = new Redis();
    try { $r->connect($h, (int)$p, 1.5); } catch (Exception $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
    $s = @stream_socket_client("tcp://$h:$p", $errno, $errstr, 1.5);
    if (!$s) echo "stream_socket_client tcp://$h:$p: [$errno] $errstr\n";
}
