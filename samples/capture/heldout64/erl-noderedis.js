// An Express 5 API with express-rate-limit 8 whose store is rate-limit-redis 6 on node-redis 6, as rate-limit-redis'
// README shows it (sendCommand through client.sendCommand). A store failure goes to Express' error handler
// (express-rate-limit's passOnStoreError is false by default), which prints its stack.
const express = require('express');
const { rateLimit } = require('express-rate-limit');
const { RedisStore } = require('rate-limit-redis');
const { createClient } = require('redis');
const { touchDeps, traffic } = require('./deps');

async function main() {
  const client = createClient({ url: process.env.REDIS_URL });
  client.on('error', (err) => console.error('Redis Client Error', err));
  await client.connect();
  console.log('Connected to Redis');
  const app = express();
  app.use(rateLimit({
    windowMs: 15 * 60 * 1000, limit: 100, standardHeaders: 'draft-8', legacyHeaders: false,
    store: new RedisStore({ sendCommand: (...args) => client.sendCommand(args) }),
  }));
  app.get('/api/orders', async (req, res) => { await touchDeps(); res.json({ orders: [] }); });
  const port = Number(process.env.PORT || 3000);
  app.listen(port, () => { console.log(`orders api listening on port ${port}`); traffic(port, '/api/orders'); });
}
main();
