#!/usr/bin/env python3
"""Driver of the heldout81 captures (issue 13, session 19): small services whose own log lines are in Japanese,
Turkish (ioredis 5), Korean, Portuguese (node-redis 4), Vietnamese, Ukrainian (redis-py 5), German, Polish (redis-rb
4.8), Spanish and Indonesian (phpredis 5.3.7), each run under its language's locale (LANG=xx_YY.UTF-8) against a
fresh redis-server 7.0 on 127.0.0.1 (ports 10300-10399) broken on purpose.

    run.py APP_DIR OUT_DIR [name ...]     # default: every run of PLAN

APP_DIR holds this folder's scripts with node_modules/ (ioredis@5 redis@4 pg@8) and a venv at $PYENV (redis==5.0.8
psycopg2-binary). Output: OUT_DIR/<lang>-<runtime>/<scenario>.log (stdout+stderr as printed) and OUT_DIR/MANIFEST.tsv.
"""
import os, shutil, subprocess, sys, tempfile, time
from pathlib import Path

PY = os.environ.get("PYENV", "/tmp/h83/pyenv") + "/bin/python"
APPS = {"ioredis": ["node", "ioredis-app.js"], "noderedis": ["node", "noderedis-app.js"],
        "redispy": [PY, "redispy_app.py"], "redisrb": ["ruby", "redisrb_app.rb"], "phpredis": ["php", "phpredis_app.php"]}
LOCALE = {"ja": "ja_JP.UTF-8", "tr": "tr_TR.UTF-8", "ko": "ko_KR.UTF-8", "pt": "pt_PT.UTF-8", "vi": "vi_VN",
          "uk": "uk_UA.UTF-8", "de": "de_DE.UTF-8", "pl": "pl_PL.UTF-8", "es": "es_ES.UTF-8", "id": "id_ID.UTF-8"}
PASS = "s3cretPassw0rd"
PG_DOWN = "postgres://app:secreto@127.0.0.1:5432/app"  # no PostgreSQL runs here: refused on its default port
# scenario -> (server args or None for no server, env (PORT replaced), actions)
SCEN = {
    "healthy": ([], {"REDIS_URL": "redis://127.0.0.1:PORT"}, {}),
    "down": (None, {"REDIS_URL": "redis://127.0.0.1:PORT"}, {}),
    "down-default": (None, {}, {}),
    "down-fallback": (None, {"REDIS_URL": "redis://127.0.0.1:PORT", "FALLBACK": "1"}, {}),
    "wrongpass": (["--requirepass", PASS], {"REDIS_URL": "redis://:wr0ngpass@127.0.0.1:PORT"}, {}),
    "noauth": (["--requirepass", PASS], {"REDIS_URL": "redis://127.0.0.1:PORT"}, {}),
    "dns-compose": (None, {"REDIS_URL": "redis://redis:6379"}, {}),
    "killed-back": ([], {"REDIS_URL": "redis://127.0.0.1:PORT"}, {"kill_at": 3, "back_at": 5.5}),
    "killed": ([], {"REDIS_URL": "redis://127.0.0.1:PORT"}, {"kill_at": 3}),
    "oom": (["--maxmemory", "1mb", "--maxmemory-policy", "noeviction"], {"REDIS_URL": "redis://127.0.0.1:PORT", "BIG": "1"}, {}),
    "readonly": (["--replicaof", "127.0.0.1", "10398"], {"REDIS_URL": "redis://127.0.0.1:PORT"}, {}),
    "pg-refused": ([], {"REDIS_URL": "redis://127.0.0.1:PORT", "DATABASE_URL": PG_DOWN,
                        "DATABASE_DSN": "pgsql:host=127.0.0.1;port=5432;dbname=app"}, {}),
    "api-dns": ([], {"REDIS_URL": "redis://127.0.0.1:PORT", "API_URL": "https://api.pagos-tienda.invalid/v1/estado"}, {}),
}
# (lang, runtime, scenario, extra env)
PLAN = [
    ("ja", "ioredis", "healthy", {}), ("ja", "ioredis", "down", {}), ("ja", "ioredis", "noauth", {}),
    ("ja", "ioredis", "killed-back", {}), ("ja", "ioredis", "api-dns", {}),
    ("tr", "ioredis", "dns-compose", {}), ("tr", "ioredis", "down-fallback", {}), ("tr", "ioredis", "oom", {}),
    ("tr", "ioredis", "pg-refused", {}),
    ("ko", "noderedis", "healthy", {}), ("ko", "noderedis", "down-default", {}), ("ko", "noderedis", "wrongpass", {}),
    ("ko", "noderedis", "killed", {}),
    ("pt", "noderedis", "dns-compose", {}), ("pt", "noderedis", "readonly", {}), ("pt", "noderedis", "pg-refused", {}),
    ("vi", "redispy", "healthy", {}), ("vi", "redispy", "down", {"TRACEBACK": "1"}), ("vi", "redispy", "wrongpass", {}),
    ("vi", "redispy", "down-fallback", {}),
    ("uk", "redispy", "down", {"SETLOCALE": "1"}), ("uk", "redispy", "dns-compose", {"SETLOCALE": "1"}),
    ("uk", "redispy", "killed-back", {"SETLOCALE": "1"}), ("uk", "redispy", "pg-refused", {"SETLOCALE": "1"}),
    ("de", "redisrb", "healthy", {}), ("de", "redisrb", "down", {}), ("de", "redisrb", "noauth", {}),
    ("de", "redisrb", "pg-refused", {}),
    ("pl", "redisrb", "dns-compose", {}), ("pl", "redisrb", "killed", {}), ("pl", "redisrb", "healthy", {}),
    ("es", "phpredis", "healthy", {}), ("es", "phpredis", "down", {}), ("es", "phpredis", "wrongpass", {}),
    ("es", "phpredis", "pg-refused", {}), ("es", "phpredis", "killed-back", {}),
    ("id", "phpredis", "dns-compose", {}), ("id", "phpredis", "down-fallback", {}), ("id", "phpredis", "oom", {}),
    ("id", "phpredis", "pg-refused", {}),
    ("uk", "redispy", "healthy", {"SETLOCALE": "1"}), ("pt", "noderedis", "healthy", {}),
]


