#!/usr/bin/env python3
"""Driver of the heldout58 captures (issue 13, session 14): heldout12's server modes, scenarios and run loop
(../heldout12/run.py `main(argv, plan)`) in the h62 namespace (netns.sh here) with this folder's apps, each run under
a non-English system locale (Debian's locales-all): glibc's strerror and gai_strerror then speak that language in
every app that calls setlocale(LC_ALL, …), as C programs using gettext, Python apps formatting numbers and PHP apps
printing dates do.
  hiredis-worker.c  C on hiredis 0.14.1 (gcc -O2 -o hiredis-worker hiredis-worker.c -lhiredis)
  py_worker.py      redis-py 5.0.8 in APP_DIR/.venv (pip install redis==5.0.8), Python 3.11
  php_worker.php    phpredis 5.3.7 with PDO pgsql, PHP 8.2
APP_DIR holds those three (the binary built) and .venv/.
Usage: run.py APP_DIR OUT_DIR [client/scenario ...]"""
import importlib.util, sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("run12", Path(__file__).resolve().parent.parent / "heldout12" / "run.py")
run12 = importlib.util.module_from_spec(spec); spec.loader.exec_module(run12)
run12.NS, run12.WORK = "h62", Path("/tmp/h62-work")
NAMES = {"red-d4h12kv0q67qs70c2kvup": "cache01.h62.lan", "red-d4h12rf0q67qs70c2rfsd": "cache02.h62.lan",
         "red-d4h12bh0q67qs70c2bhol": "cache03.h62.lan", "red-d4h12nx0q67qs70c2nxdm": "cache09.h62.lan",
         "dpg-d4h12pg0q67qs70c2pgaa-a": "db01.h62.lan"}  # an office LAN's names (netns.sh), no Render host


def renamed(v: str) -> str:
    for old, new in NAMES.items():
        v = v.replace(old, new)
    return v


run12.SCEN = {k: (mode, {e: renamed(v) for e, v in env.items()}, act) for k, (mode, env, act) in run12.SCEN.items()}
run12.SRC = "/srv/app"  # not Render's checkout path: these apps run on their owners' servers (mkdir -p /srv/app)
PY = f"{run12.SRC}/.venv/bin/python"
LOC = {"fr": "fr_FR.UTF-8", "de": "de_DE.UTF-8", "ru": "ru_RU.UTF-8", "ja": "ja_JP.UTF-8", "es": "es_ES.UTF-8",
       "pt": "pt_BR.UTF-8", "it": "it_IT.UTF-8", "pl": "pl_PL.UTF-8", "tr": "tr_TR.UTF-8", "vi": "vi_VN.UTF-8"}
run12.CLIENTS.clear()
for lang, loc in LOC.items():
    run12.CLIENTS[f"hiredis-{lang}"] = (f"LANG={loc} exec ./hiredis-worker", 14)
    run12.CLIENTS[f"redis-py-{lang}"] = (f"LANG={loc} exec {PY} py_worker.py", 14)
    run12.CLIENTS[f"phpredis-{lang}"] = (f"LANG={loc} exec php php_worker.php", 16)
PLAN = {  # which scenarios each client ran
    "hiredis-fr": ["healthy", "down-refused", "dns-nxdomain", "blackholed"],
    "hiredis-de": ["down-refused", "killed-not-back", "dns-nxdomain"],
    "hiredis-ru": ["healthy", "down-refused", "blackholed"],
    "hiredis-ja": ["down-loopback-default", "dns-nxdomain"],
    "redis-py-es": ["healthy", "down-refused", "dns-nxdomain", "blackholed", "wrongpass", "mixed-pg-api-healthy"],
    "redis-py-pt": ["down-refused", "killed-then-back", "dns-nxdomain", "mixed-pg-api-healthy"],
    "redis-py-it": ["down-loopback-default", "mixed-pg-api-redis-dns"],
    "redis-py-pl": ["down-refused", "dns-nxdomain"],
    "redis-py-tr": ["down-refused", "mixed-pg-api-healthy"],
    "phpredis-fr": ["mixed-pg-api-healthy", "mixed-pg-api-redis-refused", "dns-nxdomain"],
    "phpredis-pt": ["blackholed", "down-refused", "mixed-pg-api-healthy"],
    "phpredis-ru": ["mixed-pg-api-healthy", "down-refused"],
    "phpredis-de": ["mixed-pg-api-redis-dns", "killed-not-back"],
    "phpredis-it": ["healthy"],
    "hiredis-vi": ["down-refused", "blackholed"],
}

if __name__ == "__main__":
    run12.main(sys.argv, PLAN)
