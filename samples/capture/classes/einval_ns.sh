#!/bin/sh
# Run by run_held.sh inside `unshare -n`: one veth pair up (a link-local route exists, no address, no default
# route), then every client dials [fe80::1]:6379, a link-local address without its interface: connect() -> EINVAL.
set -u
cd "$W"
ip link set lo up; ip link add v0 type veth peer name v1; ip link set v0 up; ip link set v1 up; sleep 2
$W/venv/bin/python url_as_host.py fe80::1 2>&1
php url_as_host.php fe80::1 2>&1
node url_as_host.js fe80::1 2>&1
java JavaHost fe80::1 2>&1
echo "--- redis-rb Redis.new(host: 'fe80::1').ping"
ruby -rredis -e "begin; Redis.new(host: 'fe80::1', connect_timeout: 1.5, reconnect_attempts: 0).ping; rescue => e; puts \"#{e.class}: #{e.message}\"; end" 2>&1
echo "--- go-redis v5, REDIS_URL=redis://[fe80::1]:6379"
REDIS_URL='redis://[fe80::1]:6379' REDIS_PINGS=1 ./goredis 2>&1
