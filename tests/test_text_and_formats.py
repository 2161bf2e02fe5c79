"""Text repair and line formats: what users actually paste."""

from __future__ import annotations

import io
from pathlib import Path

from analyzer.sources.files import Problems, blocks_from_stream
from analyzer.sources.formats import parse_line
from analyzer.sources.text import read_blocks, repair_mojibake

SEED = Path(__file__).resolve().parents[1] / "samples" / "seed"


def test_mojibake_mac_roman_is_repaired():
    assert repair_mojibake("‚úÖ Redis ready and connected") == "✅ Redis ready and connected"
    assert repair_mojibake("\uf8ffüîÑ Redis connecting...") == "🔄 Redis connecting..."
    assert repair_mojibake("‚ö†Ô∏è  Redis connection failed") == "⚠️  Redis connection failed"
    assert repair_mojibake("am√©lior√©") == "amélioré"


def test_mojibake_cp1252_is_repaired():
    assert repair_mojibake("âœ… Redis ready and connected") == "✅ Redis ready and connected"


def test_real_text_is_left_alone():
    for text in ("Vérifiez la région", "✅ Redis ready", "naïve café √2", "prix: 5 €"):
        assert repair_mojibake(text) == text


def test_mojibake_note_file_repairs():
    raw = (SEED / "diagnostic-redis.fr.mojibake.txt").read_bytes()
    text = "".join(read_blocks(io.BytesIO(raw)))
    assert "✅ Redis ready and connected" in text
    assert "⚠️  Redis connection failed, using memory cache" in text


def test_bom_crlf_ansi_nul_and_invalid_bytes():
    raw = b"\xef\xbb\xbf\x1b[32mok\x1b[0m line\r\nbad \xff\xfe byte\r\nnul\x00here\n"
    text = "".join(read_blocks(io.BytesIO(raw)))
    assert text == "ok line\nbad \ufffd\ufffd byte\nnulhere\n"


def test_a_nul_inside_a_colour_code_leaves_no_code():
    # hypothesis found it: NULs removed after the codes turned '\x1b\x00[31m' into a code left in the text
    raw = b"a\x1b\x00[31mred\x1b[0\x00m b\n"
    assert "".join(read_blocks(io.BytesIO(raw))) == "a" + "red b\n"


def test_utf16_with_bom():
    raw = "06:22:47 PM [t7v9k] ✅ Redis ready and connected\n".encode("utf-16")
    assert "".join(read_blocks(io.BytesIO(raw))).startswith("06:22:47 PM [t7v9k] ✅")


def test_blocks_end_on_line_boundaries():
    raw = ("x" * 50 + "\n") * 100
    blocks = list(read_blocks(io.BytesIO(raw.encode()), block_size=64))
    assert "".join(blocks) == raw
    assert all(b.endswith("\n") for b in blocks)


def test_dashboard_lines():
    r = parse_line("06:22:47 PM [t7v9k] ✅ Redis ready and connected", "s", 3)
    assert (r.time, r.instance, r.message, r.line) == ("06:22:47 PM", "t7v9k", "✅ Redis ready and connected", 3)
    r = parse_line("10:17:39 PM  [hh4tw] Listening", "s", 1)
    assert (r.instance, r.message) == ("hh4tw", "Listening")
    r = parse_line("06:22:38 PM ==> Deploying...", "s", 1)
    assert (r.instance, r.message) == (None, "==> Deploying...")


def test_other_prefixes():
    r = parse_line("Sep 1 01:30:54 PM  ==> Starting service", "s", 1)
    assert (r.time, r.message) == ("Sep 1 01:30:54 PM", "==> Starting service")
    r = parse_line("2025-07-20T19:04:43.502061266Z ==> Exited with status 1", "s", 1)
    assert (r.time, r.message) == ("2025-07-20T19:04:43.502061266Z", "==> Exited with status 1")
    r = parse_line("2026-11-26 06:12:03  Error: connect ECONNREFUSED 10.0.3.7:6379", "s", 1)
    assert (r.time, r.message) == ("2026-11-26 06:12:03", "Error: connect ECONNREFUSED 10.0.3.7:6379")
    r = parse_line("<0>1 2021-03-31T16:00:00-08:00 test-service cron-12345 74440 cron-12345 - hello this is a test", "s", 1)
    assert (r.message, r.instance, r.level) == ("hello this is a test", "12345", "emergency")


