// A Node app's own handling of its Redis client and of an HTTPS call, each printing the error bare as apps do
// (console.error(err)): the line never names Redis. argv: mode. Modes:
//   redis-tls      ioredis to REDIS_URL (rediss://, a self-signed server certificate): the app prints its URL first
//   node-redis-tls node-redis 4 to the same, the same way
//   redis-plain    ioredis with TLS to a plaintext Redis port (tls: {} on redis://): 'wrong version number'
//   https          Redis works (ioredis, redis://), then an HTTPS call to a self-signed API fails (https.get, fetch)
//   https-plain    Redis works, then an HTTPS call to a plain-HTTP port: 'wrong version number'
const https = require("https");
const mode = process.argv[2];
const url = process.env.REDIS_URL;

function later(ms) { return new Promise((r) => setTimeout(r, ms)); }

async function main() {
  if (mode === "redis-tls" || mode === "redis-plain") {
    const Redis = require("ioredis");
    console.log(`Connecting to cache at ${url.replace(/:[^:@/]*@/, ":***@")}`);
    const opts = { maxRetriesPerRequest: 1, retryStrategy: (n) => (n > 2 ? null : 200) };
    if (mode === "redis-plain") opts.tls = {};
    const client = new Redis(url, opts);
    client.on("error", (err) => console.error(err));
    await client.ping().then(() => console.log("cache ok"), (e) => console.error("ping failed:", e.message));
    await later(1500);
    client.disconnect();
  } else if (mode === "node-redis-tls") {
    const { createClient } = require("redis");
    console.log(`Connecting to cache at ${url.replace(/:[^:@/]*@/, ":***@")}`);
    const client = createClient({ url, socket: { reconnectStrategy: (n) => (n > 2 ? false : 200) } });
    client.on("error", (err) => console.error(err));
    await client.connect().catch(() => {});
    await later(1500);
  } else if (mode === "https" || mode === "https-plain") {
    const Redis = require("ioredis");
    const client = new Redis(url);
    client.on("ready", () => console.log("Redis ready"));
    await client.set("webhook:last", Date.now());
    const target = process.env.API_URL;
    console.log(`Delivering webhook to ${target}`);
    await new Promise((resolve) => {
      https.get(target, (res) => { res.resume(); resolve(); }).on("error", (err) => { console.error(err); resolve(); });
    });
    try { await fetch(target); } catch (err) { console.error(err); }
    console.log(`cache hits: ${await client.get("webhook:last") ? 1 : 0}`);
    client.disconnect();
  }
}
main();
