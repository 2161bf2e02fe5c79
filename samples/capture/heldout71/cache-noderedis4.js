// A catalogue API on Express 4 caching its product pages in Redis through node-redis 4, logging as node-redis' README
// shows ('Redis Client Error') and a line per cache miss/hit; a command that takes over 2 s is given up (the app's own
// timeout around the call, node-redis 4 has none).
const express = require('express');
const { createClient } = require('redis4');
const { touchDeps, traffic, report } = require('./lib');

const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.log('Redis Client Error', err));
client.on('ready', () => console.log('Redis client ready'));
client.on('reconnecting', () => console.log('Redis client reconnecting'));
const withTimeout = (p, what) => Promise.race([p, new Promise((_, rej) =>
  setTimeout(() => rej(new Error(`${what} timed out after 2000ms`)), 2000))]);

const app = express();
let n = 0;
app.get('/products/:id', async (req, res) => {
  const key = `product:${req.params.id}:${++n % 5}`;
  try {
    const hit = await withTimeout(client.get(key), `redis GET ${key}`);
    if (hit) { console.log(`cache hit ${key}`); }
    else {
      console.log(`cache miss ${key}`);
      await withTimeout(client.set(key, report(n), { EX: 60 }), `redis SET ${key}`);
    }
  } catch (err) {
    console.error(`cache error on ${key}:`, err);
  }
  await touchDeps();
  res.json({ id: req.params.id });
});
const port = Number(process.env.PORT || 3000);
client.connect().catch((err) => console.error('Redis connect failed', err))
  .finally(() => app.listen(port, () => { console.log(`catalogue listening on ${port}`); traffic(port, '/products/42'); }));
