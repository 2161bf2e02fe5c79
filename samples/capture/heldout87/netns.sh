#!/bin/bash
# The h89n network namespace of the heldout87 captures (run as root; heldout12's netns.sh with this batch's names):
#   10.189.0.9    redis, cache          redis-server on 0.0.0.0:6379 (TLS-only on 6379 in the tls scenario)
#   10.189.0.10   postgres, billing-api nothing listens: the kernel answers RST (connection refused)
#   10.189.1.8    (no name)             behind a veth pair, a permanent neighbour entry to a MAC nobody has: SYNs
#                                       leave and nothing answers (a black hole: the client's connect times out)
#   10.189.1.9    kv                    a second namespace (h89s) across the veth: redis-server there; the
#                                       partition scenario points h89n's neighbour entry for it at the same
#                                       dead MAC mid-run (`part`), then deletes it (`heal`): a network partition
#   any other name: NXDOMAIN from ../heldout9/ns_dns.py (api.stripe.com)
# `netns.sh up` makes it, `netns.sh down` removes it.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
NS=h89n
if [ "$1" = down ]; then
  [ -f /tmp/h89/dns.pid ] && kill "$(cat /tmp/h89/dns.pid)" 2>/dev/null || true
  ip netns del $NS 2>/dev/null || true; ip netns del h89s 2>/dev/null || true; rm -rf /etc/netns/$NS; exit 0
fi
ip netns add $NS
ip netns exec $NS ip link set lo up
ip netns exec $NS ip addr add 10.189.0.9/32 dev lo
ip netns exec $NS ip addr add 10.189.0.10/32 dev lo
ip netns exec $NS ip link add v89a type veth peer name v89b
ip netns exec $NS ip addr add 10.189.1.1/24 dev v89a
ip netns exec $NS ip link set v89a up
ip netns add h89s
ip netns exec $NS ip link set v89b netns h89s
ip netns exec h89s ip link set lo up
ip netns exec h89s ip addr add 10.189.1.9/24 dev v89b
ip netns exec h89s ip link set v89b up
ip netns exec $NS ip neigh add 10.189.1.8 lladdr 02:00:5e:89:01:08 dev v89a nud permanent
mkdir -p /etc/netns/$NS
cat > /etc/netns/$NS/hosts <<H
127.0.0.1 localhost
10.189.0.9 redis
10.189.0.9 cache
10.189.0.10 postgres
10.189.0.10 billing-api
10.189.1.9 kv
H
echo "nameserver 127.0.0.53" > /etc/netns/$NS/resolv.conf
mkdir -p /tmp/h89
ip netns exec $NS python3 "$HERE/../heldout9/ns_dns.py" > /dev/null 2>&1 & echo $! > /tmp/h89/dns.pid
