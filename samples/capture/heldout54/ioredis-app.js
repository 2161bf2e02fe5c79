// heldout54: an Express-style cart API on ioredis 5, in one of three shapes (MODE): Sentinel (SENTINELS, MASTER_NAME),
// Cluster (CLUSTER_NODES) or a plain URL (REDIS_URL). No 'error' listener on purpose in sentinel/plain modes (ioredis
// then prints its own "[ioredis] Unhandled error event"); the Cluster app logs its errors as most apps do.
// OP=mget reads a cart and a global counter in one MGET (two slots in a cluster). API_HOST / DATABASE_URL: another
// dependency the request also calls (an HTTP API by name, PostgreSQL).
const Redis = require('ioredis');
const mode = process.env.MODE || 'plain';
const pairs = (s) => s.split(',').map((hp) => { const [host, port] = hp.split(':'); return { host, port: Number(port) }; });
let redis;
if (mode === 'sentinel') {
  redis = new Redis({ sentinels: pairs(process.env.SENTINELS), name: process.env.MASTER_NAME || 'mymaster' });
} else if (mode === 'cluster') {
  redis = new Redis.Cluster(pairs(process.env.CLUSTER_NODES));
  redis.on('error', (err) => console.error('Redis cluster error:', err.message));
  redis.on('node error', (err, key) => console.error(`Redis node ${key} error: ${err.message}`));
} else {
  redis = new Redis(process.env.REDIS_URL);
}
redis.on('ready', () => console.log('Redis ready'));
redis.on('reconnecting', (ms) => console.log(`Redis reconnecting in ${ms}ms`));
redis.on('+switch-master', () => console.log('Redis master switched'));
let pg = null;
if (process.env.DATABASE_URL) { const { Pool } = require('pg'); pg = new Pool({ connectionString: process.env.DATABASE_URL }); }
console.log('cart-api listening on port 10000');
let n = 0;
async function request() {
  const t0 = Date.now(); const user = 40 + (n++ % 5);
  try {
    let views;
    if (process.env.OP === 'mget') {
      await redis.incr('views:total');
      [, views] = await redis.mget(`cart:${user}`, 'views:total');
    } else {
      await redis.hset(`cart:${user}`, 'sku-' + n, 1);
      views = await redis.incr(`views:${user}`);
    }
    if (pg) {
      try { await pg.query('SELECT 1'); } catch (e) { console.error('Database error:', e.message); }
    }
    if (process.env.API_HOST) {
      try { await fetch(`https://${process.env.API_HOST}/v1/prices`); } catch (e) { console.error(`Failed to fetch prices from ${process.env.API_HOST}:`, e.cause ? e.cause.message : e.message); }
    }
    console.log(`GET /api/cart/${user} 200 ${Date.now() - t0}ms views=${views}`);
  } catch (err) {
    console.error(`GET /api/cart/${user} 500 ${Date.now() - t0}ms - ${err.message}`);
  }
}
setInterval(request, 500);
