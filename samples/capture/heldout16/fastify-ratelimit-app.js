// Fastify 5 with @fastify/rate-limit 10 on ioredis 5, as its README: `redis: new Redis({ connectTimeout: 500,
// maxRetriesPerRequest: 1 })` built from REDIS_URL; pino's JSON lines (logger: true); requests through fastify.inject.
const Fastify = require('fastify');
const Redis = require('ioredis');
const { touchDeps, sleep } = require('./deps');
const fastify = Fastify({ logger: true });
(async () => {
  await fastify.register(require('@fastify/rate-limit'), {
    max: 100, timeWindow: '1 minute',
    redis: new Redis(process.env.REDIS_URL, { connectTimeout: 500, maxRetriesPerRequest: 1 }),
  });
  fastify.get('/api/stock', async () => { await touchDeps(); return { sku: 'A-1', left: 3 }; });
  await fastify.listen({ port: +(process.env.PORT || 10000), host: '0.0.0.0' });
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    const res = await fastify.inject({ method: 'GET', url: '/api/stock' });
    if (res.statusCode !== 200) fastify.log.warn(`stock check ${i}: ${res.statusCode} ${res.body}`);
    await sleep(+(process.env.GAP_MS || 700));
  }
  await fastify.close();
  process.exit(0);
})();
