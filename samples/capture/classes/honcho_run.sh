#!/bin/sh
# inside `unshare -n`: loopback, and a veth pair whose far end has no address, routed for 10.9.0.0/24: a connect
# there gets no answer (its ARP goes unanswered), so the client's own connect timeout fires first
ip link set lo up
ip link add v0 type veth peer name v1 && ip addr add 10.9.0.1/24 dev v0 && ip link set v0 up && ip link set v1 up
cd "$W"
for p in worker py; do "$W/venv/bin/honcho" -f honcho.Procfile start "$p"; done
