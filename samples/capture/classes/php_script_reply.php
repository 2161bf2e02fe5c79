<?php
// Session 7, heldout11: phpredis running a Lua script the server rejects (a command it does not know, a command
// with the wrong number of arguments): EVAL returns false, the reply is in getLastError().
// Usage: php php_script_reply.php PORT
$r = new Redis();
$r->connect('127.0.0.1', (int)$argv[1]);
foreach (["return redis.call('NOSUCHCMD', KEYS[1])", "return redis.call('GET')"] as $script) {
    $r->clearLastError();
    var_dump($r->eval($script, ['k'], 1));
    echo 'getLastError(): ', $r->getLastError(), "\n";
}
