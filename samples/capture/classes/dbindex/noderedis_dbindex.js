// node-redis 4 given a URL whose path names a database the server does not have
const { createClient } = require('/tmp/lead/wn/node_modules/redis');
const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error('Redis Client Error', err));
client.on('ready', () => console.log('redis ready'));
(async () => {
  await client.connect();
  await client.set('session:1', 'a');
  console.log('session saved');
  await client.quit();
})();
