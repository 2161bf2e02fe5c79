// An Express 5 API rate limited by rate-limiter-flexible 11 on ioredis, as its README's Express middleware:
// enableOfflineQueue false and a RateLimiterMemory insurance limiter taking over when Redis fails. The app logs the
// client's 'error' events and any limiter failure that is an Error (not a RateLimiterRes).
const express = require('express');
const Redis = require('ioredis');
const { RateLimiterRedis, RateLimiterMemory } = require('rate-limiter-flexible');
const { touchDeps, traffic } = require('./deps');

const redisClient = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', { enableOfflineQueue: false });
redisClient.on('error', (err) => console.error('[ratelimit] redis error', err));
const rateLimiter = new RateLimiterRedis({
  storeClient: redisClient, keyPrefix: 'middleware', points: 10, duration: 1,
  insuranceLimiter: new RateLimiterMemory({ points: 10, duration: 1 }),
});
const app = express();
app.use((req, res, next) => {
  rateLimiter.consume(req.ip).then(() => next()).catch((rej) => {
    if (rej instanceof Error) { console.error('Rate limiter error, letting request through:', rej); return next(); }
    res.status(429).send('Too Many Requests');
  });
});
app.get('/search', async (req, res) => { await touchDeps(); res.json({ results: [] }); });
const port = Number(process.env.PORT || 3000);
app.listen(port, () => { console.log(`search api listening on port ${port}`); traffic(port, '/search?q=lamp'); });
