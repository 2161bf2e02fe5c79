// node_redis 3.1 (legacy callback API), as a small web app's cache uses it: an error listener, GET/SET per request.
const redis = require('redis');
const { touchDeps, sleep } = require('./deps');
const rounds = +(process.env.ROUNDS || 12), gap = +(process.env.GAP_MS || 700);
const client = redis.createClient(process.env.REDIS_URL);
client.on('connect', () => console.log('Connected to Redis'));
client.on('reconnecting', (o) => console.log(`Reconnecting to Redis (attempt ${o.attempt})`));
client.on('error', (err) => console.error('Redis error:', err));
(async () => {
  console.log('Server listening on port 10000');
  for (let i = 1; i <= rounds; i++) {
    await touchDeps(i);
    await new Promise((resolve) => {
      client.set(`page:${i}`, 'cached', 'EX', 60, (err) => {
        if (err) { console.error(`GET /products/${i} cache write failed:`, err.message); return resolve(); }
        client.get(`page:${i}`, (err2, v) => { console.log(`GET /products/${i} 200 cache=${err2 ? 'error' : v}`); resolve(); });
      });
    });
    await sleep(gap);
  }
  process.exit(0);
})();
