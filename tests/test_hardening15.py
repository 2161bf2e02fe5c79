"""Issue 15: the second round of attacks. Each case fails on the code before the fix; each ends in a
result or one sentence (exit 2), no traceback, nothing lost, nothing leaked."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from tests.test_hardening import REFUSED, SID, FakeRender, api_env, clear, fake_data, one_sentence, rla

# --------------------------------------------------------------------------- 3. output paths


def _fifo(tmp: Path) -> Path:
    path = tmp / "fifo"
    os.mkfifo(path)
    return path


def _dir(tmp: Path) -> Path:
    path = tmp / "adir"
    path.mkdir()
    return path


def _dangling(tmp: Path) -> Path:
    path = tmp / "dangling"
    path.symlink_to(tmp / "nowhere")
    return path


def _device(tmp: Path) -> Path:
    """A character device of our own (the null device's numbers): a regression must not be able to
    replace the machine's /dev/null. Making one needs root, as replacing one did."""
    path = tmp / "dev-null"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


SPECIAL = {"fifo": (_fifo, "FIFO"), "dir": (_dir, "directory"), "dangling": (_dangling, "link to nothing"),
           "device": (_device, "character device")}


def _kind(path: Path) -> int:
    return stat.S_IFMT(os.lstat(path).st_mode)


def _outputs(tmp: Path, target: Path) -> list[list[str]]:
    log = tmp / "in.log"
    log.write_text(REFUSED + "\n")
    return [["analyze", str(log), "-o", str(target)],
            ["analyze", str(log), "-f", "json", "--output", str(target)],
            ["check", str(log), "-o", str(target)],
            ["check", str(log), "--write-baseline", str(target)],
            ["rules", "list", "-o", str(target)]]  # a command that prints as it goes


@pytest.mark.parametrize("name", sorted(SPECIAL))
def test_an_output_path_that_is_not_a_regular_file_is_refused_and_left_as_it_is(tmp_path: Path, name: str):
    make, needle = SPECIAL[name]
    target = make(tmp_path)
    before = _kind(target)
    for args in _outputs(tmp_path, target):
        out = rla(*args, timeout=20)
        one_sentence(out, str(target), needle)
        assert _kind(target) == before, args
    with FakeRender(fake_data(n_rounds=3), api_key="rnd_HardeningCanaryKey_5e1f0c") as fake:
        out = rla("fetch", SID, "--save", str(target), env=api_env(fake), timeout=30)
    one_sentence(out, str(target), needle)
    assert _kind(target) == before


def test_an_output_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path: Path):
    real = tmp_path / "real.txt"
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    log = tmp_path / "in.log"
    log.write_text(REFUSED + "\n")
    clear(rla("analyze", str(log), "-f", "json", "-o", str(link)))
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert '"redis-econnrefused"' in real.read_text() or "ECONNREFUSED" in real.read_text()
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the file keeps its permissions
    with FakeRender(fake_data(n_rounds=3), api_key="rnd_HardeningCanaryKey_5e1f0c") as fake:
        clear(rla("fetch", SID, "--save", str(link), env=api_env(fake), timeout=30))
    assert link.is_symlink() and "ECONNREFUSED" in real.read_text()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]  # no temporary file left


def test_a_new_saved_log_file_is_private(tmp_path: Path):
    saved = tmp_path / "logs.jsonl"
    with FakeRender(fake_data(n_rounds=3), api_key="rnd_HardeningCanaryKey_5e1f0c") as fake:
        clear(rla("fetch", SID, "--save", str(saved), env=api_env(fake), timeout=30))
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600


def test_the_step_summary_is_never_written_into_a_fifo(tmp_path: Path):
    fifo = _fifo(tmp_path)
    log = tmp_path / "in.log"
    log.write_text(REFUSED + "\n")
    out = rla("analyze", str(log), "-f", "github", GITHUB_STEP_SUMMARY=str(fifo), timeout=20)  # would block forever
    clear(out)
    assert "FIFO" in out.stderr and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_the_output_module_refuses_by_kind(tmp_path: Path):
    from analyzer.outfile import NotRegular, regular_target

    for name, (make, _needle) in SPECIAL.items():
        with pytest.raises(NotRegular):
            regular_target(make(tmp_path))
    plain = tmp_path / "plain"
    assert regular_target(plain) == plain


# --------------------------------------------------------------------------- 1. YAML bombs


