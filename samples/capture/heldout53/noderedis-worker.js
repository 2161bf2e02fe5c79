// A node-redis worker (redis@4 or redis@5 by NODE_REDIS) that counts hits every second; TLS options from the
// environment as an app would pass them (REDIS_CA, REDIS_CERT/REDIS_KEY, REDIS_TLS_MAX). API_URL / DATABASE_URL:
// the same app calling an HTTPS API and PostgreSQL.
const fs = require('fs');
const { createClient } = require(process.env.NODE_REDIS || 'redis4');
const https = require('https');
const url = process.env.REDIS_URL || 'redis://localhost:6379';
const socket = {};
if (process.env.REDIS_CA) socket.ca = fs.readFileSync(process.env.REDIS_CA);
if (process.env.REDIS_CERT) { socket.cert = fs.readFileSync(process.env.REDIS_CERT); socket.key = fs.readFileSync(process.env.REDIS_KEY); }
if (process.env.REDIS_TLS_MAX) socket.maxVersion = process.env.REDIS_TLS_MAX;
if (process.env.REDIS_TLS === 'true') socket.tls = true;
const client = createClient({ url, socket });
client.on('error', (err) => console.error('Redis Client Error', err));
client.on('ready', () => console.log('redis ready'));

function callApi() {
  return new Promise((resolve) => {
    https.get(process.env.API_URL, (res) => { console.log(`api status ${res.statusCode}`); res.resume(); resolve(); })
      .on('error', (err) => { console.error('payment api call failed:', err); resolve(); });
  });
}

async function main() {
  console.log(`worker starting, redis ${url.replace(/:[^:@/]*@/, ':***@')}`);
  if (process.env.DATABASE_URL) {
    const { Client } = require('pg');
    const pg = new Client({ connectionString: process.env.DATABASE_URL });
    try { await pg.connect(); console.log('postgres connected'); await pg.end(); }
    catch (err) { console.error('postgres connection failed:', err); }
  }
  await client.connect();
  for (let i = 0; i < 8; i++) {
    const n = await client.incr('hits');
    console.log(`hits=${n}`);
    if (process.env.API_URL && i === 1) await callApi();
    await new Promise((r) => setTimeout(r, 1000));
  }
  await client.quit();
  console.log('worker done');
}
main().catch((err) => { console.error('worker failed:', err); process.exit(1); });
