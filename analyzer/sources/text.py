"""Bytes -> clean text: BOM, UTF-16, CRLF, ANSI escapes, mojibake repair, invalid bytes.

Reading happens in large blocks that always end on a line boundary, so the scanner can search a
whole block at once and memory stays flat whatever the file size.
"""

from __future__ import annotations

import codecs
import gzip
import re
from collections.abc import Iterator
from typing import BinaryIO

BLOCK_SIZE = 4 * 1024 * 1024

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]")
# Runs of characters that UTF-8 bytes turn into when decoded as Mac Roman or Windows-1252.
# "‚úÖ" is ✅ read as Mac Roman; "âœ…" is ✅ read as Windows-1252.
_MOJIBAKE_HINT = re.compile("[\u201a\u221a\u00c3\u00e2\u00f0\uf8ff]")
_MOJIBAKE_RUN = re.compile("[\u0080-\uffff]+")


def _redecode(run: str) -> str:
    for enc in ("mac_roman", "cp1252"):
        try:
            fixed = run.encode(enc).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if len(fixed) < len(run):
            return fixed
    return run


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Mac Roman or Windows-1252 (only where that is certain)."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    return _MOJIBAKE_RUN.sub(lambda m: _redecode(m.group(0)), text)


def clean(text: str) -> str:
    """Normalise one decoded block: line ends, ANSI colour codes, NULs, mojibake."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    if "\x00" in text:
        text = text.replace("\x00", "")
    return repair_mojibake(text)


def _sniff_encoding(head: bytes) -> tuple[str, int]:
    """Return (codec, bytes of BOM to skip)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16", 0  # the utf-16 codec reads and drops the BOM itself
    return "utf-8", 0


def open_binary(path: str) -> BinaryIO:
    """Open a log file; `.gz` files are decompressed on the fly."""
    handle = open(path, "rb")
    if handle.peek(2)[:2] == b"\x1f\x8b":
        handle.close()
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return handle


def read_blocks(stream: BinaryIO, block_size: int = BLOCK_SIZE) -> Iterator[str]:
    """Yield cleaned text blocks, each ending on a line boundary (the last may not end with \\n).

    Invalid bytes become U+FFFD; they never stop the run.
    """
    head = stream.read(block_size)
    if not head:
        return
    encoding, skip = _sniff_encoding(head[:4])
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    carry = ""
    chunk = head[skip:]
    while True:
        text = carry + decoder.decode(chunk, final=not chunk)
        if not chunk:
            if text:
                yield clean(text)
            return
        cut = text.rfind("\n")
        if cut < 0:
            carry = text
        else:
            carry = text[cut + 1 :]
            yield clean(text[: cut + 1])
        chunk = stream.read(block_size)
