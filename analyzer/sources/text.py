"""Bytes -> clean text: BOM, UTF-16, CRLF, ANSI escapes, mojibake repair, invalid bytes.

Reading happens in large blocks that always end on a line boundary, so the scanner can search a
whole block at once and memory stays flat whatever the file size.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import BinaryIO, Callable

BLOCK_SIZE = 4 * 1024 * 1024
# A line longer than this (a minified bundle, a base64 dump) is cut: its first KEEP_LINE bytes are
# scanned, the rest up to its newline is skipped, and the cut is counted (memory stays flat).
MAX_LINE = 4 * BLOCK_SIZE
KEEP_LINE = 1024 * 1024

# A CSI cut before its final byte (a paste that ends mid-sequence) is noise too: the final byte is optional.
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]?|\x1b[()][0-9A-Za-z]|\x1b[=>]")
# Runs of characters that UTF-8 bytes turn into when decoded as Mac Roman or Windows-1252.
# "‚úÖ" is ✅ read as Mac Roman; "âœ…" is ✅ read as Windows-1252.
_MOJIBAKE_HINT = re.compile("[\u201a\u221a\u00c3\u00e2\u00f0\uf8ff]")
_MOJIBAKE_RUN_TEXT = "[\u0080-\uffff]+"  # compiled on first use: 4 ms of start-up for a rare repair


def _redecode(run: str) -> str:
    for enc in ("mac_roman", "cp1252"):
        try:
            fixed = run.encode(enc).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if len(fixed) < len(run):
            return fixed
    return run


def _repair_line(line: str) -> str:
    if not _MOJIBAKE_HINT.search(line):
        return line
    return re.compile(_MOJIBAKE_RUN_TEXT).sub(lambda m: _redecode(m.group(0)), line)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Mac Roman or Windows-1252 (only where that is certain).

    Line by line: a line is repaired only if it shows a telltale character itself, so a line's text
    never depends on what the rest of the file holds (and the scanner can repair just the lines it
    reads)."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    if "\n" not in text:
        return _repair_line(text)
    return "\n".join(_repair_line(line) for line in text.split("\n"))


def clean(text: str) -> str:
    """Normalise one decoded block: line ends, ANSI colour codes, NULs, mojibake."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:  # first: a NUL inside a colour code ('\x1b\x00[31m') would leave the code once removed
        text = text.replace("\x00", "")
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    return repair_mojibake(text)


def sniff_encoding(head: bytes) -> tuple[str, int]:
    """Return (codec, bytes of BOM to skip), from the first block read. A UTF-16 mark is believed
    only when the bytes after it read as UTF-16 (text in UTF-16 has NUL bytes: every ASCII character
    has one); otherwise it is skipped and the rest read as UTF-8 (see `bom_ignored`)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return (codec, 2) if _reads_as(head[2:65538], codec) else ("utf-8", 2)
    return "utf-8", 0


def _reads_as(sample: bytes, codec: str) -> bool:
    if not sample:
        return True  # a mark and nothing else
    if b"\x00" not in sample:
        return False
    try:
        codecs.getincrementaldecoder(codec)("strict").decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def bom_ignored(head: bytes) -> bool:
    """The input starts with a UTF-16 byte-order mark that its content belies."""
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and sniff_encoding(head)[0] == "utf-8"


def decoded_chunks(head: bytes, stream: BinaryIO, codec: str, chunk_size: int = BLOCK_SIZE // 4) -> Iterator[str]:
    """Decoded text (not cleaned) in chunks that may end anywhere, not on a line boundary: `head`
    (already read, its mark removed), then the rest of `stream`."""
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    data = head
    while data:
        text = decoder.decode(data)
        if text:
            yield text
        data = stream.read(chunk_size)
    text = decoder.decode(b"", final=True)
    if text:
        yield text


def line_blocks(chunks: Iterator[str]) -> Iterator[str]:
    """Text chunks -> cleaned blocks that end on a line boundary (the last may not end with a
    newline): `clean` sees whole lines, so a CRLF or a mojibake run is never cut in two."""
    carry = ""
    for text in chunks:
        text = carry + text
        cut = text.rfind("\n")
        if cut < 0:
            carry = text
            continue
        carry = text[cut + 1 :]
        yield clean(text[: cut + 1])
    if carry:
        yield clean(carry)


def open_binary(path: str) -> BinaryIO:
    """Open a log file; `.gz` files are decompressed on the fly."""
    handle = open(path, "rb")
    if handle.peek(2)[:2] == b"\x1f\x8b":
        import gzip

        handle.close()
        return _Gunzip(gzip.open(path, "rb"))  # type: ignore[return-value]
    return handle


class _Gunzip:
    """A .gz stream that ends quietly where a truncated file ends (`truncated` then says so), so the
    logs before the cut are read instead of lost with the block being filled when it broke."""

    def __init__(self, gz: BinaryIO) -> None:
        self.gz, self.truncated = gz, False

    def read(self, n: int = -1) -> bytes:
        out = bytearray()
        while not self.truncated and (n < 0 or len(out) < n):
            try:
                chunk = self.gz.read1(65536 if n < 0 else min(65536, n - len(out)))  # type: ignore[attr-defined]
            except EOFError:
                self.truncated = True
                break
            if not chunk:
                break
            out += chunk
        return bytes(out)

    def readinto(self, buf) -> int:  # type: ignore[no-untyped-def]
        data = self.read(len(buf))
        buf[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self.gz.close()

    def __enter__(self) -> "_Gunzip":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_blocks(stream: BinaryIO, block_size: int = BLOCK_SIZE) -> Iterator[str]:
    """Yield cleaned text blocks, each ending on a line boundary (the last may not end with \\n).

    Invalid bytes become U+FFFD; they never stop the run.
    """
    head = stream.read(block_size)
    if not head:
        return
    encoding, skip = sniff_encoding(head)
    yield from line_blocks(decoded_chunks(head[skip:], stream, encoding, block_size))


_DIRTY = (b"\r", b"\x1b", b"\x00")
PROBE = 1 << 18  # bytes read ahead to see whether the input is a small one (see read_byte_blocks)


def _whole(data: bytes, cap: int) -> Iterator[tuple[bytes | bytearray, int, bool, int, int, int]]:
    """The one block of an input shorter than the buffer, as read_byte_blocks' loop would give it."""
    if any(data.find(c) >= 0 for c in _DIRTY):
        cleaned = clean(data.decode("utf-8", "replace")).encode("utf-8")
        yield cleaned, len(cleaned), True, 0, len(data), cap
    else:
        yield data, len(data), False, 0, len(data), cap


