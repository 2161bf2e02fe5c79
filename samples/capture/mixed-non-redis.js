// A Node app whose Stripe call fails on DNS and whose PostgreSQL is down: real errors, no Redis involved.
const https = require('https'), net = require('net');
https.get('https://api.stripe.com/v1/charges', () => {}).on('error', (e) => console.error('Stripe request failed:', e));
net.connect(5432, '127.0.0.1').on('error', (e) => console.error(e));
