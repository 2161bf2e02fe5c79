#!/bin/sh
# Wordings of failure classes (rules/classes/): real output of real clients, Debian 12, run as root.
#   W=/tmp/cls sh run.sh     -> writes samples/raw/classes/*.log
# Needs: python3 -m venv $W/venv && $W/venv/bin/pip install redis==8.2.0 ; (cd $W && npm install ioredis@5 redis@5) ;
#        apt-get install musl-tools golang-go openssl ; musl-gcc -static -o $W/musl_gai musl_gai.c ;
#        GO111MODULE=off go build -o $W/godial godial.go ; the scripts of this folder copied to $W.
set -u
OUT=${OUT:-$(cd "$(dirname "$0")/../../raw/classes" && pwd)}  # run from this folder, or give OUT
cd "$W"
# DNS answers (NXDOMAIN, NODATA, SERVFAIL), no route and no network, in a network namespace with its own resolv.conf
W=$W unshare -n -m sh ./netns_run.sh > "$OUT/netns-dns-unreachable.log" 2>&1
# whole redis-py tracebacks, ending on the bare OS error before redis-py's own message
W=$W unshare -n -m sh -c 'ip link set lo up; ip route add unreachable 10.8.0.0/16;
  $W/venv/bin/python $W/py_client.py 127.0.0.1 6390; $W/venv/bin/python $W/py_client.py 10.8.0.5 6379' > "$OUT/redis-py-tracebacks.log" 2>&1
$W/venv/bin/python py_client.py red-d0cjkelq67qs70c2nxdm 6379 >> "$OUT/redis-py-tracebacks.log" 2>&1
$W/venv/bin/python -c "import redis; redis.Redis.from_url('redis://red-abc:abc').ping()" >> "$OUT/redis-py-tracebacks.log" 2>&1
# URLs the clients reject or misread
for u in "redis://red-abc:abc" "redis//red-abc:6379" "http://red-abc:6379" "redis:/red-abc:6379" "red-abc:6379" "redis://red-abc:99999" "/var/run/redis.sock"; do
  echo "=== $u"; echo "--- redis-py"; $W/venv/bin/python py_url.py "$u" 2>&1 | tail -1
  echo "--- ioredis"; timeout 5 node ioredis_url.js "$u" 2>&1 | head -2
  echo "--- node-redis"; timeout 5 node noderedis_url.js "$u" 2>&1 | head -2
done > "$OUT/url-errors.log"
# TLS: a self-signed server, a server that wants a client certificate, a plaintext server that answers
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 2 -subj "/CN=localhost" 2>/dev/null
openssl s_server -accept 16400 -cert cert.pem -key key.pem -quiet >/dev/null 2>&1 & S1=$!
openssl s_server -accept 16401 -cert cert.pem -key key.pem -Verify 1 -CAfile cert.pem -quiet >/dev/null 2>&1 & S2=$!
python3 -c "
import socket
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR,1); s.bind(('127.0.0.1',16402)); s.listen(5)
while True:
    c,_=s.accept(); c.recv(1000); c.sendall(b'-ERR unknown command\r\n'); c.close()
" & S3=$!
sleep 1
{ echo "--- redis-py self-signed"; $W/venv/bin/python py_url.py "rediss://localhost:16400" 2>&1 | tail -1
  echo "--- redis-py plaintext"; $W/venv/bin/python py_url.py "rediss://localhost:16402" 2>&1 | tail -1
  echo "--- redis-py client certificate required"; $W/venv/bin/python py_url.py "rediss://localhost:16401?ssl_cert_reqs=none" 2>&1 | tail -1
  echo "--- go"; ./godial tls:127.0.0.1:16400 tls:127.0.0.1:16402
  echo "--- openssl s_client plaintext"; echo | timeout 5 openssl s_client -connect 127.0.0.1:16402 2>&1 | grep -i error | head -1
  for a in "localhost 16400" "localhost 16402" "127.0.0.1 16400 ca"; do echo "--- ioredis $a"; timeout 6 node ioredis_tls.js $a 2>&1 | head -1; done
} > "$OUT/tls-errors.log" 2>&1
kill $S1 $S2 $S3
