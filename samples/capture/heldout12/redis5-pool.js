// node-redis 5's createClientPool (a pool of connections, its README's 'error' listener), a counter bumped each round.
const { createClientPool } = require('redis');
const { sleep } = require('./deps');
(async () => {
  const pool = createClientPool({ url: process.env.REDIS_URL });
  pool.on('error', (err) => console.error('Redis Client Pool Error', err));
  await pool.connect();
  console.log('pool connected');
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    try {
      console.log(`visit ${i}: ${await pool.incr('visits')}`);
    } catch (err) {
      console.error(`visit ${i} not counted:`, err);
    }
    await sleep(+(process.env.GAP_MS || 700));
  }
  await pool.close();
})();
