"""A process that stops after Redis commands failed (issue 13, "a verdict true to the log").

"Degraded" says the app still runs on a Redis that answers but turns some commands away. A read or pool timeout
followed by the process exiting is not that: nothing shows Redis answering, and the app no longer runs, so the
verdict is failing. A reply of the server refusing a command (OOM, READONLY) shows Redis answering: a crash after it
keeps the log degraded (the labels of every corpus, README "Reading the diagnosis"). The lines are real:
samples/raw/classes/read-timeout-crash.log (samples/capture/classes/run_held.sh: redis-py with a 1 s socket timeout,
the server stopped with SIGSTOP, the uncaught TimeoutError ends the process) and the bundled OOM capture.
"""

from __future__ import annotations

from tests.conftest import ROOT, diag_of, ids

RAW = ROOT / "samples" / "raw" / "classes" / "read-timeout-crash.log"


def _without_exit(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("==> Exited")) + "\n"


def test_a_read_timeout_then_the_process_exits_is_failing():
    text = RAW.read_text(encoding="utf-8")
    assert "==> Exited with status 1" in text and "Timeout reading from" in text
    diag = diag_of(text)
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-pool-timeout"
    # the same log cut before the exit: the app still runs, commands time out
    assert diag_of(_without_exit(text)).verdict.state == "degraded"


def test_celery_stopping_on_the_timeout_is_failing():
    # Celery 3's worker ends on redis-py's read timeout: 'Unrecoverable error: TimeoutError(…)' is its last word
    # (public paste https://github.com/celery/celery/issues/3046)
    text = (ROOT / "samples/public/python/celery-3046.log").read_text(encoding="utf-8")
    diag = diag_of(text)
    assert diag.verdict.state == "failing" and diag.verdict.root_cause == "redis-pool-timeout"
    assert "app-process-stopped" not in ids(diag)  # a fact for the verdict, not a finding


def test_a_server_reply_refusing_commands_stays_degraded_when_the_app_then_exits():
    text = (ROOT / "samples/plain/redis-py/oom.cli.log").read_text(encoding="utf-8")
    assert "==> Exited with status 1" in text
    diag = diag_of(text)
    assert diag.verdict.state == "degraded" and diag.verdict.root_cause == "redis-oom"


def test_an_exit_on_another_instance_does_not_fail_this_one():
    timeout = "12:00:0{s} PM [aaaaa] redis.exceptions.TimeoutError: Timeout reading from red-d0cjkelq67qs70c2kvup:6379\n"
    text = timeout.format(s=1) + "12:00:02 PM [bbbbb] Node.js v20.20.2\n" + timeout.format(s=3)
    assert diag_of(text).verdict.state == "degraded"
    text = timeout.format(s=1) + "12:00:02 PM [aaaaa] Node.js v20.20.2\n"
    assert diag_of(text).verdict.state == "failing"


def test_a_crash_line_naming_redis_that_no_rule_names_is_still_a_redis_error():
    # 'panic: Redis connection failed' (Go, public paste https://github.com/knadh/niltalk/issues/16): the crash
    # rule matches it, and the Redis error in it is still never silent
    text = (ROOT / "samples/public/go/niltalk-16.log").read_text(encoding="utf-8")
    diag = diag_of(text)
    assert diag.verdict.state == "failing" and diag.verdict.root_cause == "redis-error-unnamed"


def test_a_crash_alone_says_nothing_about_redis():
    diag = diag_of("[2026-11-26 07:55:13,929: CRITICAL/MainProcess] Unrecoverable error: KeyError('celery')\n")
    assert diag.verdict.state == "unknown" and not diag.findings
    assert [u.sample for u in diag.unexplained]  # still listed: an error no rule explains