def start_server(port: int, args: list[str], work: Path) -> subprocess.Popen:
    p = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                          "--dir", str(work), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(50):
        if subprocess.run(["redis-cli", "-p", str(port), "--no-auth-warning", "-a", PASS, "ping"],
                          capture_output=True).returncode == 0:
            break
        time.sleep(0.1)
    return p


def run_one(app_dir: Path, out: Path, idx: int, lang: str, rt: str, scen: str, extra: dict) -> tuple[str, int, int]:
    port = 10300 + idx
    server_args, env_t, act = SCEN[scen]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update({k: v.replace("PORT", str(port)) for k, v in env_t.items()}, **extra)
    env.update(LANG=LOCALE[lang], APP_LANG=lang, RUN_SECONDS="8")
    work = Path(tempfile.mkdtemp(prefix="h81-", dir="/tmp/h83"))
    srv = start_server(port, server_args, work) if server_args is not None else None
    dest = out / f"{lang}-{rt}" / f"{scen}.log"
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest, "wb") as f:
        app = subprocess.Popen(APPS[rt], cwd=app_dir, env=env, stdout=f, stderr=subprocess.STDOUT)
        t0 = time.time()
        killed = back = False
        while app.poll() is None and time.time() - t0 < 20:
            el = time.time() - t0
            if srv and act.get("kill_at") and not killed and el >= act["kill_at"]:
                srv.kill(); srv.wait(); killed = True
            if act.get("back_at") and killed and not back and el >= act["back_at"]:
                srv = start_server(port, server_args, work); back = True
            time.sleep(0.1)
        if app.poll() is None:
            app.kill()
        rc = app.wait()
    if srv and srv.poll() is None:
        srv.kill(); srv.wait()
    shutil.rmtree(work, ignore_errors=True)
    return str(dest.relative_to(out)), rc, dest.read_bytes().count(b"\n")


def main(argv: list[str], plan: list) -> None:
    app_dir, out = Path(argv[0]), Path(argv[1])
    only = set(argv[2:])
    rows = []
    for idx, (lang, rt, scen, extra) in enumerate(plan):
        if only and f"{lang}-{rt}/{scen}" not in only:
            continue
        rows.append(run_one(app_dir, out, idx, lang, rt, scen, extra))
        print(*rows[-1], sep="\t", flush=True)
    with open(out / "MANIFEST.tsv", "a") as f:
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:], PLAN)
