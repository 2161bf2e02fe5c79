// The mixed cells (node-redis 4, or 5 with NODE_REDIS=redis5): a worker using Redis, PostgreSQL and an HTTP API
// (../heldout9/deps.js), node-redis' README 'error' listener, `await client.connect()` first.
const { createClient } = require(process.env.NODE_REDIS === 'redis5' ? 'redis' : 'redis4');
const { touchDeps, sleep } = require('./deps');
(async () => {
  const client = createClient({ url: process.env.REDIS_URL });
  client.on('error', (err) => console.error('Redis Client Error', err));
  console.log('worker: starting');
  const connecting = client.connect().then(() => console.log('worker: redis connected'));
  for (let i = 1; i <= +(process.env.ROUNDS || 12); i++) {
    await touchDeps(i);
    if (client.isReady) {
      try { console.log(`worker: round ${i} queue length ${await client.lPush('jobs', String(i))}`); }
      catch (err) { console.error('worker: redis write failed', err.message); }
    }
    await sleep(+(process.env.GAP_MS || 700));
  }
  process.exit(0);
})();
