// The app's other dependencies (mixed scenarios), for Bun and Deno (ES modules): PostgreSQL on DATABASE_URL through pg,
// an HTTP API on API_HOST through the runtime's own fetch. Each round touches them; their failures are printed as such
// apps print them (heldout9's deps.js, in ESM).
import pg from "pg";

export async function touchDeps() {
  if (process.env.DATABASE_URL) {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 2000 });
    try { await c.connect(); await c.query("SELECT 1"); await c.end(); }
    catch (err) { console.error("Database error:", err.message); }
  }
  if (process.env.API_HOST) {
    try {
      const res = await fetch(`https://${process.env.API_HOST}/v1/charges`, { signal: AbortSignal.timeout(2000) });
      await res.text();
    } catch (err) {
      console.error(`Failed to sync with ${process.env.API_HOST}:`, err);
    }
  }
}
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
