// heldout54: a session/feature-flag service on node-redis (NODE_REDIS=redis4 or redis; redis is node-redis 5), as
// a Cluster (MODE=cluster, CLUSTER_NODES: createCluster's rootNodes), a Sentinel client (MODE=sentinel, node-redis 5's
// createSentinel with SENTINELS and MASTER_NAME) or a plain client (REDIS_URL). The 'error' listener is the one
// node-redis' README shows. OP=mget reads two unrelated keys at once; OP=read only reads. API_HOST: an HTTP API the request also calls.
const lib = require(process.env.NODE_REDIS || 'redis');
const mode = process.env.MODE || 'plain';
const pairs = (s) => s.split(',').map((hp) => { const [host, port] = hp.split(':'); return { host, port: Number(port) }; });
let client;
if (mode === 'cluster') {
  client = lib.createCluster({ rootNodes: pairs(process.env.CLUSTER_NODES).map((p) => ({ url: `redis://${p.host}:${p.port}` })) });
} else if (mode === 'sentinel') {
  client = lib.createSentinel({ name: process.env.MASTER_NAME || 'mymaster', sentinelRootNodes: pairs(process.env.SENTINELS) });
} else {
  client = lib.createClient({ url: process.env.REDIS_URL });
}
client.on('error', (err) => console.error('Redis Client Error', err));
async function main() {
  await client.connect();
  console.log('Connected to Redis');
  console.log('flags service listening on port 10000');
  let n = 0;
  setInterval(async () => {
    const t0 = Date.now(); const sid = `sess:${1000 + (n++ % 7)}`;
    try {
      let hits;
      if (process.env.OP === 'read') {
        hits = await client.get(`hits:${sid}`);
      } else if (process.env.OP === 'mget') {
        await client.set(sid, JSON.stringify({ n }));
        [, hits] = await client.mGet([sid, 'flags:hits']);
        await client.incr('flags:hits');
      } else {
        await client.set(sid, JSON.stringify({ n }), { EX: 600 });
        hits = await client.incr(`hits:${sid}`);
      }
      if (process.env.API_HOST) {
        try { await fetch(`https://${process.env.API_HOST}/v2/flags`); } catch (e) { console.error('flag sync failed:', e.cause || e); }
      }
      console.log(`GET /flags 200 ${Date.now() - t0}ms session=${sid} hits=${hits}`);
    } catch (err) {
      console.error(`GET /flags 500 ${Date.now() - t0}ms`, err);
    }
  }, 500);
}
main().catch((err) => { console.error('Failed to start:', err); process.exit(1); });
