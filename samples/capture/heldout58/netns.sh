#!/bin/bash
# The h62 network namespace of the heldout58 captures (run as root): heldout12's netns.sh with this batch's names and
# addresses (heldout47's way), so that no two batches share a host name (run from heldout12's folder: its ns_dns.py
# path holds).
#   10.0.162.9    cache01.h62.lan  redis-server on 0.0.0.0:6379 in h62 (a "remote" address)
#   10.0.162.10   cache02.h62.lan  nothing listens: the kernel answers RST (connection refused);
#                 also db01.h62.lan, the PostgreSQL host of the mixed scenarios (5432 refused)
#   10.0.226.8    cache03.h62.lan  behind a veth pair whose far end has no address (a black hole)
# The names are an office LAN's, not a Render Key Value's: this population's users run their own servers.
#   any other name: NXDOMAIN from ../heldout9/ns_dns.py
# `netns.sh up` makes it, `netns.sh down` removes it.
cd "$(dirname "$0")/../heldout12" || exit 1
sed -e 's/b12/h62/g; s/10\.0\.12\./10.0.162./g; s/10\.0\.13\./10.0.226./g; s/red-d4h12kv0q67qs70c2kvup/cache01.h62.lan/; s/red-d4h12rf0q67qs70c2rfsd/cache02.h62.lan/; s/red-d4h12bh0q67qs70c2bhol/cache03.h62.lan/; s/dpg-d4h12pg0q67qs70c2pgaa-a/db01.h62.lan/; s/v12\([ab]\)/v62\1/g' netns.sh | bash -s -- "$@"
