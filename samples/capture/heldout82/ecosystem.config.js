// pm2's process file: the storefront, restarted by pm2 when it exits (pm2's defaults otherwise).
module.exports = {
  apps: [
    { name: 'storefront', script: 'web.js' },
  ],
};
