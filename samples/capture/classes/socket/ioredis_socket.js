// Session 12 (lead): ioredis given a Unix socket path as its URL (REDIS_URL=/path.sock), an INCR every 0.5 s.
const Redis = require('ioredis');
const r = new Redis(process.env.REDIS_URL, {maxRetriesPerRequest: 1, retryStrategy: (n) => (n > 2 ? null : 200)});
setInterval(async () => { try { await r.incr('n'); console.log('incr ok'); } catch (e) { console.error('incr failed', e.message); } }, 500);
setTimeout(() => process.exit(0), 2500);
