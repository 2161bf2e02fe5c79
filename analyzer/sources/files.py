"""Where the bytes come from: paths, globs, directories, stdin -> text blocks.

A block is a run of whole physical lines from one source; the scanner searches it in one pass.
JSON documents (a `{"logs": [...]}` page, an array, pretty-printed objects) are decoded here and
handed on as pre-parsed records, since their lines are not log lines.
"""

from __future__ import annotations

import glob
import io
import itertools
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from analyzer.i18n import error
from analyzer.model import LogRecord
from analyzer.sources.formats import (
    UnparsedRecord,
    looks_like_json_document,
    parse_pasted_line,
    record_from_api_log,
    time_key,
)
from analyzer.sources.text import (
    BLOCK_SIZE,
    KEEP_LINE,
    bom_ignored,
    clean,
    decoded_chunks,
    line_blocks,
    open_binary,
    read_byte_blocks,
    sniff_encoding,
)

LOG_SUFFIXES = (".log", ".txt", ".json", ".jsonl", ".ndjson", ".gz")
STDIN = "-"
# A plain file this big is handed on unread (`Block.rest`): the pipeline may scan its byte ranges on
# every core (analyzer.summary.split) instead of reading it here block after block.
SPLIT_MIN = 48 * 1024 * 1024


class InputError(Exception):
    """A user-facing input problem: one sentence, exit code 2."""


@dataclass
class Block:
    """A run of whole physical lines from one source.

    Read from a file or stdin, a block is bytes (`data[:size]`, UTF-8, line ends and escape codes
    already clean) and is never decoded as a whole: the scanner decodes the few lines it needs.
    Made from a string (tests, pastes, API records), `text` is set and `buffer()` encodes it once.
    """

    source: str
    start_line: int  # line number of the block's first line
    text: str = ""
    records: list[LogRecord] | None = None  # set when the block's lines are pre-parsed records
    data: bytes | bytearray | None = None  # the block's bytes (may be a reused buffer: use at once)
    size: int = 0  # bytes of `data` that belong to the block
    clean: bool = True  # False: lines may still need the mojibake repair (done per line, lazily)
    more: bool = False  # more blocks of this source may follow (an entry may continue there)
    newlines: int | None = None  # set by the scanner once it has counted them
    # A big plain file not read yet: `rest()` reads it block by block; `origin` says where its bytes
    # are (path, offset of the first line, block size, file size) for a reader that splits it.
    rest: Callable[[], Iterator["Block"]] | None = None
    origin: tuple[str, int, int, int] | None = None
    counted: int | None = None  # lines of a `rest` block, set by whoever read it

    def buffer(self) -> tuple[bytes | bytearray, int]:
        if self.data is None:
            self.data = self.text.encode("utf-8", "surrogatepass")
            self.size = len(self.data)
        return self.data, self.size

    def count_newlines(self) -> int:
        if self.newlines is None:
            data, size = self.buffer()
            self.newlines = data.count(b"\n", 0, size)
        return self.newlines

    def line_count(self) -> int:
        """Physical lines in the block (records: one each; a last line without newline counts)."""
        if self.counted is not None:
            return self.counted
        if self.records is not None:
            return len(self.records)
        data, size = self.buffer()
        return self.count_newlines() + (0 if size and data[size - 1] == 10 else 1)


@dataclass
class Problems:
    """Records that could not be read, reported instead of crashing."""

    unparsed: int = 0
    first: str | None = None
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how an input was read, when the user should know

    # the line of `first` when it is a line of a plain source: bookkeeping for numbering the parts of a split file
    # (analyzer/summary.py), never reported, so no part of what two readings' problems are compared on
    first_line: int | None = field(default=None, compare=False)

    def note(self, where: str) -> None:
        self.unparsed += 1
        if self.first is None:
            self.first = where

    def note_line(self, source: str, line: int) -> None:
        if self.first is None:
            self.first_line = line
        self.note(f"{source}:{line}")


def expand(paths: list[str]) -> list[str]:
    """Files, globs (`**` recursing) and directories (recursively, log-like files only) -> file list, in order."""
    out: list[str] = []
    for raw in paths:
        if raw == STDIN:
            out.append(STDIN)
            continue
        # `**` is any depth of folders, none included (archive/**/*.jsonl.gz: an archive's days and services)
        matches = sorted(glob.glob(raw, recursive=True)) if any(c in raw for c in "*?[") else [raw]
        if not matches:
            raise InputError(error("input.no_match", raw=raw))
        for path in matches:
            if os.path.isdir(path):
                found = sorted(
                    str(p) for p in Path(path).rglob("*") if p.is_file() and p.name.lower().endswith(LOG_SUFFIXES)
                )
                if not found:
                    raise InputError(error("input.no_logs", path=path))
                out.extend(found)
            elif os.path.exists(path):
                out.append(path)
            else:
                raise InputError(error("input.no_file", path=path))
    return out


