"""The first screen's fix says what to do about the fault the log shows: a rule covering several faults (a server that
will not start on its append-only file, its port, its socket, its configuration) gives a step written with `when` only
when the finding's evidence holds that regex (docs/rules.md, "Which fix steps are shown"). Before, a Redis container
that would not start on a corrupt AOF got nine steps, the port's, the unix socket's and the crash report's among them
(public heldout92 goauthentik/authentik#7643)."""

from __future__ import annotations

import json

import pytest

from analyzer.engine.ruleparse import RuleError, parse_rule
from analyzer.report import ReportContext
from analyzer.report.dispatch import render
from tests.conftest import builtin, diag_of, public_paste

AOF_STEP = "redis-check-aof --fix"
PORT_STEP = "Port already in use"
SOCKET_STEP = "Unix socket (unixsocket)"


def _screen(text: str, fmt: str = "table", **ctx: object) -> str:
    return render(diag_of(text), fmt, ReportContext(builtin(), width=120, **ctx))  # type: ignore[arg-type]


def test_a_corrupt_append_only_file_gets_the_aof_step_and_not_the_others():
    screen = _screen(public_paste("cpp/authentik-7643.log"))
    fix = screen.split("Fix (redis-server-start-failed):", 1)[1].split("\n\n", 1)[0]
    assert AOF_STEP in fix and "Read the server's lines" in fix
    assert PORT_STEP not in fix and SOCKET_STEP not in fix and "crash report" not in fix


@pytest.mark.parametrize(
    ("line", "step"),
    [
        # real redis-server lines of the rule's own examples, one fault each
        ("1:M 08 Dec 2026 10:00:00.000 # Failed listening on port 6379 (tcp), aborting.", PORT_STEP),
        ("1:M 08 Dec 2026 10:00:00.000 # Can't handle RDB format version 12", "An RDB of a newer format"),
        ("Dec 08 10:00:00 host systemd[1]: redis-server.service: Failed with result 'exit-code'.",
         "Only a service manager's lines"),
        ("1:C 08 Dec 2026 10:00:00.000 # Fatal error, can't open config file '/etc/redis/redis.conf': No such file",
         "Its configuration"),
    ],
    ids=["port", "rdb-version", "systemd", "config"],
)
def test_each_fault_gets_its_own_step(line: str, step: str):
    fix = _screen(line + "\n").split("Fix (redis-server-start-failed):", 1)[1].split("\n\n", 1)[0]
    assert step in fix
    assert AOF_STEP not in fix


def test_every_format_gives_the_same_steps_and_rules_show_gives_them_all():
    text = public_paste("cpp/authentik-7643.log")
    report = json.loads(_screen(text, "json"))
    steps = next(f["solution"] for f in report["findings"] if f["rule"] == "redis-server-start-failed")
    assert len(steps) == 2 and AOF_STEP in steps[1]
    for fmt in ("markdown", "html"):
        out = _screen(text, fmt)
        assert AOF_STEP in out and PORT_STEP not in out, fmt
    rule = builtin().get("redis-server-start-failed")
    assert rule is not None and len(rule.text("en").solution) == len(rule.solution_when) == 9


@pytest.mark.parametrize(
    ("line", "shown", "hidden"),
    [
        # a bare host given as the scheme (go-redis; the rule's own example): the infrastructure step, not the password's
        ("redis: invalid URL scheme: redis-cache.internal", "Infrastructure code", "Percent-encode"),
        # Docker's link variable where node_redis wants a host (public heldout65 dashku/dashku#65)
        ("web_1   | Exception caught:  [Error: Redis connection to tcp://172.17.0.29:6379 failed - connect ENOENT]",
         "A URL where a host goes", "StackExchange.Redis"),
        # StackExchange.Redis given 'password@host:port' (public heldout14 aspnet/SignalR#2468)
        ("2018-06-11 16:12:16.811 +01:00 [Debug] [] password123@redis-fakeServer.example.com:1234 did not respond",
         "StackExchange.Redis", "A URL where a host goes"),
    ],
    ids=["bare-host", "docker-link", "stackexchange"],
)
def test_a_malformed_url_gets_the_steps_of_its_mistake_on_any_platform(line: str, shown: str, hidden: str):
    fix = _screen(line + "\n").split("Fix (redis-url-malformed):", 1)[1].split("\n\n", 1)[0]
    assert "Check the format: redis://[user:password@]host:6379" in fix  # the neutral steps: no Render evidence
    assert shown in fix and hidden not in fix


def test_evidence_no_condition_foresaw_keeps_every_step():
    rule = builtin().get("redis-server-start-failed")
    assert rule is not None
    assert rule.fix("en", None, "exited for a reason nobody wrote down") == rule.text("en").solution
    assert len(rule.fix("fr", None, "Bad file format reading the append only file")) == 2  # the French twin, same pick


def test_every_when_shows_its_step_on_one_of_the_rules_own_examples():
    """No step is unreachable: each `when` matches a line the rule is proven to match."""
    checked = 0
    for rule in builtin().rules:
        for n, when in enumerate((*rule.solution_when, *rule.elsewhere_when)):
            if when is not None:
                assert any(when.search(x) for x in rule.examples_match), (rule.id, n, when.pattern)
                checked += 1
    assert checked >= 18


RULE = """id: my-rule
title: t
severity: error
patterns: ['boom']
cause: c
solution:
  - always
  - when: 'disk'
    step: the disk
  - when: 'port'
    step: the port
examples: {match: [boom], no_match: [ok]}
"""


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (RULE.replace("    step: the disk", "    text: the disk"), "must be text, or {when: regex"),
        (RULE.replace("'disk'", "'(?<=x)disk'"), "solution[1].when"),
        (RULE + "fr: {title: t, cause: c, solution: [toujours]}\n", "fr.solution"),
        (RULE + "fr: {title: t, cause: c, solution: [toujours, {when: disk, step: le disque}, le port]}\n",
         "fr.solution"),
        (RULE + "solution_elsewhere: [anywhere, {when: disk, step: a disk}]\n"
         "fr: {title: t, cause: c, solution: [a, b, c], solution_elsewhere: [partout]}\n", "fr.solution_elsewhere"),
    ],
    ids=["unknown-key", "lookbehind", "fr-fewer-steps", "fr-when", "fr-fewer-elsewhere"],
)
def test_a_bad_when_is_a_rule_error_naming_its_field(text: str, needle: str):
    import yaml

    with pytest.raises(RuleError) as info:
        parse_rule(yaml.safe_load(text), "my-rules/my-rule.yaml")
    assert needle in str(info.value) and "my-rule" in str(info.value)


def test_a_good_when_parses():
    import yaml

    rule = parse_rule(yaml.safe_load(RULE), "my-rules/my-rule.yaml")
    assert rule.text("en").solution == ("always", "the disk", "the port")
    assert rule.fix("en", None, "boom: disk full") == ("always", "the disk")
    assert rule.fix("en", None, "boom") == ("always", "the disk", "the port")  # no `when` held: every step
