// leaderboard: scores on ioredis 4.28 with NO 'error' listener (ioredis prints its own), a memory fallback on failure
const Redis = require('ioredis');
const redis = new Redis(process.env.REDIS_URL);
const memory = new Map();
redis.on('ready', () => console.log('leaderboard: redis ready'));
let round = 0;
setInterval(async () => {
  round++;
  const player = `player${round % 4}`;
  try {
    const s = await redis.zincrby('leaderboard', 10, player);
    console.log(`leaderboard: ${player} now at ${s}`);
  } catch (e) {
    memory.set(player, (memory.get(player) || 0) + 10);
    console.log(`leaderboard: redis unavailable (${e.message}), using in-memory scores`);
  }
}, 1000);
