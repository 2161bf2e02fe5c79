// node_redis 3.1.2: the app has called quit() while a BLPOP is still pending; the connection then ends (the server
// closes it: CLIENT KILL from a second client, standing for a shutdown at that moment); errors printed as an app logs them
const redis = require('redis');
const url = process.env.REDIS_URL;
const c = redis.createClient(url);
c.on('error', (e) => console.error('redis error', e));
c.on('ready', () => {
  c.blpop('nothing', 0, (err) => { console.error(' ERROR ', err && err.message); console.error(err); });
  setTimeout(() => {
    c.quit();
    const k = redis.createClient(url);
    k.client('kill', 'type', 'normal', 'skipme', 'yes', () => k.quit());
  }, 300);
});
setTimeout(() => process.exit(0), 1500);
