// A Redis client given a port setting that is not a port (an env value left at its placeholder, empty, out of range).
const which = process.argv[2], port = process.argv[3];
const value = port === 'EMPTY' ? parseInt('', 10) : (/^\d+$/.test(port) ? Number(port) : port);
if (which === 'node-redis') {
  const { createClient } = require('redis');
  const c = createClient({ socket: { host: '127.0.0.1', port: value, reconnectStrategy: false } });
  c.on('error', (err) => console.error('Redis Client Error', err));
  c.connect().then(() => console.log('connected')).catch((e) => console.error('error connecting db', e)).finally(() => setTimeout(() => process.exit(0), 200));
} else {
  const Redis = require('ioredis');
  try {
    const r = new Redis({ host: '127.0.0.1', port: value, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    r.on('error', (err) => console.error('[redis] error', err));
    r.ping().then((p) => console.log('ping', p)).catch((e) => console.error('ping failed', e)).finally(() => setTimeout(() => process.exit(0), 200));
  } catch (e) { console.error('threw', e); process.exit(0); }
}
