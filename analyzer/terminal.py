"""The terminal, for every command: how wide it is, how wide text is on it, colour, and the pager.

One width policy: `$COLUMNS`, else the terminal's own width, else 80 (a pipe, a file, CI).
Text is measured in terminal cells, not code points: a CJK character or an emoji takes two cells,
a combining accent or a variation selector none (VS16 turns the symbol before it into a 2-cell emoji,
as terminals draw ⚠️). Wrapping breaks at spaces only, so a rule id, an error code or `file:line`
is never cut; only a token wider than the whole line is cut, since nothing else fits.
"""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import sys
import unicodedata
from typing import IO, Mapping, Optional

DEFAULT_WIDTH = 80
MIN_WIDTH = 40  # below this nothing readable fits; narrower terminals get 40 and wrap themselves
_VS16 = "\ufe0f"


def width(env: Mapping[str, str] | None = None, stream: Optional[IO[str]] = None) -> int:
    """Columns to lay text out in: $COLUMNS, else the terminal's width, else 80."""
    env = os.environ if env is None else env
    raw = env.get("COLUMNS", "").strip()
    if raw.isdigit() and int(raw) > 0:
        return max(int(raw), MIN_WIDTH)
    stream = sys.stdout if stream is None else stream
    try:
        if stream.isatty():
            cols = os.get_terminal_size(stream.fileno()).columns
            if cols > 0:
                return max(cols, MIN_WIDTH)
    except (OSError, ValueError, AttributeError):
        pass
    return DEFAULT_WIDTH


def height(stream: Optional[IO[str]] = None) -> int:
    stream = sys.stdout if stream is None else stream
    try:
        return os.get_terminal_size(stream.fileno()).lines
    except (OSError, ValueError, AttributeError):
        return 24


