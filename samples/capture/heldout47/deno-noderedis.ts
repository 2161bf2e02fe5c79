// A session store on Deno with npm:redis (node-redis 5, its README's 'error' listener), behind Deno.serve.
// No fallback: a request whose session cannot be read answers 500.
import { createClient } from "npm:redis@5";
import { touchDeps, sleep } from "./deps.mjs";

const client = createClient({ url: Deno.env.get("REDIS_URL") });
client.on("error", (err) => console.log("Redis Client Error", err));
await client.connect();
console.log("redis ready");

const port = Number(Deno.env.get("PORT") ?? 8000);
Deno.serve({ port, onListen: ({ port }) => console.log(`Listening on http://0.0.0.0:${port}/`) }, async (req) => {
  let res;
  try {
    const n = await client.hIncrBy("session:abc123", "views", 1);
    await client.expire("session:abc123", 1800);
    res = Response.json({ views: n });
  } catch (err) {
    console.error("session lookup failed:", err);
    res = new Response("Internal Server Error", { status: 500 });
  }
  console.log(`${req.method} ${new URL(req.url).pathname} ${res.status}`);
  return res;
});
// Traffic for the capture (a visitor every 0.8 s): what it sees is not the app's log.
for (let i = 1; i < 60; i++) {
  fetch(`http://127.0.0.1:${port}/account`).then((r) => r.text(), () => {});
  await touchDeps();
  await sleep(800);
}
Deno.exit(0);
