// The mixed cell for BullMQ: a Queue and a Worker on REDIS_URL (host/port/password through `new URL`, as its docs
// pass them), the 'error' listeners its docs advise; each job touches PostgreSQL and an HTTP API (../heldout9/deps.js).
const { Queue, Worker } = require('bullmq');
const { touchDeps, sleep } = require('./deps');
const u = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
const connection = { host: u.hostname, port: +(u.port || 6379), password: u.password || undefined, maxRetriesPerRequest: null };
const queue = new Queue('emails', { connection });
queue.on('error', (err) => console.error('Queue error:', err));
const worker = new Worker('emails', async (job) => { await touchDeps(job.data.n); return `sent ${job.data.n}`; }, { connection });
worker.on('error', (err) => console.error('Worker error:', err));
worker.on('completed', (job, r) => console.log(`job ${job.id} completed: ${r}`));
(async () => {
  console.log('email worker started');
  for (let i = 1; i <= +(process.env.ROUNDS || 12); i++) {
    try { await queue.add('send', { n: i }); } catch (err) { console.error('enqueue failed:', err.message); }
    await sleep(+(process.env.GAP_MS || 900));
  }
  process.exit(0);
})();
