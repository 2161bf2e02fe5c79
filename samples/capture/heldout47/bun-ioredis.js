// A rate-limited API on Bun with ioredis (no 'error' listener, as many apps have none): Bun.serve, each request counts
// the caller in Redis; a Redis failure answers 503.
import Redis from "ioredis";
import { touchDeps, sleep } from "./deps.mjs";

const redis = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 2 });
const server = Bun.serve({
  port: Number(process.env.PORT || 3000),
  async fetch(req) {
    const t0 = performance.now();
    let res;
    try {
      const used = await redis.incr("ratelimit:203.0.113.7");
      await redis.expire("ratelimit:203.0.113.7", 60);
      res = Response.json({ ok: true, used });
    } catch (err) {
      console.error("rate limiter error:", err.message);
      res = new Response("Service Unavailable", { status: 503 });
    }
    console.log(`${req.method} ${new URL(req.url).pathname} ${res.status} - ${Math.round(performance.now() - t0)} ms`);
    return res;
  },
});
console.log(`api listening on port ${server.port}`);
// Traffic for the capture (a caller every 0.8 s): what it sees is not the app's log.
for (let i = 1; i < 60; i++) {
  fetch(`http://127.0.0.1:${server.port}/v1/quotes`).then((r) => r.text(), () => {});
  await touchDeps();
  await sleep(800);
}
