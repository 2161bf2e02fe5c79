// ioredis 5: a Lua script loaded once at start and called by its SHA (evalsha), as rate limiters and buffers do
const Redis = require('/tmp/lead/wn/node_modules/ioredis');
const r = new Redis(process.env.REDIS_URL);
(async () => {
  const sha = await r.script('LOAD', "return redis.call('INCR', KEYS[1])");
  for (let n = 1; n <= 4; n++) {
    try { console.log(`track ${n}: count=${await r.evalsha(sha, 1, 'events')}`); }
    catch (err) { console.error(`track ${n} failed`, err); }
    await new Promise((ok) => setTimeout(ok, 1000));
  }
  process.exit(0);
})();
