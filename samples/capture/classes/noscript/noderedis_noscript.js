// node-redis 4: a Lua script loaded once at start and called by its SHA (evalSha)
const { createClient } = require('/tmp/lead/wn/node_modules/redis');
(async () => {
  const r = createClient({ url: process.env.REDIS_URL });
  r.on('error', (err) => console.error('Redis Client Error', err));
  await r.connect();
  const sha = await r.scriptLoad("return redis.call('INCR', KEYS[1])");
  for (let n = 1; n <= 4; n++) {
    try { console.log(`track ${n}: count=${await r.evalSha(sha, { keys: ['events'] })}`); }
    catch (err) { console.error(`track ${n} failed`, err); }
    await new Promise((ok) => setTimeout(ok, 1000));
  }
  process.exit(0);
})();
