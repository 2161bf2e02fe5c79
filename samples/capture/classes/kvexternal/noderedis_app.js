// node-redis 4 given the Key Value's External URL with redis:// (no TLS)
const { createClient } = require('/tmp/lead/wn/node_modules/redis');
const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error('Redis Client Error', err));
client.connect().then(() => console.log('redis ready')).catch((err) => console.error('connect failed', err));
setTimeout(() => process.exit(0), 2000);
