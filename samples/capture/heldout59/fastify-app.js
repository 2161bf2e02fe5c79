// A leaderboard API on Fastify 5 with its built-in pino logger (`fastify({ logger: true })`), ioredis 5 for the scores;
// a route that throws lets Fastify's error handler log the error (its own `err` serializer) and answer 500.
const Fastify = require('fastify');
const Redis = require('ioredis');
const { touchDeps, traffic } = require('./deps');

const app = Fastify({ logger: true });
const redis = new Redis(process.env.REDIS_URL || 'redis://localhost:6379', { maxRetriesPerRequest: 2 });
redis.on('error', (err) => app.log.error(err, 'redis connection error'));

app.get('/leaderboard', async (req) => {
  await touchDeps((err, msg) => req.log.error({ err }, msg));
  await redis.zincrby('leaderboard', 10, 'player:7');
  await redis.rpush('leaderboard:events', 'y'.repeat(4000));
  const top = await redis.zrevrange('leaderboard', 0, 9, 'WITHSCORES');
  return { top };
});

const port = Number(process.env.PORT || 3000);
app.listen({ port, host: '0.0.0.0' }).then(() => traffic(port, '/leaderboard'));
