// mailer: a Bull 3 queue and its processor in one process; the app logs the queue's events
const Queue = require('bull');
const queue = new Queue('mail', process.env.REDIS_URL);
queue.on('error', (err) => console.error('mailer: queue error', err.message));
queue.on('completed', (job) => console.log(`mailer: job ${job.id} completed (to ${job.data.to})`));
queue.on('failed', (job, err) => console.error(`mailer: job ${job.id} failed: ${err.message}`));
queue.process(async (job) => ({ sent: job.data.to }));
console.log('mailer: worker started');
let n = 0;
setInterval(() => {
  n++;
  queue.add({ to: `user${n}@example.com` }).catch((e) => console.error(`mailer: could not enqueue mail ${n}: ${e.message}`));
}, 1500);