# Records of a JSON document go to the scanner in batches, each put in time order (API pages come
# newest first): memory stays flat whatever the document's size.
BATCH_RECORDS = 8_000
BATCH_BYTES = 2 * 1024 * 1024
JSON_CHUNK = 256 * 1024  # bytes read at a time from a JSON document (small pieces keep the heap from fragmenting)


def _records_block(records: list[LogRecord], source: str, start: int) -> Block:
    times = [r.time for r in records]
    if _uniform_utc(times):  # the API's own stamps: text order is time order, no parsing needed
        if any(a > b for a, b in zip(times, times[1:])):  # type: ignore[operator]
            records = [records[i] for i in sorted(range(len(records)), key=times.__getitem__)]
    else:
        keys = [time_key(t) for t in times]
        if all(keys):
            order = sorted(range(len(records)), key=lambda i: keys[i])  # type: ignore[arg-type,return-value]
            records = [records[i] for i in order]
    return Block(source, start, "\n".join(r.message.replace("\n", " ") for r in records), records, more=True)


def _uniform_utc(times: list[str | None]) -> bool:
    """RFC 3339 UTC stamps all of one width (2026-11-28T19:52:07.562405967Z)."""
    if not times or not isinstance(times[0], str):
        return False
    width = len(times[0])
    return all(isinstance(t, str) and len(t) == width and t.endswith("Z") and t[10:11] == "T" for t in times)


def _json_blocks(chunks: Iterator[str], source: str, problems: Problems) -> Iterator[Block]:
    """A JSON document's records, batch by batch; text lines if it is not JSON after all (a Node
    object printed over lines, a JSON-lines file whose first line is cut)."""
    from analyzer.sources.jsondoc import Bad, JsonDocument  # here: a text log never needs the JSON reader

    doc = JsonDocument(chunk.replace("\x00", "") if "\x00" in chunk else chunk for chunk in chunks)
    records: list[LogRecord] = []
    size, start = 0, 1
    for line, obj in doc:
        if isinstance(obj, Bad):
            problems.note(f"{source} ({obj.why} at line {line})")
            continue
        try:
            record = record_from_api_log(obj, source, line)
        except UnparsedRecord:
            problems.note(f"{source}:{line}")
            continue
        records.append(record)
        size += len(record.message)
        if len(records) >= BATCH_RECORDS or size >= BATCH_BYTES:
            yield _records_block(records, source, start)
            start += len(records)
            records, size = [], 0
    if records:
        yield _records_block(records, source, start)
    if doc.cut_alone:
        yield _pasted_block("".join(doc.rest()), source)
    elif doc.not_json:
        yield from _text_blocks(doc.rest(), source)


def _pasted_block(text: str, source: str) -> Block:
    """A small input whose only JSON record is cut short, line by line, the cut record kept as its text
    (jsondoc.JsonDocument.cut_alone: the whole input is in hand, at most a window)."""
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    records = [parse_pasted_line(line, source, n) for n, line in enumerate(lines, 1)]
    return Block(source, 1, "\n".join(r.message.replace("\n", " ") for r in records), records, more=True)


def _text_blocks(chunks: Iterator[str], source: str) -> Iterator[Block]:
    line = 1
    for text in line_blocks(chunks):
        block = Block(source, line, text, more=True)
        yield block
        line += block.count_newlines()


def blocks_from_stream(stream: BinaryIO, source: str, problems: Problems, block_size: int = BLOCK_SIZE) -> Iterator[Block]:
    head = stream.read(block_size)
    if not head:
        return
    encoding, skip = sniff_encoding(head)
    if bom_ignored(head):
        problems.notes.append(error("input.bad_bom", path=source))
    if encoding != "utf-8":  # UTF-16: decoded as text; a JSON document or lines
        chunks = decoded_chunks(head[skip:], stream, encoding, block_size)
        first = next(chunks, "")
        rest = itertools.chain([first], chunks)
        if looks_like_json_document(clean(first[:16384])[:4096]):
            yield from _json_blocks(rest, source, problems)
        else:
            yield from _text_blocks(rest, source)
        return
    start = clean(head[skip : skip + 16384].decode(encoding, "replace"))[:4096]
    if looks_like_json_document(start):
        yield from _json_blocks(decoded_chunks(head[skip:], stream, encoding, JSON_CHUNK), source, problems)
        return
    kind = binary_kind(head[skip:])
    if kind is not None:
        problems.skipped.append(error("input.binary", path=source, kind=kind))
        return
    # A plain file can be read again at any offset: a big one is handed on unread, to be split.
    seekable = isinstance(stream, io.BufferedReader) and source != "<stdin>" and os.path.isfile(source)
    if seekable and os.path.getsize(source) - skip >= SPLIT_MIN:
        file_size = os.path.getsize(source)
        rest = _byte_blocks(head[skip:], stream, source, problems, block_size)
        yield Block(source, 1, more=True, rest=lambda: rest, origin=(source, skip, block_size, file_size))
        return
    yield from _byte_blocks(head[skip:], stream, source, problems, block_size)


