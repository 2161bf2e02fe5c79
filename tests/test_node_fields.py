"""A Node system error printed by its own fields at the margin ('errno: -3008,' 'code: 'ENOTFOUND',' 'syscall:
'getaddrinfo',' 'hostname: 'redis''), under a logger's own message, joins that message's entry and is read as Node
words it: 'getaddrinfo ENOTFOUND redis' (analyzer/engine/entries.py; the shape: `NODE_FIELD` in analyzer/engine/shapes.py).

Real: the public paste samples/public/node/ssi-hub-342.log (energywebfoundation/ssi-hub#342, samples/README.md).
Before, it was "can't tell" (each field a line of its own, the code with no host)."""

from __future__ import annotations

from analyzer.engine.entries import _node_words
from tests.conftest import ROOT, diag_of

PASTE = (ROOT / "samples" / "public" / "node" / "ssi-hub-342.log").read_text(encoding="utf-8")


def test_the_fields_under_a_loggers_message_are_the_lookup_failure_of_their_host():
    diag = diag_of(PASTE)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-dns-not-found")
    (finding,) = [f for f in diag.findings if f.rule_id == "redis-dns-not-found"]
    assert finding.fields.get("host") == "redis"
    assert finding.first.line == 1  # the entry is the logger's line and its fields


def test_the_words_are_said_once_from_the_fields():
    parts = PASTE.splitlines()
    assert _node_words(parts) == "getaddrinfo ENOTFOUND redis"
    assert _node_words(parts[:3]) is None  # no syscall: not a system error's fields

