// An ioredis 5 worker counting hits every second; no 'error' listener (ioredis then prints its own
// "[ioredis] Unhandled error event" lines). TLS options from the environment; API_URL / DATABASE_URL as in
// noderedis-worker.js.
const fs = require('fs');
const Redis = require('ioredis');
const url = process.env.REDIS_URL || 'redis://localhost:6379';
const opts = { maxRetriesPerRequest: 3 };
if (url.startsWith('rediss:') || process.env.REDIS_TLS === 'true') {
  opts.tls = {};
  if (process.env.REDIS_CA) opts.tls.ca = fs.readFileSync(process.env.REDIS_CA);
  if (process.env.REDIS_CERT) { opts.tls.cert = fs.readFileSync(process.env.REDIS_CERT); opts.tls.key = fs.readFileSync(process.env.REDIS_KEY); }
  if (process.env.REDIS_TLS_MAX) opts.tls.maxVersion = process.env.REDIS_TLS_MAX;
}
const redis = new Redis(url, opts);
redis.on('ready', () => console.log('redis ready'));

async function main() {
  console.log('worker starting');
  if (process.env.DATABASE_URL) {
    const { Client } = require('pg');
    const pg = new Client({ connectionString: process.env.DATABASE_URL });
    try { await pg.connect(); console.log('postgres connected'); await pg.end(); }
    catch (err) { console.error('postgres connection failed:', err.message); }
  }
  for (let i = 0; i < 8; i++) {
    try {
      const n = await redis.incr('hits');
      console.log(`hits=${n}`);
    } catch (err) {
      console.error(`job ${i} failed: ${err.message}`);
    }
    if (process.env.API_URL && i === 1) {
      try { const r = await fetch(process.env.API_URL); console.log(`api status ${r.status}`); }
      catch (err) { console.error('payment api call failed:', err); }
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  redis.disconnect();
  console.log('worker done');
}
main();
