#!/bin/bash
# The two network namespaces of the heldout75 captures (run as root): the app's host and the Key Value's host, joined
# by a veth pair, so that the path between them can be broken (tc netem, iptables) without touching the app.
#   h77-app   10.75.0.2   the apps (the driver runs here)
#   h77-kv    10.75.0.9   red-d6h75kv0q67qs70c2kvtq      the Key Value: a fresh redis-server 7.0 per run
#             10.75.0.10  dpg-d6h75pg0q67qs70c2pgbb-a    PostgreSQL's host: nothing listens, the kernel answers RST
#             10.75.0.53  the resolver (dns_nx.py): NXDOMAIN for every name (an HTTP API's, a mistyped host)
# /etc/netns/h77-app/hosts names the two hosts; resolv.conf points at 10.75.0.53. `netns.sh up` / `netns.sh down`.
if [ "$1" = down ]; then ip netns del h77-app; ip netns del h77-kv; rm -rf /etc/netns/h77-app; exit 0; fi
ip netns add h77-app
ip netns add h77-kv
ip link add va type veth peer name vk
ip link set va netns h77-app
ip link set vk netns h77-kv
ip -n h77-app link set lo up
ip -n h77-kv link set lo up
ip -n h77-app addr add 10.75.0.2/24 dev va
ip -n h77-kv addr add 10.75.0.9/24 dev vk
ip -n h77-kv addr add 10.75.0.10/24 dev vk
ip -n h77-kv addr add 10.75.0.53/24 dev vk
ip -n h77-app link set va up
ip -n h77-kv link set vk up
mkdir -p /etc/netns/h77-app
printf '127.0.0.1 localhost\n10.75.0.9 red-d6h75kv0q67qs70c2kvtq\n10.75.0.10 dpg-d6h75pg0q67qs70c2pgbb-a\n' > /etc/netns/h77-app/hosts
printf 'nameserver 10.75.0.53\noptions timeout:1 attempts:2\n' > /etc/netns/h77-app/resolv.conf
