// A small Express backend that logs Redis events exactly like the app described in
// /work/shared/seed/diagnostic-redis.fr.md (node-redis v4 + connect-redis + express-session).
// Used only to produce real log samples; see samples/capture/run_all.sh.
const express = require('express');
const session = require('express-session');
const RedisStore = require('connect-redis').default;
const { createClient } = require('redis');

const PORT = process.env.PORT || 10000;
const MAX_RETRIES = Number(process.env.REDIS_MAX_RETRIES || 5);
const memoryCache = new Map();
let redisClient = null;
let useRedis = false;

if (!process.env.REDIS_URL) {
  console.warn('⚠️  REDIS_URL is NOT set');
}

function buildClient() {
  const options = {
    url: process.env.REDIS_URL,
    socket: {
      // give up after MAX_RETRIES so connect() rejects and we fall back to memory
      reconnectStrategy: (retries) => (retries >= MAX_RETRIES ? false : Math.min((retries + 1) * 200, 2000)),
    },
  };
  if (process.env.REDIS_LEGACY_MODE === '1') options.legacyMode = true;
  const client = createClient(options);

  client.on('connect', () => console.log('🔄 Redis connecting...'));
  client.on('ready', () => console.log('✅ Redis ready and connected'));
  client.on('error', (err) => {
    console.error('❌ Redis connection error:', {
      message: err.message,
      code: err.code,
      redisUrl: process.env.REDIS_URL ? 'REDIS_URL is set' : 'REDIS_URL is NOT set',
    });
  });
  return client;
}

async function initRedis() {
  try {
    redisClient = buildClient();
    await redisClient.connect();
    const pong = await redisClient.ping();
    if (pong === 'PONG') {
      console.log('✅ Redis cache connected successfully');
      useRedis = true;
    } else {
      console.warn('⚠️  Redis ping returned unexpected value:', pong);
    }
  } catch (err) {
    console.error('❌ Redis connection test failed:', { message: err.message, code: err.code });
    console.warn('⚠️  Redis connection failed, using memory cache');
    useRedis = false;
  }
}

async function cacheGet(key) {
  if (!useRedis) return memoryCache.get(key);
  try {
    return await redisClient.get(key);
  } catch (err) {
    console.error('Cache get error:', err.message);
    return memoryCache.get(key);
  }
}

async function cacheSet(key, value) {
  if (!useRedis) return memoryCache.set(key, value);
  try {
    await redisClient.set(key, value, { EX: 300 });
  } catch (err) {
    console.error('Cache set error:', err.message);
    memoryCache.set(key, value);
  }
}

async function main() {
  await initRedis();

  const app = express();
  app.use(express.json({ limit: '5mb' }));
  app.use((req, res, next) => {
    const t0 = Date.now();
    res.on('finish', () => console.log(`${req.method} ${req.originalUrl} ${res.statusCode} - ${Date.now() - t0}ms`));
    next();
  });

  let store;
  if (useRedis) {
    store = new RedisStore({ client: redisClient, prefix: 'fylora:sess:' });
    console.log('✅ Redis session store ready');
  }
  app.use(session({
    store,
    secret: process.env.SESSION_SECRET || 'dev-session-secret',
    resave: false,
    saveUninitialized: false,
  }));

  app.get('/api/health', (req, res) => res.json({ ok: true, redis: useRedis }));
  app.post('/api/login', (req, res) => {
    req.session.user = { id: 42, name: 'demo' };
    res.json({ ok: true });
  });
  app.get('/api/files', async (req, res) => {
    const key = `files:${req.session.user ? req.session.user.id : 'anon'}`;
    let files = await cacheGet(key);
    if (!files) {
      files = JSON.stringify([{ id: 1, name: 'report.pdf' }, { id: 2, name: 'photo.jpg' }]);
      await cacheSet(key, files);
    }
    res.type('json').send(files);
  });
  app.post('/api/upload', async (req, res) => {
    const body = req.body && req.body.data ? req.body.data : 'x'.repeat(1024);
    await cacheSet(`upload:${Date.now()}`, body);
    res.json({ ok: true, size: body.length });
  });

  app.listen(PORT, () => console.log(`🚀 Server running on port ${PORT}`));
}

main();
