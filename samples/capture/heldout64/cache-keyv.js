// A product catalogue on Express 5 caching through cache-manager 7: a memory tier (Keyv's Map) in front of Redis
// (@keyv/redis 5 on node-redis), as cache-manager's README shows the two-tier setup. The app logs the Redis store's
// 'error' events and cache-manager's failed gets/sets; the catalogue is read from its source on a miss.
const express = require('express');
const { createCache } = require('cache-manager');
const { Keyv } = require('keyv');
const { default: KeyvRedis } = require('@keyv/redis');
const { touchDeps, traffic } = require('./deps');

const redisStore = new KeyvRedis(process.env.REDIS_URL || 'redis://localhost:6379');
redisStore.on('error', (err) => console.error('Redis cache store error:', err));
const cache = createCache({ stores: [new Keyv(), new Keyv({ store: redisStore, namespace: 'catalog' })], ttl: 60000 });
cache.on('get', ({ key, error }) => { if (error) console.error(`cache get ${key} failed:`, error); });
cache.on('set', ({ key, error }) => { if (error) console.error(`cache set ${key} failed:`, error); });

const app = express();
let n = 0;
app.get('/products/:id', async (req, res, next) => {
  try {
    const key = `product:${req.params.id}:${n++ % 5}`;
    let product = await cache.get(key);
    if (!product) {
      product = { id: req.params.id, name: 'espresso machine', price: 249 };
      await cache.set(key, product);
    }
    await touchDeps();
    res.json(product);
  } catch (err) { next(err); }
});
const port = Number(process.env.PORT || 3000);
app.listen(port, () => { console.log(`Catalogue listening on port ${port}`); traffic(port, '/products/7'); });
