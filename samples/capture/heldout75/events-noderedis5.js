// An order-events relay on node-redis 5: one connection publishes and keeps a counter, a duplicate() subscribes; the
// subscriber pings every 5 s (pingInterval, as apps behind load balancers set it). Logs with ISO time and level.
const { createClient } = require('redis');
const { touchDeps, report, TICK } = require('./lib');
const log = (lvl, ...a) => console[lvl](new Date().toISOString(), `[${lvl}]`, ...a);

const pub = createClient({ url: process.env.REDIS_URL, socket: { connectTimeout: 5000 } });
const sub = pub.duplicate({ pingInterval: 5000 });
for (const [name, c] of [['publisher', pub], ['subscriber', sub]]) {
  c.on('error', (err) => log('error', `redis ${name}:`, err));
  c.on('ready', () => log('info', `redis ${name} ready`));
  c.on('reconnecting', () => log('warn', `redis ${name} reconnecting`));
}
let received = 0;
(async () => {
  await pub.connect();
  await sub.connect();
  await sub.subscribe('orders:events', () => { if (++received % 5 === 0) log('info', `relayed ${received} events`); });
  log('info', 'order events relay started');
  let n = 0;
  setInterval(async () => {
    try {
      await pub.publish('orders:events', report(++n));
      await pub.incr('orders:events:count');
    } catch (err) { log('error', `event ${n} not published:`, err.message); }
    await touchDeps({ error: (...a) => log('error', ...a) });
  }, TICK);
})().catch((err) => { log('error', 'relay failed to start:', err); process.exit(1); });
