// keyv 4 + @keyv/redis 2 (ioredis inside), the error listener keyv's README gives.
const Keyv = require('keyv');
const { touchDeps, sleep } = require('./deps');
const rounds = +(process.env.ROUNDS || 12), gap = +(process.env.GAP_MS || 700);
const keyv = new Keyv(process.env.REDIS_URL, { namespace: 'sessions' });
keyv.on('error', (err) => console.log('Connection Error', err));
(async () => {
  console.log('Server listening on port 10000');
  for (let i = 1; i <= rounds; i++) {
    await touchDeps(i);
    try {
      await keyv.set(`user:${i}`, { name: `user ${i}` }, 60000);
      const v = await keyv.get(`user:${i}`);
      console.log(`GET /api/users/${i} 200 (cached: ${v ? v.name : 'miss'})`);
    } catch (err) {
      console.error(`GET /api/users/${i} 500`, err);
    }
    await sleep(gap);
  }
  process.exit(0);
})();
