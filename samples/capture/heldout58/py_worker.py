"""A Python worker on redis-py 5.0.8 that calls locale.setlocale(LC_ALL, "") to format numbers and dates the way
its users read them: from then on OSError messages (glibc's strerror and gai_strerror) come out in LANG's language,
and redis-py quotes them ("Error 111 connecting to host:port. <strerror>."). Its own log lines are in the
developer's language (LANG's). It INCRs a counter every 0.7 s, and when API_HOST / DATABASE_URL are set it also
calls an HTTP API (urllib) and PostgreSQL's port (a bare socket, as a health probe would)."""
import locale, logging, os, socket, time, urllib.request
from urllib.parse import urlparse

locale.setlocale(locale.LC_ALL, "")
import redis

MSG = {
    "es": ("iniciando trabajador", "ronda %d: contador=%s", "error de Redis: %s", "la API no responde: %s", "PostgreSQL no disponible: %s"),
    "pt": ("iniciando worker", "rodada %d: contador=%s", "erro no Redis: %s", "a API não respondeu: %s", "PostgreSQL indisponível: %s"),
    "it": ("avvio del worker", "giro %d: contatore=%s", "errore Redis: %s", "l'API non risponde: %s", "PostgreSQL non disponibile: %s"),
    "pl": ("uruchamianie workera", "runda %d: licznik=%s", "błąd Redis: %s", "API nie odpowiada: %s", "PostgreSQL niedostępny: %s"),
    "tr": ("işçi başlatılıyor", "tur %d: sayaç=%s", "Redis hatası: %s", "API yanıt vermiyor: %s", "PostgreSQL kullanılamıyor: %s"),
}[os.environ.get("LANG", "es")[:2]]
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("worker")

log.info(MSG[0])
r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), socket_connect_timeout=3, socket_timeout=3)
api, db = os.environ.get("API_HOST"), os.environ.get("DATABASE_URL")
for i in range(1, 15):
    try:
        log.info(MSG[1], i, locale.format_string("%d", r.incr("counter"), grouping=True))
    except redis.RedisError as e:
        log.error(MSG[2], e)
    if api and i % 4 == 1:
        try:
            urllib.request.urlopen(f"https://{api}/v1/charges", timeout=3)
        except Exception as e:
            log.warning(MSG[3], e)
    if db and i % 4 == 2:
        u = urlparse(db)
        try:
            socket.create_connection((u.hostname, u.port or 5432), timeout=3).close()
        except OSError as e:
            log.warning(MSG[4], e)
    time.sleep(0.7)
