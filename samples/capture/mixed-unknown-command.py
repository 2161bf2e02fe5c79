# An app sends a command the server does not know: redis-py raises ResponseError (no rule names it).
import redis
r = redis.Redis.from_url("redis://127.0.0.1:6390/0")
print("PING ->", r.ping())
r.execute_command("JSON.GET", "session:42")