def test_json_line_with_labels():
    line = (
        '{"id":"a1","timestamp":"2026-11-26T06:12:03.5Z","message":"\\u001b[31mconnect ECONNREFUSED 10.0.3.7:6379\\u001b[0m",'
        '"labels":[{"name":"instance","value":"srv-d1abc2def3ghi4jkl5mn-t7v9k"},{"name":"level","value":"error"},{"name":"type","value":"app"}]}'
    )
    r = parse_line(line, "s", 7)
    assert (r.message, r.instance, r.level, r.type, r.id) == ("connect ECONNREFUSED 10.0.3.7:6379", "t7v9k", "error", "app", "a1")


def test_footer_and_blank_lines_are_dropped():
    assert parse_line("", "s", 1) is None
    assert parse_line("Need better ways to work with logs? Try theRender CLI, Render MCP Server", "s", 1) is None


def test_forced_format_keeps_unmatched_lines_as_plain():
    r = parse_line("hello", "s", 1, "dashboard")
    assert r.message == "hello"


def _blocks(text: str):
    problems = Problems()
    return list(blocks_from_stream(io.BytesIO(text.encode()), "f", problems)), problems


def test_json_page_array_and_pretty_objects():
    page = '{"hasMore": false, "nextStartTime": "", "nextEndTime": "", "logs": [{"id": "1", "timestamp": "t", "message": "a", "labels": []}, {"id": "2", "timestamp": "t", "message": "b", "labels": []}]}'
    blocks, _ = _blocks(page)
    assert [r.message for r in blocks[0].records] == ["a", "b"]
    arr = '[{"id": "1", "timestamp": "t", "message": "a", "labels": []}]'
    blocks, _ = _blocks(arr)
    assert [r.message for r in blocks[0].records] == ["a"]
    pretty = '{\n  "id": "1",\n  "message": "x",\n  "timestamp": "t",\n  "labels": []\n}\n{\n  "id": "2",\n  "message": "y",\n  "timestamp": "t",\n  "labels": []\n}\n'
    blocks, _ = _blocks(pretty)
    assert [r.message for r in blocks[0].records] == ["x", "y"]


def test_truncated_json_array_keeps_what_was_read():
    blocks, problems = _blocks('[{"id": "1", "message": "a", "timestamp": "t"}, {"id": "2", "mess')
    assert problems.unparsed == 1
    assert blocks == [] or all(b.records is not None for b in blocks)


# ---- structured loggers' JSON lines (issue 13, third held-out batch) ------------------------------------------------
# Real lines (samples/raw/classes/session4.log, samples/capture/classes/run_s4.sh): structlog prints its message as
# `event` and the exception beside it, pino its message as `msg` and the error as an `err` object. Before, the
# structlog lines were "could not be parsed" (no message key) and pino's error was never read.

SESSION4 = Path(__file__).resolve().parents[1] / "samples" / "raw" / "classes" / "session4.log"


def _json_lines(marker: str) -> list[str]:
    return [line for line in SESSION4.read_text(encoding="utf-8").splitlines() if line.startswith("{") and marker in line]


def test_a_structlog_line_is_read_with_the_exception_it_logged():
    for line in _json_lines('"event": "Task failure"'):
        record = parse_line(line, "app.log", 1)
        assert record is not None and record.message.startswith("Task failure\n"), line[:80]
    exc_info, tracebacks = (parse_line(line, "app.log", 1) for line in _json_lines('"level": "error"'))
    # format_exc_info: the traceback's text, its last line naming the failure; dict_tracebacks: 'exc_type: exc_value'
    assert exc_info.message.endswith("redis.exceptions.ReadOnlyError: You can't write against a read only replica.")
    assert tracebacks.message == "Task failure\nReadOnlyError: You can't write against a read only replica."


def test_a_pino_line_is_read_with_its_err_and_its_epoch_time():
    (refused,) = _json_lines("ECONNREFUSED")
    record = parse_line(refused, "app.log", 1)
    assert record.message.startswith("redis connection error\nError: connect ECONNREFUSED 127.0.0.1:16390\n    at ")
    assert record.time is not None and record.time.endswith("Z") and record.time[:2] == "20"


WINSTON = SESSION4.with_name("session9-winston.log")


