"""Hyperscan's compiled database kept across runs (analyzer.engine.dbcache): a second engine built from the same
needles loads it instead of compiling, and finds the same lines; a file that is damaged, another build's, of other
needles, or that others may write or own is never used; no cache folder, no file."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from analyzer.engine import dbcache
from analyzer.engine.prefilter import Needles, build
from tests.test_prefilter_engines import FILLER, NEEDLES, PIECES, expected

hyperscan = pytest.importorskip("hyperscan")

BLOCK = FILLER * 3000 + "\n".join(p.upper() for p in PIECES[::7]).encode("latin-1") + b"\n" + FILLER


def files(folder: Path) -> list[Path]:
    return sorted(folder.glob("hyperscan-*.db"))


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RLA_CACHE_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture
def no_compile(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Compiling, and working out the minimal needles, fail from here on: what builds an engine then read it."""

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("compiled instead of loaded")

    def both() -> None:
        monkeypatch.setattr(hyperscan, "Database", refuse)
        monkeypatch.setattr(Needles, "minimal", refuse)

    return both


def test_a_second_engine_loads_the_database_and_finds_the_same_lines(folder: Path, no_compile) -> None:  # type: ignore[no-untyped-def]
    first = build(NEEDLES, "hyperscan", minimal=True)
    minimal = len(NEEDLES.minimal().items)
    assert len(files(folder)) == 1 and oct(files(folder)[0].stat().st_mode & 0o777) == "0o600"
    no_compile()
    second = build(NEEDLES, "hyperscan", minimal=True)
    want = expected(BLOCK)
    assert len(want) > 10
    assert first.lines(BLOCK, len(BLOCK)) == second.lines(BLOCK, len(BLOCK)) == (want, False)
    assert second.folding_from == first.folding_from == minimal
    folding = BLOCK + "redis \u212a\n".encode()
    assert second.lines(folding, len(folding))[1]


def test_other_needles_are_another_database(folder: Path) -> None:
    build(NEEDLES, "hyperscan", minimal=True)
    build(NEEDLES, "hyperscan", minimal=False)
    fewer = Needles([(n.decode("latin-1"), ci) for n, ci in NEEDLES.items[1:]])
    engine = build(fewer, "hyperscan")
    assert len(files(folder)) == 3
    assert engine.lines(BLOCK, len(BLOCK))[0] == [s for s in expected(BLOCK) if fewer.line_has(_line(BLOCK, s))]


def _line(block: bytes, start: int) -> bytes:
    end = block.find(b"\n", start)
    return block[start : end if end >= 0 else len(block)]


@pytest.mark.parametrize("damage", ["cut", "garbage", "another key", "a database Hyperscan refuses"])
def test_a_damaged_file_is_compiled_again(folder: Path, damage: str) -> None:
    build(NEEDLES, "hyperscan", minimal=True)
    (path,) = files(folder)
    raw = path.read_bytes()
    name = path.name[len("hyperscan-") : -len(".db")]

    path.write_bytes({
        "cut": raw[: len(raw) // 2],
        "garbage": os.urandom(1000),
        "another key": marshal.dumps({"key": "0" * 32, "n": 3, "db": marshal.loads(raw)["db"]}),
        "a database Hyperscan refuses": marshal.dumps({"key": name, "n": 3, "db": b"\0" * 4096}),
    }[damage])  # fmt: skip
    engine = build(NEEDLES, "hyperscan", minimal=True)
    assert engine.lines(BLOCK, len(BLOCK)) == (expected(BLOCK), False)
    kept = dbcache.load(name)  # written again
    assert kept is not None and kept[0] == engine.folding_from and hyperscan.loadb(kept[1], hyperscan.HS_MODE_BLOCK)


@pytest.mark.skipif(os.name != "posix", reason="POSIX owners and modes")
def test_a_file_others_may_write_or_own_is_never_read(folder: Path, no_compile) -> None:  # type: ignore[no-untyped-def]
    """Hyperscan's C library runs the database: a cache folder others can write to must not let them plant one."""
    build(NEEDLES, "hyperscan", minimal=True)
    (path,) = files(folder)
    name = path.name[len("hyperscan-") : -len(".db")]
    for mode in (0o620, 0o602, 0o666):
        path.chmod(mode)
        assert dbcache.load(name) is None
    path.chmod(0o600)
    assert dbcache.load(name) is not None
    if os.getuid() == 0:  # only root can give a file away: another user's file, however private
        os.chown(path, 54321, -1)
        assert dbcache.load(name) is None
        os.chown(path, 0, -1)
    no_compile()
    assert build(NEEDLES, "hyperscan", minimal=True).lines(BLOCK, len(BLOCK)) == (expected(BLOCK), False)


def test_no_cache_folder_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RLA_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("RLA_NO_CACHE", "1")
    assert build(NEEDLES, "hyperscan", minimal=True).lines(BLOCK, len(BLOCK)) == (expected(BLOCK), False)
    assert not files(tmp_path)


def test_the_folder_keeps_a_few_databases(folder: Path) -> None:
    for i in range(dbcache.KEEP + 3):
        dbcache.store(dbcache.key("needles", i), i, b"x")
    assert len(files(folder)) == dbcache.KEEP