@functools.lru_cache(maxsize=4096)  # a report's non-ASCII text repeats a few characters (×, ↳, accents, ✅)
def _char_cells(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf") or ch == _VS16:
        return 0
    if unicodedata.category(ch) == "Cc":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cells(text: str) -> int:
    """Display width of one line of text in terminal cells (ANSI colour codes take none)."""
    text = strip_ansi(text)
    if text.isascii():  # what nearly every line is: one cell per character, none for a control character
        return len(text) if text.isprintable() else sum(ch.isprintable() for ch in text)
    total = 0
    prev = ""
    for ch in text:
        if ch == _VS16 and prev and _char_cells(prev) == 1:
            total += 1  # ⚠ + VS16 is drawn as the 2-cell emoji ⚠️
        else:
            total += _char_cells(ch)
        prev = ch
    return total


def strip_ansi(text: str) -> str:
    if "\x1b" not in text:
        return text
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def clip(text: str, limit: int, ellipsis: str = "…") -> str:
    """`text` cut to at most `limit` cells, with an ellipsis when something was cut."""
    if cells(text) <= limit:
        return text
    out = ""
    room = max(limit - cells(ellipsis), 0)
    for ch in text:
        if cells(out + ch) > room:  # measured with what precedes: VS16 widens the symbol before it
            break
        out += ch
    return out.rstrip() + ellipsis


def _hard_cut(word: str, limit: int) -> list[str]:
    pieces, cur, used = [], "", 0
    for ch in word:
        w = cells(ch)
        if used + w > limit and cur:
            pieces.append(cur)
            cur, used = "", 0
        cur += ch
        used += w
    return pieces + ([cur] if cur else [])


def wrap(text: str, limit: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    """Word-wrap `text` to `limit` cells, breaking at spaces only (identifiers stay whole)."""
    subsequent = indent if subsequent is None else subsequent
    lines: list[str] = []
    cur, fresh = indent, True  # fresh: nothing but the indent on the current line
    for word in text.split():
        candidate = cur + word if fresh else cur + " " + word
        if cells(candidate) <= limit:
            cur, fresh = candidate, False
            continue
        if not fresh:  # the word goes to the next line
            lines.append(cur)
            cur, fresh = subsequent, True
        if cells(cur + word) <= limit:
            cur, fresh = cur + word, False
            continue
        # wider than a whole line (a long path or URL): nothing else fits, so this one is cut
        parts = _hard_cut(word, max(limit - max(cells(cur), cells(subsequent)), 1))
        for part in parts[:-1]:
            lines.append(cur + part)
            cur = subsequent
        cur, fresh = cur + parts[-1], False
    if not fresh or not lines:
        lines.append(cur)
    return lines


def columns(rows: list[list[str]], indent: str = "", sep: str = "  ") -> str | None:
    """Rows as left-aligned columns, each row's trailing space cut, as tabulate lays them out (no lines, no
    padding, cells stripped, `indent` before and `sep` between the columns), done here where that is plain:
    every column but the last printable ASCII (a character is a cell) and no line break in any cell. Else
    None, and the caller asks tabulate, whose import (with `html`) would otherwise cost every start."""
    if any(_BREAKS.intersection(cell) for row in rows for cell in row):
        return None
    rows = [[cell.strip() for cell in row] for row in rows]
    if not all(cell.isascii() and cell.isprintable() for row in rows for cell in row[:-1]):
        return None
    widths = [max(len(cell) for cell in col) for col in zip(*rows)]
    return "\n".join((indent + sep.join(c.ljust(w) for c, w in zip(row, widths))).rstrip() for row in rows)


_BREAKS = frozenset("\r\n")


def _widths(text: str) -> list[int]:
    """Cells taken by text[:i] for every i (VS16 widening the symbol before it)."""
    out, total, prev = [0], 0, ""
    for ch in text:
        total += 1 if ch == _VS16 and prev and _char_cells(prev) == 1 else _char_cells(ch)
        out.append(total)
        prev = ch
    return out


def fit(text: str, limit: int) -> str:
    """Every line of `text` folded to `limit` cells at its last space that fits, keeping what is
    before the fold as it was (alignment, `⚠️  4.`), continuations under the line's indent."""
    out = []
    for line in text.split("\n"):
        lead = line[: len(line) - len(line.lstrip(" "))]
        cont = lead + "  " if cells(lead) + 2 < limit // 2 else ""
        cur, start = line, len(lead)  # no fold inside the indent
        while cells(cur) > limit:
            widths = _widths(cur)
            cut = max((k for k in range(start + 1, len(cur)) if cur[k] == " " and widths[k] <= limit), default=None)
            if cut is None:  # one token wider than the line (a long path or URL): nothing else fits, it is cut
                cut = max(k for k in range(start + 1, len(cur) + 1) if widths[k] <= limit)
                out.append(cur[:cut])
                cur = cont + cur[cut:]
            else:
                out.append(cur[:cut].rstrip())
                cur = cont + cur[cut:].lstrip()
            start = len(cont)
        out.append(cur)
    return "\n".join(out)


# ---- colour ---------------------------------------------------------------------------------------


def use_color(choice: str, stream: Optional[IO[str]] = None, env: Mapping[str, str] | None = None) -> bool:
    """--color always|never wins; auto: FORCE_COLOR on, else NO_COLOR off, else only on a terminal."""
    env = os.environ if env is None else env
    if choice == "always":
        return True
    if choice == "never":
        return False
    if env.get("FORCE_COLOR", "") not in ("", "0", "false"):
        return True
    if env.get("NO_COLOR", ""):
        return False
    stream = sys.stdout if stream is None else stream
    try:
        return stream.isatty() and env.get("TERM", "") != "dumb"
    except (ValueError, AttributeError):
        return False


# ---- pager ----------------------------------------------------------------------------------------


def pager_command(env: Mapping[str, str] | None = None) -> list[str] | None:
    """RLA_PAGER, else PAGER, else `less -FRX` (as git does); empty or `cat` means no pager."""
    env = os.environ if env is None else env
    raw = env.get("RLA_PAGER", env.get("PAGER", "less -FRX"))
    if not raw.strip() or raw.strip() == "cat":
        return None
    try:
        argv = shlex.split(raw)
    except ValueError:
        return None
    return argv if argv and shutil.which(argv[0]) else None


def page(text: str, stream: Optional[IO[str]] = None) -> bool:
    """Show `text` through the pager when it is taller than the terminal; False if it was not paged."""
    stream = sys.stdout if stream is None else stream
    try:
        if not stream.isatty() or text.count("\n") < height(stream):
            return False
    except (ValueError, AttributeError):
        return False
    argv = pager_command()
    if argv is None:
        return False
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # quit when it fits, keep colours, leave the text on screen
    env.setdefault("LESSCHARSET", "utf-8")
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    try:
        assert proc.stdin is not None
        proc.stdin.write(text.encode("utf-8", "replace"))
        proc.stdin.close()
    except BrokenPipeError:  # the user quit the pager early
        pass
    except KeyboardInterrupt:
        pass
    while True:
        try:
            proc.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager (less uses it to stop a search)
            continue
    return True
