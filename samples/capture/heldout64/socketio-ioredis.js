// A notifications server on socket.io 4 with @socket.io/redis-adapter 8 on ioredis 6 (a client and its duplicate).
// A socket.io client in the same process (the capture's traffic) sends a message every 0.8 s, broadcast to the room.
const http = require('http');
const { Server } = require('socket.io');
const { createAdapter } = require('@socket.io/redis-adapter');
const Redis = require('ioredis');
const { io: ioc } = require('socket.io-client');
const { touchDeps } = require('./deps');

const pubClient = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
const subClient = pubClient.duplicate();
pubClient.on('error', (err) => console.error('[redis pub]', err));
subClient.on('error', (err) => console.error('[redis sub]', err));
const httpServer = http.createServer();
const io = new Server(httpServer, { adapter: createAdapter(pubClient, subClient) });
io.of('/').adapter.on('error', (err) => console.error('socket.io adapter error:', err));
io.on('connection', (socket) => {
  socket.join('orders');
  console.log(`client connected ${socket.id}`);
  socket.on('notify', async (msg) => { await touchDeps(); io.to('orders').emit('notification', msg); });
});
const port = Number(process.env.PORT || 3000);
httpServer.listen(port, () => {
  console.log(`notifications server listening on port ${port}`);
  const c = ioc(`http://127.0.0.1:${port}`, { transports: ['websocket'] });
  let i = 0;
  const t = setInterval(() => { if (++i > 40) return clearInterval(t); c.emit('notify', { order: i }); }, 800);
});
