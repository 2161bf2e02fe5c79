"""An app out of file descriptors cannot open its Redis connection (session 16, lead): EMFILE/ENFILE in every
client's words is its own cause (rules/classes/out_of_files.yaml, redis-out-of-file-descriptors), never "can't
tell" and never a refusal or a drop. The same limit met opening a file, or by another service's client, is not Redis.
Real: samples/raw/classes/session16-fd.log (capture/classes/run_s16_fd.sh: a client per request, `ulimit -n 40`)."""

from __future__ import annotations

import pytest

from tests.conftest import capture_section, diag_of, public_paste

RULE = "redis-out-of-file-descriptors"


@pytest.mark.parametrize("client", ["ioredis", "node-redis", "redis-py", "redigo", "redis-rb"])
def test_every_client_out_of_descriptors_gets_the_cause(client: str):
    diag = diag_of(capture_section("session16-fd.log", client))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", RULE)


def test_go_s_dial_error_with_no_error_word_is_read():
    # public heldout45 gomodule/redigo#421: a lone Go dial error, no English error word, was "can't tell"
    diag = diag_of(public_paste("go/redigo-421.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", RULE)


def test_the_limit_met_elsewhere_is_not_redis():
    healthy = "[ioredis] connected to 127.0.0.1:6379\nready\n"
    diag = diag_of(healthy + "Error: EMFILE: too many open files, open '/app/uploads/a.png'\n")
    assert RULE not in {f.rule_id for f in diag.findings}
    diag = diag_of("Error: connect EMFILE 10.0.9.9:5432 - Local (undefined:undefined)\n")
    assert diag.verdict.state not in ("failing", "degraded")
