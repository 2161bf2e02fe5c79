"""Flask 3 + Flask-Limiter 4 (limits on Redis through storage_uri): the development server in a thread, the app
requesting itself."""
import os, threading, time
from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from deps import touch_deps

app = Flask(__name__)
limiter = Limiter(get_remote_address, app=app, storage_uri=os.environ.get("REDIS_URL", "redis://localhost:6379"),
                  default_limits=["100 per minute"])

@app.post("/api/login")
def login():
    touch_deps()
    return {"ok": True}

if __name__ == "__main__":
    threading.Thread(target=lambda: app.run(host="127.0.0.1", port=10000), daemon=True).start()
    time.sleep(1)
    import requests
    for i in range(1, int(os.environ.get("ROUNDS", 12)) + 1):
        requests.post("http://127.0.0.1:10000/api/login", timeout=20)
        time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
