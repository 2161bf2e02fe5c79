"""Where rla keeps its cache files (the rule-pack cache, the compiled forms kept across runs, Hyperscan's
database): a module of its own, importing nothing of rla, so that the entry point can find the folder before
anything else is imported; and which of its files may be read where what is read runs as code.

RLA_CACHE_DIR, else $XDG_CACHE_HOME/rla, else the platform's user cache folder. RLA_NO_CACHE=1 turns
caching off.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_dir() -> Path | None:
    """The folder of rla's cache files, or None when caching is off."""
    if os.environ.get("RLA_NO_CACHE", "") not in ("", "0"):
        return None
    if os.environ.get("RLA_CACHE_DIR"):
        return Path(os.environ["RLA_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "rla"
    try:
        home = Path.home()
    except (RuntimeError, KeyError):  # no home folder to be found (a bare service account): no cache
        return None
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "rla"
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "rla" / "Cache"
    return home / ".cache" / "rla"


def trusted(st: os.stat_result) -> bool:
    """Whether a cache file whose content runs (compiled code, a Hyperscan database that its C library executes)
    may be read: on POSIX only a file of this user that no one else may write, so a cache folder others can
    write to (RLA_CACHE_DIR=/tmp/…, a shared CI runner) cannot plant one; they cannot make a file this user
    owns. __pycache__ trusts its folder alone; these files trust less."""
    if os.name != "posix":
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def write_private(path: Path, data: bytes) -> bool:
    """Write a cache file atomically (a file of this process, readable by this user alone, renamed over); any
    failure leaves no trace and says False. Without `tempfile`: importing it (random, shutil) would cost more
    than the rest of a write."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return False
    return True
