// ioredis 5: a key used with the wrong type, then a command while a Lua script keeps the server busy; errors logged
// with console.error as an app does.
const Redis = require("ioredis");
const url = process.env.REDIS_URL;
const a = new Redis(url), b = new Redis(url);
(async () => {
  await a.set("session:1", "x");
  try { await a.lpush("session:1", "y"); } catch (err) { console.error("cache: redis command failed", err); }
  a.eval("local i = 0; while i < 400000000 do i = i + 1 end; return i", 0).catch(() => {});
  await new Promise((r) => setTimeout(r, 6000));
  try { await b.get("session:1"); } catch (err) { console.error("cache: redis command failed", err); }
  process.exit(0);
})();
