#!/bin/sh
# More wordings of failure classes (issue 13, session 3, from the held-out public pastes): the same failures as
# printed by the JVM, PHP (phpredis, stream sockets), Python's asyncio, Ruby's socket, older client versions
# (redis-py 3.1-3.3, node_redis 2.4) and a Redis server that wants a client certificate. Debian 12, run as root:
#   W=/tmp/cls2 sh run_more.sh   -> writes samples/raw/classes/more-clients.log
# Needs: apt-get install default-jdk-headless php-cli php-redis ruby redis-server openssl ;
#        python3 -m venv $W/venv3 && $W/venv3/bin/pip install redis==3.3.11 ; (cd $W && npm install redis@2.4.2) ;
#        GO111MODULE=off go build -o $W/godial godial.go ; the files of this folder copied to $W. 10.0.4.8 is an address nothing answers (run_all.sh's rblack namespace).
set -u
OUT=${OUT:-$(cd "$(dirname "$0")/../../raw/classes" && pwd)}
cd "$W"
{
javac JavaSock.java && java JavaSock 127.0.0.1:6390 10.0.4.8:6379 nxdomain-s3.invalid:6379
php php_connect.php 127.0.0.1:6390 10.0.4.8:6379 nxdomain-s3.invalid:6379
echo "=== python asyncio 127.0.0.1:6390"
python3 -c "import asyncio; asyncio.run(asyncio.open_connection('127.0.0.1', 6390))" 2>&1 | tail -1
echo "=== python socket nxdomain-s3.invalid:6379"
python3 -c "import socket; socket.getaddrinfo('nxdomain-s3.invalid', 6379)" 2>&1 | tail -1
echo "=== ruby socket (Class: message, as loggers print it)"
for t in '"127.0.0.1", 6390' '"nxdomain-s3.invalid", 6379'; do
  ruby -rsocket -e "begin; TCPSocket.new($t); rescue => e; puts \"#{e.class}: #{e.message}\"; end"; done
echo "=== go net, a URL or a bare host given where host:port is expected (go-redis Options.Addr, redigo Dial)"
./godial "redis://red-d0cjkelq67qs70c2kvup:6379" "rediss://default:pw@red-d0cjkelq67qs70c2kvup:6379" "red-d0cjkelq67qs70c2kvup" ""
echo "=== node net, host and port given together as the host (ioredis/node-redis host option)"
node -e "require('net').connect({host: '127.0.0.1:6379', port: 6379}).on('error', e => console.log(String(e)))"
echo "=== redis-py 3.3.11 from_url('http://127.0.0.1:6379')"
$W/venv3/bin/python -c "import redis; redis.Redis.from_url('http://127.0.0.1:6379')" 2>&1 | tail -1
echo "=== node_redis 2.4.2 createClient('http://127.0.0.1:6379')"
node -e "require('redis').createClient('http://127.0.0.1:6379')" 2>&1 | grep -m2 -E '^Error|at Object.createClient'
# a TLS-only redis-server that requires client certificates, and clients that send none
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj /CN=s3ca 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout srv.key -out srv.csr -subj /CN=localhost 2>/dev/null
openssl x509 -req -in srv.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out srv.crt -days 2 2>/dev/null
redis-server --port 0 --tls-port 16491 --tls-cert-file srv.crt --tls-key-file srv.key --tls-ca-cert-file ca.crt \
  --tls-auth-clients yes --save '' --appendonly no > srv.log 2>&1 & S=$!
sleep 1
echo "=== python ssl, TLS 1.2 then 1.3, no client certificate, to redis-server --tls-auth-clients yes"
python3 - <<'PY'
import socket, ssl
for ver in (ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1_3):
    ctx = ssl.create_default_context(cafile="ca.crt"); ctx.maximum_version = ver
    try:
        s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", 16491)), server_hostname="localhost")
        s.sendall(b"PING\r\n"); s.recv(100)
    except Exception as e: print(type(e).__name__ + ":", e)
PY
echo "=== openssl s_client -tls1_2, no client certificate"
echo | timeout 5 openssl s_client -tls1_2 -connect 127.0.0.1:16491 -CAfile ca.crt 2>&1 | grep -m1 -i alert
kill $S; sleep 0.5
echo "=== redis-server's own log"
grep -m1 'peer did not return' srv.log
} > "$OUT/more-clients.log" 2>&1
