// rate-limiter-flexible 5 on ioredis 5 (no error listener, as the library's README example): an API's limiter.
const { RateLimiterRedis } = require('rate-limiter-flexible');
const Redis = require('ioredis');
const { touchDeps, sleep } = require('./deps');
const rounds = +(process.env.ROUNDS || 12), gap = +(process.env.GAP_MS || 700);
const redisClient = new Redis(process.env.REDIS_URL, { enableOfflineQueue: false });
const limiter = new RateLimiterRedis({ storeClient: redisClient, keyPrefix: 'rl', points: 100, duration: 60 });
(async () => {
  // STARTUP_MS: the app listens this long after creating the client (0 = at once, before ioredis is ready)
  await sleep(+(process.env.STARTUP_MS || 1000));
  console.log('API listening on port 10000');
  for (let i = 1; i <= rounds; i++) {
    await touchDeps(i);
    try {
      const r = await limiter.consume('203.0.113.7');
      console.log(`POST /api/login 200 (remaining ${r.remainingPoints})`);
    } catch (rej) {
      if (rej instanceof Error) console.error('Rate limiter error:', rej);
      else console.log('POST /api/login 429');
    }
    await sleep(gap);
  }
  process.exit(0);
})();
