// cart: a shopping-cart store on node-redis 4.7 (the README's 'Redis Client Error' listener)
const { createClient } = require('redis');
const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.log('Redis Client Error', err));
client.on('ready', () => console.log('cart: redis ready'));
(async () => {
  if (process.env.DATABASE_URL) {
    const { Client } = require('pg');
    const db = new Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 3000 });
    db.connect().then(() => console.log('cart: database connected'))
      .catch((e) => console.error('cart: database connection failed:', e.message));
  }
  console.log('cart: connecting to redis');
  await client.connect();
  let i = 0;
  setInterval(async () => {
    i++;
    try {
      await client.hSet(`cart:${i % 3}`, 'items', String(i));
      console.log(`cart: saved cart ${i % 3} (${i} items)`);
      if (process.env.API_URL && i % 3 === 0) {
        fetch(`${process.env.API_URL}/v1/tax?cart=${i % 3}`).then((r) => console.log(`cart: tax API ${r.status}`))
          .catch((e) => console.error(`cart: tax API request failed: ${e.message} (${e.cause && e.cause.code})`));
      }
    } catch (e) {
      console.log(`cart: save failed: ${e.message}`);
    }
  }, 1000);
})();
