// reports: BullMQ 5 Queue + Worker sharing one IORedis connection built from REDIS_URL
const { Queue, Worker } = require('bullmq');
const IORedis = require('ioredis');
const connection = new IORedis(process.env.REDIS_URL, { maxRetriesPerRequest: null });
const queue = new Queue('reports', { connection });
const worker = new Worker('reports', async (job) => ({ rows: job.data.n * 10 }), { connection });
worker.on('completed', (job) => console.log(`[reports] job ${job.id} completed`));
worker.on('failed', (job, err) => console.log(`[reports] job ${job && job.id} failed: ${err.message}`));
worker.on('error', (err) => console.log(`[reports] worker error: ${err.message}`));
queue.on('error', (err) => console.log(`[reports] queue error: ${err.message}`));
console.log('[reports] worker listening on queue "reports"');
let n = 0;
setInterval(() => {
  n++;
  queue.add('build', { n }).then((j) => console.log(`[reports] queued report ${n} as job ${j.id}`))
    .catch((e) => console.log(`[reports] enqueue failed: ${e.message}`));
}, 1500);
