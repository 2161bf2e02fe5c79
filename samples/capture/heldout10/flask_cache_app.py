"""Flask 3 + Flask-Caching 2 (RedisCache from CACHE_REDIS_URL): the development server in a thread, the app
requesting itself; Flask logs a view's exception, werkzeug each request."""
import os, threading, time
from flask import Flask
from flask_caching import Cache
from deps import touch_deps

app = Flask(__name__)
cache = Cache(app, config={"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": os.environ.get("REDIS_URL", "redis://localhost:6379/0")})

@app.get("/products/<int:n>")
def product(n):
    touch_deps()
    hit = cache.get(f"product:{n}")
    if hit is None:
        cache.set(f"product:{n}", f"product {n}", timeout=60)
    return {"product": n, "cached": hit is not None}

if __name__ == "__main__":
    threading.Thread(target=lambda: app.run(host="127.0.0.1", port=10000), daemon=True).start()
    time.sleep(1)
    import requests
    for i in range(1, int(os.environ.get("ROUNDS", 12)) + 1):
        requests.get(f"http://127.0.0.1:10000/products/{i % 4}", timeout=20)
        time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
