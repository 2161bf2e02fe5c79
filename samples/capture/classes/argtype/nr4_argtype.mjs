// An app passing an object where node-redis 4 wants a string: the client refuses to encode the command, while the
// server answers PING. Redis on 127.0.0.1:$REDIS_PORT.
import { createClient } from 'redis';

const client = createClient({ url: `redis://127.0.0.1:${process.env.REDIS_PORT}` });
client.on('error', (err) => console.error('Redis Client Error', err));
await client.connect();
console.log('PING ->', await client.ping());
await client.set('session:42', { user: 42 });
