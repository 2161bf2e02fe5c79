// node-redis 4's createCluster: a Lua script whose keys hash to different slots
const { createCluster } = require('/tmp/lead/wn/node_modules/redis');
const c = createCluster({ rootNodes: process.env.REDIS_NODES.split(',').map((n) => ({ url: `redis://${n}` })) });
c.on('error', (err) => console.error('Redis Cluster Error', err));
(async () => {
  await c.connect();
  console.log('redis cluster ready');
  try { await c.eval("redis.call('SET', KEYS[1], 'a'); return redis.call('SET', KEYS[2], 'b')", { keys: ['bull:jobs:wait', 'bull:jobs:active'] }); }
  catch (err) { console.error('queue errored:', err); }
  process.exit(0);
})();
