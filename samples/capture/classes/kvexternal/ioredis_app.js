// ioredis 5 given the Key Value's External URL with redis:// (no TLS); the app logs where it connects (its host, as
// many apps do at boot) and its client's errors
const Redis = require('/tmp/lead/wn/node_modules/ioredis');
console.log(`Connecting to Redis at ${new URL(process.env.REDIS_URL).host}`);
const r = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1 });
r.on('error', (err) => console.error('Redis error', err));
(async () => {
  try { await r.set('session:1', 'a'); console.log('session saved'); }
  catch (err) { console.error('cache: set session:1 failed', err); }
  setTimeout(() => process.exit(0), 2000);
})();
