// ioredis 5 on a unix socket (new Redis({ path })), with an 'error' listener as most apps have; one PING.
// Usage: NODE_PATH=<dir>/node_modules node unix_ping.js <socket path>
const Redis = require("ioredis");
const redis = new Redis({ path: process.argv[2], maxRetriesPerRequest: 1, retryStrategy: () => null });
redis.on("error", (err) => console.error("Redis error:", err.message));
redis.ping().then((r) => { console.log(r); process.exit(0); }, (err) => { console.error("ping failed:", err.message); process.exit(1); });
