// An order-processing worker on node-redis 5 (createClient({ url: REDIS_URL })), logging through pino (JSON lines, as
// deployed). Each second it takes a job: INCR a counter, SET the order's cached summary with EX, LPUSH an audit line;
// every third job it touches PostgreSQL and the payment API (deps.js) when they are configured. The job loop starts at
// once and connect() runs beside it (node-redis queues commands while it connects), as the app's HTTP side would.
const pino = require('pino');
const { createClient } = require('redis');
const { touchDeps } = require('./deps');
const logger = pino({ name: 'orders-worker' });

const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => logger.error({ err }, 'Redis client error'));
client.on('ready', () => logger.info('Redis client ready'));
client.on('reconnecting', () => logger.warn('Redis client reconnecting'));

let n = 0;
async function tick() {
  n += 1;
  try {
    const id = await client.incr('orders:seq');
    await client.set(`order:${id}:summary`, JSON.stringify({ id, total: 42.5 }), { EX: 300 });
    await client.lPush('orders:audit', `processed ${id}`);
    logger.info({ orderId: id }, 'order processed');
  } catch (err) {
    logger.error({ err }, 'order job failed');
  }
  if (n % 3 === 1) await touchDeps((err, msg) => logger.error({ err }, msg));
}

(async () => {
  logger.info({ node: process.version }, 'orders worker starting');
  setInterval(tick, 1000);
  try {
    await client.connect();
  } catch (err) {
    logger.fatal({ err }, 'could not connect to Redis');
    process.exit(1);
  }
})();
