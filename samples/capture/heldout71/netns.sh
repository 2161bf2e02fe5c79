#!/bin/bash
# The h73-a network namespace of the heldout71 captures (run as root). Addresses on the namespace's loopback interface:
#   10.71.0.9   red-d6h71kv0q67qs70c2kvup        the Key Value: a fresh redis-server on 0.0.0.0:6379 per run
#   10.71.0.10  dpg-d6h71pg0q67qs70c2pgaa-a      PostgreSQL's host: nothing listens, the kernel answers RST (refused)
#               (also the master a demoted Key Value is pointed at: REPLICAOF it never reaches)
#   no resolver: any other name (an HTTP API's host) fails to resolve.
# `netns.sh up` makes it, `netns.sh down` removes it.
NS=h73-a
if [ "$1" = down ]; then ip netns del $NS; rm -rf /etc/netns/$NS; exit 0; fi
ip netns add $NS
ip -n $NS link set lo up
ip -n $NS addr add 10.71.0.9/24 dev lo
ip -n $NS addr add 10.71.0.10/24 dev lo
mkdir -p /etc/netns/$NS
printf '127.0.0.1 localhost\n10.71.0.9 red-d6h71kv0q67qs70c2kvup\n10.71.0.10 dpg-d6h71pg0q67qs70c2pgaa-a\n' > /etc/netns/$NS/hosts
printf 'nameserver 10.71.0.53\noptions timeout:1 attempts:1\n' > /etc/netns/$NS/resolv.conf
