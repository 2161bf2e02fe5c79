"""The garbage collector during start-up.

Start-up allocates tens of thousands of objects that live as long as the process (typer and click, rla's
modules, the rule pack) and next to no garbage, yet the cyclic collector ran every 700 allocations and went
through them again and again: about 5 % of the CPU of `rla analyze` on a paste. The entry point defers it
(`defer`) until the rule pack is loaded (`started`); a command that never loads one still collects, every
START_THRESHOLD allocations.
"""

from __future__ import annotations

import gc

START_THRESHOLD = 100_000
NORMAL_THRESHOLD = gc.get_threshold()


def defer() -> None:
    """Collect only every START_THRESHOLD allocations until `started`."""
    gc.set_threshold(START_THRESHOLD, *NORMAL_THRESHOLD[1:])


def started() -> None:
    """Start-up is over: what it made is left out of every later collection (gc.freeze: it lives as long as
    the process) and the collector runs as usual. Does nothing unless `defer` was called."""
    if gc.get_threshold()[0] == START_THRESHOLD:
        gc.freeze()
        gc.set_threshold(*NORMAL_THRESHOLD)
