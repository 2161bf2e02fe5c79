// A product cache on Bun with node-redis 5 (the 'error' listener of node-redis' README). A miss or a Redis failure
// reads the catalogue from its source (a fallback).
import { createClient } from "redis";
import { touchDeps, sleep } from "./deps.mjs";

const client = createClient({ url: process.env.REDIS_URL });
client.on("error", (err) => console.log("Redis Client Error", err));
console.log("catalog worker starting");
try {
  await client.connect();
  console.log("redis connected");
} catch (err) {
  console.error("redis connect failed, serving from the source:", err.message);
}
for (let round = 1; round < 60; round++) {
  const key = `product:${round % 5}`;
  try {
    let v = await client.get(key);
    if (!v) { v = JSON.stringify({ id: round % 5, price: 10 + round }); await client.set(key, v, { EX: 30 }); }
    console.log(`round ${round}: product ${round % 5} from cache`);
  } catch (err) {
    console.warn(`round ${round}: cache unavailable (${err.message}), read product ${round % 5} from source`);
  }
  await touchDeps();
  await sleep(800);
}
process.exit(0);
