const { createClient } = require('redis');
const c = createClient({ socket: { host: process.argv[2], port: +process.argv[3], connectTimeout: 3000, reconnectStrategy: false } });
c.on('error', (err) => console.log('Redis Client Error', err));
c.connect().catch((e) => console.log('connect failed:', e.message)).finally(() => setTimeout(() => process.exit(0), 500));
