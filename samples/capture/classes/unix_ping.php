<?php
// phpredis (Debian php-redis) on a unix socket: connect(<path>) then PING, nothing caught. Usage: php unix_ping.php <path>
$r = new Redis();
$r->connect($argv[1]);
var_dump($r->ping());
