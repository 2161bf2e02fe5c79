"""Issue 13, heldout18's classes (non-Node stacks: Python, Ruby, PHP, Go, Java, .NET and Elixir apps and workers; public
pastes measured on arrival): Redis on a unix socket nobody listens on, a paste whose only JSON record is cut short,
Rails' 'Class (message)' form of an exception, phpredis < 5's connect warning and the 'went away' that follows a refused
connect, Resque refused while reserving a job, a Python address tuple before a refusal, Redis < 5's READONLY inside a
script's error, a script reply a terminal wrapped, Sidekiq's options printing its URL, packages named '<x>_redis'. Every
log here is real output: the public pastes of samples/public/ (their threads in samples/README.md, section E,
"Eighteenth batch") and samples/raw/classes/session9-h18.log; the few lines written here are the controls that must stay
as they were."""

from __future__ import annotations

import io

from analyzer.engine.rules import load_rules
from analyzer.pipeline import diagnose
from analyzer.sources.files import Problems, blocks_from_stream
from tests.conftest import capture_section, diag_of, ids, public_paste

_paste = public_paste


def _file(text: str, name: str = "paste.log"):
    """Diagnosed as a file is read (a JSON document or JSON lines sniffed from its head, text otherwise)."""
    return diagnose(list(blocks_from_stream(io.BytesIO(text.encode()), name, Problems())), load_rules())


def test_redis_on_a_unix_socket_nobody_listens_on_is_refused():
    # redis-py names the socket's path where host:port goes; no file (errno 2) or a file its server left (111)
    for title in ("redis-py 8", "redis-py, from_url", "phpredis 5", "phpredis, connect() on", "Predis (php-predis)"):
        diag = diag_of(capture_section("session9-h18.log", title))
        assert diag.verdict.root_cause == "redis-econnrefused", title
    # a missing file that is no socket of a Redis client is not Redis
    control = capture_section("session9-h18.log", "not Redis (no_match)")
    assert diag_of(control).verdict.state != "failing"


def test_a_paste_whose_only_json_record_is_cut_is_read_as_text():
    # a Nextcloud log record copied out of a terminal and cut short: its words are the evidence
    assert _file(_paste("php/nextcloudpi-1652.log")).verdict.root_cause == "redis-wrongpass"
    assert _file(_paste("php/install-nextcloud-9.log")).verdict.root_cause == "redis-econnrefused"
    # JSON lines whose first record is cut stay JSON lines: the next records are read as records
    lines = _paste("php/nextcloudpi-1652.log").rstrip("\n") + "\n" + '{"level": 3, "message": "Redis ready"}\n'
    problems = Problems()
    blocks = list(blocks_from_stream(io.BytesIO(lines.encode()), "lines.log", problems))
    assert [r.message for b in blocks for r in (b.records or [])] == ["Redis ready"]
    assert problems.unparsed == 1  # the cut record, counted as before


def test_rails_class_and_message_form_of_redis_clients_refusal():
    # ActiveJob's 'Error performing …: Redis::CannotConnectError (Connection refused - connect(2) for 127.0.0.1:6379 …):'
    # after Sidekiq printed the URL it gives its own client: the job's client never got it
    diag = diag_of(_paste("ruby/dawarich-376.log"))
    assert diag.verdict.root_cause == "redis-url-ignored"
    # the refusal alone is a refusal
    refusal = [line for line in _paste("ruby/dawarich-376.log").splitlines() if "CannotConnectError" in line][0]
    assert diag_of(refusal).verdict.root_cause == "redis-econnrefused"


def test_phpredis_went_away_after_its_refused_connect_is_the_refusal():
    # phpredis 3's warning, then 'Redis server went away' for the command on the connection never made
    for name in ("php/w3-total-cache-59.log", "php/gke-wordpress-6.log"):
        diag = diag_of(_paste(name))
        assert diag.verdict.root_cause == "redis-econnrefused", name
        assert "redis-connection-dropped" not in ids(diag), name
    # 'went away' with no refusal before it is still a server that went away
    assert diag_of("RedisException: Redis server went away").verdict.root_cause == "redis-connection-dropped"


def test_resque_refused_while_reserving_is_a_server_that_went_away():
    # the worker registered itself in Redis at start-up ('Starting worker'), then reserving was refused
    assert diag_of(_paste("ruby/resque-737.log")).verdict.root_cause == "redis-connection-dropped"
    # Resque refused at start (nothing registered) stays a refusal
    assert diag_of(_paste("ruby/resque-932.log")).verdict.root_cause == "redis-econnrefused"


def test_a_python_address_tuple_before_a_refusal_names_it():
    diag = diag_of(_paste("python/arq-305.log"))
    assert diag.verdict.root_cause == "redis-econnrefused"
    assert diag.findings[0].fields.get("host") == "localhost"


def test_readonly_in_redis_before_5_and_inside_a_script_error():
    diag = diag_of(_paste("python/huey-540.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-readonly")


def test_a_script_reply_wrapped_by_the_terminal_still_says_the_server_is_too_old():
    assert diag_of(_paste("go/asynq-654.log")).verdict.root_cause == "redis-server-too-old"


def test_a_lookup_error_inside_channels_redis_is_redis():
    # '[Errno -2] Name or service not known' raised in channels_redis/core.py's receive loop
    assert diag_of(_paste("python/channels-redis-106.log")).verdict.root_cause == "redis-dns-not-found"
    # the same error with no Redis frame is not
    bare = "2018-06-03 15:54:48,949 - ERROR - server - Exception inside application: [Errno -2] Name or service not known\n"
    assert diag_of(bare).verdict.state != "failing"


def test_the_batchs_healthy_and_non_redis_logs_stay_quiet():
    for name in ("healthy/asynq-764.log", "healthy/authentik-22606.log", "healthy/paperless-ngx-1484.log",
                 "healthy/paperless-ngx-9499.log", "nonredis/docker-netbox-10.log", "nonredis/gramps-web-728.log",
                 "nonredis/harbor-10206.log", "nonredis/zulip-13536.log", "nonredis/zulip-21651.log"):
        assert diag_of(_paste(name)).verdict.state not in ("failing", "degraded"), name
