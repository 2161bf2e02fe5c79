"""A quotes API on redis-py (4.6 here; `redis.from_url(os.environ["REDIS_URL"])` at import, as apps write it) served by
http.server (its own access lines on stderr), Redis as a cache: a redis error is logged and the request is served
from the "database" (a dict here). The app asks itself for GET /quotes/N every round."""
import http.server, logging, os, threading, time, urllib.request
import redis
from deps import touch_deps

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("quotes")
cache = redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), socket_timeout=2, socket_connect_timeout=2)
DB = {1: "Simplicity is prerequisite for reliability.", 2: "Premature optimization is the root of all evil.", 3: "Talk is cheap."}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        touch_deps()
        n = int(self.path.rsplit("/", 1)[-1])
        try:
            q = cache.get(f"quote:{n}")
            if q is None:
                cache.setex(f"quote:{n}", 60, DB[n])
                q = DB[n]
        except redis.exceptions.RedisError as e:
            log.warning("cache unavailable, serving quote %d from the database: %s", n, e)
            q = DB[n]
        body = q.encode() if isinstance(q, str) else q
        self.send_response(200); self.end_headers(); self.wfile.write(body)


srv = http.server.ThreadingHTTPServer(("127.0.0.1", int(os.environ.get("PORT", 10000))), Handler)
threading.Thread(target=srv.serve_forever, daemon=True).start()
log.info("quotes api listening on port %s", os.environ.get("PORT", 10000))
for i in range(1, int(os.environ.get("ROUNDS", 14)) + 1):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{os.environ.get('PORT', 10000)}/quotes/{i % 3 + 1}", timeout=8).read()
    except Exception as e:
        log.error("self-request failed: %s", e)
    time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
