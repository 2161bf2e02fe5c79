// A notification worker on Deno with npm:ioredis (an 'error' listener that logs the error's message), pushing to
// and popping from a list each round.
import Redis from "npm:ioredis@5";
import { touchDeps, sleep } from "./deps.mjs";

const redis = new Redis(Deno.env.get("REDIS_URL") ?? "redis://localhost:6379", { maxRetriesPerRequest: 3 });
redis.on("error", (err) => console.error("[redis] error:", err.message));
redis.on("ready", () => console.log("[redis] ready"));
console.log("notifier starting");
for (let round = 1; round < 60; round++) {
  try {
    await redis.lpush("notifications", JSON.stringify({ user: round % 7, text: "hello" }));
    const item = await redis.rpop("notifications");
    console.log(`round ${round}: delivered ${item ? 1 : 0} notification(s)`);
  } catch (err) {
    console.error(`round ${round}: delivery failed:`, err);
  }
  await touchDeps();
  await sleep(800);
}
Deno.exit(0);
