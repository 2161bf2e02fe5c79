// An account API on Express 5 with express-session; sessions in Redis through connect-redis 9 on node-redis 6, as
// connect-redis' README sets it up. When Redis cannot be reached at start (5 s), the app keeps serving with
// express-session's MemoryStore and says so.
const express = require('express');
const session = require('express-session');
const { RedisStore } = require('connect-redis');
const { createClient } = require('redis');
const { touchDeps, traffic } = require('./deps');

async function main() {
  const redisClient = createClient({ url: process.env.REDIS_URL });
  redisClient.on('error', (err) => console.error('Redis Client Error', err));
  let store;
  try {
    await Promise.race([redisClient.connect(),
      new Promise((_, rej) => setTimeout(() => rej(new Error('Connection timeout')), 5000))]);
    store = new RedisStore({ client: redisClient, prefix: 'acct:' });
    console.log('Redis session store ready');
  } catch (err) {
    console.warn('Redis connection failed, using MemoryStore for sessions:', err.message);
    store = new session.MemoryStore();
  }
  const app = express();
  app.use(session({ store, secret: 'acct-secret', resave: false, saveUninitialized: false }));
  app.get('/me', async (req, res) => {
    req.session.seen = (req.session.seen || 0) + 1;
    await touchDeps();
    res.json({ seen: req.session.seen });
  });
  const port = Number(process.env.PORT || 3000);
  app.listen(port, () => { console.log(`Server listening on port ${port}`); traffic(port, '/me'); });
}
main();
