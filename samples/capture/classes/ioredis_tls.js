const Redis = require('ioredis');
const [,, host, port, extra] = process.argv;
const tls = extra === 'ca' ? {ca: require('fs').readFileSync('cert.pem'), servername: 'wronghost'} : {};
const r = new Redis({host, port: +port, tls, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null});
setTimeout(() => process.exit(0), 4000);
