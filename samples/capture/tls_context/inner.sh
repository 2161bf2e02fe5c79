#!/bin/sh
# run.sh's body, inside the network namespace. argv: workdir output
set -u
W=$1; OUT=$2
cd "$W"
ip link set lo up
openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost \
  -keyout key.pem -out cert.pem > /dev/null 2>&1
redis-server --port 6379 --tls-port 6380 --tls-cert-file cert.pem --tls-key-file key.pem --tls-ca-cert-file cert.pem \
  --tls-auth-clients no --save '' --appendonly no > redis.log 2>&1 & R=$!
python3 https_fake.py cert.pem key.pem 443 > https.log 2>&1 & H=$!
python3 -m http.server 8080 --bind 127.0.0.1 > http.log 2>&1 & P=$!
sleep 1
{
echo "=== node 20 ioredis 5.11.1, rediss://127.0.0.1:6380 (self-signed), the app's handler prints the error bare"
REDIS_URL=rediss://:s3cret@127.0.0.1:6380 node app.js redis-tls
echo "=== node 20 node-redis 4.7.1, rediss://127.0.0.1:6380 (self-signed), printed bare"
REDIS_URL=rediss://127.0.0.1:6380 node app.js node-redis-tls
echo "=== node 20 ioredis 5.11.1, TLS to the plaintext port redis://127.0.0.1:6379, printed bare"
REDIS_URL=redis://127.0.0.1:6379 node app.js redis-plain
echo "=== node 20 ioredis 5.11.1 ready on redis://127.0.0.1:6379, then https.get and fetch to https://127.0.0.1/hook (self-signed)"
REDIS_URL=redis://127.0.0.1:6379 API_URL=https://127.0.0.1/hook node app.js https
echo "=== node 20 ioredis 5.11.1 ready on redis://127.0.0.1:6379, then https.get and fetch to https://127.0.0.1:8080/hook (plain HTTP)"
REDIS_URL=redis://127.0.0.1:6379 API_URL=https://127.0.0.1:8080/hook node app.js https-plain
echo "=== python 3.11 redis-py 8.2.0, rediss://127.0.0.1:6380 (self-signed), logging.exception"
REDIS_URL=rediss://127.0.0.1:6380 venv/bin/python app.py redis-tls
echo "=== python 3.11 redis-py 8.2.0 on redis://127.0.0.1:6379, then requests 2.32.3 to https://127.0.0.1/hook (self-signed), logging.exception"
REDIS_URL=redis://127.0.0.1:6379 API_URL=https://127.0.0.1/hook venv/bin/python app.py https
echo "=== ruby 3.1 redis-rb 4.8.0, rediss://127.0.0.1:6380 (self-signed), uncaught"
ruby -e 'require "redis"; Redis.new(url: "rediss://127.0.0.1:6380").ping'
echo "=== sidekiq 6.4.1 booting on rediss://127.0.0.1:6380 (self-signed)"
REDIS_URL=rediss://127.0.0.1:6380 timeout 10 sidekiq -r ./sidekiq_jobs.rb -c 1
echo "=== sidekiq 6.4.1 on redis://127.0.0.1:6379, a job calling https://127.0.0.1/hook (self-signed), then a job pinging rediss://127.0.0.1:6380"
REDIS_URL=redis://127.0.0.1:6379 ruby -r ./sidekiq_jobs.rb -e 'WebhookJob.perform_async("https://127.0.0.1/hook"); CacheJob.perform_async("rediss://127.0.0.1:6380")' 
REDIS_URL=redis://127.0.0.1:6379 timeout -s INT 8 sidekiq -r ./sidekiq_jobs.rb -c 1
} > "$OUT" 2>&1
kill $R $H $P
