// winston 3 with its default JSON format (no format.errors()): how an app logs its Redis client's 'error' event
// as `logger.error('Redis Client Error', { error: err })` or `logger.error('Redis Client Error', err)`.
const winston = require("winston");
const logger = winston.createLogger({ level: "info", format: winston.format.json(), transports: [new winston.transports.Console()] });
const which = process.argv[2];
const url = process.argv[3];
if (which === "node-redis") {
  const { createClient } = require("redis");
  const c = createClient({ url, socket: { reconnectStrategy: false } });
  c.on("error", (err) => logger.error("Redis Client Error", { error: err }));
  c.connect().catch(() => {}).finally(() => setTimeout(() => process.exit(0), 300));
} else {
  const Redis = require("ioredis");
  const r = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
  r.on("error", (err) => logger.error("redis error", err));
  r.connect().catch(() => {}).finally(() => setTimeout(() => process.exit(0), 300));
}
