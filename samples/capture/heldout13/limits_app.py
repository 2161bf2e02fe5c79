"""limits 5 used directly: `storage_from_string(REDIS_URL)` and a MovingWindowRateLimiter, as its docs; an API
handler checks the limit every round and logs the request; a failure is logged with logging.exception."""
import logging, os, time
from limits import RateLimitItemPerMinute, storage, strategies
from deps import touch_deps

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("api")
store = storage.storage_from_string(os.environ.get("REDIS_URL", "redis://localhost:6379"))
limiter = strategies.MovingWindowRateLimiter(store)
per_minute = RateLimitItemPerMinute(100)
log.info("api: rate limiter ready")
for i in range(1, int(os.environ.get("ROUNDS", 14)) + 1):
    touch_deps()
    try:
        ok = limiter.hit(per_minute, "search", "203.0.113.7")
        left = limiter.get_window_stats(per_minute, "search", "203.0.113.7").remaining
        log.info("GET /api/search?q=shoes %d (remaining %d)", 200 if ok else 429, left)
    except Exception:
        log.exception("GET /api/search?q=shoes failed")
    time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
