// A price cache on node-redis 4: createClient + 'error' listener + await connect() as in node-redis' README, then a
// refresh every second (GET, then SET with EX on a miss) with the stats it logs.
const { createClient } = require('redis');

async function main() {
  const client = createClient({ url: process.env.REDIS_URL });
  client.on('error', (err) => console.log('Redis Client Error', err));
  await client.connect();
  console.log('connected to redis');
  let hits = 0, misses = 0;
  setInterval(async () => {
    const sku = `price:${Math.floor(Math.random() * 50)}`;
    try {
      const v = await client.get(sku);
      if (v) { hits += 1; } else {
        misses += 1;
        await client.set(sku, JSON.stringify({ amount: 1999, pad: 'x'.repeat(Number(process.env.PAYLOAD || 100)) }), { EX: 300 });
      }
      if ((hits + misses) % 5 === 0) console.log(`price cache: ${hits} hits, ${misses} misses`);
    } catch (err) {
      console.error(`price refresh failed for ${sku}:`, err.message);
    }
  }, 1000);
}

main().catch((err) => { console.error(err); process.exit(1); });
