const Redis = require('ioredis');
try { const r = new Redis(process.argv[2], {connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null}); r.on('error', e => console.log('[ioredis] error:', String(e))); r.ping().then(x=>console.log('pong',x)).catch(e=>console.log('ping failed:', String(e))); } catch (e) { console.log('threw:', String(e)); }
setTimeout(() => process.exit(0), 3000);
