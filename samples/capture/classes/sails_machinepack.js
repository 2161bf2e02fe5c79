// Session 10 (heldout31): machinepack-redis, the driver Sails' session and socket hooks connect to Redis with, asked
// for a connection as Sails asks it (createManager, then getConnection with a timeout). The error each case ends on is
// printed with console.error, whole. Cases: silent (a loopback port that accepts and never answers), refused (a closed
// loopback port), nopass / wrongpass (a redis-server with requirepass, no password / a wrong one).
// Usage: node sails_machinepack.js <case> <port>   (NODE_PATH: a node_modules holding machinepack-redis 2)
const Redis = require("machinepack-redis");
const [, , which, port] = process.argv;
const urls = {
  silent: `redis://127.0.0.1:${port}`,
  refused: `redis://127.0.0.1:${port}`,
  nopass: `redis://127.0.0.1:${port}`,
  wrongpass: `redis://:not-the-password@127.0.0.1:${port}`,
};
Redis.createManager({ connectionString: urls[which], meta: {} }).switch({
  error: (err) => { console.error(err); process.exit(1); },
  success: ({ manager }) => {
    Redis.getConnection({ manager, timeout: 1500 }).switch({
      error: (err) => { console.error(err); process.exit(1); },
      failed: ({ error }) => { console.error(error); process.exit(1); },
      success: () => { console.log("connected"); process.exit(0); },
    });
  },
});
