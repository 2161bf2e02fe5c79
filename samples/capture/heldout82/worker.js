// A mailer: a BullMQ 5 queue fed every 1.5 s and a worker sending the mails (BullMQ's guide's setup: one ioredis
// connection with maxRetriesPerRequest null, the queue's and worker's events logged).
const { Queue, Worker } = require('bullmq');
const IORedis = require('ioredis');

const connection = new IORedis(process.env.REDIS_URL, { maxRetriesPerRequest: null });
const queue = new Queue('emails', { connection });
const worker = new Worker('emails', async (job) => {
  await new Promise((r) => setTimeout(r, 100));
  return { sent: job.data.to };
}, { connection, concurrency: 2 });

worker.on('ready', () => console.log('worker ready, waiting for jobs on "emails"'));
worker.on('completed', (job) => console.log(`job ${job.id} (${job.name}) completed`));
worker.on('failed', (job, err) => console.error(`job ${job && job.id} failed: ${err.message}`));
worker.on('error', (err) => console.error('worker error', err));
queue.on('error', (err) => console.error('queue error', err));

let n = 0;
setInterval(async () => {
  n += 1;
  const payload = { to: `customer${n}@example.com`, body: 'x'.repeat(Number(process.env.PAYLOAD || 200)) };
  try {
    await queue.add('welcome', payload, { removeOnComplete: false });
  } catch (err) {
    console.error(`could not queue mail ${n}: ${err.message}`);
  }
}, 1500);
console.log('mailer started');
