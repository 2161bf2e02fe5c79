"""Compiled forms kept across runs: what every start compiles again from text, and the interpreter's own
bytecode cache (__pycache__) does not keep.

* **Regular expressions.** `re` parses and compiles each pattern in Python: rla's module-level patterns,
  the rule patterns a run reaches, typer's and the standard library's. Kept: the arguments `_sre.compile`
  received (the pattern, its flags, the engine's code, the groups), replayed on the next start into the
  same pattern object without parsing. About 8 ms of `rla analyze` on a paste, 30 of `rla check` on a
  folder (it reaches every rule of its samples).
* **Dataclass methods.** `dataclasses` writes `__init__`, `__repr__`, `__eq__` (and a frozen class's
  setters) of each class as source text and compiles it at import: about 0.4 ms a class, 18 ms for the
  pipeline's 43. Kept: the compiled code of each text (marshal, as __pycache__ keeps a module's).

    with kept():          # the entry point, around the whole command
        run()

An entry is found by its source text (a pattern and its flags, a method's text), so a changed pattern or
class is a miss and is compiled as before; what a run compiled anew is added to the file when it ends.
The file is named after the interpreter (version string and build, bytecode tag, the regex engine's MAGIC)
and never read by another. A file that is unreadable, cut short or of another shape is ignored and written
again; losing it costs one slow start. Code read from it runs: like __pycache__ it trusts the folder, and
on POSIX it reads only a file of this user that nobody else may write.
RLA_NO_CACHE=1 turns it off, as it does the rule-pack cache; a folder that cannot be written turns it off
silently.

It patches two module globals of the standard library for the life of the command (`re`'s compiler's
`_sre` and `compile`, `dataclasses`' `exec`) and restores them after; nothing else in rla depends on it,
and the library used as a library (tests, `import analyzer`) never sees it.
"""

from __future__ import annotations

import builtins
import marshal
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from analyzer.cachedir import trusted, write_private

FORMAT = 1
MAX_FILE = 16 * 1024 * 1024
MAX_ENTRIES = 8192  # of each kind; past it the file is written again with what this run used


class Store:
    """What the file held, what this run used of it, what it compiled anew."""

    __slots__ = ("regex", "code", "used_regex", "used_code", "new_regex", "new_code")

    def __init__(self, regex: dict[Any, tuple[Any, ...]], code: dict[str, Any]) -> None:
        self.regex = regex
        self.code = code
        self.used_regex: set[Any] = set()
        self.used_code: set[str] = set()
        self.new_regex: dict[Any, tuple[Any, ...]] = {}
        self.new_code: dict[str, Any] = {}

    def changed(self) -> bool:
        return bool(self.new_regex or self.new_code)


def interpreter_key() -> str:
    """What the kept forms depend on: marshal's format and the code format (the interpreter's version and
    build), the regex engine's code (its MAGIC)."""
    import _sre

    ident = f"{FORMAT}\0{sys.version}\0{sys.implementation.cache_tag}\0{getattr(_sre, 'MAGIC', '')}\0{sys.platform}"
    try:  # BLAKE2 built into CPython: hashlib would load OpenSSL first
        from _blake2 import blake2b
    except ImportError:
        from hashlib import blake2b
    return blake2b(ident.encode(), digest_size=12).hexdigest()


def read(path: Path, key: str) -> Store:
    """The store in `path`, or an empty one (absent, unreadable, another key or shape)."""
    try:
        with open(path, "rb") as f:
            if not trusted(os.fstat(f.fileno())):
                return Store({}, {})
            raw = f.read(MAX_FILE + 1)
        if len(raw) <= MAX_FILE:
            doc = marshal.loads(raw)
            if (
                type(doc) is dict and doc.get("format") == FORMAT and doc.get("key") == key
                and type(doc.get("regex")) is dict and type(doc.get("code")) is dict
            ):  # fmt: skip
                return Store(doc["regex"], doc["code"])
    except Exception:  # noqa: BLE001 - a bad cache file is a cache miss, whatever is wrong with it
        pass
    return Store({}, {})


