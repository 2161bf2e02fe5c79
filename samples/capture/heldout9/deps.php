<?php
// The app's other dependencies (mixed scenarios): PostgreSQL on DATABASE_URL (a plain TCP connect to its
// port, PHP's pgsql driver is not installed here), an HTTP API on API_HOST (file_get_contents over https).
function touch_deps(): void {
    if ($db = getenv('DATABASE_URL')) {
        $u = parse_url($db);
        $s = @stream_socket_client("tcp://{$u['host']}:" . ($u['port'] ?? 5432), $errno, $errstr, 2);
        if (!$s) { error_log("[app] SQLSTATE[08006] [7] connection to server at \"{$u['host']}\", port " . ($u['port'] ?? 5432) . " failed: $errstr"); } else { fclose($s); }
    }
    if ($api = getenv('API_HOST')) {
        $ctx = stream_context_create(['http' => ['timeout' => 2]]);
        if (@file_get_contents("https://$api/v1/charges", false, $ctx) === false) {
            $e = error_get_last(); error_log('[app] payment sync failed: ' . ($e['message'] ?? 'unknown'));
        }
    }
}
