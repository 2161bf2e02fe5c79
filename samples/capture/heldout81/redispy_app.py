"""heldout81: a small Python worker on redis-py 5 whose own log lines are in Vietnamese (APP_LANG=vi) or Ukrainian
(APP_LANG=uk). The Ukrainian one sets the process locale from the environment (locale.setlocale(LC_ALL, "")) to print
dates in Ukrainian, so the C library's error texts come out in Ukrainian too. Each second it pushes a job to a Redis
list; with DATABASE_URL it also opens a PostgreSQL connection (psycopg2). FALLBACK=1: a dict stands in for Redis."""
import locale, logging, os, sys, time
import redis

MSG = {
    "vi": dict(boot="Đang khởi động worker...", conn="Đã kết nối Redis thành công", err="Lỗi kết nối Redis: %s",
               tick="Đã xử lý công việc #%d", fb="Redis không khả dụng, chuyển sang bộ nhớ đệm cục bộ",
               db="Không thể kết nối cơ sở dữ liệu: %s", end="Dừng worker"),
    "uk": dict(boot="Запуск обробника...", conn="Підключено до Redis", err="Помилка підключення до Redis: %s",
               tick="Оброблено завдання #%d", fb="Redis недоступний, використовуємо локальний кеш",
               db="Не вдалося підключитися до бази даних: %s", end="Зупинка обробника"),
}
lang = os.environ.get("APP_LANG", "vi")
if os.environ.get("SETLOCALE") == "1":
    locale.setlocale(locale.LC_ALL, "")
m = MSG[lang]
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(asctime)s %(levelname)s [%(name)s] %(message)s")
log = logging.getLogger("worker")
log.info(m["boot"])
r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379"), socket_connect_timeout=3, socket_timeout=3)
try:
    r.ping()
    log.info(m["conn"])
except redis.exceptions.RedisError as e:
    if os.environ.get("TRACEBACK") == "1":
        log.exception(m["err"], e)
    else:
        log.error(m["err"], e)
mem, fallback = {}, False
deadline = time.time() + float(os.environ.get("RUN_SECONDS", "8"))
n = 0
while time.time() < deadline:
    n += 1
    try:
        if fallback:
            mem.setdefault("jobs", []).append(n)
        else:
            r.lpush("jobs", "x" * 200000 if os.environ.get("BIG") == "1" else str(n))
        if os.environ.get("DATABASE_URL"):
            import psycopg2
            try:
                psycopg2.connect(os.environ["DATABASE_URL"], connect_timeout=3).close()
            except psycopg2.OperationalError as e:
                log.error(m["db"], str(e).strip())
        log.info(m["tick"], n)
    except redis.exceptions.RedisError as e:
        log.error(m["err"], e)
        if os.environ.get("FALLBACK") == "1" and not fallback:
            fallback = True
            log.warning(m["fb"])
    time.sleep(1)
log.info(m["end"])
