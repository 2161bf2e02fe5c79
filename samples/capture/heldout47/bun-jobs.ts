// A job worker on Bun's built-in RedisClient (bun >= 1.2.9), as Bun's docs show it: `new RedisClient(url)` and its
// onconnect / onclose callbacks. No fallback: a round that fails is logged and the next one tries again.
import { RedisClient } from "bun";
import { touchDeps, sleep } from "./deps.mjs";

const client = new RedisClient(process.env.REDIS_URL);
client.onconnect = () => console.log("Connected to Redis server");
client.onclose = (error) => console.error("Disconnected from Redis server:", error);

console.log("job worker starting");
for (let round = 1; round < 60; round++) {
  try {
    const id = await client.incr("jobs:next-id");
    await client.set(`job:${id}`, JSON.stringify({ kind: "email", round }));
    await client.expire(`job:${id}`, 60);
    console.log(`round ${round}: queued job ${id}`);
  } catch (err) {
    console.error(`round ${round}: job failed`, err);
  }
  await touchDeps();
  await sleep(800);
}
