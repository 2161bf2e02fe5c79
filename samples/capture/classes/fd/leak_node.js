// An app that opens a new Redis client per request and never closes it: the process's file
// descriptors run out (run under `ulimit -n 40`). argv[2]: ioredis or node-redis.
const which = process.argv[2];
let n = 0;

function client() {
  if (which === 'ioredis') {
    const Redis = require('ioredis');
    const r = new Redis(process.env.REDIS_URL);
    r.on('error', (e) => console.error('[ioredis] error', e.message));
    return { ready: Promise.resolve(), r };
  }
  const { createClient } = require('redis4');
  const r = createClient({ url: process.env.REDIS_URL, socket: { reconnectStrategy: false } });
  r.on('error', (e) => console.error('Redis Client Error', e));
  return { ready: r.connect(), r };
}

async function handle() {
  const { ready, r } = client();
  try {
    await ready;
    await r.set('hits:' + (n++), '1');
  } catch (e) {
    console.error('request failed:', e.message);
  }
}

(async () => {
  console.log('listening on :3000');
  for (let i = 0; i < 80; i++) await handle();
  console.log('done', n);
  process.exit(0);
})();
