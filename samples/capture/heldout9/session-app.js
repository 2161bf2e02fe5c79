// Express 4 + express-session + connect-redis 7 on ioredis 5: a web service whose sessions live in Redis.
// It requests itself (as a health checker and users would) and logs each request.
const express = require('express');
const session = require('express-session');
const RedisStore = require('connect-redis').default;
const Redis = require('ioredis');
const http = require('http');
const { touchDeps, sleep } = require('./deps');
const rounds = +(process.env.ROUNDS || 12), gap = +(process.env.GAP_MS || 700);
const redisClient = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 2 });
redisClient.on('error', (err) => console.error('Redis Client Error', err));
redisClient.on('ready', () => console.log('Redis client ready'));
const app = express();
app.use(session({ store: new RedisStore({ client: redisClient, prefix: 'sess:' }), secret: 'keyboard cat', resave: false, saveUninitialized: true }));
app.use((req, res, next) => { res.on('finish', () => console.log(`${req.method} ${req.originalUrl} ${res.statusCode}`)); next(); });
app.get('/api/cart', async (req, res) => { await touchDeps(0); req.session.views = (req.session.views || 0) + 1; res.json({ views: req.session.views }); });
app.use((err, req, res, next) => { console.error(err); res.status(500).send('Internal Server Error'); });
const server = app.listen(10000, async () => {
  console.log('Server listening on port 10000');
  for (let i = 1; i <= rounds; i++) {
    await new Promise((r) => http.get('http://127.0.0.1:10000/api/cart', (res) => { res.resume(); res.on('end', r); }).on('error', r));
    await sleep(gap);
  }
  process.exit(0);
});
