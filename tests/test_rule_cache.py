"""The validated rule-pack cache (analyzer/engine/packcache.py): a hit gives exactly what loading the YAML
gives, and anything that could make it wrong (a changed rule file, another version, a damaged file) makes
it a miss. Each test has its own cache folder (RLA_CACHE_DIR)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.engine import packcache
from analyzer.engine.packcache import cached_rules, pack_key
from analyzer.engine.rules import RuleError, builtin_rules_dir, load_rules

ROOT = Path(__file__).resolve().parents[1]
RULE = ROOT / "rules" / "redis" / "auth" / "redis-wrongpass.yaml"
SAMPLE = ROOT / "samples" / "dashboard" / "node-app" / "degraded.txt"


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("RLA_CACHE_DIR", str(folder))
    monkeypatch.delenv("RLA_NO_CACHE", raising=False)
    return folder


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("rules-*.json"))


def _tamper(path: Path, rule_id: str, title: str) -> None:
    """Change one rule's English title inside a cache file, keeping its format and key valid."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    for rule in doc["rules"]:
        fields = dict(rule["fields"])  # a class's fields are [name, value] pairs, a mapping's items too
        if fields["id"] == rule_id:
            for name_value in dict(fields["texts"]["dict"])["en"]["fields"]:
                if name_value[0] == "title":
                    name_value[1] = title
    path.write_text(json.dumps(doc), encoding="utf-8")


def test_a_hit_is_the_ruleset_the_yaml_gives_and_is_really_read(cache: Path):
    first = cached_rules()  # a miss: loads the YAML, writes the cache
    [written] = _files(cache)
    hit = cached_rules()
    assert hit == first == load_rules()
    assert [r.id for r in hit.rules] == [r.id for r in load_rules().rules]
    assert hit.affinity == load_rules().affinity and hit.classes == load_rules().classes
    # the planner's keywords come with the patterns (no pattern parsed at start-up), the ones it would derive
    from analyzer.engine import regex
    from analyzer.engine.scan import compile_plan

    regex._parse.cache_clear()
    planned = compile_plan(cached_rules().rules)
    assert regex._parse.cache_info().currsize == 0  # nothing parsed
    fresh = compile_plan(load_rules().rules)
    assert planned.keyword_index == fresh.keyword_index and planned.needles == fresh.needles
    # the second load came from the file: what the file says is what the loader returns
    _tamper(written, "redis-wrongpass", "read from the cache")
    assert cached_rules().get("redis-wrongpass").title == "read from the cache"  # type: ignore[union-attr]


def _pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir()
    shutil.copy(RULE, pack / RULE.name)
    return pack


def test_a_changed_rule_file_is_a_miss(cache: Path, tmp_path: Path):
    pack = _pack(tmp_path)
    before = cached_rules([pack])
    assert before.overridden == ("redis-wrongpass",)
    rule = pack / RULE.name
    rule.write_text(rule.read_text(encoding="utf-8").replace("title: ", "title: Changed, ", 1), encoding="utf-8")
    after = cached_rules([pack])
    assert after.get("redis-wrongpass").title.startswith("Changed, ")  # type: ignore[union-attr]
    assert after == load_rules([pack])
    assert len(_files(cache)) == 2
    # a file added to the pack (a failure class, pack.yaml, a rule) changes the key too
    key = pack_key([builtin_rules_dir(), pack])
    (pack / "pack.yaml").write_text("languages: [en]\n", encoding="utf-8")
    assert pack_key([builtin_rules_dir(), pack]) != key


def test_another_version_never_reads_the_file(cache: Path, monkeypatch: pytest.MonkeyPatch):
    cached_rules()
    [written] = _files(cache)
    _tamper(written, "redis-wrongpass", "written by another version")
    monkeypatch.setattr(packcache, "__version__", "999.0")
    assert cached_rules().get("redis-wrongpass").title == load_rules().get("redis-wrongpass").title  # type: ignore[union-attr]
    monkeypatch.setattr(packcache.sys, "version", "3.99.0 (another interpreter)")
    assert pack_key([builtin_rules_dir()]) not in {p.stem[6:] for p in _files(cache)}


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # cut short (a crash while writing, a full disk)
        lambda raw: b"\x00\xff garbage",
        lambda raw: b"",
        lambda raw: raw.replace(b'"format":%d' % packcache.FORMAT, b'"format":0'),
        lambda raw: raw.replace(b'"keywords":{"tuple":[[', b'"keywords":{"tuple":[[7,', 1),  # keywords not text
        lambda raw: raw.replace(b'"class":"Rule"', b'"class":"Popen"'),  # a class that is not ours: refused
        lambda raw: raw.replace(b'{"lazy":', b'{"unknown":'),
        lambda raw: raw.replace(b'{"tuple":[]}', b'{"tuple":"ab"}', 1),  # a tuple's items not a list
        lambda raw: raw.replace(b'"fields":[["id",', b'"fields":[["id",1,', 1),  # a field not a [name, value] pair
        lambda raw: json.dumps({"format": 1, "key": "x"}).encode(),  # another key
    ],
)
def test_a_damaged_cache_file_is_ignored_and_written_again(cache: Path, damage):  # type: ignore[no-untyped-def]
    cached_rules()
    [written] = _files(cache)
    raw = written.read_bytes()
    written.write_bytes(damage(raw))
    assert cached_rules() == load_rules()
    assert json.loads(written.read_bytes())["format"] == packcache.FORMAT and written.read_bytes() == raw


def test_a_broken_pack_is_never_cached(cache: Path, tmp_path: Path):
    pack = _pack(tmp_path)
    (pack / RULE.name).write_text("id: redis-wrongpass\nseverity: nonsense\n", encoding="utf-8")
    with pytest.raises(RuleError):
        cached_rules([pack])
    assert _files(cache) == []


def test_off_by_environment_and_harmless_where_nothing_can_be_written(cache: Path, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("RLA_NO_CACHE", "1")
    assert cached_rules() == load_rules()
    assert not cache.exists()
    monkeypatch.delenv("RLA_NO_CACHE")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("RLA_CACHE_DIR", str(blocker / "cache"))
    assert cached_rules() == load_rules()


def test_the_cache_folder_follows_the_platform_conventions(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.delenv("RLA_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert packcache.cache_dir() == tmp_path / "xdg" / "rla"
    monkeypatch.setenv("RLA_CACHE_DIR", str(tmp_path / "mine"))
    assert packcache.cache_dir() == tmp_path / "mine"


def _rla(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analyzer", *args], capture_output=True, text=True, env=env, cwd=ROOT)


def test_the_cli_diagnoses_the_same_from_the_cache_and_reads_no_yaml(cache: Path):
    env = {**os.environ, "RLA_CACHE_DIR": str(cache)}
    fresh = _rla("analyze", str(SAMPLE), "-f", "json", env={**env, "RLA_NO_CACHE": "1"})
    miss = _rla("analyze", str(SAMPLE), "-f", "json", env=env)
    hit = _rla("analyze", str(SAMPLE), "-f", "json", env=env)
    assert fresh.returncode == miss.returncode == hit.returncode == 1  # a degraded app: a problem found
    assert json.loads(fresh.stdout)["findings"] and fresh.stdout == miss.stdout == hit.stdout
    assert len(_files(cache)) == 1
    probe = "import sys; from analyzer.engine.packcache import cached_rules; cached_rules(); print(sorted(m for m in sys.modules if m.split('.')[0] in ('yaml', '_yaml')))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT)
    assert out.stdout.strip() == "[]", out.stderr
