#!/bin/sh
# Session 5 (issue 13, heldout5's classes): a Redis that refuses the client's certificate (mTLS with a certificate of
# another CA, and a self-signed one), as Go's crypto/tls, Python's ssl and Node's tls print it; and a Redis Cluster
# answering MOVED to clients that do not follow redirects (node-redis 4, ioredis 5 without Redis.Cluster, redis-cli
# without -c). Debian 12, redis-server 7.0, Go 1.19, Node 20, run as root on 127.0.0.1 only:
#   W=/tmp/h5cap sh run_s5.sh   -> writes samples/raw/classes/session5.log
# Needs: apt-get install redis-server openssl golang nodejs npm ; (cd $W && npm install ioredis@5 redis@4) ;
#        GO111MODULE=off go build -o $W/gotls gotls.go ; the files of this folder copied to $W.
set -u
OUT=${OUT:-$(cd "$(dirname "$0")/../../raw/classes" && pwd)}
cd "$W"
{
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj /CN=s5ca 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.crt -days 2 -subj /CN=s5other 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout srv.key -out srv.csr -subj /CN=localhost 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > san.ext
openssl x509 -req -in srv.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out srv.crt -days 2 -extfile san.ext 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout cli.key -out cli.csr -subj /CN=client 2>/dev/null
openssl x509 -req -in cli.csr -CA other.crt -CAkey other.key -CAcreateserial -out cli.crt -days 2 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout self.key -out self.crt -days 2 -subj /CN=selfclient 2>/dev/null
redis-server --port 0 --tls-port 16591 --tls-cert-file srv.crt --tls-key-file srv.key --tls-ca-cert-file ca.crt \
  --tls-auth-clients yes --save '' --appendonly no > srv.log 2>&1 & S=$!
sleep 1
for v in 1.3 1.2; do
  echo "=== go crypto/tls TLS $v, a client certificate of another CA"; ./gotls 127.0.0.1:16591 ca.crt cli.crt cli.key $v
  echo "=== go crypto/tls TLS $v, a self-signed client certificate"; ./gotls 127.0.0.1:16591 ca.crt self.crt self.key $v
done
echo "=== python ssl, a client certificate of another CA"
python3 - <<'PY'
import socket, ssl
ctx = ssl.create_default_context(cafile="ca.crt"); ctx.load_cert_chain("cli.crt", "cli.key")
try:
    s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", 16591)), server_hostname="localhost")
    s.sendall(b"PING\r\n"); s.recv(100)
except Exception as e: print(type(e).__name__ + ":", e)
PY
echo "=== node tls, a client certificate of another CA"
node -e "const fs=require('fs');const s=require('tls').connect({host:'127.0.0.1',port:16591,servername:'localhost',ca:fs.readFileSync('ca.crt'),cert:fs.readFileSync('cli.crt'),key:fs.readFileSync('cli.key')},()=>s.write('PING\r\n'));s.on('error',e=>console.log(String(e)+' code: '+e.code));s.on('data',()=>s.end())"
sleep 1; kill $S; sleep 0.5
echo "=== redis-server's own log"
grep -m2 -i 'error accepting' srv.log
# a three-master cluster, no replicas
for p in 17101 17102 17103; do
  mkdir -p c$p; (cd c$p && redis-server --port $p --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 2000 --save '' --appendonly no --daemonize yes --pidfile $W/c$p/pid --logfile $W/c$p/log)
done
sleep 1
redis-cli --cluster create 127.0.0.1:17101 127.0.0.1:17102 127.0.0.1:17103 --cluster-yes > /dev/null 2>&1
sleep 2
echo "=== redis-cli without -c"; redis-cli -p 17101 set foo bar
echo "=== node-redis 4 createClient against one cluster node"
node -e "const {createClient}=require('redis');(async()=>{const c=createClient({url:'redis://127.0.0.1:17101'});c.on('error',e=>console.log('Redis Client Error',e));await c.connect();try{await c.set('foo','bar')}catch(e){console.log(e)}await c.quit()})()"
echo "=== ioredis 5 new Redis() against one cluster node"
node -e "const Redis=require('ioredis');const r=new Redis(17101);r.set('foo','bar').catch(e=>console.log(e)).finally(()=>r.quit())"
echo "=== a master stopped: CLUSTERDOWN to redis-cli -c (ioredis' Redis.Cluster printed nothing in 20 s: it retries the command)"
kill "$(cat c17103/pid)"; sleep 4
redis-cli -p 17101 -c get foo
for p in 17101 17102; do kill "$(cat c$p/pid)"; done; sleep 0.5
} > "$OUT/session5.log" 2>&1
