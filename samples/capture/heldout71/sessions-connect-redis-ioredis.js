// A shop front on Express 4 whose sessions live in Redis (express-session + connect-redis 7 on ioredis 5), logging
// request lines and the client's events as such an app does (console, a morgan-like line per request).
const express = require('express');
const session = require('express-session');
const RedisStore = require('connect-redis').default;
const Redis = require('ioredis');
const { touchDeps, traffic, report } = require('./lib');

const redis = new Redis(process.env.REDIS_URL, { commandTimeout: 2500, maxRetriesPerRequest: 2 });
redis.on('connect', () => console.log('[redis] connected'));
redis.on('ready', () => console.log('[redis] ready'));
redis.on('error', (err) => console.error('[redis] error:', err));
redis.on('close', () => console.warn('[redis] connection closed'));
redis.on('reconnecting', (ms) => console.warn(`[redis] reconnecting in ${ms}ms`));

const app = express();
app.use((req, res, next) => {
  const t = Date.now();
  res.on('finish', () => console.log(`${req.method} ${req.originalUrl} ${res.statusCode} ${Date.now() - t} ms`));
  next();
});
app.use(session({ store: new RedisStore({ client: redis, prefix: 'sess:' }), secret: 'keyboard cat',
  resave: false, saveUninitialized: true, cookie: { maxAge: 3600e3 } }));
let n = 0;
app.get('/cart', async (req, res) => {
  req.session.views = (req.session.views || 0) + 1;
  req.session.lastReport = report(++n).length > 8192 ? report(n) : undefined;
  await touchDeps();
  res.json({ items: 2, views: req.session.views });
});
app.use((err, req, res, next) => { console.error('Unhandled error:', err); res.status(500).send('Internal Server Error'); });
const port = Number(process.env.PORT || 3000);
app.listen(port, () => { console.log(`shop listening on port ${port}`); traffic(port, '/cart'); });
