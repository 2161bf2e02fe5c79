// ioredis 5 and node-redis 5 given a whole URL as the host option (new Redis({host: url}),
// createClient({socket: {host: url}})), and (the hosts given as arguments) an address no socket can connect to. No retries.
const Redis = require('ioredis');
const { createClient } = require('redis');
const hosts = process.argv.length > 2 ? process.argv.slice(2) : ['redis://127.0.0.1:6379'];
(async () => {
  for (const host of hosts) {
    console.log(`--- ioredis new Redis({host: '${host}'})`);
    await new Promise((done) => {
      const r = new Redis({ host, port: 6379, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      r.on('error', (e) => console.log('[ioredis] error:', String(e)));
      r.connect().catch(() => {}).finally(() => { r.disconnect(); done(); });
    });
    console.log(`--- node-redis createClient({socket: {host: '${host}'}})`);
    const c = createClient({ socket: { host, port: 6379, reconnectStrategy: false } });
    c.on('error', (e) => console.log('Redis Client Error', String(e)));
    await c.connect().catch(() => {});
  }
})();
