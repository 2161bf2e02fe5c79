"""Lines that differ from a line parsed already only in their time (and record id): a retry storm's copies, told
from their bytes without parsing each one (analyzer.engine.scan). Exactly what `parse_line` would give, or no answer."""

from __future__ import annotations

import json
import re
from typing import Any

from analyzer.sources.formats import FOOTER, JSON_OPENER, UnparsedRecord, parse_line, time_of

_ZERO_DIGITS = bytes.maketrans(b"0123456789", b"0000000000")
_JSON_SPACE = re.compile(r"[ \t\n\r]*")  # what json reads as white space
_JSON_DECODER = json.JSONDecoder()
_scanstring = json.decoder.scanstring  # json's string scanner (C): (the string, the offset after its closing quote)
_STAMP_KEYS = ("id", "timestamp", "time")  # what a JSON record's time and id are read from, and nothing else


class StampTemplate:
    """A parsed line (`ref`) as a retry storm repeats it, each copy with its own time (and record id): `match`
    tells whether another line parses to the same record but for its time and id, and gives those, without
    parsing the line whole. Exactly `parse_line(line, …, "auto")` where it answers; None where it cannot
    tell (the caller parses the line).

    * text with the time first (RFC 3339, `render logs -o text`, the dashboard): the line is `ref`'s bytes but
      for ASCII digits put in the place of ASCII digits within `ref`'s time. Each of those formats' patterns
      treats every ASCII digit alike (no pattern holds a literal digit), and so does the choice among them (the
      first character a digit, a '-' and a 'T' at fixed places): such a line takes the same path and the same
      groups, its time being its own first bytes.
    * a JSON record whose time and id are strings (the API's): the line is `ref`'s text but for those two
      strings, each any JSON string (read by json's own string scanner): the same tokens but two strings,
      so the same object but for its time and id.
    * another JSON record: the line decodes to an object equal to `ref`'s but for the keys its time and id
      are read from, where every other value of `ref`'s is text (so that equality is identity: 1 == 1.0 ==
      True would not be)."""

    __slots__ = ("kind", "size", "time_len", "shape", "tail", "rest", "pieces", "keys")

    # shape: text, the time's bytes with every digit a 0; JSON, the opener (str)
    def __init__(self, kind: str, size: int = 0, time_len: int = 0, shape: bytes | str = b"", tail: bytes = b"",
                 rest: dict[str, Any] | None = None):
        self.kind, self.size, self.time_len, self.shape, self.tail, self.rest = kind, size, time_len, shape, tail, rest
        self.pieces: tuple[str, ...] = ()  # "strings": `ref`'s text before, between and after its time and id strings
        self.keys: tuple[str, ...] = ()  # "strings": the keys of those strings, in their order

    @classmethod
    def of(cls, raw: bytes, text: str, repaired: bool) -> "StampTemplate | None":
        """The template of one line: its bytes, its text as decoded for `parse_line` (`repaired`: the decoding
        may repair mojibake, which reads the whole text). None: a line this cannot stand for."""
        if not text or "\n" in text or FOOTER in text:
            return None
        try:
            record = parse_line(text, "", 0, "auto")
        except UnparsedRecord:
            return None
        if record is None:
            return None
        first = text[0]
        if first.isascii() and first.isdigit():
            time = record.time
            if not time or not time.isascii() or not text.startswith(time) or (repaired and not text.isascii()):
                return None
            k = len(time)
            if raw[:k] != time.encode():
                return None
            return cls("text", len(raw), k, raw[:k].translate(_ZERO_DIGITS), raw[k:])
        opener = JSON_OPENER.match(text) if first == "{" and text[-1] == "}" else None
        if opener is not None:
            obj = json.loads(text)  # parse_line read it: valid, an object
            if record.time != time_of(obj.get("timestamp", obj.get("time"))):
                return None  # its time is read from elsewhere (loguru's serialized record.time): not told by its stamps
            spans = _top_spans(text)
            if spans is not None:
                stamped = sorted(
                    (spans[k], k) for k in ("id", "timestamp" if "timestamp" in obj else "time") if k in spans
                )
                if all(text[a] == '"' for (a, _), _ in stamped):
                    template = cls("strings")
                    cuts = [0, *(x for (a, b), _ in stamped for x in (a, b)), len(text)]
                    template.pieces = tuple(text[cuts[i] : cuts[i + 1]] for i in range(0, len(cuts), 2))
                    template.keys = tuple(k for _, k in stamped)
                    return template
            rest = {k: v for k, v in obj.items() if k not in _STAMP_KEYS}
            return cls("json", shape=opener.group(0), rest=rest) if _all_text(rest) else None  # type: ignore[arg-type]
        return None

    def match(self, data: bytes | bytearray, at: int, size: int, decode: Any) -> tuple[int, str | None, str | None] | None:
        """The line at `at` of `data` (`decode(start, end)`: its text as `parse_line` gets it) when it is the
        template's but for its time and id: (where its end of line is, its time, its id); None: not known."""
        if self.kind == "text":  # told where a storm's copies are told, inline (told_copy)
            got = told_copy([self], data, at, size, decode)
            return None if got is None else (got[0] - 1, got[1], got[2])
        end = data.find(b"\n", at, size)
        if self.kind == "strings":
            return None if end < 0 else self._strings(decode(at, end), end)
        if end < 0:
            return None
        text = decode(at, end)
        # parse_line's way to a JSON record: "{" first, "}" last (nothing to strip), the opener (`ref`'s: the
        # pattern reads no further), no dashboard footer
        if not text.startswith(self.shape) or text[-1] != "}" or FOOTER in text:  # type: ignore[arg-type]
            return None
        try:
            obj = json.loads(text)
        except (ValueError, RecursionError):
            return None
        if type(obj) is not dict:
            return None
        time = time_of(obj.get("timestamp", obj.get("time")))
        ident = str(obj["id"]) if "id" in obj else None
        for key in _STAMP_KEYS:
            obj.pop(key, None)
        return (end, time, ident) if obj == self.rest else None

    def _strings(self, text: str, end: int) -> tuple[int, str | None, str | None] | None:
        pieces = self.pieces
        if not text.startswith(pieces[0]) or FOOTER in text:
            return None
        at = len(pieces[0])
        values = {}
        try:
            for key, piece in zip(self.keys, pieces[1:]):
                if text[at : at + 1] != '"':
                    return None
                values[key], at = _scanstring(text, at + 1)
                if not text.startswith(piece, at):
                    return None
                at += len(piece)
        except ValueError:  # not a JSON string: parse_line says what it is
            return None
        if at != len(text):
            return None
        ident = values.get("id")
        return end, time_of(values.get("timestamp", values.get("time"))), None if ident is None else str(ident)


