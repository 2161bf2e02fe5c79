"""Hyperscan's compiled database kept across runs.

Compiling the prefilter's needles takes tens of ms, and working out the minimal needles a few more, on
every big input (a tenth of the wall time of a 500 MB file on two cores); loading the compiled form takes
a tenth of a ms. One file per set of needles in rla's cache folder (analyzer.cachedir), named by the hash
of what it was built from (the needles, Hyperscan's version, this file's format), so a change is never
served stale. Hyperscan's C library runs what the file holds: it is read only where `cachedir.trusted`
says so, written atomically by this user alone (0600), and anything wrong with it (cut short, another
format, a database Hyperscan refuses) is a miss: the needles are compiled again and the file replaced.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path

from analyzer.cachedir import cache_dir, trusted, write_private

FORMAT = 1
MAX_FILE = 64 << 20
KEEP = 8  # database files kept in the folder (one per rule pack in use); the oldest go first


def key(*parts: object) -> str:
    """The file's name for what a database is built from (repr of each part: needles, flags, versions)."""
    try:  # BLAKE2 built into CPython: hashlib would load OpenSSL first
        from _blake2 import blake2b
    except ImportError:
        from hashlib import blake2b
    return blake2b(repr((FORMAT, *parts)).encode(), digest_size=16).hexdigest()


def _path(name: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"hyperscan-{name}.db"


def load(name: str) -> tuple[int, bytes] | None:
    """(the number stored with it, the serialized database) kept under `name`, or None."""
    path = _path(name)
    if path is None:
        return None
    try:
        with open(path, "rb") as f:
            if not trusted(os.fstat(f.fileno())):
                return None
            raw = f.read(MAX_FILE + 1)
        if len(raw) > MAX_FILE:
            return None
        doc = marshal.loads(raw)
        if type(doc) is dict and doc.get("key") == name and type(doc.get("n")) is int and type(doc.get("db")) is bytes:
            return doc["n"], doc["db"]
    except Exception:  # noqa: BLE001 - a bad cache file is a miss, whatever is wrong with it
        pass
    return None


def store(name: str, n: int, db: bytes) -> None:
    """Keep a database under `name`, with a number of the caller's; any failure leaves no trace."""
    path = _path(name)
    if path is None:
        return
    if write_private(path, marshal.dumps({"key": name, "n": n, "db": db})):
        _prune(path.parent)


def _prune(folder: Path) -> None:
    """At most KEEP database files: a pack edited many times leaves one per version otherwise."""
    try:
        kept = sorted(folder.glob("hyperscan-*.db"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[KEEP:]:
            old.unlink()
    except OSError:  # another run pruned it first
        pass
