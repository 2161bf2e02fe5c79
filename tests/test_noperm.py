"""ACL NOPERM (rules/redis/auth/redis-noperm.yaml): a command or key the Redis user may not use is its own cause, a
degraded Redis (it answers, and refuses those), the refused command or key in the evidence.

Real: samples/raw/classes/session10-noperm.log (capture/classes/run_s10_noperm.sh: five clients logged in as an ACL
user that may GET/SET session:* only). Before, each was "a Redis error no rule names"."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT, diag_of

LOG = (ROOT / "samples" / "raw" / "classes" / "session10-noperm.log").read_text(encoding="utf-8")


def _section(client: str) -> str:
    parts = re.split(r"^=== ", LOG, flags=re.M)
    return next(p.split("\n", 1)[1] for p in parts if p.startswith(client))


@pytest.mark.parametrize("client", ["redis-py", "ioredis", "node-redis", "ruby-redis", "phpredis"])
def test_a_command_or_key_the_user_lacks_is_noperm_in_every_clients_words(client):
    diag = diag_of(_section(client))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-noperm")
    (finding,) = [f for f in diag.findings if f.rule_id == "redis-noperm"]
    denied = set(finding.fields["denied"].split(", "))
    assert {"access one of the keys used as arguments", "run the 'lpush' command"} <= denied


def test_the_other_auth_replies_are_not_noperm():
    diag = diag_of("[ErrorReply: WRONGPASS invalid username-password pair or user is disabled.]")
    assert diag.verdict.root_cause == "redis-wrongpass"
