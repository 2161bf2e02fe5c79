// catalog: a product-view counter on node_redis 2.8 (callback API, its default reconnect), the app's own lines
var redis = require('redis');
var url = process.env.REDIS_URL;
function log(msg) { console.log(new Date().toISOString() + ' [catalog] ' + msg); }
log('starting catalog service (node_redis ' + require('redis/package.json').version + ')');
var client = redis.createClient(url);
client.on('ready', function () { log('redis ready'); });
client.on('error', function (err) { console.error(new Date().toISOString() + ' [catalog] redis error: ' + err.message); });
var n = 0;
setInterval(function () {
  n++;
  client.incr('catalog:views', function (err, v) {
    if (err) { console.error(new Date().toISOString() + ' [catalog] view ' + n + ' not counted: ' + err.message); return; }
    log('view ' + n + ' counted, total=' + v);
  });
}, 1000);