def _laughs(key: str, levels: int = 9) -> str:
    """The "billion laughs" shape under one key: each item lists the one before nine times (9**9
    strings once expanded), as in the pack.yaml of the issue."""
    out = [f"{key}:", '  - &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels):
        out.append(f"  - &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]")
    return "\n".join(out) + "\n"


def _limited(*args: str, **extra: str):  # noqa: ANN202
    """rla with 1 GiB of address space: the bomb grew past 2.9 GB before the fix."""
    import resource
    import sys

    env = {**os.environ, "NO_COLOR": "1", "RLA_LANG": "en", **extra}
    return subprocess.run([sys.executable, "-m", "analyzer", *args], capture_output=True, text=True, timeout=60,
                          env=env, cwd=Path(__file__).resolve().parents[1],
                          preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30)))


@pytest.mark.parametrize("where", ["pack.yaml", "rule", ".rla.yaml", "expectations"])
def test_a_yaml_bomb_is_refused_in_one_sentence_that_quotes_no_value(tmp_path: Path, where: str):
    from tests.test_hardening import RULE_BODY

    log = tmp_path / "in.log"
    log.write_text(REFUSED + "\n")
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "my-rule.yaml").write_text("id: my-rule\npatterns: ['zzz-never']\n" + RULE_BODY)
    args, extra = ["analyze", str(log), "--rules", str(pack)], {}
    if where == "pack.yaml":
        (pack / "pack.yaml").write_text(_laughs("languages"))
    elif where == "rule":
        (pack / "my-rule.yaml").write_text("id: my-rule\npatterns: ['zzz-never']\n" + RULE_BODY + _laughs("docs"))
    elif where == ".rla.yaml":
        config = tmp_path / ".rla.yaml"
        config.write_text(_laughs("select"))
        args, extra = ["analyze", str(log)], {"RLA_CONFIG": str(config)}
    else:
        expect = tmp_path / "expected.yaml"
        expect.write_text(_laughs("samples"))
        args = ["check", str(log), "--expect", str(expect)]
    out = _limited(*args, **extra)
    assert out.returncode == 2, out.stderr[-500:]
    assert "Traceback" not in out.stderr and "MemoryError" not in out.stderr
    assert "lol" not in out.stderr and len(out.stderr) < 600, out.stderr[-600:]
    assert "100,000" in out.stderr, out.stderr


@pytest.mark.parametrize("text", ["&x [*x]", "a: " + "[" * 3000 + "]" * 3000, "a:\n" + "".join(
    "  " * n + "- \n" for n in range(1, 400)) + "  " * 400 + "- x\n"])
def test_recursive_and_deep_yaml_is_refused(text: str):
    import yaml

    from analyzer import yamlsafe

    with pytest.raises(yaml.YAMLError):
        yamlsafe.load(text)


def test_every_yaml_load_in_the_analyzer_goes_through_the_bounded_loader():
    """The class, not the instance: no module but yamlsafe calls PyYAML's loaders itself."""
    import re

    root = Path(__file__).resolve().parents[1] / "analyzer"
    calls = re.compile(r"yaml\.(?:safe_load|load|full_load|unsafe_load|safe_load_all|load_all|compose)\b|\.get_data\(")
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if p.name != "yamlsafe.py" and calls.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


# --------------------------------------------------------------------------- 4, 6. broken JSON records

RECORD = {"id": "x", "timestamp": "2026-11-28T19:52:07.5Z", "message": REFUSED,
          "labels": [{"name": "type", "value": "app"}]}


def _report(path: Path) -> dict:
    import json

    out = rla("analyze", str(path), "-f", "json")
    clear(out)
    return json.loads(out.stdout)


def _count(report: dict) -> int:
    return sum(f["count"] for f in report["findings"] if f["rule"] == "redis-econnrefused")


DEEP = '{"m":' + "[" * 1000 + "]" * 1000 + "}"


@pytest.mark.parametrize("shape", ["lines-first", "lines-middle", "array-pretty", "page-one-line", "back-to-back"])
def test_a_record_nested_too_deep_is_one_unparsed_record_and_the_rest_is_diagnosed(tmp_path: Path, shape: str):
    import json

    whole = [json.dumps(RECORD)] * 5
    texts = {
        "lines-first": "\n".join([DEEP, *whole]) + "\n",
        "lines-middle": "\n".join([whole[0], DEEP, *whole[1:]]) + "\n",
        "array-pretty": "[\n  " + ",\n  ".join([DEEP, *whole]) + "\n]\n",
        "page-one-line": '{"hasMore": false, "logs": [' + ", ".join([*whole[:2], DEEP, *whole[2:]]) + "]}",
        "back-to-back": "\n".join([json.dumps(RECORD, indent=2), DEEP, *(json.dumps(RECORD, indent=2) for _ in range(4))]),
    }
    path = tmp_path / "d.json"
    path.write_text(texts[shape])
    report = _report(path)
    assert report["stats"]["unparsed"] == 1 and _count(report) == 5, report["stats"]