def _byte_blocks(head: bytes, stream: BinaryIO, source: str, problems: Problems, block_size: int) -> Iterator[Block]:
    line = 1
    cuts: list[int] = []
    for data, size, cleaned, _, _, _ in read_byte_blocks(head, stream, block_size, cuts.append):
        block = Block(source, line, data=data, size=size, clean=cleaned, more=True)
        yield block
        line += block.count_newlines()
    if cuts:
        problems.skipped.append(error("input.long_lines", path=source, n=len(cuts), mib=KEEP_LINE // 2**20))


class _Window(io.RawIOBase):
    """The bytes [offset, offset + length) of an open file, read as a stream."""

    def __init__(self, handle: BinaryIO, offset: int, length: int):
        handle.seek(offset)
        self.handle, self.left = handle, length

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:  # type: ignore[no-untyped-def,override]
        n = min(len(buf), self.left)
        if n <= 0:
            return 0
        with memoryview(buf) as view:
            got = self.handle.readinto(view[:n]) or 0
        self.left -= got
        return got


def range_blocks(source: str, offset: int, length: int, block_size: int, problems: Problems) -> Iterator[Block]:
    """The blocks of a plain file's byte range (whole lines, numbered from 1), read and cleaned as a
    plain read of the whole file reads them: a range cut where that read cuts a block is one block."""
    block_size = min(block_size, length + 1)  # a buffer past the range's end would be memory for nothing
    with open(source, "rb") as handle:
        yield from _byte_blocks(b"", _Window(handle, offset, length), source, problems, block_size)  # type: ignore[arg-type]


# Magic numbers of files that are not logs (a .gz is opened by its magic before this is asked).
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"), (b"\x7fELF", "an executable (ELF)"), (b"%PDF-", "a PDF document"),
    (b"BZh", "a bzip2 archive"), (b"\xfd7zXZ\x00", "an xz archive"), (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xca\xfe\xba\xbe", "a compiled binary"), (b"\xcf\xfa\xed\xfe", "an executable (Mach-O)"),
    (b"\x1f\x8b", "a gzip stream"),
)
_CONTROL = bytes(c for c in range(32) if c not in b"\t\n\r\x0b\x0c\x1b\x08")


def binary_kind(head: bytes) -> str | None:
    """What a non-log file is ("a PNG image", "binary data"), or None for text. NUL bytes alone do
    not make a file binary (they are stripped); many control bytes or invalid UTF-8 do."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    sample = head[:65536].replace(b"\x00", b"")
    if len(sample) < 256:  # too little to judge: read it as text (nothing is lost either way)
        return None
    bad = len(sample) - len(sample.translate(None, _CONTROL))
    bad += sample.decode("utf-8", "replace").count("\ufffd")
    return "binary data" if bad > len(sample) // 10 else None


def read_sources(paths: list[str], problems: Problems, stdin: BinaryIO | None = None) -> Iterator[Block]:
    """All blocks of all inputs, in order. Unreadable files raise InputError before any output."""
    for path in expand(paths):
        if path == STDIN:
            yield from blocks_from_stream(stdin or sys.stdin.buffer, "<stdin>", problems)
            continue
        try:
            handle = open_binary(path)
        except PermissionError:
            raise InputError(error("input.denied", path=path)) from None
        except IsADirectoryError:
            raise InputError(error("input.directory", path=path)) from None
        except OSError as exc:
            raise InputError(error("input.unreadable", path=path, why=exc.strerror or exc)) from None
        with handle:
            try:
                yield from blocks_from_stream(handle, path, problems)
            except (OSError, EOFError) as exc:  # a corrupt .gz, a file removed under us
                problems.skipped.append(f"{path}: {exc}")
            if getattr(handle, "truncated", False):
                problems.skipped.append(f"{path}: the compressed file ends early; the logs before the cut were read")


def text_block(text: str, source: str = "<text>") -> Block:
    """A block from an in-memory string (tests, rule examples)."""
    return Block(source, 1, clean(text))
