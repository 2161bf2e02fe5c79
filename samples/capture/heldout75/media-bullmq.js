// A media-processing service on BullMQ 5 (ioredis inside): the API side adds a resize job every TICK_MS, a Worker in
// the same process runs it; logs the Queue's and Worker's events as BullMQ's guide shows.
const { Queue, Worker } = require('bullmq');
const IORedis = require('ioredis');
const { touchDeps, report, sleep, TICK } = require('./lib');

const opts = { maxRetriesPerRequest: null, connectTimeout: 5000 };
const connection = new IORedis(process.env.REDIS_URL, opts);
const queue = new Queue('media-resize', { connection });
queue.on('error', (err) => console.error('Queue error:', err));
const worker = new Worker('media-resize', async (job) => {
  await sleep(50);
  await touchDeps();
  return { width: 640 };
}, { connection: new IORedis(process.env.REDIS_URL, opts) });
worker.on('ready', () => console.log('Worker is ready'));
worker.on('completed', (job) => console.log(`Job ${job.id} has completed`));
worker.on('failed', (job, err) => console.error(`Job ${job && job.id} has failed with ${err.message}`));
worker.on('error', (err) => console.error('Worker error:', err));
let n = 0;
setInterval(() => {
  queue.add('resize', { file: `upload-${++n}.jpg`, exif: report(n) }, { removeOnComplete: 100 })
    .then((job) => console.log(`Added job ${job.id} (upload-${n}.jpg)`))
    .catch((err) => console.error(`Failed to add job for upload-${n}.jpg:`, err.message));
}, TICK);
console.log('media service started');
