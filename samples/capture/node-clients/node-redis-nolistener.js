// node-redis v4 without an 'error' listener: the first connection error is an unhandled 'error'
// event and the process crashes. Run from the node-app folder (it has redis@4.7.1).
const { createClient } = require('redis');

async function main() {
  const client = createClient({ url: process.env.REDIS_URL });
  await client.connect();
  console.log('Connected to Redis');
  await client.set('hello', 'world');
  console.log('hello =', await client.get('hello'));
  setInterval(async () => console.log('visits =', await client.incr('visits')), 1000);
}
main();
