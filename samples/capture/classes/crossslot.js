// A multi-key command whose keys hash to different slots, sent to a Redis Cluster node (Session 11, heldout34).
const which = process.argv[2], port = Number(process.argv[3]);
async function main() {
  if (which === 'node-redis') {
    const { createClient } = require('redis');
    const c = createClient({ socket: { host: '127.0.0.1', port, reconnectStrategy: false } });
    c.on('error', (err) => console.error('Redis Client Error', err));
    await c.connect();
    try { await c.mSet(['job:1', 'a', 'job:2', 'b']); } catch (e) { console.error('cache write failed', e); }
    await c.quit();
  } else {
    const Redis = require('ioredis');
    const r = new Redis({ host: '127.0.0.1', port });
    r.on('error', (err) => console.error('[ioredis] error', err));
    try { await r.eval("return redis.call('rpoplpush', KEYS[1], KEYS[2])", 2, 'bull:mail:wait', 'bull:mail:active'); } catch (e) { console.error('queue errored:', e); }
    r.disconnect();
  }
}
main().finally(() => setTimeout(() => process.exit(0), 200));