def _winston(marker: str) -> str:
    text = WINSTON.read_text(encoding="utf-8")
    return text.split(f"=== {marker}\n", 1)[1].split("\n", 1)[0]


def test_a_node_error_logged_by_its_fields_alone_is_read_as_node_says_it():
    # winston 3's JSON without format.errors() keeps only a Node system error's own fields, no message and no stack
    # (real: samples/raw/classes/session9-winston.log, node-redis 4's 'error' event as { error: err }); before, the
    # line was 'Redis Client Error' and nothing else: a Redis error no rule names
    refused = parse_line(_winston("node-redis, refused"), "app.log", 1)
    assert refused.message.startswith("Redis Client Error\nconnect ECONNREFUSED 127.0.0.1:")
    lookup = parse_line(_winston("node-redis, name not found"), "app.log", 1)
    assert lookup.message == "Redis Client Error\ngetaddrinfo ENOTFOUND red-abc123nonexist.invalid"
    # ioredis' error merged in by winston keeps its message and stack: read as before
    merged = parse_line(_winston("ioredis, refused"), "app.log", 1)
    assert merged.message.startswith("redis error connect ECONNREFUSED 127.0.0.1:")


def test_the_fields_alone_give_the_diagnosis_the_message_would():
    from tests.conftest import diag_of

    assert diag_of(_winston("node-redis, refused")).verdict.root_cause == "redis-econnrefused"
    assert diag_of(_winston("node-redis, name not found")).verdict.root_cause == "redis-dns-not-found"


def test_a_json_line_with_neither_message_nor_error_is_still_unparsed():
    import pytest

    from analyzer.sources.formats import UnparsedRecord

    with pytest.raises(UnparsedRecord):
        parse_line('{"level": "info", "pid": 12}', "app.log", 1)


def test_a_term_on_one_line_that_is_not_json_is_text():
    # Erlang prints '{error,econnrefused}' (samples/raw/classes/session4.log): braces, not a JSON record
    record = parse_line("{error,econnrefused}", "app.log", 1)
    assert record is not None and record.message == "{error,econnrefused}"


def test_a_paste_quoted_in_markdown_is_read_under_its_marks():
    # a real redis-py traceback (samples/raw/redis-py, capture/python/redis_ping.py) as a reply quotes it: '> ' on
    # every line; before, the traceback's header and frames were not one entry and the refusal named no Redis
    from tests.conftest import diag_of

    raw = (Path(__file__).resolve().parents[1] / "samples" / "raw" / "redis-py" / "refused-localhost.log").read_text()
    plain = diag_of(raw)
    assert (plain.verdict.state, plain.verdict.root_cause) == ("failing", "redis-url-not-set")  # Render's paths in it
    for marks in ("> ", "> > "):
        diag = diag_of("".join(f"{marks}{line}\n" for line in raw.splitlines()))
        assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-url-not-set")
    assert parse_line(">   File \"x.py\", line 1, in <module>", "s", 1).message == "  File \"x.py\", line 1, in <module>"
    assert parse_line(">", "s", 1) is None
    assert parse_line(">>> r.ping()", "s", 1).message == "r.ping()"


def test_a_loggers_json_line_behind_the_platforms_prefix_is_read_as_the_line_alone():
    # heldout30's pino capture (samples/heldout30, capture/heldout30) as `render logs` prints it: the JSON line after the
    # time; before, 'redis ready' sat inside the JSON text and the healthy log was "can't tell"
    from tests.conftest import diag_of

    root = Path(__file__).resolve().parents[1] / "samples"
    text = (root / "heldout30" / "plain" / "pino-ioredis" / "healthy.rfc3339.log").read_text(encoding="utf-8")
    assert diag_of(text).verdict.state == "healthy"
    ready = next(line for line in text.splitlines() if '"msg":"redis ready"' in line)
    assert parse_line(ready, "s", 1).message == "redis ready"
    # a request's status stays in the message, as the storms' reading of a line's form needs it (heldout16's Fastify)
    fastify = next(
        line
        for line in (root / "heldout16" / "plain" / "fastify-rate-limit" / "mixed-pg-api-healthy.rfc3339.log")
        .read_text(encoding="utf-8").splitlines()
        if '"statusCode":200' in line
    )
    assert parse_line(fastify, "s", 1).message.endswith(" status=200")
