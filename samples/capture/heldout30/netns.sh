#!/bin/bash
# The b30 network namespace of the heldout30 captures (run as root): heldout12's netns.sh with this batch's names and
# addresses, so that no two batches share a host name (run from heldout12's folder: its ns_dns.py path holds), plus
# `::1 localhost` in the namespace's hosts file, as in a container's: a client left on its default `localhost` then
# tries both loopback addresses (Node's AggregateError).
#   10.0.130.9    red-d3h30kv0q67qs70c2kvup  the Key Value: redis-server on 0.0.0.0:6379 in b30 (a "remote" address)
#   10.0.130.10   red-d3h30rf0q67qs70c2rfsd  nothing listens: the kernel answers RST (connection refused);
#                 also dpg-d3h30pg0q67qs70c2pgaa-a, the PostgreSQL host of the mixed scenarios (5432 refused)
#   10.0.131.8    red-d3h30bh0q67qs70c2bhol  behind a veth pair whose far end has no address (a black hole)
#   any other name: NXDOMAIN from ../heldout9/ns_dns.py (SERVFAIL for *.sendgrid.net)
# `netns.sh up` makes it, `netns.sh down` removes it.
cd "$(dirname "$0")/../heldout12" || exit 1
sed -e 's/b12/b30/g; s/10\.0\.12\./10.0.130./g; s/10\.0\.13\./10.0.131./g; s/d4h12/d3h30/g; s/v12\([ab]\)/v30\1/g' netns.sh | bash -s -- "$@" || exit 1
[ "$1" = down ] || echo "::1 localhost ip6-localhost" >> /etc/netns/b30/hosts
