// ioredis-worker.js (a SET+INCR every TICK_MS ms, default 3000, printed as 'worker: tick N'; no 'error' listener)
// plus a line that needs no Redis: a web process's health check answered every HEALTH_MS ms (default 1500),
// printed while Redis is down too.
require('./ioredis-worker.js');

let served = 0;
setInterval(() => console.log(`web: GET /health 200 (${++served})`), Number(process.env.HEALTH_MS || 1500));
