// The app's other dependencies (mixed scenarios): PostgreSQL on DATABASE_URL, an HTTP API on API_HOST.
// Each round touches them; their failures are printed as such apps print them.
const https = require('https');
let pg; try { pg = require('pg'); } catch (e) { pg = null; }
async function touchDeps(round) {
  if (process.env.DATABASE_URL && pg) {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 2000 });
    try { await c.connect(); await c.query('SELECT 1'); await c.end(); }
    catch (err) { console.error('Database error:', err.message); }
  }
  if (process.env.API_HOST) {
    await new Promise((resolve) => {
      https.get({ host: process.env.API_HOST, path: '/v1/charges', timeout: 2000 }, (res) => { res.resume(); resolve(); })
        .on('error', (err) => { console.error(`Failed to sync with ${process.env.API_HOST}:`, err); resolve(); });
    });
  }
}
module.exports = { touchDeps, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
