"""The Render API's timestamps (RFC 3339, up to nanoseconds): read once for doctor and its Key Value side."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

_TS = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$")


def parse_ts(text: Any) -> datetime | None:
    """RFC 3339 with any fraction (the API sends up to ns) -> aware datetime; None if unreadable."""
    if not isinstance(text, str):
        return None
    m = _TS.match(text.strip())
    if not m:
        return None
    day, clock, frac, tz = m.groups()
    tz = tz or "Z"
    if tz == "Z":
        tz = "+00:00"
    elif ":" not in tz:
        tz = tz[:3] + ":" + tz[3:]
    frac = (frac or "0")[:6].ljust(6, "0")
    try:
        return datetime.fromisoformat(f"{day}T{clock}.{frac}{tz}").astimezone(timezone.utc)
    except ValueError:
        return None


def fmt_ts(dt: datetime | None) -> str:
    return dt.strftime("%Y-%m-%d %H:%M UTC") if dt else "?"
