// heldout81: an Express-style Node service on node-redis 4 whose own log lines are in Korean (APP_LANG=ko) or
// Portuguese from Portugal (APP_LANG=pt), the way Korean and Portuguese tutorials wire it: client.on('error'), then
// await client.connect(). Each second it stores a session key; with DATABASE_URL it also checks PostgreSQL (pg).
const { createClient } = require('redis');
const MSG = {
  ko: { boot: '서버 시작 중...', conn: 'Redis 연결 성공', err: 'Redis 클라이언트 오류', tick: '세션 저장 완료 #',
        db: 'DB 연결 실패:', fail: '세션 저장 실패:', start: '서버가 3000번 포트에서 실행 중입니다', end: '서버 종료' },
  pt: { boot: 'A iniciar o servidor...', conn: 'Ligação ao Redis estabelecida', err: 'Erro no cliente Redis', tick: 'Sessão guardada #',
        db: 'Falha na ligação à base de dados:', fail: 'Não foi possível guardar a sessão:', start: 'Servidor a correr na porta 3000', end: 'A encerrar o servidor' },
};
const m = MSG[process.env.APP_LANG || 'ko'];
console.log(m.boot);
const client = createClient({ url: process.env.REDIS_URL, socket: { connectTimeout: 3000, reconnectStrategy: (r) => Math.min(r * 200, 1000) } });
client.on('error', (err) => console.error(m.err, err));
client.on('ready', () => console.log(m.conn));
(async () => {
  try { await client.connect(); } catch (e) { console.error(m.err, e); }
  console.log(m.start);
  let n = 0;
  setInterval(async () => {
    n += 1;
    try {
      await client.set(`sess:${n}`, JSON.stringify({ user: n }), { EX: 60 });
      if (process.env.DATABASE_URL) {
        const { Client } = require('pg');
        const c = new Client({ connectionString: process.env.DATABASE_URL });
        try { await c.connect(); await c.end(); } catch (e) { console.error(m.db, e.message); }
      }
      console.log(`${m.tick}${n}`);
    } catch (e) { console.error(m.fail, e.message); }
  }, 1000);
})();
setTimeout(() => { console.log(m.end); process.exit(0); }, Number(process.env.RUN_SECONDS || 8) * 1000);
