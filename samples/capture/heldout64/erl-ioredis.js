// An Express 5 API with express-rate-limit 8 whose store is rate-limit-redis 6 on ioredis (sendCommand through
// client.call, as rate-limit-redis' README shows for ioredis). Store failures go to Express' error handler.
const express = require('express');
const { rateLimit } = require('express-rate-limit');
const { RedisStore } = require('rate-limit-redis');
const Redis = require('ioredis');
const { touchDeps, traffic } = require('./deps');

const client = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
client.on('error', (err) => console.error('[redis]', err));
const app = express();
app.use(rateLimit({
  windowMs: 60 * 1000, limit: 60, standardHeaders: 'draft-8', legacyHeaders: false,
  store: new RedisStore({ sendCommand: (command, ...args) => client.call(command, ...args), prefix: 'rl:' }),
}));
app.get('/api/quotes', async (req, res) => { await touchDeps(); res.json({ quotes: [] }); });
const port = Number(process.env.PORT || 3000);
app.listen(port, () => { console.log(`quotes api listening on port ${port}`); traffic(port, '/api/quotes'); });
