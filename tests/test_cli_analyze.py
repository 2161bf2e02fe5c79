"""`rla analyze` as a user runs it: a real subprocess, real files, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "seed"

FAILING = """\
06:22:38 PM ==> Deploying...
06:22:48 PM [t7v9k] 🔄 Redis connecting...
06:22:53 PM [t7v9k] ❌ Redis connection error: {
06:22:53 PM [t7v9k]   message: 'connect ECONNREFUSED 10.0.3.7:6379',
06:22:53 PM [t7v9k]   code: 'ECONNREFUSED',
06:22:53 PM [t7v9k]   redisUrl: 'REDIS_URL is set'
06:22:53 PM [t7v9k] }
"""


def rla(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_COLOR": "1", "RLA_LANG": "en", "COLUMNS": "250", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "analyzer", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=full_env,
        timeout=60,
    )


@pytest.fixture()
def failing_log(tmp_path: Path) -> Path:
    path = tmp_path / "render-logs.txt"
    path.write_text(FAILING, encoding="utf-8")
    return path


def test_table_shows_verdict_first_then_the_finding(failing_log: Path):
    out = rla("analyze", str(failing_log))
    assert out.returncode == 1, out.stderr
    first = out.stdout.splitlines()[0]
    assert "Redis failing" in first and "redis-econnrefused" in first
    assert "10.0.3.7:6379" in out.stdout
    assert "REDIS_URL set: yes" in out.stdout
    assert "Check that the Redis (Key Value) service is" in out.stdout


@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_exit_code_is_the_same_for_every_format(failing_log: Path, fmt: str):
    assert rla("analyze", str(failing_log), "--format", fmt).returncode == 1
    assert rla("analyze", str(failing_log), "--format", fmt, "--fail-on", "critical").returncode == 0


def test_json_schema(failing_log: Path):
    doc = json.loads(rla("analyze", str(failing_log), "-f", "json").stdout)
    assert doc["schema"] == 1
    assert doc["verdict"]["state"] == "failing"
    assert doc["verdict"]["root_cause"] == "redis-econnrefused"
    finding = next(f for f in doc["findings"] if f["rule"] == "redis-connection-error")
    assert finding["count"] == 1
    assert finding["fields"]["code"] == "ECONNREFUSED"
    # a dashboard copy has no date: the text is kept, and no ISO timestamp is made up
    assert finding["first"] == {"source": str(failing_log), "line": 3, "time": "06:22:53 PM", "timestamp": None, "instance": "t7v9k"}
    assert finding["solution"] and finding["cause"]
    assert doc["stats"]["lines"] == 7


def test_stdin_and_dash(failing_log: Path):
    assert rla("analyze", stdin=FAILING).returncode == 1
    assert "Redis failing" in rla("analyze", "-", stdin=FAILING).stdout


def test_directory_and_glob(tmp_path: Path):
    (tmp_path / "a.log").write_text(FAILING)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("✅ Redis ready and connected\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    doc = json.loads(rla("analyze", str(tmp_path), "-f", "json").stdout)
    assert len(doc["stats"]["sources"]) == 2
    # two files, two stories (issue 13): b.txt's ready line does not "recover" a.log's failure
    assert {p["source"].rsplit("/", 1)[-1]: p["state"] for p in doc["per_source"]} == {"a.log": "failing", "b.txt": "healthy"}
    assert doc["verdict"]["state"] == "failing"
    doc = json.loads(rla("analyze", str(tmp_path / "*.log"), "-f", "json").stdout)
    assert doc["stats"]["sources"] == [str(tmp_path / "a.log")]


def test_a_double_star_glob_reaches_every_depth(tmp_path: Path):
    """'archive/**/*.jsonl.gz' (the shape of an archive of services and days) reads files at every
    depth, the archive's own top level included, in path order, and nothing that does not match."""
    import gzip

    nested = ["archive/top.jsonl.gz", "archive/web/2026-11-01.jsonl.gz", "archive/web/2026/11/02.jsonl.gz"]
    for rel in nested:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(tmp_path / rel, "wt") as f:
            f.write('{"message": "connect ECONNREFUSED 10.0.3.7:6379", "timestamp": "2026-11-01T06:00:00Z"}\n')
    (tmp_path / "archive" / "web" / "2026" / "notes.txt").write_text(FAILING)
    doc = json.loads(rla("analyze", str(tmp_path / "archive" / "**" / "*.jsonl.gz"), "-f", "json").stdout)
    assert doc["stats"]["sources"] == sorted(str(tmp_path / rel) for rel in nested)


@pytest.mark.parametrize(
    "args,needle",
    [
        (["analyze", "/nonexistent/file.log"], "no such file"),
        (["analyze", "--format", "yaml", "x"], "yaml"),
        (["analyze", "--lang", "de", "-"], "unknown language"),
        (["analyze", "/nonexistent/*.log"], "no file matches"),
    ],
)
def test_user_errors_exit_2_with_one_sentence(args: list[str], needle: str):
    out = rla(*args, stdin="")
    assert out.returncode == 2
    assert needle in out.stderr
    assert "Traceback" not in out.stderr + out.stdout


def test_bad_rule_names_file_line_and_field(tmp_path: Path, failing_log: Path):
    pack = tmp_path / "my-rules"
    pack.mkdir()
    (pack / "my-rule.yaml").write_text(
        "id: my-rule\ntitle: T\nseverty: error\npatterns: ['x']\ncause: c\nsolution: [s]\n"
    )
    out = rla("analyze", str(failing_log), "--rules", str(pack))
    assert out.returncode == 2
    assert "my-rule.yaml:3" in out.stderr and "severty" in out.stderr and "severity" in out.stderr
    assert "Traceback" not in out.stderr