def read_byte_blocks(
    head: bytes, stream: BinaryIO, block_size: int = BLOCK_SIZE, on_cut: Callable[[int], None] | None = None
) -> Iterator[tuple[bytes | bytearray, int, bool, int, int, int]]:
    """UTF-8 input -> (buffer, size, cleaned, offset, length, cap): blocks of whole lines as bytes,
    never decoded whole. `offset` and `length` locate the block in the input (after `head`'s start),
    `cap` is the buffer size that cut it (see analyzer.engine.parallel.boundaries).

    `head` is what was already read (BOM removed). The buffer is reused: a block is valid until
    the next one is asked for. A block holding CR, ESC or NUL goes through `clean` (decoded,
    cleaned, encoded again: cleaned=True); any other block is left as it is, and its lines get
    the rest of `clean` (invalid bytes -> U+FFFD, mojibake repair) when the scanner decodes them,
    which gives the same text line for line.
    """
    cap = max(block_size, len(head))
    # A paste or a sample ends within the first PROBE bytes: then no block-sized buffer (zeroing 4 MB cost more
    # than reading it). Only PROBE bytes are read ahead: a range of a big file read ahead whole was a fresh 4 MB
    # object per range, page faults that cost a 500 MB file 0.3 s of system time.
    probe = max(0, min(cap, PROBE) - len(head))
    while probe:
        more = stream.read(probe)
        if not more:
            if head:
                yield from _whole(head, cap)
            return
        head += more
        probe -= len(more)
    buf = bytearray(cap)
    buf[: len(head)] = head
    filled, eof = len(head), False
    offset = 0
    readinto = getattr(stream, "readinto", None)
    while True:
        while filled < cap and not eof:
            if readinto is not None:
                with memoryview(buf) as view:
                    n = readinto(view[filled:cap])
            else:
                chunk = stream.read(cap - filled)
                n = len(chunk)
                buf[filled : filled + n] = chunk
            if not n:
                eof = True
            else:
                filled += n
        if filled == 0:
            return
        cut = filled if eof else buf.rfind(b"\n", 0, filled) + 1
        if cut == 0 and cap >= MAX_LINE:  # an over-long line: keep its start, skip to its newline
            kept = clean(bytes(buf[:KEEP_LINE]).decode("utf-8", "replace")).encode("utf-8") + b"\n"
            yield kept, len(kept), True, offset, filled, cap
            consumed, filled = filled, 0
            while not eof:
                n = readinto(buf) if readinto is not None else len(chunk := stream.read(cap)) or 0
                if readinto is None and n:
                    buf[:n] = chunk
                if not n:
                    eof = True
                    break
                nl = buf.find(b"\n", 0, n)
                if nl >= 0:
                    buf[: n - nl - 1] = buf[nl + 1 : n]
                    consumed, filled = consumed + nl + 1, n - nl - 1
                    break
                consumed += n
            if on_cut is not None:
                on_cut(consumed)
            offset += consumed
            if eof and not filled:
                return
            continue
        if cut == 0:  # one line longer than the buffer: make room
            cap *= 2
            bigger = bytearray(cap)
            bigger[:filled] = buf[:filled]
            buf = bigger
            continue
        if any(buf.find(c, 0, cut) >= 0 for c in _DIRTY):
            data = clean(buf[:cut].decode("utf-8", "replace")).encode("utf-8")
            yield data, len(data), True, offset, cut, cap
        else:
            yield buf, cut, False, offset, cut, cap
        if eof:
            return
        offset += cut
        rest = filled - cut
        buf[:rest] = buf[cut:filled]
        filled = rest
