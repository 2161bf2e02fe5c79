"""A storm's copy told from its bytes (analyzer.sources.copies.StampTemplate) is what parsing it gives: wherever
`match` answers, `parse_line` gives the template line's record but for the time and id `match` said. Checked
on real lines of every format the samples hold (RFC 3339, `render logs -o text`, the dashboard, the API's
JSON records, structured loggers' JSON) and on copies of them changed at random: the time's digits, other
digits, any byte, the JSON record's time, id and other values."""

from __future__ import annotations

import json
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.sources.copies import StampTemplate, told_copy
from analyzer.sources.formats import UnparsedRecord, parse_line

ROOT = Path(__file__).resolve().parents[1]


def _real_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted((ROOT / "samples").rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".log", ".jsonl"):
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                if line[:1].isdigit() or line[:1] == "{":
                    lines.append(line)
    return lines


LINES = _real_lines()
TEMPLATED = [(line, t) for line in LINES if (t := StampTemplate.of(line.encode(), line, False)) is not None]


def _same(record):  # type: ignore[no-untyped-def]
    return record.message, record.instance, record.level, record.type


def _told(line: str, template: StampTemplate, other: str) -> bool:
    """`match` on `other` (as the line after a copy of `line` in a block); when it answers, parsing agrees."""
    data = (other + "\n").encode()
    decode = lambda a, b: data[a:b].decode("utf-8", "replace")  # noqa: E731
    got = template.match(data, 0, len(data), decode)
    # the scan's way: a copy of one line (told_copy, inline for text lines) is told alike
    assert told_copy([template], data, 0, len(data), decode) == (None if got is None else (got[0] + 1, *got[1:]))
    if got is None:
        return False
    end, time, ident = got
    assert end == len(data) - 1
    try:
        record = parse_line(other, "x", 1, "auto")
    except UnparsedRecord:
        raise AssertionError(f"told a copy of {line!r} from {other!r}, which does not parse") from None
    ref = parse_line(line, "x", 1, "auto")
    assert record is not None and ref is not None
    assert _same(record) == _same(ref), (line, other)
    assert (record.time, record.id) == (time, ident), (line, other)
    return True


def _pino_text_only() -> list[str]:
    """pino's real lines (epoch-millisecond times) with their fields that are not text left out: JSON records
    whose time is a number, the kind a template compares as objects."""
    out = []
    for line in LINES:
        if line.startswith('{"level":'):
            obj = json.loads(line)
            # (pino's time is a number; heldout30's loggers also write an ISO string there, or no time at all)
            if isinstance(obj.get("time"), (int, float)) and not isinstance(obj["time"], bool):
                out.append(json.dumps({k: v for k, v in obj.items() if k == "time" or isinstance(v, str)}))
    return out


PINO = [(line, t) for line in _pino_text_only() if (t := StampTemplate.of(line.encode(), line, False)) is not None]


def test_templates_of_every_kind_are_made():
    # (json too since heldout14's fred paste: a structured logger's record whose time is a number)
    assert {"text", "strings"} <= {t.kind for _, t in TEMPLATED} <= {"text", "strings", "json"}
    assert {t.kind for _, t in PINO} == {"json"} and len(PINO) >= 3
    assert len(TEMPLATED) > 1000


def test_a_record_with_a_number_for_its_time():
    rnd = random.Random(11)
    for line, template in PINO:
        obj = json.loads(line)
        for when in (obj["time"] + rnd.randrange(1, 5000), obj["time"] / 1000, str(obj["time"])):
            assert _told(line, template, json.dumps({**obj, "time": when}))
        assert not _told(line, template, json.dumps({**obj, "msg": obj.get("msg", "") + "!"}))
        assert not _told(line, template, json.dumps({**obj, "level": 1}))


def _new_digits(text: str, lo: int, hi: int, rnd: random.Random) -> str:
    return "".join(rnd.choice("0123456789") if lo <= i < hi and c in "0123456789" else c for i, c in enumerate(text))


