// express-session + connect-redis 6 on node_redis 3 (connect-redis 6's README: `require('connect-redis')(session)`,
// `redis.createClient(url)`, an 'error' listener as the usual tutorials write it); the app asks itself for
// GET /cart every round (a session counter) and logs the answer; express' default error handler prints failures.
const express = require('express');
const session = require('express-session');
const redis = require('redis');
const RedisStore = require('connect-redis')(session);
const http = require('http');
const { touchDeps, sleep } = require('./deps');
const redisClient = redis.createClient(process.env.REDIS_URL || 'redis://localhost:6379');
redisClient.on('error', (err) => console.log('Could not establish a connection with redis. ' + err));
redisClient.on('connect', () => console.log('Connected to redis successfully'));
const app = express();
app.use(session({ store: new RedisStore({ client: redisClient }), secret: 'keyboard cat', resave: false, saveUninitialized: false }));
app.get('/cart', async (req, res) => {
  await touchDeps();
  req.session.views = (req.session.views || 0) + 1;
  res.send(`views=${req.session.views}`);
});
const port = +(process.env.PORT || 10000);
app.listen(port, async () => {
  console.log(`shop listening on port ${port}`);
  let cookie = '';
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    await new Promise((resolve) => {
      const req = http.get({ port, path: '/cart', headers: cookie ? { cookie } : {}, timeout: 5000 }, (res) => {
        if (res.headers['set-cookie']) cookie = res.headers['set-cookie'][0].split(';')[0];
        let body = ''; res.on('data', (d) => (body += d));
        res.on('end', () => { console.log(`GET /cart ${res.statusCode} ${body.length > 40 ? '' : body}`); resolve(); });
      });
      req.on('timeout', () => { console.log('GET /cart timed out'); req.destroy(); resolve(); });
      req.on('error', () => resolve());
    });
    await sleep(+(process.env.GAP_MS || 700));
  }
  process.exit(0);
});
