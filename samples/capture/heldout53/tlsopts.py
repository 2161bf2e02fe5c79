"""The TLS keyword arguments both Python workers (worker_sync.py, worker_async.py) give redis-py for a rediss:// URL,
from the environment: REDIS_CA (ssl_ca_certs), REDIS_CERT/REDIS_KEY (a client certificate), REDIS_TLS_MIN (an
ssl.TLSVersion name for ssl_min_version)."""
import os
import ssl


def redis_tls_kwargs(url: str) -> dict:
    kw: dict = {}
    if url.startswith("rediss:"):
        if os.environ.get("REDIS_CA"):
            kw["ssl_ca_certs"] = os.environ["REDIS_CA"]
        if os.environ.get("REDIS_CERT"):
            kw["ssl_certfile"], kw["ssl_keyfile"] = os.environ["REDIS_CERT"], os.environ["REDIS_KEY"]
        if os.environ.get("REDIS_TLS_MIN"):
            kw["ssl_min_version"] = getattr(ssl.TLSVersion, os.environ["REDIS_TLS_MIN"])
    return kw
