// Shared by the heldout71 Node apps: the app's other dependencies (PostgreSQL on DATABASE_URL through pg, an HTTP API
// on API_HOST through fetch; a failure is logged as these apps log any error and the work goes on), the capture's
// traffic (a caller every TICK_MS, keeping its session cookie: what it sees is not the app's log) and the size of the
// report the apps cache (REPORT_KB: a few KB normally; large in the runs that hit a server-side size limit).
const { Pool } = require('pg');
const pool = process.env.DATABASE_URL
  ? new Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 2000 }) : null;
if (pool) pool.on('error', (err) => console.error('pg pool error', err));

async function touchDeps(log = console) {
  if (pool) {
    try { await pool.query('SELECT now()'); }
    catch (err) { log.error('Database query failed:', err); }
  }
  if (process.env.API_HOST) {
    try {
      const res = await fetch(`https://${process.env.API_HOST}/v1/customers?limit=1`, { signal: AbortSignal.timeout(2000) });
      await res.text();
    } catch (err) { log.error('Billing API request failed:', err); }
  }
}
const TICK = Number(process.env.TICK_MS || 1000);
function traffic(port, path, n = 60) {
  let i = 0, cookie = '';
  const t = setInterval(() => {
    if (++i > n) return clearInterval(t);
    fetch(`http://127.0.0.1:${port}${path}`, { headers: cookie ? { cookie } : {}, signal: AbortSignal.timeout(8000) })
      .then((r) => { const c = r.headers.get('set-cookie'); if (c) cookie = c.split(';')[0]; return r.text(); })
      .catch(() => {});
  }, TICK);
}
const BIG_AFTER = Number(process.env.REPORT_BIG_AFTER_S || 1e9) * 1000, started = Date.now();
function report(n) {
  // REPORT_BIG_KB after REPORT_BIG_AFTER_S seconds: a customer whose report grew (the runs that hit a size limit)
  const kb = Number(Date.now() - started > BIG_AFTER ? process.env.REPORT_BIG_KB : (process.env.REPORT_KB || 3));
  return JSON.stringify({ n, rows: 'x'.repeat(kb * 1024) });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
module.exports = { touchDeps, traffic, report, sleep, TICK };
