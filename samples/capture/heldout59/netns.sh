#!/bin/bash
# The b59 network namespace of the heldout59 captures (run as root): heldout12's netns.sh with this batch's names and
# addresses, so that no two batches share a host name (run from heldout12's folder: its ns_dns.py path holds).
#   10.59.0.9    red-d5h59kv0q67qs70c2kvup  the Key Value: redis-server on 0.0.0.0:6379 in b59 (a "remote" address)
#   10.59.0.10   red-d5h59rf0q67qs70c2rfsd  nothing listens: the kernel answers RST (connection refused);
#                also dpg-d5h59pg0q67qs70c2pgaa-a, the PostgreSQL host of the mixed scenarios (5432 refused)
#   10.59.1.8    red-d5h59bh0q67qs70c2bhol  behind a veth pair whose far end has no address (a black hole)
#   any other name: NXDOMAIN from ../heldout9/ns_dns.py (SERVFAIL for *.sendgrid.net)
# `netns.sh up` makes it, `netns.sh down` removes it.
cd "$(dirname "$0")/../heldout12" || exit 1
sed -e 's/b12/b59/g; s/10\.0\.12\./10.59.0./g; s/10\.0\.13\./10.59.1./g; s/d4h12/d5h59/g; s/v12\([ab]\)/v59\1/g' netns.sh | bash -s -- "$@"
