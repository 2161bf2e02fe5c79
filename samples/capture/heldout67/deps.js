// The app's other dependencies (mixed scenarios of heldout67): PostgreSQL on DATABASE_URL through pg, an HTTP API on
// API_HOST through Node's fetch. `log` is the app's own logger; a failure is logged as the app logs any error.
const { Pool } = require('pg');
const pool = process.env.DATABASE_URL
  ? new Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 2000 }) : null;

async function touchDeps(log) {
  if (pool) {
    try { await pool.query('SELECT 1 AS one'); } catch (err) { log(err, 'orders db query failed'); }
  }
  if (process.env.API_HOST) {
    try {
      const res = await fetch(`https://${process.env.API_HOST}/v1/charges?limit=5`, { signal: AbortSignal.timeout(2000) });
      await res.text();
    } catch (err) { log(err, 'payment provider request failed'); }
  }
}
module.exports = { touchDeps };
