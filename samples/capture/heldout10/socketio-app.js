// socket.io 4 with @socket.io/redis-adapter 8 on node-redis 4 (the adapter's README: two clients, connect, then
// the adapter); a browser-like client sends chat messages every round. Errors from the clients' 'error' events.
const http = require('http');
const { Server } = require('socket.io');
const { createAdapter } = require('@socket.io/redis-adapter');
const { createClient } = require('redis');
const ioClient = require('socket.io-client');
const { touchDeps, sleep } = require('./deps');
const rounds = +(process.env.ROUNDS || 12), gap = +(process.env.GAP_MS || 700);
const pubClient = createClient({ url: process.env.REDIS_URL });
const subClient = pubClient.duplicate();
pubClient.on('error', (err) => console.error('Redis pub client error:', err));
subClient.on('error', (err) => console.error('Redis sub client error:', err));
(async () => {
  await Promise.all([pubClient.connect(), subClient.connect()]);
  console.log('Redis adapter connected');
  const server = http.createServer();
  const io = new Server(server, { adapter: createAdapter(pubClient, subClient) });
  io.on('connection', (socket) => socket.on('chat', (msg) => { io.emit('chat', msg); console.log(`chat message relayed: ${msg}`); }));
  server.listen(10000, async () => {
    console.log('Socket.IO server listening on port 10000');
    const c = ioClient('http://127.0.0.1:10000');
    for (let i = 1; i <= rounds; i++) { await touchDeps(i); c.emit('chat', `hello ${i}`); await sleep(gap); }
    process.exit(0);
  });
})();
