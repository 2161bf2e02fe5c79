#!/bin/bash
# The b9 network namespace of the heldout9 captures (run as root): nothing else on the machine shares its ports.
#   10.0.9.9   red-d2b9kv0q67qs70c2kvup  the Key Value: redis-server listens on 0.0.0.0:6379 in b9 (a "remote" address)
#   10.0.9.10  red-d2b9rf0q67qs70c2rfsd  nothing listens: the kernel answers RST (connection refused);
#              also dpg-d2b9pg0q67qs70c2pgaa-a, the PostgreSQL host of the mixed scenarios (5432 refused)
#   10.0.8.8   red-d2b9bh0q67qs70c2bhol  behind a veth pair whose far end has no address: SYNs vanish (a black hole, connect times out)
#   any other name: NXDOMAIN from ns_dns.py (SERVFAIL for *.sendgrid.net)
# `netns.sh up` makes it, `netns.sh down` removes it.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "$1" = down ]; then
  [ -f /tmp/b9-dns.pid ] && kill "$(cat /tmp/b9-dns.pid)" 2>/dev/null || true
  ip netns del b9 2>/dev/null || true; rm -rf /etc/netns/b9; exit 0
fi
ip netns add b9
ip netns exec b9 ip link set lo up
ip netns exec b9 ip addr add 10.0.9.9/32 dev lo
ip netns exec b9 ip addr add 10.0.9.10/32 dev lo
ip netns exec b9 ip link add v9a type veth peer name v9b   # far end up, no address: ARP for 10.0.8.8 goes unanswered
ip netns exec b9 ip addr add 10.0.8.1/24 dev v9a
ip netns exec b9 ip link set v9a up
ip netns exec b9 ip link set v9b up
mkdir -p /etc/netns/b9
cat > /etc/netns/b9/hosts <<H
127.0.0.1 localhost
10.0.9.9 red-d2b9kv0q67qs70c2kvup
10.0.9.10 red-d2b9rf0q67qs70c2rfsd
10.0.9.10 dpg-d2b9pg0q67qs70c2pgaa-a
10.0.8.8 red-d2b9bh0q67qs70c2bhol
H
echo "nameserver 127.0.0.53" > /etc/netns/b9/resolv.conf
ip netns exec b9 python3 "$HERE/ns_dns.py" & echo $! > /tmp/b9-dns.pid
