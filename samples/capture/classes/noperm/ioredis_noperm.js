// ioredis 5 with an ACL user that may GET/SET session:* only; errors logged as an app does
const Redis = require('/tmp/lead/wn/node_modules/ioredis');
const r = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1 });
(async () => {
  console.log('redis ping', await r.ping());
  await r.set('session:1', 'a');
  for (const [cmd, key] of [['set', 'cache:products'], ['lpush', 'jobs']]) {
    try { await r[cmd](key, 'x'); } catch (err) { console.error(`cache: ${cmd} ${key} failed`, err); }
  }
  await r.incr('session:counter');
})();
