// The same catalog on node-redis 5 (`createClient({ url })`, the README's `client.on('error', err =>
// console.log('Redis Client Error', err))`, `connect()` not awaited so the site starts without its cache); a
// request when the client is not ready, or whose command fails, is served from the "database" and says so.
const http = require('http');
const { createClient } = require('redis');
const { touchDeps, sleep } = require('./deps');
const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.log('Redis Client Error', err));
client.on('ready', () => console.log('Redis client ready'));
client.connect().catch((err) => console.error('Redis connect failed:', err.message));
const DB = { 1: 'Blue mug', 2: 'Green scarf', 3: 'Red lamp' };
async function product(id) {
  if (!client.isReady) {
    console.warn('cache offline, serving from database');
    return { name: DB[id], source: 'db-fallback' };
  }
  try {
    const hit = await client.get(`product:${id}`);
    if (hit) return { name: hit, source: 'cache' };
    await client.set(`product:${id}`, DB[id], { EX: 60 });
    return { name: DB[id], source: 'db' };
  } catch (err) {
    console.warn(`cache unavailable, falling back to database: ${err.message}`);
    return { name: DB[id], source: 'db-fallback' };
  }
}
const server = http.createServer(async (req, res) => {
  await touchDeps();
  const id = (req.url.match(/\/products\/(\d+)/) || [])[1] || '1';
  const p = await product(id);
  res.end(JSON.stringify(p));
  console.log(`GET ${req.url} 200 source=${p.source}`);
});
const port = +(process.env.PORT || 10000);
server.listen(port, async () => {
  console.log(`catalog listening on port ${port}`);
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    await new Promise((resolve) => http.get({ port, path: `/products/${(i % 3) + 1}` }, (r) => { r.resume(); r.on('end', resolve); }).on('error', resolve));
    await sleep(+(process.env.GAP_MS || 700));
  }
  process.exit(0);
});
