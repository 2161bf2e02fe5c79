"""The one place rla reads "now".

Everything measured from now (`--since`, relative `--start/--end`, `follow`'s start, `doctor`'s
windows, "more than 7 days ago") asks `now()`. `RLA_NOW` (RFC 3339) pins it: tests set it, and a
user can replay yesterday's `rla fetch --since 1h` exactly. Monotonic timers (retry pacing, redraw
throttles) measure durations, not dates, and stay on `time.monotonic`.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone

ENV = "RLA_NOW"


class ClockError(ValueError):
    """RLA_NOW is set but is not a time."""


def now() -> datetime:
    """The current UTC time, or RLA_NOW when it is set."""
    pinned = os.environ.get(ENV, "").strip()
    if not pinned:
        return datetime.now(timezone.utc)
    try:
        moment = datetime.fromisoformat(pinned.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ClockError(f"{ENV}={pinned!r} is not an RFC 3339 time like 2026-11-26T06:00:00Z.") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)
