// Session 12 (lead): node-redis 4 given a Unix socket path (socket.path), its README's error listener.
const { createClient } = require('redis');
const c = createClient({ socket: { path: process.env.REDIS_SOCKET, reconnectStrategy: (n) => (n > 2 ? false : 200) } });
c.on('error', (e) => console.error('Redis Client Error', e));
c.connect().catch((e) => console.error('connect failed', e.message));
setTimeout(() => process.exit(0), 2500);
