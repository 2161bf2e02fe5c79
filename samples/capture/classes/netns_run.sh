#!/bin/sh
# run inside: unshare -n -m
W=${W:?set W to the work directory holding venv/, node_modules/, godial and musl_gai (see run.sh)}
set -u
ip link set lo up
ip route add unreachable 10.8.0.0/16                                            # EHOSTUNREACH
echo "nameserver 127.0.0.1" > $W/resolv.conf; mount --bind $W/resolv.conf /etc/resolv.conf
python3 $W/dns.py & DNS=$!
sleep 0.5
for target in "10.8.0.5 6379" "10.7.0.5 6379" "servfail.example 6379" "nxdomain.example 6379" "nodata.example 6379" "127.0.0.1 6390"; do
  set -- $target
  echo "=== $1:$2"
  echo "--- redis-py";   $W/venv/bin/python $W/py_client.py $1 $2 2>&1 | tail -1
  echo "--- redis-py traceback first exc"; $W/venv/bin/python $W/py_client.py $1 $2 2>&1 | grep -m1 -E "^[A-Za-z_.]+(Error|Exception|error)"
  echo "--- redis.asyncio"; $W/venv/bin/python $W/py_async.py $1 $2 2>&1 | grep -E "^[A-Za-z_.]+(Error|Exception|error)"
  echo "--- ioredis";  (cd $W && timeout 8 node ioredis_client.js $1 $2 2>&1 | head -3)
  echo "--- node-redis"; (cd $W && timeout 8 node noderedis_client.js $1 $2 2>&1 | head -4)
  echo "--- go"; GODEBUG=netdns=go $W/godial $1:$2
  echo "--- go cgo"; GODEBUG=netdns=cgo $W/godial $1:$2
  echo "--- musl"; $W/musl_gai $1
done
kill $DNS
