<?php
// Predis (Debian php-nrk-predis) and phpredis (php-redis) when the server closes the connection under a
// blocking read: another client kills it (CLIENT KILL TYPE normal), as a restart or an idle timeout would.
// argv: host port. Prints 'Class: message' as loggers do, then Laravel's way of logging it.
require_once '/usr/share/php/Predis/Autoloader.php';
Predis\Autoloader::register();
[$host, $port] = [$argv[1], (int) $argv[2]];
function killer($host, $port) {
    if (pcntl_fork() === 0) { usleep(500000); $k = new Redis(); $k->connect($host, $port); $k->rawCommand('CLIENT', 'KILL', 'TYPE', 'normal'); exit(0); }
}
killer($host, $port);
try { (new Predis\Client("tcp://$host:$port"))->blpop(['never-filled'], 5); }
catch (Exception $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
killer($host, $port);
try { $r = new Redis(); $r->connect($host, $port); $r->blPop(['never-filled'], 5); }
catch (Exception $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
try { (new Predis\Client("tcp://$host:16399"))->get('k'); }
catch (Exception $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
