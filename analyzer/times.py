"""One time model: a log's time text -> a parsed stamp -> one readable form, and ISO 8601 for JSON.

Every line format keeps the time as the log showed it (`LogRecord.time`); this module says what it
means. A format with a date and a zone (RFC 3339 downloads, the API, syslog) gives an aware
datetime, shown as `2026-11-26 19:46:16 UTC` (or in the local zone on request). `render logs -o
text` has a date but no zone. The dashboard copy has neither, and stays honest:
`08:26:19 AM, date unknown`. Pure functions: no clock is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?\s*(Z|z|UTC|[+-]\d{2}:?\d{2})?$"
)
_LEGACY = re.compile(r"([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{1,2}:\d{2}:\d{2}(?: [AP]M)?)$")
# a log viewer's human date (Kibana's Discover: 'April 15th 2023, 02:41:35.532', 'May 20, 2021 @ 13:17:57.286'):
# a full date in the viewer's zone, which the copy does not say (analyzer.sources.formats._VIEWER)
_VIEWER = re.compile(
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)? (\d{1,2})"
    r"(?:st|nd|rd|th)?,? (\d{4}),?(?: @)? (\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$"
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Stamp:
    """A parsed timestamp: the moment, and whether the log gave a date and a zone."""

    text: str  # as the log showed it
    dt: datetime | None = None  # when the text has a full date (aware when it has a zone)
    has_zone: bool = False
    date_part: str | None = None  # "Sep 1" for a legacy dashboard line (no year)


def parse(text: str | None) -> Stamp | None:
    if not text:
        return None
    raw = text.strip()
    m = _RFC3339.match(raw)
    if m:
        y, mo, d, h, mi, s, frac, zone = m.groups()
        micro = int((frac or "0")[:6].ljust(6, "0"))
        try:
            dt = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s), micro)
        except ValueError:
            return Stamp(raw)
        if zone:
            if zone in ("Z", "z", "UTC"):
                tz = timezone.utc
            else:
                sign = 1 if zone[0] == "+" else -1
                digits = zone[1:].replace(":", "")
                from datetime import timedelta

                tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
            dt = dt.replace(tzinfo=tz)
        return Stamp(raw, dt, zone is not None)
    m = _LEGACY.match(raw)
    if m:
        return Stamp(m.group(3), None, False, f"{m.group(1)} {m.group(2)}")
    m = _VIEWER.match(raw)
    if m and m.group(1) in _MONTHS:
        mon, d, y, h, mi, sec, frac = m.groups()
        try:
            dt = datetime(int(y), _MONTHS.index(mon) + 1, int(d), int(h), int(mi), int(sec), int((frac or "0")[:6].ljust(6, "0")))
        except ValueError:
            return Stamp(raw)
        return Stamp(raw, dt, False)
    return Stamp(raw)


def iso(text: str | None) -> str | None:
    """ISO 8601 for JSON (`2026-11-26T19:46:16.744932Z`), or None when the text has no date."""
    st = parse(text)
    if st is None or st.dt is None:
        return None
    dt = st.dt.astimezone(timezone.utc) if st.has_zone else st.dt
    out = dt.isoformat()
    return out[:-6] + "Z" if out.endswith("+00:00") else out


def _zoned(st: Stamp, local: bool) -> datetime:
    assert st.dt is not None
    if not st.has_zone:
        return st.dt
    return st.dt.astimezone() if local else st.dt.astimezone(timezone.utc)


def _zone_name(dt: datetime) -> str:
    name = dt.tzname() or ""
    return "UTC" if name in ("UTC", "UTC+00:00") else name


def human(text: str | None, lang: str = "en", local: bool = False) -> str:
    """One readable form with date and zone; a dateless time says so."""
    from analyzer.i18n import t

    st = parse(text)
    if st is None:
        return ""
    if st.dt is None:
        if st.date_part:
            return t("time.year_unknown", lang, time=f"{st.date_part} {st.text}")
        return t("time.date_unknown", lang, time=st.text)
    dt = _zoned(st, local)
    out = dt.strftime("%Y-%m-%d %H:%M:%S")
    return f"{out} {_zone_name(dt)}" if st.has_zone else out


def clock(text: str | None, local: bool = False) -> str:
    """The time of day alone, for one-line findings (the date and zone are said once above them)."""
    st = parse(text)
    if st is None:
        return ""
    if st.dt is None:
        return st.text
    return _zoned(st, local).strftime("%H:%M:%S")


def day(text: str | None, local: bool = False) -> str | None:
    """`2026-11-26 UTC` (the day and zone a clock() time is on), or None for a dateless time."""
    st = parse(text)
    if st is None or st.dt is None:
        return None
    dt = _zoned(st, local)
    return dt.strftime("%Y-%m-%d") + (f" {_zone_name(dt)}" if st.has_zone else "")
