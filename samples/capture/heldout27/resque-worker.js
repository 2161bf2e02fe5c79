// A mail worker on node-resque 9 (its README's setup: a Queue, a Worker, a Scheduler, every event logged), all on
// one ioredis client made from REDIS_URL; the app enqueues a 'sendWelcome' job each round.
const NR = require('node-resque');
const Redis = require('ioredis');
const { touchDeps, sleep } = require('./deps');

const redis = new Redis(process.env.REDIS_URL);
const connection = { redis };
const jobs = { sendWelcome: { perform: async (user) => `welcome mail sent to ${user}` } };

async function main() {
  const worker = new NR.Worker({ connection, queues: ['mail'], timeout: 500 }, jobs);
  await worker.connect();
  worker.start();
  const scheduler = new NR.Scheduler({ connection });
  await scheduler.connect();
  scheduler.start();
  worker.on('start', () => console.log('worker started'));
  worker.on('job', (queue, job) => console.log(`working job ${queue} ${JSON.stringify(job)}`));
  worker.on('success', (queue, job, result) => console.log(`job success ${queue} ${JSON.stringify(job)} >> ${result}`));
  worker.on('failure', (queue, job, failure) => console.log(`job failure ${queue} ${JSON.stringify(job)} >> ${failure}`));
  worker.on('error', (error, queue, job) => console.log(`error ${queue} ${JSON.stringify(job)}  >> ${error}`));
  scheduler.on('start', () => console.log('scheduler started'));
  scheduler.on('leader', () => console.log('scheduler became leader'));
  scheduler.on('error', (error) => console.log(`scheduler error >> ${error}`));
  const queue = new NR.Queue({ connection }, jobs);
  queue.on('error', (error) => console.log(error));
  await queue.connect();
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    await touchDeps(i);
    try {
      await queue.enqueue('mail', 'sendWelcome', [`user${i}@example.com`]);
      console.log(`enqueued welcome mail ${i}`);
    } catch (err) {
      console.error(`enqueue failed: ${err}`);
    }
    await sleep(+(process.env.GAP_MS || 700));
  }
  process.exit(0);
}
main();
