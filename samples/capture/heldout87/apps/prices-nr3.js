// prices: a price cache on node_redis 3.1 with the memory-cache fallback when the client is not connected
const redis = require('redis');
const memory = new Map();
const client = redis.createClient(process.env.REDIS_URL);
client.on('connect', () => console.log('prices: connected to redis'));
client.on('reconnecting', (o) => console.log(`prices: redis reconnecting (attempt ${o.attempt}, delay ${o.delay}ms)`));
client.on('error', (err) => console.error('prices: redis client error', err));
let tick = 0;
setInterval(() => {
  tick++;
  const key = `price:sku-${tick % 5}`;
  if (!client.connected) {
    memory.set(key, 100 + tick);
    console.log(`prices: redis not connected, serving ${key} from memory cache`);
    return;
  }
  client.set(key, String(100 + tick), 'EX', 60, (err) => {
    if (err) console.error(`prices: cache write failed for ${key}: ${err.message}`);
    else console.log(`GET /prices/${key.slice(6)} 200 (cached in redis)`);
  });
}, 1000);
