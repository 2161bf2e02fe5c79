// heldout75: heldout71's copy of the note's app, unchanged (the note's own lines are the point of it).
// The troubleshooting note's own app (shared/seed/diagnostic-redis.fr.md, as heldout64's fallback apps): an Express
// API whose cache uses Redis when it answers and a memory Map when it does not, logging the note's lines (connecting,
// ready, connection error with message/code/REDIS_URL set or not, the start-up PING test, the memory-cache fallback).
// CLIENT=ioredis (ioredis 5, commandTimeout 2 s) or CLIENT=redis4 (node-redis 4).
const express = require('express');
const { touchDeps, traffic, report } = require('./lib');

const redisUrl = process.env.REDIS_URL;
const memory = new Map();
let useRedis = false;
let client = null;
const onError = (err) => console.error('❌ Redis connection error:',
  { message: err.message, code: err.code, redisUrl: redisUrl ? 'REDIS_URL is set' : 'REDIS_URL is NOT set' });
if (!redisUrl) {
  console.warn('⚠️  REDIS_URL is NOT set, using memory cache');
} else if (process.env.CLIENT === 'ioredis') {
  const Redis = require('ioredis');
  client = new Redis(redisUrl, { connectTimeout: 5000, commandTimeout: 2000, maxRetriesPerRequest: 1 });
  client.on('connect', () => console.log('🔄 Redis connecting...'));
  client.on('ready', () => console.log('✅ Redis ready and connected'));
  client.on('error', onError);
} else {
  const { createClient } = require('redis4');
  client = createClient({ url: redisUrl, socket: { connectTimeout: 5000 } });
  client.on('connect', () => console.log('🔄 Redis connecting...'));
  client.on('ready', () => console.log('✅ Redis ready and connected'));
  client.on('error', onError);
}
const within = (p) => Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error('Redis command timeout')), 2000))]);
async function testRedis() {
  if (!client) return;
  try {
    if (process.env.CLIENT !== 'ioredis') await client.connect();
    const pong = await within(client.ping());
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
    try { return await within(client.get(key)); }
    catch (err) { console.warn('⚠️  Redis cache get failed, using memory cache:', err.message); }
  }
  return memory.get(key) ?? null;
}
async function cacheSet(key, value) {
  memory.set(key, value);
  if (useRedis) {
    try { await within(client.set(key, value, process.env.CLIENT === 'ioredis' ? 'EX' : { EX: 300 }, ...(process.env.CLIENT === 'ioredis' ? [300] : []))); }
    catch (err) { console.warn('⚠️  Redis cache set failed, using memory cache:', err.message); }
  }
}
const app = express();
let n = 0;
app.get('/api/files', async (req, res) => {
  const key = `files:user:${++n % 4}`;
  let list = await cacheGet(key);
  if (!list) { list = report(n); await cacheSet(key, list); }
  await touchDeps();
  res.type('json').send(list);
});
const port = Number(process.env.PORT || 5001);
testRedis().then(() => app.listen(port, () => { console.log(`🚀 Server running on port ${port}`); traffic(port, '/api/files'); }));
