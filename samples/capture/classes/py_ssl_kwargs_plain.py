# redis-py given Heroku's TLS option with a plain redis:// URL (nothing needs to listen: the error comes first)
import logging, redis
logging.basicConfig(format="[%(asctime)s: %(levelname)s/%(processName)s] %(message)s", level=logging.INFO)
try:
    redis.Redis.from_url("redis://127.0.0.1:6379/0", ssl_cert_reqs="none").ping()
except Exception as exc:
    logging.error("Task tasks.refresh raised unexpected: %r", exc)
