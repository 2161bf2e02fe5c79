// ioredis 5 with Sentinel (MASTER, default mymaster; SENTINEL_PORT): no 'error' listener (as the note's app had none).
const Redis = require("ioredis");
const redis = new Redis({ sentinels: [{ host: "127.0.0.1", port: Number(process.env.SENTINEL_PORT) }], name: process.env.MASTER || "mymaster" });
setInterval(async () => {
  try { await redis.set("k", "v"); console.log("worker: set ok"); }
  catch (err) { console.error("worker: redis command failed", err); }
}, 1000);
setTimeout(() => process.exit(0), 3500);
