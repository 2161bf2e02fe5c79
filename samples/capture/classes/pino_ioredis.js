// ioredis errors logged by pino (JSON lines, the error in `err`), issue 13 session 4. argv: host port
const pino = require('pino')
const Redis = require('ioredis')
const log = pino()
const [host, port] = [process.argv[2], Number(process.argv[3])]
const r = new Redis({ host, port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
r.on('error', (err) => log.error({ err }, 'redis connection error'))
r.connect().then(() => r.set('k', 'v')).catch((err) => log.error({ err }, 'redis command failed')).finally(() => setTimeout(() => process.exit(0), 300))
