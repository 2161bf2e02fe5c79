// A page-hit counter on Bun: Bun.serve, and Bun's default Redis client (`redis` from "bun", which reads REDIS_URL or
// VALKEY_URL and falls back to redis://localhost:6379). When Redis fails the app counts in memory (a fallback).
import { redis } from "bun";
import { touchDeps, sleep } from "./deps.mjs";

let memoryHits = 0;
const server = Bun.serve({
  port: Number(process.env.PORT || 3000),
  async fetch(req) {
    const t0 = performance.now();
    const path = new URL(req.url).pathname;
    let hits;
    try {
      hits = await redis.incr("hits:home");
      await redis.set("hits:last", new Date().toISOString());
    } catch (err) {
      console.error("redis unavailable, counting in memory:", err);
      hits = ++memoryHits;
    }
    console.log(`${req.method} ${path} 200 ${Math.round(performance.now() - t0)}ms hits=${hits}`);
    return Response.json({ hits });
  },
});
console.log(`hit counter listening on port ${server.port}`);

// Traffic for the capture (a visitor every 0.8 s): what it sees is not the app's log.
for (let i = 1; i < 60; i++) {
  fetch(`http://127.0.0.1:${server.port}/`).then((r) => r.text(), () => {});
  await touchDeps();
  await sleep(800);
}