def told_copy(
    templates: list[StampTemplate], data: bytes | bytearray, at: int, size: int, decode: Any
) -> tuple[int, str | None, str | None] | None:
    """A copy of an entry's lines (their templates, in order) at `at`, told line by line as `StampTemplate.match`
    tells one (inline for the text lines: a storm's copies come by the hundred thousand): where the copy ends
    (after its last end of line), its first line's time and id; None: not told."""
    first = None
    for template in templates:
        if template.kind == "text":
            end = at + template.size
            k = template.time_len
            if end >= size or data[end] != 10 or not data.startswith(template.tail, at + k):
                return None
            stamp = data[at : at + k]
            if stamp.translate(_ZERO_DIGITS) != template.shape:
                return None
            if first is None:
                first = (stamp.decode("ascii"), None)
        else:
            got = template.match(data, at, size, decode)
            if got is None:
                return None
            end = got[0]
            if first is None:
                first = got[1:]
        at = end + 1
    return None if first is None else (at, *first)


def _top_spans(text: str) -> dict[str, tuple[int, int]] | None:
    """Where each value of a JSON object's text is, by key: [start, end) of its text; None when a key comes twice
    or the text is not one object."""
    decoder = _JSON_DECODER
    at = _JSON_SPACE.match(text, 1).end()  # type: ignore[union-attr]
    spans: dict[str, tuple[int, int]] = {}
    try:
        if text[at] == "}":
            return spans
        while True:
            if text[at] != '"':
                return None
            key, at = _scanstring(text, at + 1)
            at = _JSON_SPACE.match(text, at).end()  # type: ignore[union-attr]
            if text[at] != ":" or key in spans:
                return None
            start = _JSON_SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
            _, at = decoder.raw_decode(text, start)
            spans[key] = (start, at)
            at = _JSON_SPACE.match(text, at).end()  # type: ignore[union-attr]
            if text[at] == "}":
                return spans if at == len(text) - 1 else None
            if text[at] != ",":
                return None
            at = _JSON_SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
    except (ValueError, IndexError):
        return None


def _all_text(value: Any) -> bool:
    """Every value inside (objects, arrays) is a string."""
    if type(value) is str:
        return True
    if type(value) is dict:
        return all(_all_text(v) for v in value.values())
    if type(value) is list:
        return all(_all_text(v) for v in value)
    return False
