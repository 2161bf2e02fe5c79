// pm2-runtime's process file for the mailer container.
module.exports = {
  apps: [
    { name: 'mailer', script: 'worker.js', max_restarts: 5 },
  ],
};
