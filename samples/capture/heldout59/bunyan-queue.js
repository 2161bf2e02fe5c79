// A webhook relay worker with bunyan 1 (log.error({ err }, msg): bunyan's err serializer) on node-redis 4 (npm alias
// redis4): pops deliveries from a list, marks them done.
const bunyan = require('bunyan');
const { createClient } = require('redis4');
const { touchDeps, sleep } = require('./deps');

const log = bunyan.createLogger({ name: 'webhook-relay', serializers: bunyan.stdSerializers });
const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => log.error({ err }, 'redis error'));
client.on('ready', () => log.info('redis ready'));
client.on('reconnecting', () => log.warn('redis reconnecting'));

(async () => {
  log.info('webhook relay started');
  client.connect().catch((err) => log.error({ err }, 'redis connect failed'));
  for (let i = 1; i < 40; i++) {
    try {
      await client.rPush('webhooks:pending', JSON.stringify({ id: i, url: 'https://hooks.example.com/x' }));
      const job = await client.lPop('webhooks:pending');
      await client.hSet('webhooks:done', String(i), job || '');
      log.info({ delivery: i }, 'delivery relayed');
    } catch (err) {
      log.error({ err, delivery: i }, 'delivery failed');
    }
    await touchDeps((err, msg) => log.error({ err }, msg));
    await sleep(700);
  }
})();
