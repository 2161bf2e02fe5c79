# redis-py on a unix socket (Redis(unix_socket_path=...)): one PING, nothing caught. Usage: unix_ping.py <socket path>
import sys

import redis

print(redis.Redis(unix_socket_path=sys.argv[1]).ping())
