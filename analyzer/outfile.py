"""Where rla writes files (`-o`, `--save`, `--write-baseline`, the step summary): regular files only.

A file is written whole or not at all: to a temporary file beside its target, synced, then renamed
over it. A symbolic link is written through (its target, a regular file, is replaced; the link
stays); anything that is not a regular file (a directory, a device such as /dev/full, a FIFO, a
socket, a link to nothing) is refused with one sentence and left as it is.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from analyzer.i18n import Msg

_KINDS = (
    (stat.S_ISDIR, "output.kind.directory"),
    (stat.S_ISCHR, "output.kind.char_device"),
    (stat.S_ISBLK, "output.kind.block_device"),
    (stat.S_ISFIFO, "output.kind.fifo"),
    (stat.S_ISSOCK, "output.kind.socket"),
)


class NotRegular(OSError):
    """The path names something rla must not replace; `strerror` says what it is (a Msg)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(0, Msg("output.not_regular", kind=Msg(kind)), str(path))


def regular_target(path: Path) -> Path:
    """The regular file to replace for `path` (a link's target), or `path` itself when nothing is
    there yet. Raises NotRegular for anything else."""
    try:
        st = os.stat(path)  # follows links
    except FileNotFoundError:
        if os.path.islink(path):
            raise NotRegular(path, "output.kind.dangling") from None
        return Path(path)
    if stat.S_ISREG(st.st_mode):
        return Path(os.path.realpath(path))
    kind = next((k for test, k in _KINDS if test(st.st_mode)), "output.kind.special")
    raise NotRegular(path, kind)


def _new_mode(private: bool) -> int:
    if private:
        return 0o600
    mask = os.umask(0o022)  # read the umask (the only way is to set it), then put it back
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_text(path: Path, private: bool = False, parents: bool = False) -> Iterator[TextIO]:
    """A text handle whose content replaces `path` when the block ends without an error; an
    interruption leaves the previous file (or none). `private`: a new file is readable by its owner
    only (logs may hold secrets); an existing file keeps its permissions. `parents`: create missing
    folders (else a missing folder is the OSError it always was)."""
    target = regular_target(path)
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        mode = _new_mode(private)
    if parents:
        target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with open(fd, "w", encoding="utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_text(path: Path, text: str, private: bool = False, parents: bool = False) -> None:
    with atomic_text(path, private, parents) as handle:
        handle.write(text)


def append_text(path: Path, text: str) -> None:
    """Append to a regular file (or create it); refuse anything else like `atomic_text`."""
    target = regular_target(path)
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(text)
