#!/bin/bash
# The b42 network namespace of the heldout42 captures (run as root): heldout12's netns.sh with this batch's names and
# addresses, so that no two batches share a host name (run from heldout12's folder: its ns_dns.py path holds).
#   10.0.142.9    red-d2h42kv0q67qs70c2kvup  the Key Value: redis-server on 0.0.0.0:6379 in b42 (a "remote" address)
#   10.0.142.10   red-d2h42rf0q67qs70c2rfsd  nothing listens: the kernel answers RST (connection refused);
#                 also dpg-d2h42pg0q67qs70c2pgaa-a, the PostgreSQL host of the mixed scenarios (5432 refused)
#   10.0.143.8    red-d2h42bh0q67qs70c2bhol  behind a veth pair whose far end has no address (a black hole)
#   any other name: NXDOMAIN from ../heldout9/ns_dns.py (SERVFAIL for *.sendgrid.net)
# `netns.sh up` makes it, `netns.sh down` removes it.
cd "$(dirname "$0")/../heldout12" || exit 1
sed -e 's/b12/b42/g; s/10\.0\.12\./10.0.142./g; s/10\.0\.13\./10.0.143./g; s/d4h12/d2h42/g; s/v12\([ab]\)/v42\1/g' netns.sh | bash -s -- "$@"
