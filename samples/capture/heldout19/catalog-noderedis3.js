// A product catalog on node_redis 3.1.2 (callback API, promisified as its README shows), Redis as a read-through
// cache with an 'error' listener; a cache call that fails or takes more than 1 s falls back to the "database"
// (an in-memory table here) and the app says so. The app asks itself for GET /products/:id every round.
const http = require('http');
const { promisify } = require('util');
const redis = require('redis');
const { touchDeps, sleep } = require('./deps');
const client = redis.createClient(process.env.REDIS_URL);
client.on('error', (err) => console.error('Redis error:', err));
client.on('ready', () => console.log('Redis client ready'));
const getAsync = promisify(client.get).bind(client);
const setexAsync = promisify(client.setex).bind(client);
const DB = { 1: 'Blue mug', 2: 'Green scarf', 3: 'Red lamp' };
const withTimeout = (p) => Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error('cache timeout after 1000ms')), 1000))]);
async function product(id) {
  try {
    const hit = await withTimeout(getAsync(`product:${id}`));
    if (hit) return { name: hit, source: 'cache' };
    await withTimeout(setexAsync(`product:${id}`, 60, DB[id]));
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
