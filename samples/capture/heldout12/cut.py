#!/usr/bin/env python3
"""Cut heldout12's raw captures as heldout9's were: each file to its first 400 lines, except the runs whose server
was killed mid-run (`*killed*`, `*then-back*`), kept whole so that the kill (it may come after 400 lines of a
chatty worker) and any recovery stay in; MANIFEST.tsv gains its header and the lines kept. Usage: cut.py RAW_DIR (run once, after run.py)."""
import sys
from pathlib import Path

raw = Path(sys.argv[1])
rows = ["# raw\texit code (-2: stopped by the driver's SIGINT, -9 killed after it; 130 through sh)\tlines printed\tlines kept"]
for line in (raw / "MANIFEST.tsv").read_text().splitlines():
    if not line.strip() or line.startswith("#"):
        continue
    name, rc, printed = line.split("\t")[:3]
    f = raw / name
    lines = f.read_bytes().splitlines(keepends=True)
    if len(lines) > 400 and "then-back" not in name and "killed" not in name:
        lines = lines[:400]
        f.write_bytes(b"".join(lines))
    rows.append(f"{name}\t{rc}\t{printed}\t{len(lines)}")
(raw / "MANIFEST.tsv").write_text("\n".join(rows) + "\n")
