// A shop's cart on Express 5 with express-session; sessions in Redis through connect-redis 7 on ioredis (connect-redis 9
// takes node-redis only). The app logs ioredis' events as its README shows; a store error reaches Express' own error
// handler (finalhandler prints its stack).
const express = require('express');
const session = require('express-session');
const RedisStore = require('connect-redis7').default;
const Redis = require('ioredis');
const { touchDeps, traffic } = require('./deps');

const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
redis.on('connect', () => console.log('Redis connected'));
redis.on('error', (err) => console.error('Redis error:', err.message));

const app = express();
app.use(session({
  store: new RedisStore({ client: redis, prefix: 'shop:sess:' }),
  secret: 'cart-session-secret', resave: false, saveUninitialized: false, cookie: { maxAge: 3600000 },
}));
app.get('/cart', async (req, res) => {
  req.session.items = (req.session.items || 0) + 1;
  await touchDeps();
  res.json({ items: req.session.items });
});
const port = Number(process.env.PORT || 3000);
app.listen(port, () => { console.log(`Server listening on port ${port}`); traffic(port, '/cart'); });
