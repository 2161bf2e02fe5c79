// Koa 2 + koa-session with koa-redis 4 (ioredis 4 inside) as its store, as koa-redis' README; koa's default error
// handler; the app calls itself over HTTP every round (a visitor counter in the session); mixed scenarios also touch
// PostgreSQL and an HTTP API (deps.js).
const http = require('http');
const Koa = require('koa');
const session = require('koa-session');
const redisStore = require('koa-redis');
const { touchDeps, sleep } = require('./deps');
const app = new Koa();
app.keys = ['not-a-real-secret'];
app.use(session({ store: redisStore({ url: process.env.REDIS_URL }) }, app));
app.use(async (ctx, next) => {
  const t = Date.now();
  await next();
  console.log(`${ctx.method} ${ctx.url} ${ctx.status} ${Date.now() - t}ms`);
});
app.use(async (ctx) => {
  await touchDeps();
  ctx.session.views = (ctx.session.views || 0) + 1;
  ctx.body = { views: ctx.session.views };
});
const port = +(process.env.PORT || 10000);
app.listen(port, () => console.log(`koa: listening on port ${port}`));
(async () => {
  let cookie = '';
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    await sleep(+(process.env.GAP_MS || 700));
    await new Promise((resolve) => {
      http.get({ port, path: '/visits', headers: { cookie } }, (res) => {
        if (res.headers['set-cookie']) cookie = res.headers['set-cookie'].map((c) => c.split(';')[0]).join('; ');
        res.resume(); res.on('end', resolve);
      }).on('error', resolve);
    });
  }
  process.exit(0);
})();
