// ioredis 5's Cluster: a Lua script whose keys hash to different slots (as a queue library's scripts do without a
// {hash tag} prefix), then a MULTI over two slots
const Redis = require('/tmp/lead/wn/node_modules/ioredis');
const nodes = process.env.REDIS_NODES.split(',').map((n) => ({ host: n.split(':')[0], port: Number(n.split(':')[1]) }));
const c = new Redis.Cluster(nodes);
c.on('ready', () => console.log('redis cluster ready'));
(async () => {
  try { await c.eval("redis.call('SET', KEYS[1], 'a'); return redis.call('SET', KEYS[2], 'b')", 2, 'bull:jobs:wait', 'bull:jobs:active'); }
  catch (err) { console.error('queue errored:', err); }
  try { await c.multi().set('session:1', 'a').set('cart:1', 'b').exec(); }
  catch (err) { console.error('cache: multi failed', err); }
  process.exit(0);
})();
