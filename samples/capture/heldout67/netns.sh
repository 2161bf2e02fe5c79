#!/bin/bash
# The b67 network namespace of the heldout67 captures (run as root): heldout12's netns.sh with this batch's names and
# addresses (as heldout64's), plus heldout64's host whose packets vanish without an answer:
#   10.67.0.9    red-d5h67kv0q67qs70c2kvup  the Key Value: redis-server on 0.0.0.0:6379 in b67 (a "remote" address)
#   10.67.0.10   red-d5h67rf0q67qs70c2rfsd  nothing listens: the kernel answers RST (connection refused);
#                also dpg-d5h67pg0q67qs70c2pgaa-a, the PostgreSQL host of the mixed scenarios (5432 refused)
#   10.67.1.8    red-d5h67bh0q67qs70c2bhol  behind a veth pair whose far end has no address (EHOSTUNREACH after ARP)
#   10.67.1.9    red-d5h67dr0q67qs70c2drop  a permanent neighbour entry to a MAC nobody has: SYNs leave, nothing comes
#                back (the blackholed remote address: connect timeouts); also api.shipengine.com, the HTTP API of
#                the mixed-pglocal scenario
#   any other name: NXDOMAIN from ../heldout9/ns_dns.py (the HTTP API host of the mixed scenarios, api.stripe.com)
# `netns.sh up` makes it, `netns.sh down` removes it.
cd "$(dirname "$0")/../heldout12" || exit 1
sed -e 's/b12/b67/g; s/10\.0\.12\./10.67.0./g; s/10\.0\.13\./10.67.1./g; s/d4h12/d5h67/g; s/v12\([ab]\)/v67\1/g' netns.sh | bash -s -- "$@" || exit 1
if [ "$1" != down ]; then
  ip netns exec b67 ip neigh replace 10.67.1.9 lladdr 02:00:00:67:01:09 dev v67a nud permanent
  printf '10.67.1.9 red-d5h67dr0q67qs70c2drop\n10.67.1.9 api.shipengine.com\n' >> /etc/netns/b67/hosts
fi
