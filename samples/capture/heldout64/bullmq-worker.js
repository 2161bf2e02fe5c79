// An email worker on BullMQ 6 (ioredis, maxRetriesPerRequest null as BullMQ requires): a producer adds a job every
// second; the worker sends it. The app logs the Queue's and Worker's events as BullMQ's docs show them.
const { Queue, Worker } = require('bullmq');
const IORedis = require('ioredis');
const { touchDeps } = require('./deps');

const connection = new IORedis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const queue = new Queue('emails', { connection });
queue.on('error', (err) => console.error('Queue error:', err));
const worker = new Worker('emails', async (job) => { await touchDeps(); return { sent: job.data.to }; }, { connection });
worker.on('completed', (job) => console.log(`Job ${job.id} completed`));
worker.on('failed', (job, err) => console.error(`Job ${job && job.id} failed: ${err.message}`));
worker.on('error', (err) => console.error(err));
console.log('Email worker started');
setInterval(() => {
  queue.add('welcome', { to: 'new-user@example.com' }, { removeOnComplete: 100 })
    .then((job) => console.log(`Enqueued job ${job.id}`))
    .catch((err) => console.error('Failed to enqueue job:', err));
}, 1000);
