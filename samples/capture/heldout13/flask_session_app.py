"""Flask 3 + Flask-Session 0.8 (SESSION_TYPE "redis", SESSION_REDIS = redis.from_url(REDIS_URL), as its docs)
under werkzeug's development server; a thread calls the app over HTTP every round (a cart kept in the session);
mixed scenarios also touch PostgreSQL and an HTTP API (deps.py). Flask logs a failing request as `Exception on …`."""
import logging, os, threading, time
import redis, requests
from flask import Flask, session
from flask_session import Session
from deps import touch_deps

logging.basicConfig(level=logging.INFO)
app = Flask(__name__)
app.config.update(SECRET_KEY="not-a-real-secret", SESSION_TYPE="redis",
                  SESSION_REDIS=redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379")))
Session(app)


@app.get("/cart")
def cart():
    touch_deps()
    session["items"] = session.get("items", 0) + 1
    return {"items": session["items"]}


def visitor() -> None:
    s = requests.Session()
    for _ in range(int(os.environ.get("ROUNDS", 14))):
        time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
        try:
            s.get("http://127.0.0.1:10000/cart", timeout=10)
        except requests.RequestException:
            pass
    os._exit(0)


threading.Thread(target=visitor, daemon=True).start()
app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 10000)))
