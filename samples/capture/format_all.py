#!/usr/bin/env python3
"""Build samples/dashboard, samples/api and samples/plain from samples/raw with render_format.py.

Each raw capture listed in FORMATS.tsv (same folder) gets four files:
  samples/dashboard/<client>/<scenario>.txt       dashboard copy, local time UTC+1 (the note's user is in France)
  samples/api/<client>/<scenario>.jsonl           GET /v1/logs entries, one JSON object a line
  samples/plain/<client>/<scenario>.rfc3339.log   "2026-11-26T06:12:03.502061266Z msg"
  samples/plain/<client>/<scenario>.cli.log       `render logs -o text`: "2026-11-26 06:12:03  msg"
FORMATS.tsv columns: raw file (under samples/raw), start command, regex of the line after which the
service is live ("-" = never), exit status to append ("-" = none), seed, and optionally the formats to
make (comma-separated among dashboard, api, rfc3339, text; default all four).
`--root DIR` works on another tree with the same layout (DIR/raw, DIR/FORMATS.tsv -> DIR/dashboard, ...):
the matrix of issue 13 is `format_all.py --root samples/matrix`.  Standard library only.
"""
import argparse
import csv
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
OUTS = {
    "dashboard": ("dashboard", ".txt", ["--tz-offset", "1"]),
    "api": ("api", ".jsonl", []),
    "rfc3339": ("plain", ".rfc3339.log", []),
    "text": ("plain", ".cli.log", []),
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", type=Path, help="tree with raw/ and FORMATS.tsv (default: samples/, table beside this script)")
    args = ap.parse_args()
    root = args.root.resolve() if args.root else SAMPLES
    table = root / "FORMATS.tsv" if args.root else HERE / "FORMATS.tsv"
    rows = [r for r in csv.reader(table.open(encoding="utf-8"), delimiter="\t")
            if r and not r[0].startswith("#")]
    for raw, cmd, live, exit_status, seed, *only in rows:
        src = root / "raw" / raw
        if not src.exists():
            print(f"skip (no raw capture): {raw}", file=sys.stderr)
            continue
        client, scen = raw[:-len(".log")].split("/", 1)
        # one start time per sample, spread over a day, derived from the seed
        start = datetime(2026, 11, 26, 6, 12, 3) + timedelta(minutes=37 * int(seed))
        wanted = only[0].split(",") if only else list(OUTS)
        for fmt, (folder, ext, extra) in OUTS.items():
            if fmt not in wanted:
                continue
            out = root / folder / client / f"{scen}{ext}"
            out.parent.mkdir(parents=True, exist_ok=True)
            argv = [sys.executable, str(HERE / "render_format.py"), str(src), "--format", fmt,
                    "--seed", seed, "--start", start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "--start-cmd", cmd, "-o", str(out), *extra]
            if live != "-":
                argv += ["--live-after", live]
            if exit_status != "-":
                argv += ["--exit-status", exit_status]
            subprocess.run(argv, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
