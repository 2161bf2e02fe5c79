// Issue 13, session 16 (heldout65's fixes): node_redis 3.1.2 (npm 'redis@3', Node 20) given a Unix socket's path
// no server made and Docker's link variable 'tcp://…' as its path, to read how it words ENOENT for each.
// Run: npm install redis@3; node node_redis3_enoent.js /var/run/redis/redis-server.sock; node node_redis3_enoent.js tcp://172.17.0.29:6379
// Output: samples/raw/classes/session16-h67-node-redis3-enoent.log
const redis = require('redis');
const c = redis.createClient({path: process.argv[2]});
c.on('error', (e) => { console.log(String(e)); process.exit(0); });
