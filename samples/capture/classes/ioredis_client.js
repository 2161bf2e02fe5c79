const Redis = require('ioredis');
const r = new Redis({host: process.argv[2], port: +process.argv[3], connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null});
setTimeout(() => process.exit(0), 5000);
