"""redis-py errors logged by structlog's JSON renderer, the three ways apps print an exception (issue 13,
session 4): the exception's repr in a field of their own (authentik's 'exc'), format_exc_info's 'exception'
string, and dict_tracebacks' 'exception' list. argv: host port [exc] (a read-only replica: writes get READONLY; 'exc': the first form only)."""
import sys

import redis
import structlog

host, port = sys.argv[1], int(sys.argv[2])
only_exc = sys.argv[3:] == ["exc"]
client = redis.Redis(host=host, port=port, socket_connect_timeout=2)
for name, processors in (
    ("exc field", [structlog.processors.add_log_level, structlog.processors.JSONRenderer()]),
    ("format_exc_info", [structlog.processors.add_log_level, structlog.processors.format_exc_info, structlog.processors.JSONRenderer()]),
    ("dict_tracebacks", [structlog.processors.add_log_level, structlog.processors.dict_tracebacks, structlog.processors.JSONRenderer()]),
):
    if only_exc and name != "exc field":
        break
    print(f"--- structlog {structlog.__version__}, {name}", flush=True)
    structlog.configure(processors=processors, logger_factory=structlog.PrintLoggerFactory(sys.stdout))
    log = structlog.get_logger("app.tasks")
    try:
        client.set("k", "v")
    except redis.RedisError as e:
        if name == "exc field":
            log.warning("Task failure", exc=repr(e))
        else:
            log.exception("Task failure")
