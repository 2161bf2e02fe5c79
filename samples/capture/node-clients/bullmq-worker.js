// BullMQ v5: a queue and a worker. BULLMQ_CONNECTION selects how the connection is given:
//   options  (default) { host, port, password } parsed from REDIS_URL, with maxRetriesPerRequest: 20 (and tls: {}
//            for rediss://, as BullMQ's docs give a TLS connection)
//   instance an ioredis instance made with new IORedis(REDIS_URL) (default maxRetriesPerRequest)
//   url      { url: REDIS_URL }  (not an ioredis option)
const { Queue, Worker } = require('bullmq');
const IORedis = require('ioredis');

function connection() {
  const mode = process.env.BULLMQ_CONNECTION || 'options';
  if (mode === 'instance') return new IORedis(process.env.REDIS_URL);
  if (mode === 'url') return { url: process.env.REDIS_URL };
  const u = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
  const tls = u.protocol === 'rediss:' ? { tls: {} } : {};
  return { host: u.hostname, port: Number(u.port || 6379), password: u.password || undefined, maxRetriesPerRequest: 20, ...tls };
}

async function main() {
  const queue = new Queue('emails', { connection: connection() });
  const worker = new Worker('emails', async (job) => {
    console.log(`processing job ${job.id} (${job.name})`);
    return { sent: true };
  }, { connection: connection() });
  if (process.env.BULLMQ_ERROR_LISTENER === '1') {  // as the BullMQ docs advise
    worker.on('error', (err) => console.error('worker error:', err));
    queue.on('error', (err) => console.error('queue error:', err));
  }
  worker.on('completed', (job) => console.log(`job ${job.id} completed`));
  worker.on('failed', (job, err) => console.error(`job ${job && job.id} failed:`, err.message));
  console.log('worker started, waiting for jobs');
  for (let i = 1; i <= 3; i++) {
    const job = await queue.add('welcome-email', { to: `user${i}@example.com` });
    console.log(`queued job ${job.id}`);
  }
}
main().catch((err) => { console.error('fatal:', err); process.exit(1); });
