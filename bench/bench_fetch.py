"""Benchmark: fetch 100,000 logs from the fake Render API with 50 ms added to every answer.

    .venv/bin/python bench/bench_fetch.py                 # client only (pagination + dedupe + sort)
    .venv/bin/python bench/bench_fetch.py --cli           # also `rla fetch --format json` end to end
    .venv/bin/python bench/bench_fetch.py --max-limit 100 # a server that holds to the spec's limit=100
    .venv/bin/python bench/bench_fetch.py --rss --logs 1000000        # peak RSS of `rla fetch` (no latency)
    .venv/bin/python bench/bench_fetch.py --rss --code /path/to/other/checkout  # the same, another rla

`--rss` (issue 17: flat memory) runs `rla fetch --format json` and `rla fetch --save FILE` in fresh
processes and reports each one's peak RSS (getrusage of the child) and the requests the fake saw
(`limit=1000` tried how many times); `rss_rows(logs, max_limit)` gives the same figures to bench/run.py.

The fake runs in its own process (so its JSON encoding does not share the GIL with the
client). The floor is what the latency alone costs: ceil(logs / page size) requests, one after
the other (time-window pagination cannot be parallelised: each page's window comes from the
previous answer), each at least `--latency` seconds.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OWNER = "tea-benchbenchbenchbench"
SID = "srv-benchbenchbenchbench1"
KEY = "rnd_bench_key"


def serve(n: int, latency: float, max_limit: int, ready: "mp.Queue", stop: "mp.Event") -> None:
    from tests.fake_render_api import FakeData, FakeRender

    data = FakeData()
    data.add_owner(OWNER, "Bench")
    data.add_service("bench", SID, owner_id=OWNER)
    end = time.time_ns() - 60 * 10**9
    step = 3 * 3600 * 10**9 // n  # spread over three hours
    lines = ["GET /api/items 200 12ms", "Redis connection error: connect ECONNREFUSED 10.0.3.7:6379",
             "cache hit ratio 0.93", "worker heartbeat"]
    data.logs.add([data.logs.make(lines[i % len(lines)], resource=SID, ns=end - (n - i) * step,
                                  instance=f"{SID}-a{i % 4}bcd", level="error" if i % 4 == 1 else "info")
                   for i in range(n)])
    fake = FakeRender(data, api_key=KEY)
    fake.latency = latency
    fake.max_log_limit = max_limit
    fake.rate_limit = 10**9  # measure the pagination, not the rate limit
    fake.start()
    ready.put(fake.url)
    stop.wait()
    asked = [r.query.get("limit", ["?"])[-1] for r in fake.log_requests()]
    ready.put((len(asked), sum(int(a) > max_limit for a in asked if a.isdigit())))  # requests, refused sizes
    fake.stop()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--logs", type=int, default=100_000)
    ap.add_argument("--latency", type=float, default=0.05)
    ap.add_argument("--max-limit", type=int, default=1000, help="largest page the fake accepts (spec: 100)")
    ap.add_argument("--cli", action="store_true", help="also time `rla fetch --format json` (with the diagnosis)")
    ap.add_argument("--rss", action="store_true", help="only the peak RSS of `rla fetch` (and with --save)")
    ap.add_argument("--code", default=str(ROOT), help="the checkout whose rla --rss measures (default: this one)")
    args = ap.parse_args()
    if args.rss:
        return rss_main(args)

    ready: mp.Queue = mp.Queue()
    stop = mp.Event()
    proc = mp.Process(target=serve, args=(args.logs, args.latency, args.max_limit, ready, stop), daemon=True)
    proc.start()
    url = ready.get(timeout=120)

    from analyzer.render.api import LogQuery, RenderClient

    client = RenderClient(KEY, url)
    now = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    res = client.fetch_logs(LogQuery(OWNER, [SID], now - timedelta(hours=4), now))
    ids = [log["id"] for log in res.read()]  # read back from the spool, in time order
    elapsed = time.perf_counter() - t0
    client.close()
    res.close()
    assert res.complete, res.incomplete
    assert res.count == len(ids) == args.logs == len(set(ids)), "not every log exactly once"

    page = res.page_limit
    floor_requests = math.ceil(args.logs / page)
    floor_s = floor_requests * args.latency
    result = {
        "logs": res.count,
        "requests": res.requests,
        "pages": res.pages,
        "page_size": page,
        "latency_s": args.latency,
        "seconds": round(elapsed, 3),
        "logs_per_s": round(res.count / elapsed),
        "floor_requests": floor_requests,
        "floor_seconds": round(floor_s, 3),
        "floor_logs_per_s": round(args.logs / floor_s) if floor_s else None,
        "vs_floor": round(elapsed / floor_s, 2) if floor_s else None,
    }
    if args.cli:
        env = {**os.environ, "RENDER_HOST": url, "RENDER_API_KEY": KEY, "NO_COLOR": "1"}
        t1 = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "analyzer", "fetch", SID, "--since", "4h", "--format", "json"],
                             capture_output=True, text=True, env=env, cwd=ROOT)
        cli_s = time.perf_counter() - t1
        assert out.returncode in (0, 1), out.stderr
        result["cli_seconds"] = round(cli_s, 3)
        result["cli_lines"] = json.loads(out.stdout)["stats"]["lines"]
    stop.set()
    result["server_saw_log_requests"], result["refused_page_sizes"] = ready.get(timeout=30)
    proc.join(10)

    print(f"fetched {result['logs']:,} logs in {result['seconds']:.2f}s = {result['logs_per_s']:,} logs/s, "
          f"{result['requests']} requests ({result['pages']} pages of {page}, {args.latency * 1000:.0f} ms latency)")
    print(f"floor: {floor_requests} requests x {args.latency * 1000:.0f} ms = {floor_s:.2f}s "
          f"({result['floor_logs_per_s'] or 0:,} logs/s); measured / floor = {result['vs_floor']}")
    if args.cli:
        print(f"rla fetch --format json end to end (fetch + diagnosis of {result['cli_lines']:,} lines): "
              f"{result['cli_seconds']:.2f}s")
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "bench_fetch.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


_PROBE = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)\n"
    "took = time.perf_counter() - t\n"
    "sys.stderr.write(p.stderr[-300:] if p.returncode > 1 else '')\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, took, p.returncode)\n"
)


def fetch_rss(url: str, code: Path = ROOT, save: Path | None = None) -> tuple[float, float, int]:
    """(peak RSS MB, wall s, exit code) of `rla fetch SID --since 4h --format json` (with `--save`)
    of the rla at `code`, in a fresh process: getrusage's children maximum is per process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RENDER_", "RLA_"))}
    env.update({"RENDER_HOST": url, "RENDER_API_KEY": KEY, "NO_COLOR": "1", "RLA_LANG": "en", "PYTHONPATH": str(code)})
    cmd = [sys.executable, "-m", "analyzer", "fetch", SID, "--since", "4h", "--format", "json"]
    if save is not None:
        cmd += ["--save", str(save)]
    out = subprocess.run([sys.executable, "-c", _PROBE, *cmd], capture_output=True, text=True, env=env, cwd=str(code))
    if out.stderr:
        print("  rla said:", out.stderr.strip()[-300:])
    kb, took, code_ = out.stdout.split()
    return int(kb) / 1024, float(took), int(code_)


