// A notification relay on node-redis 5: one connection publishes order events, a duplicate() subscribes to them and
// forwards each to connected browsers (counted here); logs as a small service does (console with a timestamp).
const { createClient } = require('redis');
const { touchDeps, report, TICK } = require('./lib');
const log = (lvl, ...a) => console[lvl](new Date().toISOString(), lvl.toUpperCase(), ...a);

const pub = createClient({ url: process.env.REDIS_URL });
const sub = pub.duplicate();
for (const [name, c] of [['publisher', pub], ['subscriber', sub]]) {
  c.on('error', (err) => log('error', `redis ${name} error`, err));
  c.on('ready', () => log('info', `redis ${name} ready`));
  c.on('reconnecting', () => log('warn', `redis ${name} reconnecting`));
  c.on('end', () => log('warn', `redis ${name} connection ended`));
}
let received = 0;
(async () => {
  await pub.connect();
  await sub.connect();
  await sub.subscribe('orders:events', (msg) => { received++; if (received % 3 === 0) log('info', `relayed ${received} events`); });
  let n = 0;
  setInterval(async () => {
    try {
      const count = await pub.publish('orders:events', report(++n));
      if (count === 0) log('warn', `event ${n} published to no subscriber`);
    } catch (err) { log('error', `publish of event ${n} failed`, err); }
    await touchDeps({ error: (...a) => log('error', ...a) });
  }, TICK);
})().catch((err) => { log('error', 'startup failed', err); process.exit(1); });
