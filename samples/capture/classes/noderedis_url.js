const { createClient } = require('redis');
try { const c = createClient({ url: process.argv[2], socket: {connectTimeout: 2000, reconnectStrategy: false} });
c.on('error', (err) => console.log('Redis Client Error', String(err)));
c.connect().then(()=>console.log('connected')).catch((e) => console.log('connect failed:', String(e))).finally(() => setTimeout(() => process.exit(0), 300));
} catch (e) { console.log('threw:', String(e)); }
