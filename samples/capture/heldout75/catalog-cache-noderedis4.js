// A catalogue API on Express 4 caching product pages in Redis through node-redis 4 (its README's error listener), a
// cache failure served from the database instead (the page is rebuilt) and logged; the app gives a command 2 s
// (node-redis 4 has no command timeout of its own).
const express = require('express');
const { createClient } = require('redis4');
const { touchDeps, traffic, report } = require('./lib');

const client = createClient({ url: process.env.REDIS_URL, socket: { connectTimeout: 5000 } });
client.on('error', (err) => console.error('Redis Client Error', err));
client.on('connect', () => console.log('redis: connecting'));
client.on('ready', () => console.log('redis: ready'));
client.on('reconnecting', () => console.log('redis: reconnecting'));
const within = (p, what) => Promise.race([p, new Promise((_, rej) =>
  setTimeout(() => rej(new Error(`${what}: no reply within 2000 ms`)), 2000))]);

const app = express();
let n = 0;
app.get('/products/:id', async (req, res) => {
  const key = `catalog:product:${req.params.id}:${++n % 5}`;
  let page = null;
  try {
    page = await within(client.get(key), `GET ${key}`);
    if (!page) await within(client.set(key, report(n), { EX: 60 }), `SET ${key}`);
  } catch (err) {
    console.warn(`cache bypassed for ${key}: ${err.message}`);
  }
  await touchDeps();
  res.json({ id: req.params.id, cached: !!page });
});
const port = Number(process.env.PORT || 3000);
client.connect().catch((err) => console.error('initial Redis connect failed:', err.message))
  .finally(() => app.listen(port, () => { console.log(`catalog service listening on ${port}`); traffic(port, '/products/7'); }));
