<?php
// phpredis with an ACL user that may GET/SET session:* only
$r = new Redis();
$r->connect('127.0.0.1', 6431);
$r->auth(['app', 'apppass']);
echo "PING -> " . var_export($r->ping(), true) . "\n";
$r->set('session:1', 'a');
foreach ([['set', 'cache:products'], ['lPush', 'jobs']] as [$cmd, $key]) {
    try { $r->$cmd($key, 'x'); } catch (RedisException $e) { error_log("cache: $cmd $key failed: " . get_class($e) . ": " . $e->getMessage()); }
}
$r->incr('session:counter');
