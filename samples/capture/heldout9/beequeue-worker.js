// bee-queue 1.7 (node_redis 3.1 inside): a producer and a worker in one process, as its README shows.
const Queue = require('bee-queue');
const { touchDeps, sleep } = require('./deps');
const rounds = +(process.env.ROUNDS || 12), gap = +(process.env.GAP_MS || 700);
const queue = new Queue('emails', { redis: { url: process.env.REDIS_URL }, removeOnSuccess: true });
queue.on('ready', () => console.log('queue now ready to start doing things'));
queue.on('error', (err) => console.log(`A queue error happened: ${err.message}`));
queue.on('retrying', (job, err) => console.log(`Job ${job.id} failed with error ${err.message} but is being retried!`));
queue.process(async (job) => { console.log(`Processing job ${job.id}: email to ${job.data.to}`); return { sent: true }; });
(async () => {
  for (let i = 1; i <= rounds; i++) {
    await touchDeps(i);
    try {
      const job = await queue.createJob({ to: `user${i}@example.com` }).timeout(3000).retries(1).save();
      console.log(`Enqueued job ${job.id}`);
    } catch (err) {
      console.error('Failed to enqueue email job:', err);
    }
    await sleep(gap);
  }
  process.exit(0);
})();
