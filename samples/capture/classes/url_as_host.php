<?php
// Predis (Debian php-nrk-predis 1.1) and phpredis given a whole URL where a host goes (Laravel/Symfony 'host'
// settings), and (the hosts given as arguments) an address no socket can connect to.
require '/usr/share/php/Predis/Autoloader.php';
Predis\Autoloader::register();
$hosts = count($argv) > 1 ? array_slice($argv, 1) : ['redis://127.0.0.1:6379', 'rediss://authkey@10.0.4.8:6379'];
foreach ($hosts as $h) {
    echo "--- predis host=$h\n";
    try { (new Predis\Client(['host' => $h, 'port' => 6379, 'timeout' => 1.5]))->ping(); }
    catch (Exception $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
    echo "--- phpredis connect($h, 6379)\n";
    $r = new Redis();
    try { $r->connect($h, 6379, 1.5); } catch (Exception $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
