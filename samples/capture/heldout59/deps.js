// The app's other dependencies (mixed scenarios of heldout59): PostgreSQL on DATABASE_URL through pg, an HTTP API on
// API_HOST through Node's fetch. Each round touches them; a failure goes through the app's own structured logger
// (`fail(err, msg)`), as the app logs its Redis failures.
const { Pool } = require('pg');
const pool = process.env.DATABASE_URL
  ? new Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 2000 }) : null;
if (pool) pool.on('error', () => {});

async function touchDeps(fail, ok) {
  if (pool) {
    try { const r = await pool.query('SELECT 1 AS one'); if (ok) ok('database ok', r.rows[0]); }
    catch (err) { fail(err, 'database query failed'); }
  }
  if (process.env.API_HOST) {
    try {
      const res = await fetch(`https://${process.env.API_HOST}/v1/charges?limit=1`, { signal: AbortSignal.timeout(2000) });
      await res.text();
    } catch (err) { fail(err, 'payment provider sync failed'); }
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// The capture's traffic (a caller every 0.8 s): what it sees is not the app's log.
function traffic(port, path, n = 40) {
  let i = 0;
  const t = setInterval(() => { if (++i > n) return clearInterval(t); fetch(`http://127.0.0.1:${port}${path}`).then((r) => r.text(), () => {}); }, 800);
}
module.exports = { touchDeps, sleep, traffic };
