// cache-manager 5 with cache-manager-redis-yet (node-redis 4 inside), as its README: `await caching(redisStore, {url})`;
// a price read through cache.wrap every round, an error printed with console.error and the price fetched uncached.
const { caching } = require('cache-manager');
const { redisStore } = require('cache-manager-redis-yet');
const { sleep } = require('./deps');
(async () => {
  const cache = await caching(redisStore, { url: process.env.REDIS_URL, ttl: 5000 });
  console.log('pricing service: cache ready');
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    try {
      const price = await cache.wrap(`price:${i % 3}`, async () => 10 + (i % 3));
      console.log(`GET /price/${i % 3} 200 price=${price}`);
    } catch (err) {
      console.error('cache error:', err);
    }
    await sleep(+(process.env.GAP_MS || 700));
  }
  process.exit(0);
})();
