// A pricing API on Express 5 whose cache layer uses node-redis 4 and an in-memory Map when Redis is not ready, logging
// with a '[cache]' prefix what a cache module logs around the client's events and failed commands.
const express = require('express');
const { createClient } = require('redis4');
const { touchDeps, traffic } = require('./deps');

const memory = new Map();
const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error('[cache] redis error:', err.message));
client.on('ready', () => console.log('[cache] redis ready'));
client.on('reconnecting', () => console.log('[cache] redis reconnecting'));
client.connect().catch((err) => console.error('[cache] redis connect failed:', err.message));

async function cached(key, compute) {
  if (client.isReady) {
    try {
      const hit = await client.get(key);
      if (hit) return JSON.parse(hit);
      const value = await compute();
      await client.set(key, JSON.stringify(value), { EX: 120 });
      return value;
    } catch (err) {
      console.warn(`[cache] redis command failed (${err.message}); using in-memory cache`);
    }
  } else if (memory.size === 0) {
    console.warn('[cache] redis not ready; using in-memory cache');
  }
  if (!memory.has(key)) memory.set(key, await compute());
  return memory.get(key);
}
const app = express();
app.get('/prices/:sku', async (req, res) => {
  const price = await cached(`price:${req.params.sku}`, async () => ({ sku: req.params.sku, eur: 19.9 }));
  await touchDeps();
  res.json(price);
});
const port = Number(process.env.PORT || 3000);
app.listen(port, () => { console.log(`pricing api listening on port ${port}`); traffic(port, '/prices/A-100'); });
