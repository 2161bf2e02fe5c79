// A NestJS 11 app (plain JavaScript, decorators applied as functions) whose logger is Nest's own ConsoleLogger in JSON
// mode (`new ConsoleLogger({ json: true })`, Nest 11's docs for log collectors); a RedisService on ioredis 5 logs its
// failures through `new Logger(RedisService.name)`: `this.logger.error(err.message, err.stack)`.
require('reflect-metadata');
const { Module, Controller, Get, Injectable, Logger, ConsoleLogger } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const Redis = require('ioredis');
const { touchDeps, traffic } = require('./deps');

class RedisService {
  constructor() {
    this.logger = new Logger('RedisService');
    this.client = new Redis(process.env.REDIS_URL || 'redis://localhost:6379', { maxRetriesPerRequest: 2 });
    this.client.on('error', (err) => this.logger.error(err.message, err.stack));
    this.client.on('ready', () => this.logger.log('Redis connection ready'));
  }
  async hit() { return this.client.incr('visits:home'); }
}
Injectable()(RedisService);
const redisService = new RedisService();

class AppController {
  constructor() { this.logger = new Logger('AppController'); }
  async home() {
    await touchDeps((err, msg) => this.logger.error(`${msg}: ${err.message}`, err.stack));
    try {
      return { visits: await redisService.hit() };
    } catch (err) {
      this.logger.error(`visit counter failed: ${err.message}`, err.stack);
      return { visits: null };
    }
  }
}
Get()(AppController.prototype, 'home', Object.getOwnPropertyDescriptor(AppController.prototype, 'home'));
Controller()(AppController);
class AppModule {}
Module({ controllers: [AppController] })(AppModule);

(async () => {
  const app = await NestFactory.create(AppModule, { logger: new ConsoleLogger({ json: true }) });
  const port = Number(process.env.PORT || 3000);
  await app.listen(port);
  new Logger('Bootstrap').log(`Application is running on port ${port}`);
  traffic(port, '/');
})();
