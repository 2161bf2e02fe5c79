#!/bin/bash
# The b12 network namespace of the heldout12 captures (run as root): nothing else on the machine shares its ports
# (heldout9's netns.sh, other names and addresses, so the two batches share no host name).
#   10.0.12.9   red-d4h12kv0q67qs70c2kvup  the Key Value: redis-server on 0.0.0.0:6379 in b12 (a "remote" address)
#   10.0.12.10  red-d4h12rf0q67qs70c2rfsd  nothing listens: the kernel answers RST (connection refused);
#               also dpg-d4h12pg0q67qs70c2pgaa-a, the PostgreSQL host of the mixed scenarios (5432 refused)
#   10.0.13.8   red-d4h12bh0q67qs70c2bhol  behind a veth pair whose far end has no address: SYNs vanish (a black hole)
#   any other name: NXDOMAIN from ../heldout9/ns_dns.py (SERVFAIL for *.sendgrid.net)
# `netns.sh up` makes it, `netns.sh down` removes it.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "$1" = down ]; then
  [ -f /tmp/b12-dns.pid ] && kill "$(cat /tmp/b12-dns.pid)" 2>/dev/null || true
  ip netns del b12 2>/dev/null || true; rm -rf /etc/netns/b12; exit 0
fi
ip netns add b12
ip netns exec b12 ip link set lo up
ip netns exec b12 ip addr add 10.0.12.9/32 dev lo
ip netns exec b12 ip addr add 10.0.12.10/32 dev lo
ip netns exec b12 ip link add v12a type veth peer name v12b
ip netns exec b12 ip addr add 10.0.13.1/24 dev v12a
ip netns exec b12 ip link set v12a up
ip netns exec b12 ip link set v12b up
mkdir -p /etc/netns/b12
cat > /etc/netns/b12/hosts <<H
127.0.0.1 localhost
10.0.12.9 red-d4h12kv0q67qs70c2kvup
10.0.12.10 red-d4h12rf0q67qs70c2rfsd
10.0.12.10 dpg-d4h12pg0q67qs70c2pgaa-a
10.0.13.8 red-d4h12bh0q67qs70c2bhol
H
echo "nameserver 127.0.0.53" > /etc/netns/b12/resolv.conf
ip netns exec b12 python3 "$HERE/../heldout9/ns_dns.py" & echo $! > /tmp/b12-dns.pid
