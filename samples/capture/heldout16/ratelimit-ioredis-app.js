// express-rate-limit 7 + rate-limit-redis 4 on ioredis 5 (rate-limit-redis' README for ioredis:
// `sendCommand: (command, ...args) => client.call(command, ...args)`), no ioredis 'error' listener; the app asks
// itself for GET /api/quote every round and logs the status; express' default error handler prints failures.
const express = require('express');
const { rateLimit } = require('express-rate-limit');
const { RedisStore } = require('rate-limit-redis');
const Redis = require('ioredis');
const http = require('http');
const { touchDeps, sleep } = require('./deps');
const client = new Redis(process.env.REDIS_URL);
const app = express();
app.use(rateLimit({ windowMs: 60 * 1000, limit: 100, standardHeaders: 'draft-7', legacyHeaders: false,
  store: new RedisStore({ sendCommand: (command, ...args) => client.call(command, ...args) }) }));
app.get('/api/quote', async (req, res) => { await touchDeps(); res.json({ price: 42 }); });
const port = +(process.env.PORT || 10000);
app.listen(port, async () => {
  console.log(`quotes api listening on ${port}`);
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    await new Promise((resolve) => {
      const req = http.get({ port, path: '/api/quote', timeout: 5000 }, (res) => {
        res.resume(); res.on('end', () => { console.log(`GET /api/quote ${res.statusCode} remaining=${res.headers['ratelimit'] || '-'}`); resolve(); });
      });
      req.on('timeout', () => { console.log('GET /api/quote timed out'); req.destroy(); resolve(); });
      req.on('error', () => resolve());
    });
    await sleep(+(process.env.GAP_MS || 700));
  }
  process.exit(0);
});
