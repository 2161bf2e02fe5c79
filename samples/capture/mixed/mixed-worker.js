// A Node worker with three dependencies, as many Render services have: Redis (ioredis, no 'error'
// listener), PostgreSQL (pg Pool on DATABASE_URL) and an HTTP API (fetch to PAYMENTS_API, https.get
// to WEBHOOK_URL). Each tick uses all three; each failure is printed the way apps usually do.
const https = require('https');
const Redis = require('ioredis');
const { Pool } = require('pg');

const redis = new Redis(process.env.REDIS_URL);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 3000 });
console.log('worker: started');

async function tick(n) {
  try {
    await redis.set('worker:heartbeat', String(Date.now()));
    console.log(`worker: tick ${n} cache ok`);
  } catch (err) {
    console.error('worker: redis command failed', err);
  }
  try {
    await pool.query('SELECT 1');
    console.log(`worker: tick ${n} db ok`);
  } catch (err) {
    console.error('worker: database query failed', err);
  }
  try {
    const res = await fetch(process.env.PAYMENTS_API);
    console.log(`worker: payments API answered ${res.status}`);
  } catch (err) {
    console.error('worker: payments API call failed', err);
  }
  https.get(process.env.WEBHOOK_URL, (res) => res.resume())
    .on('error', (err) => console.error(`webhook ping failed: ${err.message}`));
}
let n = 0;
tick(++n);
setInterval(() => tick(++n), 3000);