def test_a_new_time_is_told_and_a_new_message_is_not():
    rnd = random.Random(7)
    told = refused = 0
    for line, template in TEMPLATED:
        if template.kind == "text":
            k = template.time_len
            copy = _new_digits(line, 0, k, rnd)
            assert _told(line, template, copy)  # a copy with its own time: told
            told += 1
            other = _new_digits(line, k, len(line), rnd)  # the message's digits changed too
            if other != line and _told(line, template, other):
                raise AssertionError(f"{line!r}: a changed message told as a copy")
            refused += other != line
        else:  # the record's time and id written anew in place (as the API writes each record)
            obj, copy = json.loads(line), line
            for key in ("id", "timestamp", "time"):
                value = obj.get(key)
                if isinstance(value, str) and copy.count(json.dumps(value)) == 1:
                    copy = copy.replace(json.dumps(value), json.dumps(_new_digits(value, 0, len(value), rnd)))
            assert _told(line, template, copy)
            told += 1
            other = json.dumps({**obj, "message": "x"}) if "message" in obj else None
            if other is not None:
                assert not _told(line, template, other)
                refused += 1
    assert told > 1000 and refused > 100


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(TEMPLATED + PINO), st.randoms(use_true_random=False), st.sampled_from(["digit", "byte", "json", "end"]))
def test_whatever_is_told_parses_so(case, rnd, how):  # type: ignore[no-untyped-def]
    line, template = case
    chars = list(line)
    if how == "digit":  # one digit anywhere, the time's or not
        at = [i for i, c in enumerate(chars) if c.isdigit()]
        if at:
            chars[rnd.choice(at)] = rnd.choice("0123456789")
        other = "".join(chars)
    elif how == "byte":  # any character anywhere for one of a few that change a parse
        chars[rnd.randrange(len(chars))] = rnd.choice("0123456789 :.-TZ{}\"'\\,[]aAzé\t")
        other = "".join(chars)
    elif how == "end":  # something more at the end, or one character less
        other = rnd.choice([line + rnd.choice(["}", " ", "x", "0", '"']), line[:-1]])
    else:  # a JSON record with some value replaced (a number, true, a string, a missing key)
        try:
            obj = json.loads(line)
        except ValueError:
            return
        if not isinstance(obj, dict) or not obj:
            return
        key = rnd.choice(sorted(obj))
        obj[key] = rnd.choice([1, 1.0, True, None, "1", str(obj[key]), obj[key]])
        if rnd.random() < 0.2:
            del obj[key]
        other = json.dumps(obj, separators=rnd.choice([(", ", ": "), (",", ":")]))
    _told(line, template, other)


def test_a_number_is_not_told_by_its_value():
    """pino's `"level":50` and `"level":50.0` are equal values but not the same record (level "50" / "50.0")."""
    line = next(x for x in LINES if x.startswith('{"level":50,"time":'))
    template = StampTemplate.of(line.encode(), line, False)
    other = line.replace('"level":50,', '"level":50.0,', 1)
    assert other != line
    if template is not None:
        _told(line, template, other)


def test_no_format_a_line_starting_with_a_digit_may_take_tells_one_digit_from_another():
    """What the text templates rely on: the patterns parse_line tries on a line that starts with a digit treat
    every ASCII digit alike (no literal digit, no class holding some digits only). A new format for such lines
    must too, or the templates would tell a copy its parse does not give."""
    try:
        import re._parser as sre  # type: ignore[import-not-found]
    except ImportError:  # Python 3.10
        import sre_parse as sre  # type: ignore[no-redef]

    from analyzer.sources import formats

    digits = set(range(ord("0"), ord("9") + 1))

    def covered(items) -> set[int]:  # type: ignore[no-untyped-def]
        out: set[int] = set()
        for op, av in items:
            if op is sre.LITERAL and av in digits:
                out.add(av)
            elif op is sre.RANGE:
                out |= digits & set(range(av[0], av[1] + 1))
            elif op is sre.CATEGORY and av in (sre.CATEGORY_DIGIT, sre.CATEGORY_WORD):
                out |= digits
        return out

    def walk(parsed) -> None:  # type: ignore[no-untyped-def]
        for op, av in parsed:
            if op is sre.LITERAL or op is sre.NOT_LITERAL:
                assert av not in digits, chr(av)
            elif op is sre.IN:
                assert covered(av) in (set(), digits), av
            elif op is sre.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)):
                walk(av[2])
            elif op is sre.SUBPATTERN:
                walk(av[3])
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                walk(av[1])
            else:
                assert op in (sre.ANY, sre.AT, sre.CATEGORY, sre.GROUPREF), op

    for pattern in (formats._RFC3339, formats._CLI_TEXT, formats._DASHBOARD):
        walk(sre.parse(pattern.pattern, pattern.flags))
    # the walk itself tells: a literal digit, a class of some digits
    for bad in (r"\d{2}:1\d", r"[0-5]\d"):
        try:
            walk(sre.parse(bad))
        except AssertionError:
            continue
        raise AssertionError(bad)
