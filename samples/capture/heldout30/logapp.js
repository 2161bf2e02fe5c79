// A small order-counter worker whose Redis errors go through the logger an app really uses (heldout30, issue 13).
// LOGGER: pino | pino-pretty | winston-json-errors | winston-simple | winston-simple-errors | bunyan | log4js | nest |
//         fastify | console-json | console        CLIENT: redis4 | redis5 | ioredis
// Every second: SET + INCR on Redis (REDIS_URL, or the client's default when unset); with DATABASE_URL, also a query
// on PostgreSQL. Each success and each failure is logged the way that logger's docs show an error being logged.
const LOGGER = process.env.LOGGER || 'console';
const CLIENT = process.env.CLIENT || 'redis4';
const url = process.env.REDIS_URL;

function makeLogger() {
  switch (LOGGER) {
    case 'pino':
    case 'pino-pretty': {
      const pino = require('pino');
      const l = LOGGER === 'pino' ? pino() : pino({ transport: { target: 'pino-pretty' } });
      return { info: (m) => l.info(m), error: (m, err) => l.error({ err }, m) };
    }
    case 'winston-json-errors':
    case 'winston-simple':
    case 'winston-simple-errors': {
      const winston = require('winston');
      const { format } = winston;
      const fmt = LOGGER === 'winston-json-errors' ? format.combine(format.timestamp(), format.errors({ stack: true }), format.json())
        : LOGGER === 'winston-simple' ? format.simple() : format.combine(format.errors({ stack: true }), format.simple());
      const l = winston.createLogger({ level: 'info', format: fmt, transports: [new winston.transports.Console()] });
      return { info: (m) => l.info(m), error: (m, err) => l.error(m, err) };
    }
    case 'bunyan': {
      const l = require('bunyan').createLogger({ name: 'orders-worker' });
      return { info: (m) => l.info(m), error: (m, err) => l.error({ err }, m) };
    }
    case 'log4js': {
      const log4js = require('log4js');
      log4js.configure({ appenders: { out: { type: 'stdout' } }, categories: { default: { appenders: ['out'], level: 'info' } } });
      const l = log4js.getLogger('orders');
      return { info: (m) => l.info(m), error: (m, err) => l.error(m, err) };
    }
    case 'nest': {
      const { Logger } = require('@nestjs/common');
      const l = new Logger('RedisService');
      return { info: (m) => l.log(m), error: (m, err) => l.error(`${m}: ${err && err.message}`, err && err.stack) };
    }
    case 'fastify': {
      const app = require('fastify')({ logger: true });
      app.get('/health', async () => ({ ok: true }));
      app.listen({ port: Number(process.env.PORT || 10000), host: '127.0.0.1' });
      return { info: (m) => app.log.info(m), error: (m, err) => app.log.error(err, m) };
    }
    case 'console-json':
      return { info: (m) => console.log(m), error: (m, err) => console.error(m, JSON.stringify(err)) };
    default:
      return { info: (m) => console.log(m), error: (m, err) => console.error(m, err) };
  }
}

const log = makeLogger();

function makeClient() {
  if (CLIENT === 'ioredis') {
    const Redis = require('ioredis');
    const c = url ? new Redis(url) : new Redis();
    c.on('error', (err) => log.error('redis connection error', err));
    c.on('ready', () => log.info('redis ready'));
    return c;
  }
  const { createClient } = require(CLIENT);  // redis4 / redis5: node-redis 4.7 / 5.8 under npm aliases
  const c = createClient(url ? { url } : {});
  c.on('error', (err) => log.error('Redis Client Error', err));
  c.on('ready', () => log.info('redis ready'));
  c.connect().catch((err) => log.error('redis connect failed', err));
  return c;
}

const redis = makeClient();
let pg = null;
if (process.env.DATABASE_URL) {
  const { Pool } = require('pg');
  pg = new Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 2000 });
}

log.info(`orders worker started (logger=${LOGGER}, client=${CLIENT})`);
let n = 0, busy = false;
setInterval(async () => {
  if (busy) return;
  busy = true; n += 1;
  try {
    if (pg) {
      try {
        const r = await pg.query('SELECT count(*) FROM orders');
        log.info(`orders in database: ${r.rows[0].count}`);
      } catch (err) {
        log.error('database query failed', err);
      }
    }
    await redis.set(`orders:last-tick`, String(Date.now()));
    const v = await redis.incr('orders:processed');
    log.info(`tick ${n}: processed=${v}`);
  } catch (err) {
    log.error(`tick ${n} failed`, err);
  } finally {
    busy = false;
  }
}, 1000);
