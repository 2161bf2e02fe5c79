"""The commands: one module per command, registered in analyzer.cli.app."""

import gc

# Start-up allocates tens of thousands of objects that live as long as the process (typer and click, rla's
# modules, the rule pack) and next to no garbage, yet the cyclic collector ran every 700 allocations and went
# through them again and again: about 5 % of the CPU of `rla analyze` on a paste. `main` makes it wait until
# the rule pack is loaded (`started`); a command that never loads one still collects, every START_THRESHOLD.
START_THRESHOLD = 100_000
NORMAL_THRESHOLD = gc.get_threshold()


def main() -> None:
    """The `rla` entry point (pyproject's `analyzer.cli:main`); the app is imported only when run."""
    gc.set_threshold(START_THRESHOLD, *NORMAL_THRESHOLD[1:])
    from analyzer.cli.app import main as run

    run()


def started() -> None:
    """Start-up is over: what it made is left out of every later collection (gc.freeze: it lives as long as
    the process) and the collector runs as usual. Does nothing unless `main` deferred the collector."""
    if gc.get_threshold()[0] == START_THRESHOLD:
        gc.freeze()
        gc.set_threshold(*NORMAL_THRESHOLD)
