// node-redis 4 with no 'error' listener: mode 'killed' -> the server closes the connection (CLIENT KILL from a
// second client); mode 'quit' -> a command after quit(). Prints what node-redis itself prints.
const { createClient } = require('redis');
const [url, mode] = process.argv.slice(2);
(async () => {
  const client = createClient({ url });
  await client.connect();
  console.log('connected');
  if (mode === 'quit') {
    await client.quit();
    try { await client.get('k'); } catch (err) { console.error(err); }
    return;
  }
  const admin = createClient({ url });
  admin.on('error', () => {});
  await admin.connect();
  const id = await client.clientId();
  await admin.sendCommand(['CLIENT', 'KILL', 'ID', String(id)]);
  await admin.quit();
  setTimeout(() => process.exit(0), 2000);
})();
