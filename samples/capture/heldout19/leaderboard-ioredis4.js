// A game leaderboard API on ioredis 4.28 (`new Redis(process.env.REDIS_URL)`, no 'error' listener, as many apps
// have it); each POST /scores does a ZINCRBY + ZREVRANGE; a failure answers 503 through the app's error handler.
const http = require('http');
const Redis = require('ioredis');
const { touchDeps, sleep } = require('./deps');
const redis = new Redis(process.env.REDIS_URL);
redis.on('ready', () => console.log('leaderboard: redis ready'));
const server = http.createServer(async (req, res) => {
  try {
    await touchDeps();
    const player = `player${Math.floor(Math.random() * 5) + 1}`;
    await redis.zincrby('leaderboard', 10, player);
    const top = await redis.zrevrange('leaderboard', 0, 2, 'WITHSCORES');
    res.end(JSON.stringify(top));
    console.log(`POST /scores 200 player=${player} top=${top[0]}`);
  } catch (err) {
    console.error('POST /scores failed:', err);
    res.statusCode = 503; res.end('unavailable');
    console.log('POST /scores 503');
  }
});
const port = +(process.env.PORT || 10000);
server.listen(port, async () => {
  console.log(`leaderboard api listening on port ${port}`);
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    await new Promise((resolve) => {
      const r = http.request({ port, path: '/scores', method: 'POST', timeout: 3000 }, (x) => { x.resume(); x.on('end', resolve); });
      r.on('timeout', () => { console.log('POST /scores timed out'); r.destroy(); resolve(); });
      r.on('error', resolve); r.end();
    });
    await sleep(+(process.env.GAP_MS || 700));
  }
  process.exit(0);
});