@pytest.mark.parametrize("shape", ["lines", "array-pretty", "back-to-back"])
@pytest.mark.parametrize("where", [0, 2])
def test_a_cut_record_is_unparsed_and_the_records_after_it_are_read(tmp_path: Path, shape: str, where: int):
    import json

    if shape == "lines":
        rows = [json.dumps(RECORD)] * 6
        rows[where] = rows[where][:70]  # cut inside the message
        text = "\n".join(rows) + "\n"
    elif shape == "array-pretty":
        rows = [json.dumps(RECORD, indent=2).replace("\n", "\n  ") for _ in range(6)]
        rows[where] = rows[where][: rows[where].index('"message"') + 30]
        text = "[\n  " + ",\n  ".join(rows) + "\n]\n"
    else:
        rows = [json.dumps(RECORD, indent=2) for _ in range(6)]
        rows[where] = rows[where][: rows[where].index('"message"') + 30]
        text = "\n".join(rows) + "\n"
    path = tmp_path / "cut.json"
    path.write_text(text)
    report = _report(path)
    assert _count(report) == 5 and report["stats"]["unparsed"] == 1, report["stats"]


def test_a_json_line_cut_short_never_opens_an_entry(tmp_path: Path):
    """The issue's reproduction: one cut ECONNREFUSED record, then five whole ones."""
    import json

    line = json.dumps(RECORD)
    path = tmp_path / "cut.jsonl"
    path.write_text(line[: line.index("ECONNREFUSED") + 5] + "\n" + (line + "\n") * 5)
    report = _report(path)
    assert _count(report) == 5 and report["stats"]["unparsed"] == 1


def test_a_deeply_nested_baseline_is_one_sentence(tmp_path: Path):
    log = tmp_path / "in.log"
    log.write_text(REFUSED + "\n")
    baseline = tmp_path / "baseline.json"
    baseline.write_text("[" * 100_000 + "]" * 100_000)
    one_sentence(rla("check", str(log), "--baseline", str(baseline)), "not a baseline")


# --------------------------------------------------------------------------- 8. a byte-order mark that lies


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"])
def test_a_utf16_mark_on_utf8_text_is_read_as_utf8_and_said(tmp_path: Path, bom: bytes):
    path = tmp_path / "bom.log"
    path.write_bytes(bom + f"06:22:47 PM [t7v9k] {REFUSED}\nGET / 200 ✅\n{REFUSED}\n".encode())
    out = rla("analyze", str(path), "-f", "json")
    clear(out)
    import json

    report = json.loads(out.stdout)
    assert _count(report) == 2 and report["stats"]["lines"] == 3
    assert "UTF-16" in out.stderr and "UTF-8" in out.stderr and str(path) in out.stderr


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_real_utf16_is_still_read_as_utf16_without_a_note(tmp_path: Path, codec: str):
    import codecs

    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    path = tmp_path / "u16.log"
    path.write_bytes(bom + f"{REFUSED}\r\nGET / 200 ✅\r\n{REFUSED}\r\n".encode(codec))
    out = rla("analyze", str(path), "-f", "json")
    clear(out)
    import json

    assert _count(json.loads(out.stdout)) == 2 and "UTF-16" not in out.stderr


# --------------------------------------------------------------------------- 5. polynomial user patterns

SLOW_RULE = """id: slow-foobar
title: A user rule with a quadratic pattern
severity: error
kind: cause
state: down
cause: c
solution: [s]
patterns: ['\\s+FOOBAR$']
examples:
  match: ["x  FOOBAR"]
  no_match: ["x"]
"""


def test_a_quadratic_user_pattern_on_a_1_mb_line_of_spaces_does_not_hang(tmp_path: Path):
    """31 s on 200 KB and over 120 s on 1 MB before: now RE2 runs it (or it sees 8 KiB per line)."""
    import json

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "slow-foobar.yaml").write_text(SLOW_RULE)
    log = tmp_path / "spaces.log"
    log.write_text(" " * 1_000_000 + "\n" + " " * 200_000 + "\nx  FOOBAR\n")
    out = rla("analyze", str(log), "--rules", str(pack), "-f", "json", timeout=60)
    clear(out)
    assert [(f["rule"], f["count"]) for f in json.loads(out.stdout)["findings"]] == [("slow-foobar", 1)]


