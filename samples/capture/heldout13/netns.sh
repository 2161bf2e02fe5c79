#!/bin/bash
# The b13 network namespace of the heldout13 captures (run as root): nothing else on the machine shares its ports
# (heldout9's netns.sh, other names and addresses, so the two batches share no host name).
#   10.0.31.9   red-d5h13kv0q67qs70c2kvup  the Key Value: redis-server on 0.0.0.0:6379 in b13 (a "remote" address)
#   10.0.31.10  red-d5h13rf0q67qs70c2rfsd  nothing listens: the kernel answers RST (connection refused);
#               also dpg-d5h13pg0q67qs70c2pgaa-a, the PostgreSQL host of the mixed scenarios (5432 refused)
#   10.0.32.8   red-d5h13bh0q67qs70c2bhol  behind a veth pair whose far end has no address: SYNs vanish (a black hole)
#   any other name: NXDOMAIN from ../heldout9/ns_dns.py (SERVFAIL for *.sendgrid.net)
# `netns.sh up` makes it, `netns.sh down` removes it.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "$1" = down ]; then
  [ -f /tmp/b13-dns.pid ] && kill "$(cat /tmp/b13-dns.pid)" 2>/dev/null || true
  ip netns del b13 2>/dev/null || true; rm -rf /etc/netns/b13; exit 0
fi
ip netns add b13
ip netns exec b13 ip link set lo up
ip netns exec b13 ip addr add 10.0.31.9/32 dev lo
ip netns exec b13 ip addr add 10.0.31.10/32 dev lo
ip netns exec b13 ip link add v13a type veth peer name v13b
ip netns exec b13 ip addr add 10.0.32.1/24 dev v13a
ip netns exec b13 ip link set v13a up
ip netns exec b13 ip link set v13b up
mkdir -p /etc/netns/b13
cat > /etc/netns/b13/hosts <<H
127.0.0.1 localhost
10.0.31.9 red-d5h13kv0q67qs70c2kvup
10.0.31.10 red-d5h13rf0q67qs70c2rfsd
10.0.31.10 dpg-d5h13pg0q67qs70c2pgaa-a
10.0.32.8 red-d5h13bh0q67qs70c2bhol
H
echo "nameserver 127.0.0.53" > /etc/netns/b13/resolv.conf
ip netns exec b13 python3 "$HERE/../heldout9/ns_dns.py" & echo $! > /tmp/b13-dns.pid
