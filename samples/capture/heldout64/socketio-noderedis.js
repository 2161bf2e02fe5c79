// A chat server on socket.io 4 with @socket.io/redis-adapter 8 on node-redis 6 (pub client and its duplicate for
// subscribing, as the adapter's docs show). A socket.io client in the same process (the capture's traffic) sends a
// message every 0.8 s, which the server broadcasts through the adapter.
const http = require('http');
const { Server } = require('socket.io');
const { createAdapter } = require('@socket.io/redis-adapter');
const { createClient } = require('redis');
const { io: ioc } = require('socket.io-client');
const { touchDeps } = require('./deps');

async function main() {
  const pubClient = createClient({ url: process.env.REDIS_URL });
  const subClient = pubClient.duplicate();
  pubClient.on('error', (err) => console.error('Redis pub client error:', err));
  subClient.on('error', (err) => console.error('Redis sub client error:', err));
  await Promise.all([pubClient.connect(), subClient.connect()]);
  console.log('Redis adapter connected');
  const httpServer = http.createServer();
  const io = new Server(httpServer, { adapter: createAdapter(pubClient, subClient) });
  io.of('/').adapter.on('error', (err) => console.error('socket.io adapter error:', err));
  io.on('connection', (socket) => {
    console.log(`user connected ${socket.id}`);
    socket.on('chat message', async (msg) => { await touchDeps(); io.emit('chat message', msg); });
    socket.on('disconnect', (reason) => console.log(`user disconnected ${socket.id} (${reason})`));
  });
  const port = Number(process.env.PORT || 3000);
  httpServer.listen(port, () => {
    console.log(`chat server listening on port ${port}`);
    const c = ioc(`http://127.0.0.1:${port}`, { transports: ['websocket'] });
    let i = 0;
    const t = setInterval(() => { if (++i > 40) return clearInterval(t); c.emit('chat message', `hello ${i}`); }, 800);
  });
}
main();
