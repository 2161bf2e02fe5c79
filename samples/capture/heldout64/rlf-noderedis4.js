// An Express 5 login endpoint rate limited by rate-limiter-flexible 11 on node-redis 4 (useRedisPackage: true, as its
// docs say for the redis package), no insurance limiter: a limiter failure is logged and the request let through.
const express = require('express');
const { createClient } = require('redis4');
const { RateLimiterRedis } = require('rate-limiter-flexible');
const { touchDeps, traffic } = require('./deps');

async function main() {
  const redisClient = createClient({ url: process.env.REDIS_URL });
  redisClient.on('error', (err) => console.error('Redis Client Error', err));
  redisClient.connect().catch((err) => console.error('Redis connect failed', err));
  const limiter = new RateLimiterRedis({ storeClient: redisClient, useRedisPackage: true, keyPrefix: 'login_fail', points: 5, duration: 60 });
  const app = express();
  app.get('/login', async (req, res) => {
    try { await limiter.consume(req.ip); }
    catch (rej) {
      if (rej instanceof Error) console.error('rate limiter unavailable:', rej);
      else return res.status(429).send('Too Many Requests');
    }
    await touchDeps();
    res.json({ ok: true });
  });
  const port = Number(process.env.PORT || 3000);
  app.listen(port, () => { console.log(`auth service listening on port ${port}`); traffic(port, '/login'); });
}
main();
