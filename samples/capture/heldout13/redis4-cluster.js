// node-redis 4's createCluster given the Key Value's URL as its one root node, node-redis' 'error' listener,
// `await cluster.connect()` first, then a counter every round.
const { createCluster } = require('redis');
const { sleep } = require('./deps');
(async () => {
  const cluster = createCluster({ rootNodes: [{ url: process.env.REDIS_URL }] });
  cluster.on('error', (err) => console.error('Redis Cluster Error', err));
  console.log('worker: connecting to the cluster');
  await cluster.connect();
  console.log('worker: cluster ready');
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    try { console.log(`worker: tick ${i} counter=${await cluster.incr('worker:ticks')}`); }
    catch (err) { console.error('worker: redis command failed', err); }
    await sleep(+(process.env.GAP_MS || 700));
  }
  process.exit(0);
})();
