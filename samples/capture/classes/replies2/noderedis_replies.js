// node-redis 4: four replies of a running server, each logged as an app logs a failed operation
const { createClient } = require('/tmp/lead/wn/node_modules/redis');
const scenario = process.argv[2];
(async () => {
  const r = createClient({ url: process.env.REDIS_URL });
  r.on('error', (err) => console.error('Redis Client Error', err));
  await r.connect();
  try {
    if (scenario === 'config') console.log('maxmemory-policy', await r.configGet('maxmemory-policy'));
    else if (scenario === 'keys') console.log('sessions', await r.keys('session:*'));
    else if (scenario === 'wrongtype') { await r.set('jobs', 'x'); await r.lPush('jobs', 'job-1'); }
    else if (scenario === 'busy') {
      const other = createClient({ url: process.env.REDIS_URL });
      await other.connect();
      other.eval("local t=redis.call('TIME') while true do local n=redis.call('TIME') if n[1]-t[1]>1 then break end end return 1").catch(() => {});
      await new Promise((ok) => setTimeout(ok, 500));
      await r.get('session:1');
    } else if (scenario === 'masterdown' || scenario === 'sentinel') await r.get('session:1');
  } catch (err) { console.error(`cache: ${scenario} failed`, err); }
  process.exit(0);
})();
