// redlock 5 (beta) on ioredis 5: `new Redis(REDIS_URL)` with no 'error' listener, Redlock's README 'error' listener
// (ResourceLockedError ignored); each round takes a lock, bumps a counter, releases; a failure printed with console.error.
const Redis = require('ioredis');
const { default: Redlock, ResourceLockedError } = require('redlock');
const { sleep } = require('./deps');
const client = new Redis(process.env.REDIS_URL);
const redlock = new Redlock([client], { retryCount: 3, retryDelay: 200 });
redlock.on('error', (error) => {
  if (error instanceof ResourceLockedError) return;
  console.error(error);
});
(async () => {
  console.log('billing: worker started');
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    try {
      const lock = await redlock.acquire(['locks:invoice-run'], 2000);
      try {
        const n = await client.incr('billing:runs');
        console.log(`billing: run ${i} done (total ${n})`);
      } finally {
        await lock.release();
      }
    } catch (err) {
      console.error(`billing: run ${i} skipped:`, err);
    }
    await sleep(+(process.env.GAP_MS || 700));
  }
  process.exit(0);
})();
