// ioredis v5 used the usual way: new Redis(process.env.REDIS_URL), no 'error' listener
// (so ioredis prints "[ioredis] Unhandled error event: ..."), a command every 3 s whose
// failure is printed with console.error(err).
const Redis = require('ioredis');

const redis = new Redis(process.env.REDIS_URL);
// IOREDIS_SWALLOW_ERRORS=1: the common "silence it" listener, so only command failures show
if (process.env.IOREDIS_SWALLOW_ERRORS === '1') redis.on('error', () => {});
console.log('worker: started');

async function tick() {
  try {
    await redis.set('worker:heartbeat', String(Date.now()));
    const n = await redis.incr('worker:ticks');
    console.log(`worker: tick ${n}`);
  } catch (err) {
    console.error('worker: redis command failed', err);
  }
}
tick();
setInterval(tick, Number(process.env.TICK_MS || 3000));  // TICK_MS: ioredis-heartbeat-worker.js's rare-tick run
