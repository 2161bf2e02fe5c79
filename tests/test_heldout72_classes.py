"""Issue 13, heldout72's classes (session 17, a fifth round of Go and Rust and of the Node.js stack in containers): an
app's own words for a Redis call, command or operation it gave up on ('redis call timed out', BTE's timer around each
call) are commands timing out, not an error no rule names; a Go app's line naming a data command it sent to Redis, its
context's deadline passed ('failed to mget items from redis' err="context deadline exceeded", Thanos' store cache;
mosdns' 'redis get {"error": "context deadline exceeded"}'), is a command that timed out, while Go's bare 'context
deadline exceeded' after a ping or a connect stays the timeout class's connection that never answered; a record whose
own level is ERROR keeps its error when a terminal cut it and joined the next record's WARN after a '>' (asynq's lines
at the window's width); a Go read timeout the app itself logs at DEBUG or TRACE (Pomerium's databroker: its notify
loop's own one-second read deadline, '{"level":"debug","error":"read tcp …: i/o timeout","message":"redis subscribe
error"}') is its wait loop waking up, not a command that failed, whether the level is the JSON record's (a reclassify
condition on the record's level, `level:`) or in the line's text (logrus' level=debug), while the same read at WARN and
a DEBUG record of another wording (gorm quoting redigo's exhausted pool) keep their reading. Real output: the batch's public pastes (samples/public/heldout72.yaml) and earlier batches'
(heldout57's hakscale-2, QuantumNous/new-api#201 in rules/classes/timeout.yaml)."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, public_paste

# (paste, verdict, root cause): the batch's pastes each class was made from
PASTES = [
    # biothings/biothings_explorer#426: 'Async job … failed with error redis call timed out' in a Bull job
    ("node/biothings-explorer-426.log", "degraded", "redis-pool-timeout"),
    # thanos-io/thanos#6498: 'failed to mget items from redis' err="context deadline exceeded"
    ("go/thanos-6498.log", "degraded", "redis-pool-timeout"),
    # hibiken/asynq#867: 'ERROR: Dequeue error: UNKNOWN: redis eval error: dial tcp 172.16.1.114:6379>asynq: … WARN: …'
    ("go/asynq-867.log", "failing", "redis-error-unnamed"),
]


@pytest.mark.parametrize(("paste", "state", "root"), PASTES)
def test_heldout72_class_reads_its_paste(paste, state, root):
    diag = diag_of(public_paste(paste))
    assert (diag.verdict.state, diag.verdict.root_cause) == (state, root)


# (line, root cause): neighbours that keep their own reading
LINES = [
    # heldout57 hakluke/hakscale#2 and QuantumNous/new-api#201: a connect or a ping whose deadline passed
    ("Unable to connect to specified Redis server: context deadline exceeded\n", "redis-connection-timeout"),
    ("[FATAL] 2024/04/13 - 13:54:53 | [Redis ping test failed: context deadline exceeded]\n",
     "redis-connection-timeout"),
]


@pytest.mark.parametrize(("line", "root"), LINES)
def test_neighbouring_lines_keep_their_reading(line, root):
    assert diag_of(line).verdict.root_cause == root


def test_a_warn_record_on_its_own_line_stays_no_error():
    # the WARN exclusion still holds for a record of its own: asynq's recoverer at WARN, no ERROR record before it
    line = ("asynq: pid=22087 2024/04/20 05:36:15.688920 WARN: recoverer: could not list lease expired tasks: "
            "INTERNAL_ERROR: redis command error: SAD failed\n")
    assert diag_of(line).verdict.root_cause != "redis-error-unnamed"


def test_a_read_timeout_logged_at_debug_is_the_apps_wait_loop():
    # pomerium/pomerium#1154: JSON records at "level":"debug" every few seconds while everything works
    diag = diag_of(public_paste("go/pomerium-1154.log"))
    assert diag.verdict.state not in ("failing", "degraded")
    assert "redis-pool-timeout" not in {f.rule_id for f in diag.findings}


# (line, root cause): the same read at another level, and a DEBUG record of another wording
LEVELS = [
    ('time="2020-07-28T22:14:37-04:00" level=debug msg="redis subscribe error" error="read tcp 127.0.0.1:50134->'
     '127.0.0.1:6379: i/o timeout"\n', None),
    ('{"level":"warn","error":"read tcp 127.0.0.1:50134->127.0.0.1:6379: i/o timeout","time":"2020-07-28T22:14:37-04:00",'
     '"message":"redis subscribe error"}\n', "redis-pool-timeout"),
    # heldout39 hb-chen/echo-web#8: gorm's logger at DEBUG quoting redigo's exhausted pool
    ('{"time":"2018-03-28T15:33:28+08:00","level":"DEBUG","prefix":"log","file":"/root/go/src/echo-web/model/orm/'
     'logger.go","line":"14","message":"orm log:[log /root/go/src/echo-web/vendor/github.com/hb-go/gorm/main.go:684 '
     'redigo: connection pool exhausted] \\n"}\n', "redis-pool-timeout"),
]


@pytest.mark.parametrize(("line", "root"), LEVELS)
def test_the_level_decides_only_the_read_timeout(line, root):
    assert diag_of(line).verdict.root_cause == root
