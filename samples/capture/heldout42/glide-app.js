// A session-touch worker on @valkey/valkey-glide (Node, Rust core). Reads REDIS_URL, works in rounds.
const { GlideClient, Logger } = require('@valkey/valkey-glide');
const { touchDeps, sleep } = require('./deps');

Logger.init('warn');

function configFromUrl(raw) {
  const u = new URL(raw);
  const cfg = { addresses: [{ host: u.hostname || 'localhost', port: Number(u.port || 6379) }], useTLS: u.protocol === 'rediss:', requestTimeout: 2000 };
  if (u.password) cfg.credentials = { username: u.username || undefined, password: decodeURIComponent(u.password) };
  return cfg;
}

async function main() {
  const url = process.env.REDIS_URL || 'redis://localhost:6379';
  console.log('session worker starting');
  let client = null;
  for (let round = 1; round < 40; round++) {
    try {
      if (!client) { client = await GlideClient.createClient(configFromUrl(url)); console.log('connected to valkey'); }
      await client.set(`session:${round}`, 'active');
      const n = await client.incr('sessions:touched');
      console.log(`round ${round}: touched=${n}`);
    } catch (err) {
      console.error(`round ${round} failed:`, err);
    }
    await touchDeps(round);
    await sleep(800);
  }
}
main();
