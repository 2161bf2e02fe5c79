// cache-manager 6 with a Keyv store on @keyv/redis 4 (node-redis 4's @redis/client inside), as cache-manager's
// README; Keyv's 'error' event printed; a price lookup every round (the cache in front of a slow function).
const { createCache } = require('cache-manager');
const { Keyv } = require('keyv');
const KeyvRedis = require('@keyv/redis').default;
const { touchDeps, sleep } = require('./deps');
const keyv = new Keyv({ store: new KeyvRedis(process.env.REDIS_URL), namespace: 'prices' });
keyv.on('error', (err) => console.error('cache error:', err));
const cache = createCache({ stores: [keyv] });
const slowPrice = async (id) => { await sleep(50); return 100 + id; };
(async () => {
  console.log('prices: service started');
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    await touchDeps();
    const id = i % 4;
    try {
      const t = Date.now();
      const price = await cache.wrap(`price:${id}`, () => slowPrice(id), 60000);
      console.log(`GET /prices/${id} 200 ${price} ${Date.now() - t}ms`);
    } catch (err) {
      console.error(`GET /prices/${id} 500`, err);
    }
    await sleep(+(process.env.GAP_MS || 700));
  }
  process.exit(0);
})();
