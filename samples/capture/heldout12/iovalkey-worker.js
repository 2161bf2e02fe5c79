// iovalkey (Valkey's fork of ioredis): `new Valkey(REDIS_URL)` with no 'error' listener, as in ioredis' README;
// a counter bumped every round, a failed command printed with console.error.
const Valkey = require('iovalkey');
const { sleep } = require('./deps');
const client = new Valkey(process.env.REDIS_URL);
(async () => {
  console.log('worker: started');
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    try {
      const n = await client.incr('worker:ticks');
      console.log(`worker: tick ${i} counter=${n}`);
    } catch (err) {
      console.error('worker: valkey command failed', err);
    }
    await sleep(+(process.env.GAP_MS || 700));
  }
  process.exit(0);
})();