def test_user_patterns_are_bounded_and_ours_are_not(tmp_path: Path):
    from analyzer.engine.regex import LazyPattern
    from analyzer.engine.rules import load_rules

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "slow-foobar.yaml").write_text(SLOW_RULE.replace("examples:", "reclassify:\n  - if: {field: x, matches: '\\s+BAZ$'}\n    to: redis-econnrefused\nexamples:"))
    rules = load_rules([pack])
    mine = rules.get("slow-foobar")
    assert all(p.untrusted for p in mine.patterns) and mine.reclassify[0].matches.untrusted
    assert isinstance(mine.reclassify[0].matches, LazyPattern)
    assert not any(p.untrusted for r in rules.rules if r.id != "slow-foobar" for p in r.patterns)


def test_without_re2_a_user_pattern_sees_the_first_8_kib_of_a_line(monkeypatch: pytest.MonkeyPatch):
    from analyzer.engine import regex

    monkeypatch.setattr(regex, "re2_module", lambda: None)
    rx = regex.compile_bounded(r"\s+FOOBAR$")
    assert rx.search(" " * 1_000_000) is None  # bounded: 8 KiB, not 1 MB, of backtracking
    assert rx.search("x  FOOBAR") and rx.search("x" * 9000 + " FOOBAR") is None
    assert regex.compile_bounded(r"(?P<code>ECONN\w+)").search("x ECONNRESET").groupdict() == {"code": "ECONNRESET"}


def test_with_re2_a_user_pattern_keeps_its_fields():
    from analyzer.engine import regex

    if regex.re2_module() is None:
        pytest.skip("google-re2 is not installed (pip install 'rla[safe]')")
    rx = regex.compile_bounded(r"connect (?P<code>ECONN\w+) (?P<host>[\w.]+):(?P<port>\d+)")
    m = rx.search("Error: connect ECONNREFUSED 10.0.3.7:6379")
    assert m.groupdict() == {"code": "ECONNREFUSED", "host": "10.0.3.7", "port": "6379"}
    assert rx.search(" " * 1_000_000 + "x") is None


# --------------------------------------------------------------------------- 9. documents in batches


@pytest.mark.parametrize("stamp", ["2026-11-28T19:52:{:02d}.123456789Z", "2026-11-28T20:52:{:02d}+01:00"])
def test_a_page_newest_first_is_read_in_time_order_batch_by_batch(stamp: str, monkeypatch: pytest.MonkeyPatch):
    import io
    import json

    from analyzer.sources import files

    monkeypatch.setattr(files, "BATCH_RECORDS", 7)  # several batches, each put in time order
    logs = [{"id": str(i), "timestamp": stamp.format(i), "message": f"m{i}"} for i in range(20)]
    page = json.dumps({"hasMore": False, "logs": logs[::-1]})
    problems = files.Problems()
    blocks = list(files.blocks_from_stream(io.BytesIO(page.encode()), "p.json", problems))
    assert [len(b.records) for b in blocks] == [7, 7, 6] and problems.unparsed == 0
    for block in blocks:
        ids = [int(r.id) for r in block.records]
        assert ids == sorted(ids)
    assert sorted(int(r.id) for b in blocks for r in b.records) == list(range(20))


def test_a_json_document_is_read_whatever_the_read_size(monkeypatch: pytest.MonkeyPatch):
    """The window's edges never cut a record: reads of 7 bytes give what one read gives."""
    import io
    import json

    from analyzer.sources import files, jsondoc

    monkeypatch.setattr(jsondoc, "WINDOW", 50)  # the window is dropped and refilled many times
    logs = [{"id": str(i), "message": f"Error \\u00e9 {i} " + "x" * (i * 37), "labels": [{"name": "a", "value": "b"}]}
            for i in range(50)]
    text = json.dumps(logs, indent=2, ensure_ascii=False)

    def read(chunk: int) -> list[str]:
        monkeypatch.setattr(files, "JSON_CHUNK", chunk)
        blocks = files.blocks_from_stream(io.BytesIO(text.encode()), "d.json", files.Problems(), block_size=64)
        return [r.message for b in blocks for r in b.records]

    assert read(7) == read(1 << 20) == [log["message"] for log in logs]
