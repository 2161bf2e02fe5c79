// A thumbnail queue on BullMQ 5 (ioredis inside): the web side adds a job every TICK_MS, a worker in the same process
// renders it; logs what such a service logs (job completed/failed, the worker's and queue's error events).
const { Queue, Worker } = require('bullmq');
const IORedis = require('ioredis');
const { touchDeps, report, sleep, TICK } = require('./lib');

const connection = new IORedis(process.env.REDIS_URL, { maxRetriesPerRequest: null });
connection.on('error', (err) => console.error('ioredis error', err.message));
const queue = new Queue('thumbnails', { connection });
queue.on('error', (err) => console.error('queue error', err));
const worker = new Worker('thumbnails', async (job) => {
  await sleep(100);
  await touchDeps();
  return { px: 256 };
}, { connection: new IORedis(process.env.REDIS_URL, { maxRetriesPerRequest: null }) });
worker.on('ready', () => console.log('worker ready'));
worker.on('completed', (job) => console.log(`job ${job.id} completed`));
worker.on('failed', (job, err) => console.error(`job ${job && job.id} failed: ${err.message}`));
worker.on('error', (err) => console.error('worker error', err));
let n = 0;
setInterval(() => {
  queue.add('render', { image: `img-${++n}.png`, meta: report(n) }, { removeOnComplete: 50 })
    .then((job) => console.log(`queued job ${job.id}`))
    .catch((err) => console.error(`could not queue img-${n}.png:`, err.message));
}, TICK);
console.log('thumbnail service started');
