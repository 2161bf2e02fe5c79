// Shared by the heldout75 Node apps (after heldout71's lib.js): the app's other dependencies (PostgreSQL on
// DATABASE_URL through pg, a payments API on API_HOST through fetch; a failure is logged as these apps log any error
// and the work goes on) and the capture's own traffic (a caller every TICK_MS keeping its cookie; not logged).
const { Pool } = require('pg');
const pool = process.env.DATABASE_URL
  ? new Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 2000 }) : null;
if (pool) pool.on('error', (err) => console.error('pg pool error', err));

async function touchDeps(log = console) {
  if (pool) {
    try { await pool.query('SELECT 1'); }
    catch (err) { log.error('Database query failed:', err); }
  }
  if (process.env.API_HOST) {
    try {
      const res = await fetch(`https://${process.env.API_HOST}/v1/charges?limit=1`, { signal: AbortSignal.timeout(2000) });
      await res.text();
    } catch (err) { log.error('Payments API request failed:', err); }
  }
}
const TICK = Number(process.env.TICK_MS || 1000);
function traffic(port, path, n = 200) {
  let i = 0, cookie = '';
  const t = setInterval(() => {
    if (++i > n) return clearInterval(t);
    fetch(`http://127.0.0.1:${port}${path}`, { headers: cookie ? { cookie } : {}, signal: AbortSignal.timeout(8000) })
      .then((r) => { const c = r.headers.get('set-cookie'); if (c) cookie = c.split(';')[0]; return r.text(); })
      .catch(() => {});
  }, TICK);
}
// a few KB of JSON per cached page (over the 1400-byte packets the MTU-blackhole runs drop)
const report = (n) => JSON.stringify({ n, rows: 'x'.repeat(3 * 1024) });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
module.exports = { touchDeps, traffic, report, sleep, TICK };
