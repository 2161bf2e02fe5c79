"""Ctrl-C and SIGTERM: one way to stop, and a final output that is whole or absent.

`timeout 15 rla follow …`, `docker stop` and a cancelled CI job send SIGTERM, not Ctrl-C; both must
end the same way: the diagnosis of what was read is printed. `Interrupts` turns either signal into
KeyboardInterrupt while a command reads, and *defers* them (records them, raises nothing) in the
sections that must not be cut: feeding a batch of records (no entry half-counted) and writing the
final report (stdout holds a whole JSON document or nothing, even when a second Ctrl-C arrives
while it is written to a slow pipe).

Deferring is done in the Python handler, not with `pthread_sigmask`: the kernel may deliver the
signal to another thread (the WebSocket client's), but Python always runs its handlers in the main
thread, so a handler that only records is enough whatever threads exist.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TextIO

SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _raise(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def sigterm_is_ctrl_c() -> None:
    """SIGTERM raises KeyboardInterrupt, as Ctrl-C does (every command: `rla analyze` under
    `timeout` prints what it read, like after Ctrl-C). Main thread only."""
    signal.signal(signal.SIGTERM, _raise)


@dataclass
class Interrupts:
    """`with Interrupts() as stop:` SIGINT/SIGTERM raise KeyboardInterrupt, except inside
    `stop.deferred()`. The previous handlers come back on exit."""

    deferring: int = 0
    pending: int | None = None  # a signal received while deferring, not acted on yet
    received: list[int] = field(default_factory=list)  # every signal received, in order
    _old: dict[int, Any] = field(default_factory=dict)

    def __enter__(self) -> "Interrupts":
        for sig in SIGNALS:
            self._old[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._old.items():
            signal.signal(sig, handler)
        self._old.clear()

    def _handle(self, signum: int, frame: Any) -> None:
        self.received.append(signum)
        if self.deferring:
            self.pending = signum
            return
        raise KeyboardInterrupt

    @contextmanager
    def deferred(self, reraise: bool = True) -> Iterator[None]:
        """Signals received inside are held; on the way out (`reraise`) the first one is raised."""
        self.deferring += 1
        try:
            yield
        finally:
            self.deferring -= 1
        if reraise and not self.deferring and self.pending is not None:
            self.pending = None
            raise KeyboardInterrupt



def write_whole(text: str, stream: TextIO | None = None) -> None:
    """Write a final report so that it is all out or not started: Ctrl-C/SIGTERM are held until the
    last byte is written (then raised: the run ends 130), and partial writes are resumed by hand.

    `sys.stdout.write` is not enough: when a signal interrupts a write to a full pipe, the kernel
    reports the part written and the buffered writer drops the rest (a 250 KB document came out
    as its first 64 KiB, silently)."""
    stream = stream or sys.stdout
    with Interrupts() as stop, stop.deferred():
        stream.flush()
        try:
            fd = stream.fileno()
        except (AttributeError, OSError, ValueError):  # an in-memory stream (tests): nothing to resume
            stream.write(text)
            stream.flush()
            return
        view = memoryview(text.encode(stream.encoding or "utf-8", stream.errors or "strict"))
        while view:
            view = view[os.write(fd, view):]
