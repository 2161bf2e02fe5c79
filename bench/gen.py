#!/usr/bin/env python3
"""Generate a big, realistic Render log for the speed bench (seeded, reproducible).

Ordinary traffic (Express/morgan request lines, short dev-style request lines, app and worker info
lines, deploy "==>" lines, a few non-Redis errors with stack traces) with, about once every 2,000
lines, an "episode" of real Redis output: a window of consecutive lines from the real captures in
samples/raw/** (re-prefixed for the segment's format), or verbatim from samples/dashboard/** and
samples/api/**. A Node object printed over several lines is kept whole.

The file is a run of segments, each in one of the formats rla reads: dashboard copy, API JSON lines
(`fetch --save`), RFC 3339, `render logs -o text`, syslog (log streams). Standard library only.

    python bench/gen.py                      # bench/out/big.log, 500 MB, seed 1
    python bench/gen.py --size 5G -o bench/out/huge.log
    python bench/gen.py --size 5M --format api -o /tmp/small.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FORMATS = ("dashboard", "api", "rfc3339", "text", "syslog")
FORMAT_WEIGHTS = (0.42, 0.10, 0.21, 0.19, 0.08)
REDIS_EVERY = 2000  # one Redis line in this many, on average

PATHS = (
    "/api/health", "/api/files", "/api/files/{id}", "/api/login", "/api/logout", "/api/me", "/",
    "/dashboard", "/static/js/main.{hex8}.js", "/static/css/app.{hex8}.css", "/api/uploads",
    "/api/search?q={word}", "/api/projects/{id}/members", "/favicon.ico", "/api/webhooks/stripe",
)  # fmt: skip
WORDS = ("invoice", "report", "draft", "photo", "backup", "notes", "q3", "budget", "slides", "team")
AGENTS = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    "Render/1.0",
    "curl/8.5.0",
    "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
)
ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
HEX = "0123456789abcdef"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DEPLOY = ("==> Build successful 🎉", "==> Deploying...", "==> Running 'node server.js'")
LIVE = ("==> Detected service running on port 10000", "==> Your service is live 🎉")
# Non-Redis trouble that real apps print now and then (these are "unexplained" for rla).
OTHER_ERRORS = (
    (
        "Error: ENOENT: no such file or directory, open '/opt/render/project/src/uploads/{hex8}.png'",
        "    at Object.openSync (node:fs:573:18)",
        "    at Object.readFileSync (node:fs:452:35)",
        "    at /opt/render/project/src/routes/files.js:41:22",
    ),
    (
        "TypeError: Cannot read properties of undefined (reading 'id')",
        "    at /opt/render/project/src/routes/projects.js:88:31",
        "    at Layer.handle [as handle_request] (/opt/render/project/src/node_modules/express/lib/router/layer.js:95:5)",
    ),
    ("Warning: a promise was rejected with a non-error: [object Object]",),
    ("POST /api/webhooks/stripe 400 - 3ms - signature verification failed",),
)


def _load_windows_source() -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    def lines_of(pattern: str) -> list[list[str]]:
        out = []
        for path in sorted(SAMPLES.glob(pattern)):
            text = path.read_text(encoding="utf-8", errors="replace")
            lines = [ln[:-1] if ln.endswith("\r") else ln for ln in text.split("\n")]
            if lines and lines[-1] == "":
                lines.pop()
            if lines:
                out.append(lines)
        return out

    raw = lines_of("raw/**/*.log")
    if not raw:
        sys.exit(f"no samples under {SAMPLES / 'raw'}: run from a checkout of rla")
    return raw, lines_of("dashboard/**/*.txt"), lines_of("api/**/*.jsonl")


def _window(rng: random.Random, files: list[list[str]], continuation) -> list[str]:  # type: ignore[no-untyped-def]
    """A few consecutive lines; an entry printed over several lines is kept whole."""
    lines = files[rng.randrange(len(files))]
    start = rng.randrange(len(lines))
    while start > 0 and continuation(lines[start]):
        start -= 1
    end = min(len(lines), start + rng.choice((1, 1, 1, 2, 3, 4, 6)))
    while end < len(lines) and end - start < 40 and continuation(lines[end]):
        end += 1
    return lines[start:end]


def _raw_continues(line: str) -> bool:
    return line[:1] in (" ", "\t", "}", "]", ")")


def _dash_continues(line: str) -> bool:
    # "09:23:25 PM [rb50a]   message: ..." -> the message starts after the instance
    _, sep, rest = line.partition("] ")
    return bool(sep) and _raw_continues(rest)


def _api_continues(line: str) -> bool:
    try:
        return _raw_continues(json.loads(line).get("message", ""))
    except ValueError:
        return False


class Writer:
    def __init__(self, rng: random.Random, out, size: int):  # type: ignore[no-untyped-def]
        self.rng, self.out, self.size = rng, out, size
        self.written = 0
        self.lines = 0
        self.redis_lines = 0
        self.ms = 0  # milliseconds since the start (2026-11-20 00:00:00 UTC)
        self.fmt = "dashboard"
        self.service = "srv-" + "".join(rng.choice(ALNUM) for _ in range(20))
        self.inst = "".join(rng.choice(ALNUM) for _ in range(5))
        self.buf: list[str] = []
        self.pending = 0  # characters buffered, not yet written

    # -- prefixes ---------------------------------------------------------------------------
    def _clock(self) -> tuple[int, int, int, int, int]:
        day, rest = divmod(self.ms, 86_400_000)
        h, rest = divmod(rest, 3_600_000)
        m, rest = divmod(rest, 60_000)
        s, ms = divmod(rest, 1000)
        return day, h, m, s, ms

    def emit(self, msg: str, system: bool = False, level: str = "info", redis: bool = False) -> None:
        rng = self.rng
        self.ms += rng.randrange(1, 40)
        day, h, m, s, ms = self._clock()
        date = f"2026-11-{20 + day % 10:02d}"
        fmt = self.fmt
        if fmt == "dashboard":
            hh = h % 12 or 12
            ampm = "AM" if h < 12 else "PM"
            line = f"{hh:02d}:{m:02d}:{s:02d} {ampm} {msg}" if system else f"{hh:02d}:{m:02d}:{s:02d} {ampm} [{self.inst}] {msg}"
        elif fmt == "api":
            labels = [{"name": "resource", "value": self.service}]
            if not system:
                labels.append({"name": "instance", "value": f"{self.service}-{self.inst}"})
                labels.append({"name": "level", "value": level})
            labels.append({"name": "type", "value": "app"})
            obj = {
                "id": "%032x" % rng.getrandbits(128),
                "timestamp": f"{date}T{h:02d}:{m:02d}:{s:02d}.{ms:03d}{rng.randrange(1000000):06d}Z",
                "message": msg,
                "labels": labels,
            }
            line = json.dumps(obj, ensure_ascii=False)
        elif fmt == "rfc3339":
            line = f"{date}T{h:02d}:{m:02d}:{s:02d}.{ms:03d}{rng.randrange(1000000):06d}Z {msg}"
        elif fmt == "text":
            line = f"{date} {h:02d}:{m:02d}:{s:02d}  {msg}"
        else:  # syslog, as a log stream delivers it
            line = (
                f"<134>1 {date}T{h:02d}:{m:02d}:{s:02d}.{ms:03d}Z {self.service} "
                f"web-{self.inst} 1 - - {msg}"
            )
        self.raw(line, redis)

    def raw(self, line: str, redis: bool = False) -> None:
        self.buf.append(line)
        self.pending += len(line) + 1
        self.lines += 1
        self.redis_lines += redis
        if len(self.buf) >= 4096:
            self.flush()

    def flush(self) -> None:
        if not self.buf:
            return
        data = ("\n".join(self.buf) + "\n").encode("utf-8")
        self.out.write(data)
        self.written += len(data)
        self.pending = 0
        self.buf.clear()

    def done(self) -> bool:
        return self.written + self.pending >= self.size


def _ordinary(rng: random.Random) -> str:
    r = rng.random()
    path = rng.choice(PATHS)
    if "{" in path:
        path = path.format(id=rng.randrange(1, 99999), hex8="%08x" % rng.getrandbits(32), word=rng.choice(WORDS))
    status = 200 if rng.random() < 0.93 else rng.choice((201, 204, 301, 304, 404, 401, 403))
    method = "GET" if rng.random() < 0.8 else rng.choice(("POST", "PUT", "DELETE", "PATCH"))
    if r < 0.30:  # morgan "combined"
        ip = f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
        return (
            f'{ip} - - [20/Nov/2026:{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d} +0000] '
            f'"{method} {path} HTTP/1.1" {status} {rng.randrange(120, 90000)} "https://app.example.com{rng.choice(PATHS[:7])}" '
            f'"{rng.choice(AGENTS)}"'
        )
    if r < 0.75:  # morgan "dev"
        return f"{method} {path} {status} - {rng.randrange(1, 400)}ms"
    if r < 0.85:
        return (
            f"[worker] job {rng.randrange(10**6)} ({rng.choice(('send-email', 'thumbnail', 'export-csv', 'sync-stripe'))}) "
            f"completed in {rng.randrange(3, 2000)}ms"
        )
    if r < 0.95:
        return (
            f"[info] user {rng.randrange(1, 50000)} {rng.choice(('uploaded', 'downloaded', 'shared', 'renamed'))} "
            f"{rng.choice(WORDS)}-{rng.randrange(2020, 2027)}.{rng.choice(('pdf', 'png', 'docx', 'csv'))} "
            f"({rng.randrange(1, 9000)} KB) in {rng.randrange(5, 900)}ms"
        )
    return f"session {'%016x' % rng.getrandbits(64)} refreshed for user {rng.randrange(1, 50000)} (expires in 86400s)"


def generate(  # type: ignore[no-untyped-def]
    out, size: int, seed: int, only: str | None = None, redis_every: int = REDIS_EVERY, segment: tuple[int, int] = (20_000, 150_000)
) -> Writer:
    """Write about `size` bytes to the binary stream `out`; one Redis line in `redis_every`, formats
    changing every `segment` lines (a range)."""
    rng = random.Random(seed)
    raw, dashboard, api = _load_windows_source()
    w = Writer(rng, out, size)
    segment_left = 0
    until_redis = rng.randrange(redis_every)
    until_deploy = rng.randrange(50_000, 200_000)
    while not w.done():
        if segment_left <= 0:
            w.fmt = only or rng.choices(FORMATS, FORMAT_WEIGHTS)[0]
            segment_left = rng.randrange(*segment)
        segment_left -= 1
        until_redis -= 1
        until_deploy -= 1
        if until_redis <= 0:
            if w.fmt == "dashboard" and dashboard and rng.random() < 0.4:
                lines = _window(rng, dashboard, _dash_continues)
                for line in lines:
                    w.raw(line, redis=True)
            elif w.fmt == "api" and api and rng.random() < 0.4:
                lines = _window(rng, api, _api_continues)
                for line in lines:
                    w.raw(line, redis=True)
            else:
                lines = _window(rng, raw, _raw_continues)
                for line in lines:
                    w.emit(line, level="error" if "rror" in line else "info", redis=True)
            until_redis = max(1, int(rng.expovariate(1 / (redis_every * len(lines)))))
            continue
        if until_deploy <= 0:
            for line in DEPLOY:
                w.emit(line, system=not line.startswith("==> Running"))
            for line in LIVE:
                w.emit(line, system=True)
            w.inst = "".join(rng.choice(ALNUM) for _ in range(5))
            until_deploy = rng.randrange(50_000, 200_000)
            continue
        if rng.random() < 1 / 8000:
            for n, line in enumerate(rng.choice(OTHER_ERRORS)):
                fill = "%08x" % rng.getrandbits(32)
                w.emit(line.replace("{hex8}", fill), level="error")
            continue
        w.emit(_ordinary(rng))
    w.flush()
    return w


def parse_size(text: str) -> int:
    text = text.strip().upper().removesuffix("B")
    mult = {"K": 10**3, "M": 10**6, "G": 10**9}.get(text[-1:], 1)
    return int(float(text.rstrip("KMG")) * mult)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", default=str(ROOT / "bench" / "out" / "big.log"))
    ap.add_argument("--size", default="500M", help="target size: 500M, 5G, 20K ... (default 500M)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=FORMATS, help="one format for the whole file (default: segments of each)")
    args = ap.parse_args(argv)
    path = Path(args.output)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        w = generate(out, parse_size(args.size), args.seed, args.format)
    print(
        f"{path}: {w.written / 1e6:.0f} MB, {w.lines:,} lines, {w.redis_lines:,} Redis lines "
        f"(1 in {w.lines // max(1, w.redis_lines):,}), seed {args.seed}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
