#!/bin/bash
# The b64 network namespace of the heldout64 captures (run as root): heldout12's netns.sh with this batch's names and
# addresses (as heldout59's), plus a host whose packets vanish without an answer (a true timeout, not EHOSTUNREACH):
#   10.64.0.9    red-d5h64kv0q67qs70c2kvup  the Key Value: redis-server on 0.0.0.0:6379 in b64 (a "remote" address)
#   10.64.0.10   red-d5h64rf0q67qs70c2rfsd  nothing listens: the kernel answers RST (connection refused);
#                also dpg-d5h64pg0q67qs70c2pgaa-a, the PostgreSQL host of the mixed scenarios (5432 refused)
#   10.64.1.8    red-d5h64bh0q67qs70c2bhol  behind a veth pair whose far end has no address (EHOSTUNREACH after ARP)
#   10.64.1.9    red-d5h64dr0q67qs70c2drop  a permanent neighbour entry to a MAC nobody has: SYNs leave, nothing comes
#                back (connect timeouts); also api.shipengine.com, the HTTP API of the mixed-pglocal scenario
#   any other name: NXDOMAIN from ../heldout9/ns_dns.py (SERVFAIL for *.sendgrid.net)
# `netns.sh up` makes it, `netns.sh down` removes it.
cd "$(dirname "$0")/../heldout12" || exit 1
sed -e 's/b12/b64/g; s/10\.0\.12\./10.64.0./g; s/10\.0\.13\./10.64.1./g; s/d4h12/d5h64/g; s/v12\([ab]\)/v64\1/g' netns.sh | bash -s -- "$@" || exit 1
if [ "$1" != down ]; then
  ip netns exec b64 ip neigh replace 10.64.1.9 lladdr 02:00:00:64:01:09 dev v64a nud permanent
  printf '10.64.1.9 red-d5h64dr0q67qs70c2drop\n10.64.1.9 api.shipengine.com\n' >> /etc/netns/b64/hosts
fi
