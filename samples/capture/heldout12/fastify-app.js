// Fastify 5 with @fastify/redis (ioredis inside) on REDIS_URL, fastify's own pino logger (JSON lines); a route
// counting page views, called every round through fastify.inject as a client would.
const fastify = require('fastify')({ logger: true });
const { sleep } = require('./deps');
fastify.register(require('@fastify/redis'), { url: process.env.REDIS_URL, maxRetriesPerRequest: 2 });
fastify.get('/views', async () => ({ views: await fastify.redis.incr('views') }));
(async () => {
  try {
    await fastify.listen({ port: +(process.env.PORT || 10000), host: '0.0.0.0' });
  } catch (err) {
    fastify.log.error(err);
    process.exit(1);
  }
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    await fastify.inject({ method: 'GET', url: '/views' });
    await sleep(+(process.env.GAP_MS || 700));
  }
  await fastify.close();
})();
