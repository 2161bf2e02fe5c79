# Session 12 (lead): redis-py given a setting it does not take, as an app does with a plain URL: the TLS option
# ssl_cert_reqs (Heroku's advice for rediss://) kept when the URL is redis://. Nothing caught: Python prints the
# traceback. No server is needed: the connection is never made.
import redis

r = redis.from_url("redis://127.0.0.1:6379/0", ssl_cert_reqs="none")
r.ping()
