// ioredis with no 'error' listener, dialling an address that does not answer: its connect timeout fires.
const Redis = require('ioredis');
const [host, port] = process.argv.slice(2);
const r = new Redis({ host, port: Number(port), connectTimeout: 1000, retryStrategy: (n) => (n > 1 ? null : 200), maxRetriesPerRequest: 0 });
r.set('k', 'v').catch((err) => { console.error(err); process.exit(1); });
