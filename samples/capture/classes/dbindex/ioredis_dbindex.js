// ioredis 5 given a URL whose path names a database the server does not have
const Redis = require('/tmp/lead/wn/node_modules/ioredis');
const r = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1 });
r.on('ready', () => console.log('redis ready'));
(async () => {
  try { await r.set('session:1', 'a'); console.log('session saved'); }
  catch (err) { console.error('cache: set session:1 failed', err); }
  setTimeout(() => process.exit(0), 1500);
})();
