<?php
// heldout81: a PHP CLI worker on phpredis whose own log lines are in Spanish (APP_LANG=es) or Indonesian
// (APP_LANG=id), in Laravel's log layout ("[date] production.LEVEL: message"). Each second it writes a cache key;
// with DATABASE_DSN it also opens PostgreSQL through PDO. FALLBACK=1: an array stands in for Redis.
$MSG = [
  'es' => ['boot' => 'Iniciando el worker...', 'conn' => 'Conectado a Redis correctamente', 'err' => 'No se pudo conectar a Redis: ',
           'cmd' => 'Error al escribir en la caché: ', 'tick' => 'Tarea procesada #', 'fb' => 'Redis no disponible, usando caché en memoria',
           'db' => 'Error de conexión con la base de datos: ', 'end' => 'Deteniendo el worker'],
  'id' => ['boot' => 'Memulai worker...', 'conn' => 'Berhasil terhubung ke Redis', 'err' => 'Gagal terhubung ke Redis: ',
           'cmd' => 'Gagal menulis ke cache: ', 'tick' => 'Tugas selesai diproses #', 'fb' => 'Redis tidak tersedia, memakai cache memori',
           'db' => 'Koneksi database gagal: ', 'end' => 'Menghentikan worker'],
];
$m = $MSG[getenv('APP_LANG') ?: 'es'];
function logl($lvl, $s) { echo '[' . date('Y-m-d H:i:s') . "] production.$lvl: $s\n"; }
logl('INFO', $m['boot']);
$u = parse_url(getenv('REDIS_URL') ?: 'redis://127.0.0.1:6379');
$redis = new Redis();
$ok = false;
try {
  $redis->connect($u['host'], $u['port'] ?? 6379, 3.0);
  if (isset($u['pass'])) { $redis->auth(isset($u['user']) && $u['user'] !== '' ? [$u['user'], $u['pass']] : $u['pass']); }
  $redis->ping();
  $ok = true;
  logl('INFO', $m['conn']);
} catch (RedisException $e) {
  logl('ERROR', $m['err'] . $e->getMessage());
}
$fallback = !$ok && getenv('FALLBACK') === '1';
if ($fallback) logl('WARNING', $m['fb']);
$mem = [];
$deadline = microtime(true) + (float)(getenv('RUN_SECONDS') ?: 8);
for ($n = 1; microtime(true) < $deadline; $n++) {
  try {
    if ($fallback) { $mem["tarea:$n"] = $n; }
    else { $redis->set("tarea:$n", getenv('BIG') === '1' ? str_repeat('x', 200000) : (string)$n); }
    if (getenv('DATABASE_DSN')) {
      try { new PDO(getenv('DATABASE_DSN'), 'app', 'secreto', [PDO::ATTR_TIMEOUT => 3]); }
      catch (PDOException $e) { logl('ERROR', $m['db'] . $e->getMessage()); }
    }
    logl('INFO', $m['tick'] . $n);
  } catch (RedisException $e) {
    logl('ERROR', $m['cmd'] . $e->getMessage());
    if (!$ok) { try { $redis->connect($u['host'], $u['port'] ?? 6379, 3.0); $ok = true; } catch (RedisException $e2) { logl('ERROR', $m['err'] . $e2->getMessage()); } }
  }
  sleep(1);
}
logl('INFO', $m['end']);
