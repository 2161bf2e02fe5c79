// A thumbnail worker on bee-queue 2 (its bundled node_redis 3): the same process creates a job every second and
// processes it, logging the queue's events as bee-queue's README shows them.
const Queue = require('bee-queue');
const { touchDeps } = require('./deps');

const queue = new Queue('thumbnails', { redis: { url: process.env.REDIS_URL }, removeOnSuccess: true });
queue.on('ready', () => console.log('queue now ready to start doing things'));
queue.on('error', (err) => console.log(`A queue error happened: ${err.message}`));
queue.on('failed', (job, err) => console.log(`Job ${job.id} failed with error ${err.message}`));
queue.on('succeeded', (job, result) => console.log(`Job ${job.id} succeeded with result: ${result}`));
queue.process(async (job) => { await touchDeps(); return `thumb-${job.data.image}`; });
let n = 0;
setInterval(() => {
  queue.createJob({ image: `img-${++n}.png` }).save()
    .then((job) => console.log(`created job ${job.id}`))
    .catch((err) => console.error('could not create job', err));
}, 1000);
