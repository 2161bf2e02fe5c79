// Bull 4 (ioredis inside): a queue given REDIS_URL, a processor and a producer in one process, the 'error' listener
// of Bull's guide; each job's completion logged from the 'completed' event.
const Queue = require('bull');
const { touchDeps, sleep } = require('./deps');
const rounds = +(process.env.ROUNDS || 12), gap = +(process.env.GAP_MS || 700);
const queue = new Queue('invoices', process.env.REDIS_URL || 'redis://127.0.0.1:6379');
queue.on('error', (err) => console.error('Queue error:', err));
queue.on('completed', (job, result) => console.log(`Job ${job.id} completed with result ${result}`));
queue.process(async (job) => `invoice ${job.data.n} rendered`);
(async () => {
  console.log('Worker started');
  for (let i = 1; i <= rounds; i++) {
    await touchDeps(i);
    try {
      const job = await Promise.race([queue.add({ n: i }), sleep(3000).then(() => { throw new Error('enqueue timed out after 3000 ms'); })]);
      console.log(`Added job ${job.id}`);
    } catch (err) {
      console.error(`Could not add invoice job ${i}:`, err.message);
    }
    await sleep(gap);
  }
  process.exit(0);
})();