def write(path: Path, key: str, store: Store) -> None:
    """Add what this run compiled; atomically (cachedir.write_private); any failure leaves no trace."""
    regex = {**store.regex, **store.new_regex}
    code = {**store.code, **store.new_code}
    if len(regex) > MAX_ENTRIES or len(code) > MAX_ENTRIES:  # keep what this run used and made
        regex = {k: v for k, v in regex.items() if k in store.used_regex or k in store.new_regex}
        code = {k: v for k, v in code.items() if k in store.used_code or k in store.new_code}
    try:
        data = marshal.dumps({"format": FORMAT, "key": key, "regex": regex, "code": code})
    except ValueError:  # a value marshal cannot keep: run without it
        return
    write_private(path, data)


class _Recorder:
    """Stands for the `_sre` module in `re`'s compiler: passes every call on, and notes the arguments of
    each `compile` by (type, pattern, flags), the pattern's final flags as the Pattern reports them."""

    def __init__(self, sre: Any) -> None:
        self._sre = sre
        self.seen: dict[Any, tuple[Any, ...]] = {}

    def compile(self, *args: Any) -> Any:
        pattern = self._sre.compile(*args)
        # the code's opcodes are named int subclasses, which marshal does not keep: plain ints, same values
        plain = (args[0], args[1], [int(c) for c in args[2]], *args[3:])
        self.seen[type(args[0]), args[0], pattern.flags] = plain
        return pattern

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sre, name)


def _regex_compiler() -> Any:
    """The module whose `compile(pattern, flags)` `re` calls on a miss of its own cache."""
    compiler = getattr(re, "_compiler", None)  # Python 3.11+
    if compiler is None:
        import sre_compile as compiler  # 3.10
    return compiler


@contextmanager
def kept(folder: Path | None = None) -> Iterator[Store | None]:
    """Compile regular expressions and dataclass methods from the kept forms while the block runs; add
    what it compiled anew at its end. `folder` defaults to rla's cache folder; None when caching is off."""
    if folder is None:
        from analyzer.cachedir import cache_dir

        folder = cache_dir()
    if folder is None:
        yield None
        return
    import dataclasses

    key = interpreter_key()
    path = folder / f"compiled-{key}.bin"
    store = read(path, key)
    compiler = _regex_compiler()
    sre = compiler._sre
    original_compile = compiler.compile
    recorder = _Recorder(sre)
    debug = getattr(compiler, "SRE_FLAG_DEBUG", 128)

    def compile_regex(p: Any, flags: int = 0) -> Any:
        if type(p) is not str and type(p) is not bytes:  # a parsed pattern: not ours to keep
            return original_compile(p, flags)
        k = (type(p) is bytes, p, flags)
        args = store.regex.get(k)
        if args is not None:
            try:
                pattern = sre.compile(*args)
            except Exception:  # noqa: BLE001 - not what this interpreter makes: compile it
                store.regex.pop(k, None)
            else:
                store.used_regex.add(k)
                return pattern
        pattern = original_compile(p, flags)
        args = recorder.seen.pop((type(p), p, pattern.flags), None)
        if args is not None and not flags & debug:
            store.new_regex[k] = args
        return pattern

    def exec_(source: Any, globals: Any = None, locals: Any = None) -> Any:  # noqa: A002 - exec's own names
        if type(source) is str:
            code = store.code.get(source)
            if code is None:
                code = store.new_code[source] = builtins.compile(source, "<string>", "exec")
            else:
                store.used_code.add(source)
            source = code
        return builtins.exec(source, globals, locals)

    compiler._sre = recorder
    compiler.compile = compile_regex
    dataclasses.exec = exec_  # type: ignore[attr-defined]
    try:
        yield store
    finally:
        compiler._sre = sre
        compiler.compile = original_compile
        del dataclasses.exec  # type: ignore[attr-defined]
        if store.changed():
            write(path, key, store)
