"""The first screen is the answer (issue 14): tested on real terminals.

The CLI runs under a pseudo-terminal sized with TIOCSWINSZ (no $COLUMNS: rla must ask the terminal)
at 60, 80, 100, 150 and 200 columns by 24 rows. No line may be wider than the terminal in cells,
and the verdict and the root cause's fix must be within the first 24 rows. The same layout is
checked in-process for every bundled sample at every width.
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from analyzer.pipeline import diagnose
from analyzer.report import ReportContext
from analyzer.report.dispatch import render
from analyzer.sources.files import Problems, read_sources
from analyzer.terminal import cells
from tests.conftest import builtin
from tests.test_fetch import fake  # noqa: F401  (the fake Render API on 127.0.0.1, as test_fetch uses it)

# one pytest-xdist worker runs this module: every sample diagnosed once (the `diagnoses` fixture)
pytestmark = pytest.mark.xdist_group("screen")

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (60, 80, 100, 150, 200)
ROWS = 24
SAMPLES = sorted(
    str(p.relative_to(ROOT))
    for folder in ("dashboard", "api", "plain", "clean")
    for p in (ROOT / "samples" / folder).rglob("*")
    if p.is_file() and p.suffix in (".txt", ".log", ".jsonl", ".json")
)
# one per family the first screen has to carry: a long fix, a symptom chain, API JSON with dates, a clean log
ON_A_TERMINAL = [
    "samples/dashboard/node-app/url-unset.txt",
    "samples/dashboard/node-app/degraded.txt",
    "samples/api/node-app/degraded.jsonl",
    "samples/dashboard/node-app-redis5/url-unset-dualstack.txt",
    "samples/dashboard/node-app/healthy.txt",
]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "PAGER")}
    env.update({"RLA_LANG": "en", "TERM": "xterm-256color", "RLA_PAGER": "cat", **extra})
    return env


def run_pty(args: list[str], cols: int, rows: int = ROWS, env: dict[str, str] | None = None,
            timeout: float = 60) -> tuple[int, str]:
    """Run `rla ARGS` with stdin, stdout and stderr on a pseudo-terminal of cols × rows."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "analyzer", *args], stdin=slave, stdout=slave, stderr=slave,
                            cwd=ROOT, env=env or _env(), close_fds=True)
    os.close(slave)
    chunks = []
    try:
        while True:
            ready, _, _ = select.select([master], [], [], timeout)
            if not ready:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed its side
                break
            if not chunk:
                break
            chunks.append(chunk)
        code = proc.wait(timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    return code, b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def _plain(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def _fix_rows(lines: list[str]) -> tuple[int, int] | None:
    """1-based rows of the `Fix (…):` title and of the last line of its steps."""
    start = next((i for i, line in enumerate(lines) if line.startswith("Fix (")), None)
    if start is None:
        return None
    end = start
    while end + 1 < len(lines) and lines[end + 1].startswith("  "):
        end += 1
    return start + 1, end + 1


@pytest.mark.parametrize("cols", WIDTHS)
@pytest.mark.parametrize("sample", ON_A_TERMINAL)
def test_on_a_real_terminal_the_answer_fits_the_first_screen(sample: str, cols: int):
    code, out = run_pty(["analyze", sample, "--no-pager"], cols)
    assert code in (0, 1), out
    lines = _plain(out).rstrip("\n").split("\n")
    too_wide = [(cells(line), line) for line in lines if cells(line) > cols]
    assert not too_wide, f"{cols} columns: {too_wide}"
    assert lines[0].split()[1] in ("Redis", "Can't"), lines[0]  # the verdict is row 1
    rows = _fix_rows(lines)
    if "healthy" not in sample:
        assert rows is not None, out
        assert rows[1] <= ROWS, f"the root cause's fix ends at row {rows[1]} at {cols} columns:\n{out}"
    else:
        assert len(lines) <= 8 and "ok " not in out  # a healthy log says so in a few lines


def test_on_a_terminal_rla_asks_the_terminal_not_a_fixed_width():
    _, narrow = run_pty(["analyze", ON_A_TERMINAL[0], "--no-pager"], 60)
    _, wide = run_pty(["analyze", ON_A_TERMINAL[0], "--no-pager"], 200)
    assert max(map(cells, _plain(narrow).split("\n"))) <= 60 < max(map(cells, _plain(wide).split("\n")))


def test_colour_on_a_terminal_and_its_switches():
    sample = ON_A_TERMINAL[1]
    assert "\x1b[" in run_pty(["analyze", sample], 100)[1]
    assert "\x1b[" not in run_pty(["analyze", sample], 100, env=_env(NO_COLOR="1"))[1]
    assert "\x1b[" not in run_pty(["analyze", sample, "--color", "never"], 100)[1]
    piped = subprocess.run([sys.executable, "-m", "analyzer", "analyze", sample], capture_output=True, text=True,
                           cwd=ROOT, env=_env(FORCE_COLOR="1"))
    assert "\x1b[" in piped.stdout
    piped = subprocess.run([sys.executable, "-m", "analyzer", "analyze", sample, "--color", "always"],
                           capture_output=True, text=True, cwd=ROOT, env=_env(NO_COLOR="1"))
    assert "\x1b[" in piped.stdout


def test_long_output_goes_through_the_pager_on_a_terminal_only():
    pager = f"{sys.executable} -c \"import sys; print('PAGER-RAN'); sys.stdout.write(sys.stdin.read())\""
    sample = ON_A_TERMINAL[0]
    _, out = run_pty(["analyze", sample, "-v"], 80, env=_env(RLA_PAGER=pager))
    assert "PAGER-RAN" in out and "Fix (redis-url-not-set)" in out
    _, out = run_pty(["analyze", sample, "-v", "--no-pager"], 80, env=_env(RLA_PAGER=pager))
    assert "PAGER-RAN" not in out and "Fix (redis-url-not-set)" in out
    _, out = run_pty(["analyze", sample], 80, rows=60, env=_env(RLA_PAGER=pager))
    assert "PAGER-RAN" not in out  # it fits the screen: no pager
    piped = subprocess.run([sys.executable, "-m", "analyzer", "analyze", sample, "-v"], capture_output=True,
                           text=True, cwd=ROOT, env=_env(RLA_PAGER=pager))
    assert "PAGER-RAN" not in piped.stdout


# ---- every bundled sample, every width, in-process ------------------------------------------------


@pytest.fixture(scope="module")
def diagnoses() -> dict[str, object]:
    return {s: diagnose(read_sources([str(ROOT / s)], Problems()), builtin()) for s in SAMPLES}


def test_there_are_samples():
    assert len(SAMPLES) > 100


@pytest.mark.parametrize("width", WIDTHS)
def test_every_sample_fits_every_width_with_the_fix_on_the_first_screen(diagnoses, width: int):
    late = []
    for sample, diag in diagnoses.items():
        ctx = ReportContext(builtin(), width=width)
        lines = render(diag, "table", ctx).rstrip("\n").split("\n")
        wide = [line for line in lines if cells(line) > width]
        assert not wide, f"{sample} at {width}: {wide}"
        rows = _fix_rows(lines)
        if diag.verdict.root_cause:
            assert rows is not None, sample
            # the title and the first step always; every step from 80 columns up
            first_step_end = rows[0] + 1
            while first_step_end < len(lines) and lines[first_step_end].startswith("    "):
                first_step_end += 1
            assert first_step_end <= ROWS, f"{sample} at {width}: first step ends at row {first_step_end}"
            if width >= 80 and rows[1] > ROWS:
                late.append((sample, rows[1]))
    assert not late, f"the root cause's fix ends below row {ROWS} at {width} columns: {late}"


def test_symptoms_do_not_repeat_the_root_cause_fix(diagnoses):
    diag = diagnoses["samples/dashboard/node-app/degraded.txt"]
    short = render(diag, "table", ReportContext(builtin(), width=100))
    assert "Read the linked root cause" not in short
    assert short.count("Fix (") == 1 and "Fix (redis-econnrefused):" in short
    full = render(diag, "table", ReportContext(builtin(), width=100, explain=True))
    assert "Read the linked root cause" not in full
    assert "fix: that of redis-econnrefused, above" in full
    for rule in ("redis-connection-error", "redis-memory-cache-fallback", "express-session-memory-store"):
        assert f"{rule} — " in full  # every finding gets its cause with -v
    assert "first 08:46:12 PM, date unknown" in full


def test_one_line_per_finding_with_severity_id_count_times_instance_evidence(diagnoses):
    diag = diagnoses["samples/dashboard/node-app/degraded.txt"]
    lines = render(diag, "table", ReportContext(builtin(), width=100)).split("\n")
    row = next(line for line in lines if "redis-econnrefused ×7" in line)
    assert row.split()[0] == "error" and "08:46:12–08:46:16 PM" in row and "10.0.3.7:6379" in row
    # one instance for every finding: said once in the heading, the lines keep their room for evidence
    assert "Findings (5), all on instance [ccwge]:" in lines and "[ccwge]" not in row
    # evidence is cut between words, never inside an address or a code
    narrow = render(diag, "table", ReportContext(builtin(), width=80)).split("\n")
    for line in narrow:
        if "↳ redis-connection-error" in line:
            assert line.endswith(("code=ECONNREFUSED…", "PM")), line


def test_the_root_causes_reasons_are_said_once_on_the_first_screen(diagnoses):
    # the verdict's 'why:' line says what the root cause was inferred from; its finding's row keeps its room for the
    # address and code instead of saying them again ('10.0.3.7:6379 10.0.3.7:6379: a Redis port' before)
    diag = diagnoses["samples/dashboard/node-app/degraded.txt"]
    lines = render(diag, "table", ReportContext(builtin(), width=150)).split("\n")
    assert any(line.strip() == "why: 10.0.3.7:6379: a Redis port" for line in lines)
    row = next(line for line in lines if "redis-econnrefused ×7" in line)
    assert row.rstrip().endswith("10.0.3.7:6379") and "a Redis port" not in row
    # -v still gives every finding its whole evidence, reasons included
    full = render(diag, "table", ReportContext(builtin(), width=150, explain=True))
    assert "evidence: 10.0.3.7:6379; [ccwge]; 10.0.3.7:6379: a Redis port" in full


def test_several_instances_are_named_on_each_line():
    text = ("06:22:53 PM [aaaaa] Error: connect ECONNREFUSED 10.0.3.7:6379\n"
            "06:22:54 PM [bbbbb] Error: connect ECONNREFUSED 10.0.3.7:6379\n")
    from tests.conftest import diag_of

    out = render(diag_of(text), "table", ReportContext(builtin(), width=100))
    assert "[aaaaa+1]" in out and "all on instance" not in out


def test_api_logs_are_located_by_time_and_instance_not_line(diagnoses):
    diag = diagnoses["samples/api/node-app/degraded.jsonl"]
    out = render(diag, "table", ReportContext(builtin(), width=120))
    head = out.split("\n\n")[0]
    assert " UTC" in head and "date unknown" not in head
    doc = json.loads(render(diag, "json", ReportContext(builtin())))
    first = doc["findings"][0]["first"]
    assert first["time"] and first["timestamp"].endswith("Z") and first["timestamp"][:10] == first["time"][:10]


def test_healthy_log_says_so_in_a_few_lines(diagnoses):
    diag = diagnoses["samples/dashboard/node-app/healthy.txt"]
    out = render(diag, "table", ReportContext(builtin(), width=80))
    assert out.startswith("✅") and len(out.strip().split("\n")) <= 8
    assert "No Redis problem" in out and "Status lines:" in out


# ---- conventions ----------------------------------------------------------------------------------


def rla(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "analyzer", *args], input=stdin, capture_output=True, cwd=ROOT,
                          env=env or _env(), timeout=120)


COMMANDS = [["analyze"], ["check"], ["fetch"], ["follow"], ["doctor"], ["rules", "list"], ["rules", "show"],
            ["rules", "test"], ["rules", "lint"]]


@pytest.mark.parametrize("cmd", COMMANDS, ids=" ".join)
def test_every_command_has_h_exit_codes_and_the_display_options(cmd: list[str]):
    out = rla(*cmd, "-h")
    text = out.stdout.decode()
    assert out.returncode == 0, out.stderr
    assert "Exit codes: 0" in text
    for option in ("-q, --quiet", "--color", "--no-pager", "--local-time", "-o, --output", "-v, --verbose", "--select"):
        assert option in text, (cmd, option)


def test_shell_completion_is_on():
    assert "--install-completion" in rla("-h").stdout.decode()


def test_usage_errors_are_one_sentence_exit_2():
    out = rla("analyze", "--bogus")
    assert out.returncode == 2 and out.stdout == b""
    err = out.stderr.decode()
    assert err.startswith("rla: error: no such option: --bogus") and err.count("\n") == 1 and "Usage:" not in err
    out = rla("analyze", "--color", "sometimes", ON_A_TERMINAL[0])
    assert out.returncode == 2 and out.stderr.decode().startswith("rla: error: ")


def test_did_you_mean_for_rule_ids():
    out = rla("rules", "show", "redis-econrefused")
    assert out.returncode == 2 and "did you mean redis-econnrefused?" in out.stderr.decode()
    out = rla("analyze", ON_A_TERMINAL[0], "--select", "redis-url-not-sett")
    assert out.returncode == 2 and "did you mean redis-url-not-set" in out.stderr.decode()


def test_quiet_prints_the_verdict_alone():
    out = rla("analyze", ON_A_TERMINAL[1], "-q").stdout.decode()
    assert out.startswith("⚠️") and "Fix (" not in out and "Findings" not in out


def test_o_on_commands_that_print_as_they_go(tmp_path: Path):
    target = tmp_path / "doctor.txt"
    out = rla("doctor", "--redis-url", "redis://red-d1abc2def3ghi4jkl5mn:6379", "-o", str(target))
    assert out.stdout == b"" and "REDIS_URL" in target.read_text(encoding="utf-8")
    target = tmp_path / "rules.txt"
    assert rla("rules", "list", "-o", str(target)).stdout == b"" and "redis-econnrefused" in target.read_text()


def test_select_and_ignore_obeyed_by_analyze_and_the_config(tmp_path: Path):
    sample = str(ROOT / ON_A_TERMINAL[1])
    doc = json.loads(rla("analyze", sample, "-f", "json", "--ignore", "redis-connection").stdout)
    assert {f["rule"] for f in doc["findings"]} == {"redis-econnrefused", "redis-memory-cache-fallback",
                                                      "express-session-memory-store"}
    (tmp_path / ".rla.yaml").write_text("ignore: [express-session]\nfail-on: critical\n")
    out = subprocess.run([sys.executable, "-m", "analyzer", "analyze", sample, "-f", "json"], capture_output=True,
                         cwd=tmp_path, env=_env(PYTHONPATH=str(ROOT)))
    doc = json.loads(out.stdout)
    assert "express-session-memory-store" not in {f["rule"] for f in doc["findings"]}
    assert out.returncode == 0  # the config's fail-on: critical; the worst finding is an error


# ---- say what was read ----------------------------------------------------------------------------


def test_a_long_path_in_check_leaves_the_verdict_its_width(tmp_path: Path):
    # `rla check` printed the verdict beside the path: under a path as wide as the screen it had a column one letter
    # wide ('R', 'e', 'd', 'i', 's degraded…'). A long path now has its own lines, the verdict the width under it.
    deep = tmp_path / ("a" * 40) / ("b" * 40)
    deep.mkdir(parents=True)
    (deep / "degraded.txt").write_bytes((ROOT / "samples/dashboard/node-app/degraded.txt").read_bytes())
    text = rla("check", str(deep)).stdout.decode()
    assert "Redis degraded: the app runs on the memory-cache fallback" in text
    assert all(len(line) <= 80 for line in text.splitlines())
    short = rla("check", "samples/dashboard/node-app/degraded.txt").stdout.decode()
    assert short.startswith("FAIL samples/dashboard/node-app/degraded.txt  Redis degraded:")  # beside a short one


def test_nothing_read_is_said_plainly_and_can_fail_ci(tmp_path: Path):
    empty = tmp_path / "empty.log"
    empty.write_bytes(b"")
    out = rla("analyze", str(empty))
    text = out.stdout.decode()
    assert out.returncode == 0 and text.startswith("? Nothing was read")
    assert "read 0 line(s) from" in " ".join(text.split())
    # a path longer than the width is cut where it must (pytest-xdist's temporary folders are longer)
    assert f"read0line(s)from{empty}" in "".join(text.split())
    assert rla("analyze", str(empty), "--fail-on", "unknown").returncode == 1
    assert rla("analyze", ON_A_TERMINAL[1], "--fail-on", "unknown").returncode == 1  # as error otherwise
    binary = rla("analyze", "-", stdin=b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8)
    text = binary.stdout.decode()
    assert "Nothing was read" in text and "not read: <stdin>: an executable (ELF)" in text
    doc = json.loads(rla("analyze", str(empty), "-f", "json").stdout)
    assert doc["stats"]["nothing_read"] is True and doc["verdict"]["state"] == "unknown"
    checked = rla("check", str(empty), "--fail-on", "unknown")
    assert checked.returncode == 1 and "nothing was read from this sample" in checked.stdout.decode()
    assert rla("check", str(empty)).returncode == 0
    assert "?    " in rla("check", str(empty)).stdout.decode()  # told nothing: not `ok`


def test_the_header_says_what_was_read():
    text = rla("analyze", ON_A_TERMINAL[1]).stdout.decode()
    assert f"read 58 line(s) from {ON_A_TERMINAL[1]}" in text
    both = rla("analyze", ON_A_TERMINAL[0], ON_A_TERMINAL[1]).stdout.decode()
    assert "from 2 sources" in both


def test_the_first_screen_says_what_the_root_cause_was_inferred_from():
    # issue 13's "inference that shows its evidence": under the verdict, before the fix, in the reader's language
    text = rla("analyze", "samples/heldout12/dashboard/perl-redis/killed-not-back.txt").stdout.decode()
    head = text.split("Fix (")[0]
    assert "why: the app printed lines of the form 'round <n>: counter=<n>' 6 times" in " ".join(head.split())
    fr = rla("analyze", "--lang", "fr", ON_A_TERMINAL[1]).stdout.decode().split("Solution (")[0]
    assert "pourquoi : 10.0.3.7:6379" in fr
    # a root cause with nothing inferred (its own words say it all) gets no such line
    oom = rla("analyze", "samples/dashboard/node-app/oom.txt").stdout.decode()
    assert "why:" not in oom and "root cause" in oom


def test_markdown_keeps_placeholders_in_fix_steps_visible():
    out = rla("analyze", ON_A_TERMINAL[0], "-f", "markdown").stdout.decode()
    assert "&lt;key value&gt;" in out and "<key value>" not in out
    out = rla("check", ON_A_TERMINAL[0], "-f", "markdown", "--fail-on", "warning").stdout.decode()
    assert "&lt;key value&gt;" in out and "<key value>" not in out


def test_fetch_says_service_window_logs_and_the_filters_in_the_header_and_json(fake):  # noqa: F811
    from tests.test_fetch import run

    out = run(fake, "fetch", "fylora-backend", "--start", "2026-11-26T21:00:00Z", "--end", "2026-11-26T23:59:59Z",
              "--text", "*Redis*", "--level", "error", COLUMNS="80")
    assert out.returncode in (0, 1), out.stderr
    head = " ".join(out.stdout.split("\n\n")[0].split())
    assert "of fylora-backend (srv-" in head and "2026-11-26 21:00:00 UTC → 23:59:59 UTC" in head
    assert "server-side filter --text *Redis*: the logs it leaves out were not diagnosed" in head
    assert "filter --level error (applied after multi-line entries are joined)" in head
    assert all(cells(line) <= 80 for line in out.stdout.split("\n"))
    doc = json.loads(run(fake, "fetch", "fylora-backend", "--since", "1h", "-f", "json").stdout)
    assert doc["stats"]["scope"]["service"] == "fylora-backend"
    assert all(f["first"]["timestamp"].endswith("Z") for f in doc["findings"])


@pytest.mark.parametrize("cmd", [
    ["rules", "show", "redis-url-not-set"],
    ["rules", "list"],
    ["doctor", "--redis-url", "rediss://red-d1abc2def3ghi4jkl5mn:s3cretpassw0rd@red-d1abc2def3ghi4jkl5mn:6379 "],
    ["check", "samples/dashboard/node-app", "--fail-on", "critical"],
    ["analyze", ON_A_TERMINAL[0], "-v"],
], ids=lambda c: " ".join(c[:2]))
def test_every_command_obeys_the_one_width_policy_in_a_pipe(cmd: list[str]):
    for cols, env in ((60, _env(COLUMNS="60")), (80, _env())):  # $COLUMNS, else 80 in a pipe (it was 120)
        out = rla(*cmd, env=env).stdout.decode()
        wide = [line for line in out.split("\n") if cells(line) > cols]
        assert out and not wide, (cmd, cols, wide)


def test_local_time_on_request():
    sample = "samples/api/node-app/degraded.jsonl"
    utc = rla("analyze", sample).stdout.decode()
    local = rla("analyze", sample, "--local-time", env=_env(TZ="Europe/Paris")).stdout.decode()
    assert "since 2026-11-26 19:46:16 UTC" in " ".join(utc.split())
    assert "since 2026-11-26 20:46:16 CET" in " ".join(local.split())
