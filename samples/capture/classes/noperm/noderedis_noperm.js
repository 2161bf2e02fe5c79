// node-redis 4 with an ACL user that may GET/SET session:* only
const { createClient } = require('/tmp/lead/wn/node_modules/redis');
const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error('Redis Client Error', err));
(async () => {
  await client.connect();
  console.log('redis ping', await client.ping());
  await client.set('session:1', 'a');
  for (const [cmd, key] of [['set', 'cache:products'], ['lPush', 'jobs']]) {
    try { await client[cmd](key, 'x'); } catch (err) { console.error(`cache: ${cmd} ${key} failed`, err); }
  }
  await client.incr('session:counter');
})();
