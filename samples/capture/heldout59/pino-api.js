// A product API on Node's http module with pino 9 (JSON to stdout, pino's own err serializer: logger.error({ err }, msg))
// and ioredis 5 as a read-through cache; the product comes from the catalogue when the cache fails (logged).
const http = require('http');
const pino = require('pino');
const Redis = require('ioredis');
const { touchDeps, traffic } = require('./deps');

const logger = pino({ level: 'info' });
const redis = new Redis(process.env.REDIS_URL || 'redis://localhost:6379', { maxRetriesPerRequest: 2 });
redis.on('error', (err) => logger.error({ err }, 'redis client error'));
redis.on('ready', () => logger.info('redis ready'));

const server = http.createServer(async (req, res) => {
  const t0 = Date.now();
  let product;
  try {
    const hit = await redis.get('product:42');
    product = hit ? JSON.parse(hit) : { id: 42, name: 'kettle' };
    if (!hit) await redis.set('product:42', JSON.stringify(product), 'EX', 60);
  } catch (err) {
    logger.warn({ err }, 'cache unavailable, reading product from catalogue');
    product = { id: 42, name: 'kettle' };
  }
  await touchDeps((err, msg) => logger.error({ err }, msg));
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(product));
  logger.info({ req: { method: req.method, url: req.url }, res: { statusCode: 200 }, responseTime: Date.now() - t0 }, 'request completed');
});
const port = Number(process.env.PORT || 3000);
server.listen(port, () => { logger.info(`product api listening on port ${port}`); traffic(port, '/products/42'); });
