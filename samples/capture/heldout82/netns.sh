#!/bin/bash
# The h84b network namespace of the heldout82 captures (run as root): heldout12's netns.sh with this batch's names and
# addresses, plus the short host names apps under process managers use (docker-compose or /etc/hosts style):
#   10.84.0.9    redis, red-d9h84kv0q67qs70c2kvup   the Key Value: redis-server on 0.0.0.0:6379 in h84b
#   10.84.0.10   postgres, billing-api              nothing listens: the kernel answers RST (connection refused);
#                also red-d9h84rf0q67qs70c2rfsd and dpg-d9h84pg0q67qs70c2pgaa-a
#   10.84.1.8    red-d9h84bh0q67qs70c2bhol          behind a veth pair whose far end has no address
#   any other name: NXDOMAIN from ../heldout9/ns_dns.py (api.stripe.com, reddis)
# `netns.sh up` makes it, `netns.sh down` removes it.
cd "$(dirname "$0")/../heldout12" || exit 1
sed -e 's/b12/h84b/g; s/10\.0\.12\./10.84.0./g; s/10\.0\.13\./10.84.1./g; s/d4h12/d9h84/g; s/v12\([ab]\)/v84\1/g' netns.sh | bash -s -- "$@" || exit 1
if [ "$1" != down ]; then
  printf '10.84.0.9 redis\n10.84.0.10 postgres\n10.84.0.10 billing-api\n' >> /etc/netns/h84b/hosts
fi
