// A storefront's web process: express 4 + express-session on connect-redis 7 over ioredis 5 (the connect-redis
// README's setup), a request logger, and (when set) a PostgreSQL pool and a billing API polled every 3 s.
// Traffic: the process calls its own /cart once a second (the capture's stand-in for visitors).
const express = require('express');
const session = require('express-session');
const RedisStore = require('connect-redis').default;
const Redis = require('ioredis');
const http = require('http');

const redis = new Redis(process.env.REDIS_URL);
redis.on('connect', () => console.log('redis: connected'));
redis.on('ready', () => console.log('redis: ready'));
redis.on('error', (err) => console.error('redis error:', err.message));
redis.on('reconnecting', (ms) => console.log(`redis: reconnecting in ${ms}ms`));

const app = express();
app.use((req, res, next) => {
  const t = Date.now();
  res.on('finish', () => console.log(`${req.method} ${req.originalUrl} ${res.statusCode} ${Date.now() - t}ms`));
  next();
});
app.use(session({
  store: new RedisStore({ client: redis, prefix: 'shop:' }),
  secret: process.env.SESSION_SECRET || 'keyboard cat',
  resave: false,
  saveUninitialized: true,
}));
app.get('/cart', (req, res) => {
  req.session.views = (req.session.views || 0) + 1;
  res.json({ items: [], views: req.session.views });
});
app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).send('Internal Server Error');
});

let pool = null;
if (process.env.DATABASE_URL) {
  const { Pool } = require('pg');
  pool = new Pool({ connectionString: process.env.DATABASE_URL });
  setInterval(() => {
    pool.query('SELECT count(*) FROM orders').catch((err) => console.error('orders query failed:', err));
  }, 3000);
}
if (process.env.API_URL) {
  setInterval(() => {
    fetch(`${process.env.API_URL}/v1/invoices?status=open`).then((r) => console.log(`billing sync: ${r.status}`))
      .catch((err) => console.error('billing sync failed:', err));
  }, 3000);
}

const port = process.env.PORT || 3000;
app.listen(port, () => {
  console.log(`storefront listening on http://localhost:${port}`);
  setInterval(() => {
    http.get(`http://127.0.0.1:${port}/cart`, (res) => res.resume()).on('error', () => {});
  }, 1000);
});
