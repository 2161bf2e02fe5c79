// The troubleshooting note's own situation (shared/seed/diagnostic-redis.fr.md): an Express 5 API whose cache module
// uses ioredis when Redis answers and a memory Map when it does not, logging what that note's app logs (its emoji
// lines: connecting, ready, connection error with message/code/REDIS_URL set or not, the start-up PING test, the
// memory-cache fallback).
const express = require('express');
const Redis = require('ioredis');
const { touchDeps, traffic } = require('./deps');

const redisUrl = process.env.REDIS_URL;
const memory = new Map();
let useRedis = false;
let client = null;
if (!redisUrl) {
  console.warn('⚠️  REDIS_URL is NOT set, using memory cache');
} else {
  client = new Redis(redisUrl, { connectTimeout: 5000, maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 500, 2000) });
  client.on('connect', () => console.log('🔄 Redis connecting...'));
  client.on('ready', () => { console.log('✅ Redis ready and connected'); });
  client.on('error', (err) => console.error('❌ Redis connection error:',
    { message: err.message, code: err.code, redisUrl: redisUrl ? 'REDIS_URL is set' : 'REDIS_URL is NOT set' }));
}
async function testRedis() {
  if (!client) return;
  try {
    const pong = await client.ping();
    if (pong !== 'PONG') throw new Error('Redis ping returned unexpected value');
    useRedis = true;
    console.log('✅ Redis cache connected successfully');
  } catch (err) {
    console.error('❌ Redis connection test failed:', { message: err.message, code: err.code });
    console.warn('⚠️  Redis connection failed, using memory cache');
  }
}
async function cacheGet(key) {
  if (useRedis) {
    try { return await client.get(key); }
    catch (err) { console.warn('⚠️  Redis cache get failed, using memory cache:', err.message); }
  }
  return memory.get(key) ?? null;
}
async function cacheSet(key, value) {
  memory.set(key, value);
  if (useRedis) {
    try { await client.set(key, value, 'EX', 300); }
    catch (err) { console.warn('⚠️  Redis cache set failed, using memory cache:', err.message); }
  }
}
const app = express();
app.get('/api/files', async (req, res) => {
  let list = await cacheGet('files:user:12');
  if (!list) { list = JSON.stringify([{ name: 'report.pdf' }]); await cacheSet('files:user:12', list); }
  await touchDeps();
  res.type('json').send(list);
});
const port = Number(process.env.PORT || 5001);
testRedis().then(() => app.listen(port, () => { console.log(`🚀 Server running on port ${port}`); traffic(port, '/api/files'); }));
