#!/bin/bash
# The b27 network namespace of the heldout27 captures (run as root): heldout12's netns.sh with this batch's names and
# addresses, so that no two batches share a host name (run from heldout12's folder: its ns_dns.py path holds).
#   10.0.27.9    red-d9h27kv0q67qs70c2kvup  the Key Value: redis-server on 0.0.0.0:6379 in b27 (a "remote" address)
#   10.0.27.10   red-d9h27rf0q67qs70c2rfsd  nothing listens: the kernel answers RST (connection refused);
#                also dpg-d9h27pg0q67qs70c2pgaa-a, the PostgreSQL host of the mixed scenarios (5432 refused)
#   10.0.28.8    red-d9h27bh0q67qs70c2bhol  behind a veth pair whose far end has no address (a black hole)
#   any other name: NXDOMAIN from ../heldout9/ns_dns.py (SERVFAIL for *.sendgrid.net)
# `netns.sh up` makes it, `netns.sh down` removes it.
cd "$(dirname "$0")/../heldout12" || exit 1
sed -e 's/b12/b27/g; s/10\.0\.12\./10.0.27./g; s/10\.0\.13\./10.0.28./g; s/d4h12/d9h27/g; s/v12\([ab]\)/v27\1/g' netns.sh | bash -s -- "$@"
