// ioredis' Cluster client given one node from REDIS_URL (host and port), as apps moved from a cluster do; an
// 'error' listener and a SET every round.
const Redis = require('ioredis');
const { sleep } = require('./deps');
const u = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
const cluster = new Redis.Cluster([{ host: u.hostname, port: +(u.port || 6379) }]);
cluster.on('error', (err) => console.error('Redis cluster error:', err));
(async () => {
  console.log('session store: connecting to the cluster');
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    try {
      await cluster.set(`session:${i}`, 'x', 'EX', 60);
      console.log(`session ${i} saved`);
    } catch (err) {
      console.error(`session ${i} not saved: ${err.message}`);
    }
    await sleep(+(process.env.GAP_MS || 700));
  }
  process.exit(0);
})();
