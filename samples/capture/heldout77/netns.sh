#!/bin/bash
# The b77 network namespace of the heldout77 captures (run as root): heldout12's netns.sh with this batch's names and
# addresses (as heldout67's), plus heldout64's host whose packets vanish without an answer:
#   10.77.0.9    red-d8h77kv0q67qs70c2kvup  the Key Value: redis-server on 0.0.0.0:6379 in b77 (a "remote" address)
#   10.77.0.10   red-d8h77rf0q67qs70c2rfsd  nothing listens: the kernel answers RST (connection refused);
#                also dpg-d8h77pg0q67qs70c2pgaa-a, the PostgreSQL host of the mixed scenarios (5432 refused)
#   10.77.1.8    red-d8h77bh0q67qs70c2bhol  behind a veth pair whose far end has no address (EHOSTUNREACH after ARP)
#   10.77.1.9    red-d8h77dr0q67qs70c2drop  a permanent neighbour entry to a MAC nobody has: SYNs leave, nothing comes
#                back (the blackholed remote address: connect timeouts); also api.shipengine.com
#   any other name: NXDOMAIN from ../heldout9/ns_dns.py (api.stripe.com, red-d8h77nx0q67qs70c2nxdm)
# `netns.sh up` makes it, `netns.sh down` removes it.
cd "$(dirname "$0")/../heldout12" || exit 1
sed -e 's/b12/b77/g; s/10\.0\.12\./10.77.0./g; s/10\.0\.13\./10.77.1./g; s/d4h12/d8h77/g; s/v12\([ab]\)/v77\1/g' netns.sh | bash -s -- "$@" || exit 1
if [ "$1" != down ]; then
  ip netns exec b77 ip neigh replace 10.77.1.9 lladdr 02:00:00:77:01:09 dev v77a nud permanent
  printf '10.77.1.9 red-d8h77dr0q67qs70c2drop\n10.77.1.9 api.shipengine.com\n' >> /etc/netns/b77/hosts
fi
