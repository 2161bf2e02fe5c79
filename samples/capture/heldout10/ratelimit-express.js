// express-rate-limit 7 with rate-limit-redis 4 on node-redis 4, as rate-limit-redis' README sets it up
// (`await client.connect()` first, the error listener node-redis' README gives); the app requests itself.
const express = require('express');
const { rateLimit } = require('express-rate-limit');
const { RedisStore } = require('rate-limit-redis');
const { createClient } = require('redis');
const http = require('http');
const { touchDeps, sleep } = require('./deps');
const rounds = +(process.env.ROUNDS || 12), gap = +(process.env.GAP_MS || 700);
(async () => {
  const client = createClient({ url: process.env.REDIS_URL });
  client.on('error', (err) => console.log('Redis Client Error', err));
  await client.connect();
  const app = express();
  app.use(rateLimit({ windowMs: 60000, limit: 100, store: new RedisStore({ sendCommand: (...args) => client.sendCommand(args) }) }));
  app.get('/api/search', async (req, res) => { await touchDeps(0); res.json({ results: [] }); });
  app.use((req, res, next) => next());
  app.use((err, req, res, next) => { console.error(err); res.status(500).end(); });
  app.listen(10000, async () => {
    console.log('Server listening on port 10000');
    for (let i = 1; i <= rounds; i++) {
      await new Promise((r) => http.get('http://127.0.0.1:10000/api/search', (res) => { console.log(`GET /api/search ${res.statusCode}`); res.resume(); res.on('end', r); }).on('error', r));
      await sleep(gap);
    }
    process.exit(0);
  });
})();
