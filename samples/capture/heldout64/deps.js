// The app's other dependencies (mixed scenarios of heldout64): PostgreSQL on DATABASE_URL through pg, an HTTP API on
// API_HOST through Node's fetch. Each request or job touches them; a failure is logged as these apps log any error
// (console.error with the error object), and the request goes on.
const { Pool } = require('pg');
const pool = process.env.DATABASE_URL
  ? new Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 2000 }) : null;
if (pool) pool.on('error', (err) => console.error('Unexpected error on idle client', err));

async function touchDeps() {
  if (pool) {
    try { await pool.query('SELECT 1 AS one'); }
    catch (err) { console.error('Database query failed:', err); }
  }
  if (process.env.API_HOST) {
    try {
      const res = await fetch(`https://${process.env.API_HOST}/v1/rates?base=EUR`, { signal: AbortSignal.timeout(2000) });
      await res.text();
    } catch (err) { console.error('Exchange-rate API request failed:', err); }
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// The capture's traffic (a caller every 0.8 s, keeping its session cookie): what it sees is not the app's log.
function traffic(port, path, n = 40) {
  let i = 0, cookie = '';
  const t = setInterval(() => {
    if (++i > n) return clearInterval(t);
    fetch(`http://127.0.0.1:${port}${path}`, { headers: cookie ? { cookie } : {}, signal: AbortSignal.timeout(3000) })
      .then((r) => { const c = r.headers.get('set-cookie'); if (c) cookie = c.split(';')[0]; return r.text(); })
      .catch(() => {});
  }, 800);
}
module.exports = { touchDeps, sleep, traffic };
