// node_redis 3.1.2: commands on a client the app closed itself (quit, end(true)); errors printed as an app logs them
const redis = require('redis');
const url = process.env.REDIS_URL;
const a = redis.createClient(url);
a.on('error', (e) => console.error('redis error', e));
a.set('k', 'v', () => {
  a.quit();
  a.get('k', (err) => { console.error(' ERROR ', err && err.message); console.error(err); });
  const b = redis.createClient(url);
  b.on('error', (e) => console.error('redis error', e));
  b.set('k2', 'v2');
  b.get('k2', (err) => { console.error(' ERROR ', err && err.message); });
  b.end(true);
  setTimeout(() => process.exit(0), 500);
});
