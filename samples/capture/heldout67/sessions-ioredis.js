// A session/token service on ioredis (new Redis(REDIS_URL)), logging through winston's JSON console transport with
// timestamps. Each second it stores a session hash with an expiry and counts it; every third request it first touches
// PostgreSQL and the payment API (deps.js) when they are configured (ioredis holds commands in its offline queue while
// it cannot connect: a Redis call made first would keep them from running).
const winston = require('winston');
const Redis = require('ioredis');
const { touchDeps } = require('./deps');
const logger = winston.createLogger({
  level: 'info',
  format: winston.format.combine(winston.format.timestamp(), winston.format.errors({ stack: true }), winston.format.json()),
  defaultMeta: { service: 'sessions' },
  transports: [new winston.transports.Console()],
});

const redis = new Redis(process.env.REDIS_URL);
redis.on('connect', () => logger.info('redis connected'));
redis.on('ready', () => logger.info('redis ready'));
redis.on('error', (err) => logger.error('redis error', { error: err.message, code: err.code }));
redis.on('close', () => logger.warn('redis connection closed'));
redis.on('reconnecting', (ms) => logger.warn(`redis reconnecting in ${ms}ms`));

let n = 0;
setInterval(async () => {
  n += 1;
  if (n % 3 === 1) await touchDeps((err, msg) => logger.error(msg, { error: err.message, stack: err.stack }));
  const sid = `sess:${Date.now().toString(36)}`;
  try {
    await redis.hset(sid, { user: `u${n}`, created: Date.now() });
    await redis.expire(sid, 1800);
    const count = await redis.incr('sessions:created');
    logger.info('session stored', { sid, count });
  } catch (err) {
    logger.error('session store failed', { error: err.message, stack: err.stack });
  }
}, 1000);
logger.info('sessions service started', { pid: process.pid });
