// A shop front on Express 4 whose sessions live in Redis (express-session + connect-redis 7 on ioredis 5), logging
// with a timestamp and a level as a small deployed app does, the client's events included.
const express = require('express');
const session = require('express-session');
const RedisStore = require('connect-redis').default;
const Redis = require('ioredis');
const { touchDeps, traffic, report } = require('./lib');
const log = (lvl, msg, ...a) => console.log(`${new Date().toISOString()} ${lvl.padEnd(5)} ${msg}`, ...a);

const redis = new Redis(process.env.REDIS_URL, { connectTimeout: 5000, commandTimeout: 3000, maxRetriesPerRequest: 2 });
redis.on('connect', () => log('INFO', 'session store: connected to Redis'));
redis.on('ready', () => log('INFO', 'session store: Redis ready'));
redis.on('error', (err) => log('ERROR', 'session store: Redis error', err));
redis.on('reconnecting', (ms) => log('WARN', `session store: reconnecting to Redis in ${ms} ms`));

const app = express();
app.use((req, res, next) => {
  const t = Date.now();
  res.on('finish', () => log('INFO', `${req.method} ${req.originalUrl} ${res.statusCode} ${Date.now() - t}ms`));
  next();
});
app.use(session({ store: new RedisStore({ client: redis, prefix: 'shop:sess:' }), secret: 'not-the-real-secret',
  resave: false, saveUninitialized: true, cookie: { maxAge: 3600e3 } }));
let n = 0;
app.get('/cart', async (req, res) => {
  req.session.views = (req.session.views || 0) + 1;
  req.session.recent = report(++n);
  await touchDeps({ error: (...a) => log('ERROR', ...a) });
  res.json({ items: 2, views: req.session.views });
});
app.use((err, req, res, next) => { log('ERROR', `request ${req.method} ${req.originalUrl} failed`, err); res.status(500).send('Internal Server Error'); });
const port = Number(process.env.PORT || 3000);
app.listen(port, () => { log('INFO', `shop listening on :${port}`); traffic(port, '/cart'); });