def rss_rows(logs: int = 1_000_000, max_limit: int = 1000, code: Path = ROOT, save: bool = True) -> dict:
    """Issue 17's `rla fetch` rows for bench/run.py: a fake serving `logs` logs (no added latency) in
    its own process, then `rla fetch` (and `rla fetch --save`) of them in fresh processes. Returns
    {"fetch": (peak RSS MB, wall s, exit), "save": (…, lines saved) or None, "requests": n,
    "refused": requests for a page size the fake refuses}."""
    import tempfile

    ready: mp.Queue = mp.Queue()
    stop = mp.Event()
    proc = mp.Process(target=serve, args=(logs, 0.0, max_limit, ready, stop), daemon=True)
    proc.start()
    url = ready.get(timeout=1200)
    out: dict = {"logs": logs, "max_limit": max_limit, "save": None}
    try:
        out["fetch"] = fetch_rss(url, code)
        if save:
            with tempfile.TemporaryDirectory() as tmp:
                saved = Path(tmp) / "saved.jsonl"
                rss, took, rc = fetch_rss(url, code, saved)
                out["save"] = (rss, took, rc, sum(1 for _ in saved.open("rb")) if saved.exists() else 0)
    finally:
        stop.set()
        out["requests"], out["refused"] = ready.get(timeout=60)
        proc.join(10)
    return out


def rss_main(args: argparse.Namespace) -> int:
    rows = rss_rows(args.logs, args.max_limit, Path(args.code))
    rss, took, rc = rows["fetch"]
    print(f"rla fetch of {args.logs:,} logs (pages of up to {args.max_limit}): peak RSS {rss:.0f} MB, "
          f"{took:.1f} s, exit {rc}")
    rss_s, took_s, rc_s, lines = rows["save"]
    print(f"rla fetch --save of {args.logs:,} logs: peak RSS {rss_s:.0f} MB, {took_s:.1f} s, exit {rc_s}, "
          f"{lines:,} lines saved")
    print(f"the fake saw {rows['requests']} /v1/logs requests for the two runs, {rows['refused']} of them "
          "for a page size it refuses")
    return 0


if __name__ == "__main__":
    sys.exit(main())
