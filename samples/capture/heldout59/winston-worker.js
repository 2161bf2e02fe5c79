// An e-mail digest worker with winston 3 (format.combine(timestamp(), errors({ stack: true }), json()), the README's
// setup) on node-redis 5 (createClient({ url }), the README's 'error' listener logging the error itself).
const winston = require('winston');
const { createClient } = require('redis');
const { touchDeps, sleep } = require('./deps');

const logger = winston.createLogger({
  level: 'info',
  format: winston.format.combine(winston.format.timestamp(), winston.format.errors({ stack: true }), winston.format.json()),
  defaultMeta: { service: 'digest-worker' },
  transports: [new winston.transports.Console()],
});
const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => logger.error(err));
client.on('ready', () => logger.info('connected to redis'));

(async () => {
  logger.info('digest worker starting');
  client.connect().catch((err) => logger.error('redis connect failed', err));
  for (let i = 1; i < 40; i++) {
    try {
      const n = await client.incr('digest:batches');
      await client.lPush('digest:queue', JSON.stringify({ batch: n, at: Date.now(), body: 'x'.repeat(2000) }));
      logger.info(`digest batch ${n} queued`);
    } catch (err) {
      logger.error(err);
    }
    await touchDeps((err, msg) => logger.error(msg, err));
    await sleep(700);
  }
})();
