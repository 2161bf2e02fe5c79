"""A database number the server does not have (rules/redis/config/redis-db-index.yaml): the URL's /N past the server's
count, or any N but 0 on a server in cluster mode, is its own cause, in every client's words.

Real: samples/raw/classes/session11-dbindex.log (capture/classes/run_s11_dbindex.sh: six clients, three servers).
Before, five clients' output was "a Redis error no rule names", Celery's "the client gave up retrying", and Perl's
"can't tell" although it quoted the server's reply."""

from __future__ import annotations

import pytest

from tests.conftest import capture_section, diag_of

CLIENTS = ["redis-py", "node-redis", "ruby-redis", "perl-redis", "celery"]
SERVERS = ["redis://127.0.0.1:16432/20", "redis://127.0.0.1:16433/1", "redis://127.0.0.1:16434/1"]


def _section(client: str, url: str) -> str:
    return capture_section("session11-dbindex.log", f"{client} {url}")


@pytest.mark.parametrize("url", SERVERS)
@pytest.mark.parametrize("client", CLIENTS)
def test_a_database_the_server_lacks_is_the_root_cause_in_every_clients_words(client, url):
    diag = diag_of(_section(client, url))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-db-index")


@pytest.mark.parametrize("url", SERVERS[:2])
def test_ioredis_going_on_in_database_0_is_told_as_recovery_from_the_db_index_error(url):
    # ioredis reports the refused SELECT, then says ready and serves from database 0: the finding stays
    diag = diag_of(_section("ioredis", url))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("recovered", "redis-db-index")


def test_other_replies_about_numbers_are_not_a_database_index():
    for line in ("ReplyError: ERR value is not an integer or out of range", "IndexError: list index out of range"):
        assert all(f.rule_id != "redis-db-index" for f in diag_of(line).findings)