def test_user_rule_is_used_and_overrides_are_announced(tmp_path: Path, failing_log: Path):
    pack = tmp_path / "rules"
    pack.mkdir()
    (pack / "redis-connecting.yaml").write_text(
        "id: redis-connecting\ntitle: Mine\nseverity: warning\npatterns: ['Redis connecting']\ncause: c\nsolution: [s]\n"
    )
    out = rla("analyze", str(failing_log), "--rules", str(pack), "-f", "json")
    assert "replaces the built-in one" in out.stderr
    finding = next(f for f in json.loads(out.stdout)["findings"] if f["rule"] == "redis-connecting")
    assert finding["title"] == "Mine" and finding["severity"] == "warning"


def test_no_redis_lines_is_cant_tell_and_exit_0():
    out = rla("analyze", stdin="06:23:00 PM ==> Your service is live 🎉\nGET / 200 3ms\n")
    assert out.returncode == 0
    assert "Can't tell" in out.stdout


def test_mojibake_note_is_recognised():
    doc = json.loads(rla("analyze", str(SEED / "diagnostic-redis.fr.mojibake.txt"), "-f", "json").stdout)
    found = {f["rule"] for f in doc["findings"]}
    assert {
        "redis-connecting", "redis-ready", "redis-cache-connected", "redis-session-store-ready",
        "redis-connection-error", "redis-connection-test-failed", "redis-memory-cache-fallback",
        "redis-url-not-set", "redis-ping-unexpected",
    } <= found  # fmt: skip
    # the note's bare heading "Erreur : `ECONNREFUSED`" names no endpoint, client or Redis line around it:
    # recognised, and listed as not Redis (issue 13), not counted as a Redis failure. The next heading,
    # "`Connection timeout`", has a Redis error 7 lines after it ("Erreur : `REDIS_URL is NOT set`"): claimed by it
    assert {n["rule"] for n in doc["not_redis"]} == {"redis-econnrefused"}
    timeout = next(f for f in doc["findings"] if f["rule"] == "redis-connection-timeout")
    assert timeout["because"] == ["no address, and a Redis error just after it on the same instance (line 86)"]


def test_secrets_are_redacted_in_every_format(tmp_path: Path):
    log = tmp_path / "s.log"
    log.write_text(
        "❌ Redis connection error: { message: 'getaddrinfo ENOTFOUND oregon-keyvalue.render.com', code: 'ENOTFOUND', "
        "url: 'rediss://red-abc:s3cretpassw0rd@oregon-keyvalue.render.com:6379' }\n"
        "Error: request failed with key rnd_AbCdEfGh12345678\n"
    )
    for fmt in ("table", "json", "markdown"):
        out = rla("analyze", str(log), "-f", fmt)
        assert "s3cretpassw0rd" not in out.stdout and "rnd_AbCdEfGh12345678" not in out.stdout, fmt


def test_rules_list_and_show():
    out = rla("rules", "list")
    assert out.returncode == 0 and "redis-econnrefused" in out.stdout
    # each topic's rules in columns: the severity starts in the same column on every row of the topic
    # (the first topic with three rules or more: a one-rule topic such as app/process aligns trivially)
    topics = [block.splitlines() for block in out.stdout.split("\n\n")]
    topic = next(t for t in topics if len([line for line in t[1:] if not line.startswith(" ")]) >= 3)
    rows = [line for line in topic[1:] if not line.startswith(" ")]  # a long title wraps onto an indented line
    ids = [line.split()[0] for line in rows]
    starts = {line.index(line.split()[1], len(rid)) for line, rid in zip(rows, ids)}
    assert len(rows) >= 3 and len(starts) == 1 and min(starts) == max(len(i) for i in ids) + 2
    out = rla("rules", "show", "redis-econnrefused")
    assert out.returncode == 0
    assert "Check that the port is correct" in out.stdout and "connect ECONNREFUSED 10.0.3.7:6379" in out.stdout
    assert rla("rules", "show", "nope").returncode == 2


def test_rules_show_redacts_the_examples_of_a_users_pack(tmp_path: Path):
    # a rule's examples are pasted log lines: a team's own pack can carry a live URL in one
    (tmp_path / "team-redis-refused.yaml").write_text(
        "id: team-redis-refused\ntitle: Redis refused\nseverity: critical\nkind: cause\nstate: down\n"
        "patterns: ['connect ECONNREFUSED']\ncause: The server is down.\nsolution: [Start it.]\n"
        "examples:\n  match:\n"
        "    - \"Error connecting to rediss://default:Zq9vT2sLkP0wXy@red-abc123:6379 connect ECONNREFUSED\"\n"
        "  no_match:\n    - \"REDIS_URL=redis://:Zq9vT2sLkP0wXy@red-abc123:6379 ready\"\n"
    )
    out = rla("rules", "show", "team-redis-refused", "--rules", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "red-abc123:6379 connect ECONNREFUSED" in out.stdout  # the example is shown...
    assert "Zq9vT2sLkP0wXy" not in out.stdout  # ...without its password


def test_no_color_without_a_terminal(failing_log: Path):
    assert "\x1b[" not in rla("analyze", str(failing_log), env={"NO_COLOR": ""}).stdout




def test_the_recovered_verdict_says_recovered_once_in_each_language():
    log = str(ROOT / "samples" / "api" / "node-app" / "recovery.jsonl")
    en = rla("analyze", log, "--lang", "en", "-q").stdout
    fr = rla("analyze", log, "--lang", "fr", "-q").stdout
    assert "recovered after errors, back at 2026-11-26 19:09:17 UTC" in en
    assert fr.count("rétabli") == 1 and "de retour depuis 2026-11-26 19:09:17 UTC" in fr
