// feed: an activity feed on node-redis 5, JSON log lines as a pino-style logger prints them
const { createClient } = require('redis');
const log = (level, msg, extra = {}) =>
  console.log(JSON.stringify({ level, time: Date.now(), pid: process.pid, hostname: 'feed-7c9f', msg, ...extra }));
const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => log('error', 'redis error', { err: { type: err.constructor.name, message: err.message } }));
client.on('reconnecting', () => log('warn', 'redis reconnecting'));
client.on('ready', () => log('info', 'redis ready'));
async function main() {
  await client.connect();
  log('info', 'feed worker started');
  let n = 0;
  setInterval(async () => {
    n++;
    try {
      await client.lPush('feed:global', `event-${n}`);
      await client.lTrim('feed:global', 0, 99);
      log('info', 'event pushed', { n });
    } catch (e) {
      log('error', 'push failed', { n, err: e.message });
    }
  }, 1000);
}
main().catch((e) => { log('fatal', 'feed worker could not start', { err: e.message }); process.exit(1); });
