// socket.io 4 with @socket.io/redis-streams-adapter on node-redis 4: the adapter README's setup (`await
// redisClient.connect()` first), node-redis' 'error' listener; a socket.io client in the same process sends a chat
// message every round, which the server broadcasts.
const { createServer } = require('http');
const { Server } = require('socket.io');
const { createClient } = require('redis');
const { createAdapter } = require('@socket.io/redis-streams-adapter');
const { io: ioc } = require('socket.io-client');
const { sleep } = require('./deps');
(async () => {
  const redisClient = createClient({ url: process.env.REDIS_URL });
  redisClient.on('error', (err) => console.error('Redis Client Error', err));
  await redisClient.connect();
  const httpServer = createServer();
  const io = new Server(httpServer, { adapter: createAdapter(redisClient) });
  io.on('connection', (socket) => {
    socket.on('chat', (msg) => { console.log(`chat: relaying "${msg}"`); io.emit('chat', msg); });
  });
  const port = +(process.env.PORT || 10000);
  httpServer.listen(port, () => console.log(`chat: listening on port ${port}`));
  const c = ioc(`http://127.0.0.1:${port}`, { transports: ['websocket'] });
  c.on('chat', (m) => console.log(`client: got "${m}"`));
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    await sleep(+(process.env.GAP_MS || 700));
    c.emit('chat', `hello ${i}`);
  }
  process.exit(0);
})();
