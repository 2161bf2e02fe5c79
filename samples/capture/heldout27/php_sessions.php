<?php
// Login sessions kept by phpredis' session handler (session.save_handler = redis, as its README), save_path made
// from REDIS_URL (tcp://host:port?auth=…); each round opens a visitor's session, counts a visit, closes it.
// PHP's own warnings are left to its default handler; the app's lines go to the error log (stderr).
require __DIR__ . '/deps.php';
$u = parse_url(getenv('REDIS_URL') ?: 'redis://127.0.0.1:6379');
$path = 'tcp://' . ($u['host'] ?? '127.0.0.1') . ':' . ($u['port'] ?? 6379);
if (isset($u['pass'])) { $path .= '?auth=' . urlencode(urldecode($u['pass'])); }
ini_set('session.save_handler', 'redis');
ini_set('session.save_path', $path);
ini_set('session.use_cookies', '0');
error_log('[app] sessions on redis, visitors arriving');
$rounds = (int)(getenv('ROUNDS') ?: 14);
for ($i = 1; $i <= $rounds; $i++) {
    touch_deps();
    session_id('visitor' . ($i % 3 + 1));
    if (!@session_start() && !session_start()) {
        error_log("[app] GET /account 500 (no session)");
    } else {
        $_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
        error_log("[app] GET /account 200 visits=" . $_SESSION['visits']);
        session_write_close();
    }
    usleep((int)(getenv('GAP_MS') ?: 700) * 1000);
}
