"""The compiled forms kept across runs (analyzer/cli/compiled.py): a pattern or a dataclass made from the
kept forms behaves exactly as one compiled from its text, for every pattern rla has and every sample
line; what another interpreter, a damaged file or a forged entry holds is never used; the standard
library is left as it was found."""

from __future__ import annotations

import dataclasses
import importlib
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import analyzer
from analyzer.cli import compiled
from analyzer.engine.regex import LazyPattern

from conftest import ROOT, builtin


def _patterns_in(value, out: set[tuple[str | bytes, int]], seen: set[int]) -> None:  # type: ignore[no-untyped-def]
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, LazyPattern):
        if not value.untrusted:
            out.add((value.pattern, 0))
    elif isinstance(value, re.Pattern):
        out.add((value.pattern, value.flags & ~re.UNICODE if isinstance(value.pattern, str) else value.flags))
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            _patterns_in(v, out, seen)
    elif isinstance(value, dict):
        for v in value.values():
            _patterns_in(v, out, seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            _patterns_in(getattr(value, f.name), out, seen)


def every_pattern() -> list[tuple[str | bytes, int]]:
    """The built-in pack's patterns and every module-level pattern of rla's modules."""
    out: set[tuple[str | bytes, int]] = set()
    seen: set[int] = set()
    _patterns_in(builtin(), out, seen)
    for info in pkgutil.walk_packages(analyzer.__path__, "analyzer."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional dependency not installed here
            continue
        for value in vars(module).values():
            if isinstance(value, re.Pattern):
                _patterns_in(value, out, seen)
    return sorted(out, key=repr)


def sample_lines(per_file: int = 8) -> list[str]:
    """The first 8 lines of every sample, each once (all of them, 12 MB, would take minutes per pattern set)."""
    lines: dict[str, None] = {}
    for path in sorted((ROOT / "samples").rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".log", ".json", ".jsonl", ""):
            text = path.read_text(encoding="utf-8", errors="replace")
            lines.update(dict.fromkeys(line[:2000] for line in text.splitlines()[:per_file]))
    return list(lines)


def _compile_all(patterns, folder: Path) -> tuple[list[re.Pattern], compiled.Store]:  # type: ignore[no-untyped-def]
    re.purge()  # re's own cache would answer before the compiler is asked
    with compiled.kept(folder) as store:
        made = [re.compile(p, flags) for p, flags in patterns]
    re.purge()
    assert store is not None
    return made, store


@pytest.mark.clock_neutral
def test_every_pattern_replayed_from_the_file_matches_as_its_text_does(tmp_path: Path) -> None:
    patterns = every_pattern()
    assert len(patterns) > 300  # the pack's and the modules' (a collection that found none tests nothing)
    first, store = _compile_all(patterns, tmp_path)
    assert store.new_regex and not store.used_regex
    replayed, store = _compile_all(patterns, tmp_path)
    assert not store.new_regex and len(store.used_regex) == len({(type(p) is bytes, p, f) for p, f in patterns})
    lines = sample_lines()
    assert len(lines) > 5000
    blob = "\n".join(lines)
    for (text, flags), made, again in zip(patterns, first, replayed):
        plain = re.compile(text, flags)
        for p in (made, again):
            assert (p.pattern, p.flags, p.groups, p.groupindex) == (plain.pattern, plain.flags, plain.groups, plain.groupindex)
        subject = blob if isinstance(text, str) else blob.encode()
        expected = [(m.span(), m.groups()) for m in plain.finditer(subject)]
        assert [(m.span(), m.groups()) for m in again.finditer(subject)] == expected, text


def _classes() -> dict[str, type]:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Frozen:
        """A frozen, slotted class with defaults."""

        a: int
        b: str = "x"
        c: tuple[int, ...] = ()

    @dataclasses.dataclass(order=True)
    class Ordered:
        """A mutable, ordered class with a factory default and a field left out of the comparison."""

        a: int
        b: list[int] = dataclasses.field(default_factory=list)
        c: int = dataclasses.field(default=0, compare=False)

    return {"Frozen": Frozen, "Ordered": Ordered}


def _behaviour(classes: dict[str, type]) -> list[object]:
    frozen, ordered = classes["Frozen"], classes["Ordered"]
    f = frozen(1, c=(2,))
    out: list[object] = [repr(f), f == frozen(1, "x", (2,)), hash(f) == hash(frozen(1, "x", (2,))), f.__doc__]
    try:
        f.a = 2  # type: ignore[misc]
    except dataclasses.FrozenInstanceError as e:
        out.append(type(e).__name__)
    o1, o2 = ordered(1, [2], 3), ordered(1, [3], 0)
    out += [repr(o1), o1 < o2, o1 == ordered(1, [2], 9), ordered(5).b, ordered(5).b is not ordered(5).b]
    out.append([f.name for f in dataclasses.fields(ordered)])
    return out


def test_dataclasses_made_from_kept_code_behave_as_compiled_ones(tmp_path: Path) -> None:
    expected = _behaviour(_classes())
    with compiled.kept(tmp_path) as store:
        assert _behaviour(_classes()) == expected
    assert store is not None and store.new_code and not store.used_code
    with compiled.kept(tmp_path) as store:
        assert _behaviour(_classes()) == expected
    assert store is not None and store.used_code and not store.new_code


def test_the_standard_library_is_left_as_it_was_found(tmp_path: Path) -> None:
    compiler = compiled._regex_compiler()
    before = (compiler.compile, compiler._sre)
    with pytest.raises(KeyError), compiled.kept(tmp_path):
        assert compiler.compile is not before[0] and "exec" in vars(dataclasses)
        re.purge()
        re.compile(r"before-failing-\d")
        raise KeyError("a command that fails")
    assert (compiler.compile, compiler._sre) == before and "exec" not in vars(dataclasses)
    assert list(tmp_path.glob("compiled-*.bin"))  # what it compiled before failing is kept


def _store_with(tmp_path: Path, pattern: str) -> Path:
    re.purge()
    with compiled.kept(tmp_path):
        re.compile(pattern)
    re.purge()
    (path,) = tmp_path.glob("compiled-*.bin")
    return path


def test_a_file_of_another_interpreter_or_damaged_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = compiled.interpreter_key()
    path = _store_with(tmp_path, r"kept-(\d+)")
    assert (key_read := compiled.read(path, key)).regex
    assert not compiled.read(path, "another-interpreter").regex  # the key inside the file is checked too
    data = path.read_bytes()
    for damaged in (data[: len(data) // 2], b"", b"\x00" * 64, b'{"format": 1}'):
        path.write_bytes(damaged)
        store = compiled.read(path, key)
        assert not store.regex and not store.code
    assert key_read.regex
    # another interpreter's file has another name: never opened
    monkeypatch.setattr(compiled, "interpreter_key", lambda: "other")
    with compiled.kept(tmp_path) as store:
        assert store is not None and not store.regex


@pytest.mark.skipif(os.name != "posix", reason="POSIX owners and modes")
def test_a_file_others_may_write_or_own_is_never_read(tmp_path: Path) -> None:
    """Code read from the file runs: a cache folder others can write to must not let them plant it."""
    key = compiled.interpreter_key()
    path = _store_with(tmp_path, r"planted-(\d+)")
    assert compiled.read(path, key).regex
    for mode in (0o620, 0o602, 0o666):
        path.chmod(mode)
        assert not compiled.read(path, key).regex
    path.chmod(0o600)
    assert compiled.read(path, key).regex
    if os.getuid() == 0:  # only root can give a file away: another user's file, however private
        os.chown(path, 54321, -1)
        assert not compiled.read(path, key).regex


def test_an_entry_the_regex_engine_refuses_is_compiled_from_its_text(tmp_path: Path) -> None:
    key = compiled.interpreter_key()
    path = _store_with(tmp_path, r"forged-(\d+)")
    store = compiled.read(path, key)
    (k,) = [k for k in store.regex if k[1] == r"forged-(\d+)"]
    args = list(store.regex[k])
    args[2] = [999_999] * len(args[2])  # code the engine cannot run
    store.regex[k] = tuple(args)
    store.new_regex[k] = tuple(args)
    compiled.write(path, key, store)
    re.purge()
    with compiled.kept(tmp_path) as store:
        p = re.compile(r"forged-(\d+)")
    re.purge()
    assert p.match("forged-42").group(1) == "42"
    assert store is not None and k in store.new_regex  # and it is written again, right this time


def test_a_full_file_keeps_what_the_run_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _store_with(tmp_path, r"first-\d")
    monkeypatch.setattr(compiled, "MAX_ENTRIES", 1)
    re.purge()
    with compiled.kept(tmp_path):
        re.compile(r"second-\d")
    re.purge()
    kept = {k[1] for k in compiled.read(path, compiled.interpreter_key()).regex}
    assert kept == {r"second-\d"}


def test_rla_says_the_same_with_the_file_cold_warm_and_off(tmp_path: Path) -> None:
    """Real runs of the entry point: the first writes the file, the second reads it and writes nothing,
    and every output equals the one of a run without any cache."""
    code = "import sys; from analyzer.cli import main; sys.argv = ['rla', *sys.argv[1:]]; main()"
    sample = ROOT / "samples" / "dashboard" / "ioredis"
    runs = [["analyze", str(next(sample.glob("*.txt")))], ["analyze", "--format", "json", str(next(sample.glob("*.txt")))],
            ["check", str(sample)], ["rules", "list"]]  # fmt: skip
    base = {**os.environ, "RLA_LANG": "en", "NO_COLOR": "1", "COLUMNS": "120", "RLA_CACHE_DIR": str(tmp_path)}

    def outputs(env: dict[str, str]) -> list[tuple[int, str]]:
        return [
            (r.returncode, r.stdout)
            for r in (subprocess.run([sys.executable, "-c", code, *a], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120) for a in runs)
        ]  # fmt: skip

    off = outputs({**base, "RLA_NO_CACHE": "1"})
    assert not list(tmp_path.glob("compiled-*"))
    cold = outputs(base)
    (path,) = tmp_path.glob("compiled-*.bin")
    written = path.read_bytes()
    warm = outputs(base)
    assert off == cold == warm
    assert path.read_bytes() == written  # nothing new to add
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
