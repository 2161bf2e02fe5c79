#!/usr/bin/env python3
"""Turn a raw capture (stdout+stderr of a real program) into what a user pastes from Render.

The message text is never changed: each physical line of the raw file becomes one log entry,
exactly as printed. What this script adds is only what Render adds around it:

  * a platform prefix (time, instance) in one of four formats:
      dashboard  "06:22:47 PM [t7v9k] msg"   copy from the dashboard log explorer (12 h local time,
                 5-char instance suffix, system "==>" lines without instance, occasional blank lines)
      api        {"id": ..., "timestamp": "2026-11-26T06:12:03.123456789Z", "message": ...,
                 "labels": [...]}  one JSON object per line (GET /v1/logs entries)
      rfc3339    "2026-11-26T06:12:03.502061266Z msg"   (Go RFC3339Nano: trailing zeros trimmed)
      text       "2026-11-26 06:12:03  msg"  (`render logs -o text`: time.DateTime + two spaces)
  * the Render deploy lines around the app output (wordings from shared/research/render-api.md §7):
      ==> Build successful 🎉 / ==> Deploying... / ==> Running '<cmd>' / ==> Detected service running
      on port 10000 / ==> Your service is live 🎉 / ==> Exited with status N /
      ==> Common ways to troubleshoot your deploy: https://render.com/docs/troubleshooting-deploys

Times are synthetic but deterministic (seeded): lines that continue a multi-line block (indented,
"}" or "]") follow within microseconds, other lines 5-900 ms apart. The API "level" label is a
heuristic (Render's own rule is not documented): error/warning words -> error/warning, else info;
continuation lines inherit the level of the line that opened the block.

Standard library only.  Usage:
  render_format.py RAW --format dashboard [--seed 7] [--start 2026-11-26T06:12:03Z]
                   [--start-cmd "node server.js"] [--live-after REGEX] [--exit-status N]
                   [--no-deploy] [--service srv-...] [--instance abcde] [--tz-offset -5] [-o OUT]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import datetime, timedelta, timezone

SYSTEM_BEFORE = ["==> Build successful 🎉", "==> Deploying..."]
TROUBLESHOOT = "==> Common ways to troubleshoot your deploy: https://render.com/docs/troubleshooting-deploys"
ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
ERROR_RE = re.compile(
    r"(?i)error|fail|refused|exception|traceback|\bERR\b|WRONGPASS|NOAUTH|\bOOM\b|timeout|timed out|❌|ENOTFOUND|ECONN|unhandled"
)
WARN_RE = re.compile(r"(?i)warn|⚠️|deprecat|IMPORTANT!")


def is_continuation(line: str) -> bool:
    return line[:1] in (" ", "\t", "}", "]", ")") or line == ""


def build_entries(lines, args, rng):
    """-> list of (offset_seconds, message, is_system, level)."""
    entries = []
    t = 0.0
    level = "info"

    def add(msg, system, lvl, gap):
        nonlocal t
        t += gap
        entries.append((t, msg, system, lvl))

    if not args.no_deploy:
        for s in SYSTEM_BEFORE:
            add(s, True, None, rng.uniform(0.5, 9.0))
        add(f"==> Running '{args.start_cmd}'", False, "info", rng.uniform(1.0, 6.0))
    live_re = re.compile(args.live_after) if args.live_after else None
    live_done = False
    for line in lines:
        if is_continuation(line):
            gap = rng.uniform(0.000005, 0.0004)
        else:
            gap = rng.uniform(0.005, 0.9)
            level = "error" if ERROR_RE.search(line) else "warning" if WARN_RE.search(line) else "info"
        add(line, False, level, gap)
        if live_re and not live_done and live_re.search(line):
            live_done = True
            add(f"==> Detected service running on port {args.port}", True, None, rng.uniform(0.2, 1.5))
            add("==> Your service is live 🎉", True, None, rng.uniform(0.5, 3.0))
    if args.exit_status is not None and not args.no_deploy:
        add(f"==> Exited with status {args.exit_status}", True, None, rng.uniform(0.05, 0.5))
        add(TROUBLESHOOT, True, None, rng.uniform(0.001, 0.01))
    return entries


def rfc3339nano(ts: datetime, ns: int) -> str:
    frac = f"{ns:09d}".rstrip("0")
    return ts.strftime("%Y-%m-%dT%H:%M:%S") + (f".{frac}" if frac else "") + "Z"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw")
    ap.add_argument("--format", required=True, choices=["dashboard", "api", "rfc3339", "text"])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", default="2026-11-26T06:12:03Z", help="UTC time of the first line")
    ap.add_argument("--start-cmd", default="node server.js")
    ap.add_argument("--live-after", help="regex of the app line after which the service goes live")
    ap.add_argument("--port", default="10000")
    ap.add_argument("--exit-status", type=int)
    ap.add_argument("--no-deploy", action="store_true", help="runtime lines only, no ==> lines")
    ap.add_argument("--service", help="srv- id (default: derived from the seed)")
    ap.add_argument("--instance", help="5-char instance suffix (default: derived from the seed)")
    ap.add_argument("--tz-offset", type=float, default=0.0, help="dashboard local time offset, hours")
    ap.add_argument("--blank-rate", type=float, default=0.06, help="dashboard: chance of a blank line")
    ap.add_argument("-o", "--output")
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)  # times: the same in every format for one seed
    rng_x = random.Random(args.seed * 7919 + 1)  # ids, blank lines
    service = args.service or "srv-" + "".join(rng_x.choice(ALNUM) for _ in range(20))
    inst = args.instance or "".join(rng_x.choice(ALNUM) for _ in range(5))
    with open(args.raw, encoding="utf-8", newline="") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the final newline ends the last line, it is not an empty entry
    lines = [ln[:-1] if ln.endswith("\r") else ln for ln in lines]

    start = datetime.strptime(args.start, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    base_ns = rng.randrange(0, 10**9)
    out = []
    for off, msg, system, level in build_entries(lines, args, rng):
        total_ns = base_ns + int(off * 1e9) + rng.randrange(0, 1000)
        ts = start + timedelta(seconds=total_ns // 10**9)
        ns = total_ns % 10**9
        if args.format == "dashboard":
            local = ts + timedelta(hours=args.tz_offset)
            hhmm = local.strftime("%I:%M:%S %p")
            out.append(f"{hhmm} {msg}" if system else (f"{hhmm} [{inst}] {msg}" if msg else f"{hhmm} [{inst}]"))
            if rng_x.random() < args.blank_rate:
                out.append("")
        elif args.format == "api":
            labels = [{"name": "resource", "value": service}]
            if not system:
                labels.append({"name": "instance", "value": f"{service}-{inst}"})
                labels.append({"name": "level", "value": level})
            labels.append({"name": "type", "value": "app"})
            rid = "".join(rng_x.choice("0123456789abcdef") for _ in range(32))
            ts_s = ts.strftime("%Y-%m-%dT%H:%M:%S") + f".{ns:09d}Z"
            out.append(json.dumps({"id": rid, "timestamp": ts_s, "message": msg, "labels": labels}, ensure_ascii=False))
        elif args.format == "rfc3339":
            out.append(f"{rfc3339nano(ts, ns)} {msg}")
        else:
            out.append(f"{ts.strftime('%Y-%m-%d %H:%M:%S')}  {msg}")
    data = "\n".join(out) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as f:
            f.write(data)
    else:
        sys.stdout.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
