// An orders microservice on NestJS 10 with the Redis transport (@nestjs/microservices, ioredis inside): the server
// handles the 'order_created' event, a ClientProxy beside it emits one each round, both given host, port and
// password parsed from REDIS_URL (the transport takes no URL), retryAttempts 5 as Nest's docs show it.
require('reflect-metadata');
const { NestFactory } = require('@nestjs/core');
const { Module, Controller, Logger } = require('@nestjs/common');
const { Transport, EventPattern, ClientProxyFactory } = require('@nestjs/microservices');
const { touchDeps, sleep } = require('./deps');

const logger = new Logger('Orders');
class OrdersController {
  handle(order) { logger.log(`order ${order.id} received`); }
}
EventPattern('order_created')(OrdersController.prototype, 'handle', Object.getOwnPropertyDescriptor(OrdersController.prototype, 'handle'));
Controller()(OrdersController);
class AppModule {}
Module({ controllers: [OrdersController] })(AppModule);

async function main() {
  const u = new URL(process.env.REDIS_URL || 'redis://localhost:6379');
  const options = {
    host: u.hostname, port: Number(u.port || 6379),
    username: decodeURIComponent(u.username) || undefined, password: decodeURIComponent(u.password) || undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined, retryAttempts: 5, retryDelay: 1000,
  };
  const app = await NestFactory.createMicroservice(AppModule, { transport: Transport.REDIS, options });
  app.listen().then(() => logger.log('Orders microservice is listening'));
  const client = ClientProxyFactory.create({ transport: Transport.REDIS, options });
  for (let i = 1; i <= +(process.env.ROUNDS || 14); i++) {
    await touchDeps(i);
    await new Promise((resolve) => client.emit('order_created', { id: i }).subscribe({
      complete: () => { logger.log(`order ${i} published`); resolve(); },
      error: (err) => { logger.error(`could not publish order ${i}: ${err.message || err}`); resolve(); },
    }));
    await sleep(+(process.env.GAP_MS || 700));
  }
  process.exit(0);
}
main();
