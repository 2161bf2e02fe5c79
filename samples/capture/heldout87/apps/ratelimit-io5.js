// ratelimit: a fixed-window limiter on ioredis 5, with listeners; every check answers even when Redis does not
const Redis = require('ioredis');
const redis = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 3 });
const ts = () => new Date().toISOString();
redis.on('connect', () => console.log(`${ts()} INFO  ratelimit: redis connected`));
redis.on('ready', () => console.log(`${ts()} INFO  ratelimit: redis ready`));
redis.on('error', (err) => console.log(`${ts()} WARN  ratelimit: redis connection error: ${err.message}`));
redis.on('reconnecting', (ms) => console.log(`${ts()} INFO  ratelimit: reconnecting in ${ms}ms`));
let req = 0;
setInterval(async () => {
  req++;
  const key = `rl:203.0.113.7:${Math.floor(Date.now() / 10000)}`;
  try {
    const n = await redis.incr(key);
    await redis.expire(key, 10);
    console.log(`${ts()} INFO  ratelimit: request ${req} allowed (${n}/100)`);
  } catch (e) {
    console.log(`${ts()} ERROR ratelimit: limiter failed open for request ${req}: ${e.message}`);
  }
}, 1000);
