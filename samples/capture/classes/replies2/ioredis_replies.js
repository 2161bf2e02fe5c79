// ioredis 5: four replies of a running server, each logged as an app logs a failed operation
const Redis = require('/tmp/lead/wn/node_modules/ioredis');
const r = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1 });
const scenario = process.argv[2];
(async () => {
  try {
    if (scenario === 'config') console.log('maxmemory-policy', await r.config('GET', 'maxmemory-policy'));
    else if (scenario === 'keys') console.log('sessions', await r.keys('session:*'));
    else if (scenario === 'wrongtype') { await r.set('jobs', 'x'); await r.lpush('jobs', 'job-1'); }
    else if (scenario === 'busy') {
      const other = new Redis(process.env.REDIS_URL);
      other.eval("local t=redis.call('TIME') while true do local n=redis.call('TIME') if n[1]-t[1]>1 then break end end return 1", 0).catch(() => {});
      await new Promise((ok) => setTimeout(ok, 500));
      await r.get('session:1');
    } else if (scenario === 'masterdown' || scenario === 'sentinel') await r.get('session:1');
  } catch (err) { console.error(`cache: ${scenario} failed`, err); }
  process.exit(0);
})();
