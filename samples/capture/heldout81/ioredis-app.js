// heldout81: a small Node service on ioredis 5 whose own log lines are in Japanese (APP_LANG=ja, a Misskey-style
// console logger) or Turkish (APP_LANG=tr). Each second it caches a value in Redis and, when API_URL or DATABASE_URL is
// set, calls that HTTP API or PostgreSQL too. FALLBACK=1: a Map stands in for Redis while Redis errors.
const Redis = require('ioredis');
const MSG = {
  ja: { boot: 'サーバーを起動しています…', conn: 'Redisに接続しました', err: 'Redis接続エラー:', tick: 'ジョブを処理しました #',
        fb: 'Redisが利用できないため、メモリキャッシュで処理を継続します', api: '外部APIの呼び出しに失敗しました:',
        db: 'データベースに接続できませんでした:', fail: 'キャッシュへの書き込みに失敗しました:', end: 'シャットダウンします' },
  tr: { boot: 'Sunucu başlatılıyor…', conn: "Redis'e bağlanıldı", err: 'Redis bağlantı hatası:', tick: 'İş işlendi #',
        fb: "Redis kullanılamıyor, bellek içi önbellek ile devam ediliyor", api: 'Harici API çağrısı başarısız oldu:',
        db: 'Veritabanına bağlanılamadı:', fail: 'Önbelleğe yazılamadı:', end: 'Kapatılıyor' },
};
const m = MSG[process.env.APP_LANG || 'ja'];
const ts = () => new Date().toISOString().replace('T', ' ').slice(0, 19);
const log = (lvl, s, ...rest) => (lvl === 'ERR' ? console.error : console.log)(`${lvl}  [${ts()}] [core] ${s}`, ...rest);
log('INFO', m.boot);
const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1, connectTimeout: 3000 });
const mem = new Map();
let usingFallback = false;
redis.on('ready', () => { usingFallback = false; log('DONE', `${m.conn} (${redis.options.host}:${redis.options.port})`); });
redis.on('error', (err) => {
  log('ERR', m.err, err.message);
  if (process.env.FALLBACK === '1' && !usingFallback) { usingFallback = true; log('WARN', m.fb); }
});
let n = 0;
const big = 'x'.repeat(200000);
setInterval(async () => {
  n += 1;
  try {
    if (usingFallback) mem.set(`job:${n}`, n);
    else await redis.set(`job:${n}`, process.env.BIG === '1' ? big : String(n));
    if (process.env.API_URL) {
      try { const r = await fetch(process.env.API_URL); log('INFO', `API ${r.status}`); }
      catch (e) { log('ERR', m.api, e.message, e.cause ? `(${e.cause.code} ${e.cause.hostname || e.cause.address || ''})` : ''); }
    }
    if (process.env.DATABASE_URL) {
      const { Client } = require('pg');
      const c = new Client({ connectionString: process.env.DATABASE_URL });
      try { await c.connect(); await c.end(); } catch (e) { log('ERR', m.db, e.message); }
    }
    log('INFO', `${m.tick}${n}`);
  } catch (e) {
    log('ERR', m.fail, `${e.name}: ${e.message}`);
  }
}, 1000);
setTimeout(() => { log('INFO', m.end); process.exit(0); }, Number(process.env.RUN_SECONDS || 8) * 1000);
