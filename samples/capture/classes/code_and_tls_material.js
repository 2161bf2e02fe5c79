// Session 10 (heldout26): two Node.js failures whose stack or TLS setup runs through a Redis client but that are not
// Redis failures of the server: (1) the app's own handler throws a TypeError while the client delivers a message
// (n8n's 'Cannot read properties of undefined (reading 'execute')' in Bull's onFailed, public n8n#15154), (2) the TLS
// options carry a file path where PEM text is expected (public redis/ioredis#1938, redis/node-redis#2347).
const which = process.argv[2];
const port = Number(process.argv[3]);
if (which === "ioredis-typeerror") {
  const Redis = require("ioredis");
  const sub = new Redis(port);
  const pub = new Redis(port);
  const handlers = {};
  sub.on("message", (channel, name) => handlers[name].execute());
  sub.subscribe("jobs").then(() => pub.publish("jobs", "job-1"));
} else if (which === "node-redis-typeerror") {
  const { createClient } = require("redis");
  const sub = createClient({ url: `redis://127.0.0.1:${port}` });
  const pub = sub.duplicate();
  const handlers = {};
  Promise.all([sub.connect(), pub.connect()])
    .then(() => sub.subscribe("jobs", (name) => handlers[name].execute()))
    .then(() => pub.publish("jobs", "job-1"));
} else if (which === "ioredis-tls-paths") {
  const Redis = require("ioredis");
  const r = new Redis({ host: "127.0.0.1", port, maxRetriesPerRequest: 0, retryStrategy: () => null,
    tls: { ca: "./certs/ca.pem", cert: "./certs/client-cert.pem", key: "./certs/client-key.pem" } });
  r.on("error", (err) => console.error("Error connecting to Redis:", err));
  setTimeout(() => process.exit(0), 500);
} else if (which === "node-redis-tls-paths") {
  const { createClient } = require("redis");
  const c = createClient({ url: `rediss://127.0.0.1:${port}`,
    socket: { reconnectStrategy: false, cert: "./certs/client-cert.pem", key: "./certs/client-key.pem" } });
  c.on("error", (err) => console.error("Redis Client Error", err));
  console.log("Starting Redis connection");
  c.connect().catch(() => {}).finally(() => setTimeout(() => process.exit(0), 300));
} else if (which === "https-tls-paths") {
  // control: the same PEM error from an HTTPS server of the app, no Redis client anywhere
  require("https").createServer({ cert: "./certs/server-cert.pem", key: "./certs/server-key.pem" }).listen(port);
}
