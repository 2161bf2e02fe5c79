"""Property tests (hypothesis) on what reads untrusted text: the line parsers, the text repair, the
readers, the redactor and the URL lint. Arbitrary input never raises (beyond the documented
UnparsedRecord), and parsing is stable: parse, print, parse gives the same record."""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analyzer.redact import Redactor, redact, redact_value
from analyzer.sources.files import Problems, blocks_from_stream
from analyzer.sources.formats import FORMATS, UnparsedRecord, parse_line, record_from_api_log
from analyzer.sources.jsondoc import JsonDocument
from analyzer.sources.text import clean, read_blocks, repair_mojibake
from analyzer.urllint import inspect_redis_url, show_value

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like logs: the characters the parsers branch on, plus anything.
log_chars = st.one_of(
    st.sampled_from(list("{}[]<>\"':,-TZ .0123456789\\\n\r\t\x00\x1b@#/?=") + ["PM", "AM", "Sep", "srv-", "‚úÖ", "\ufeff"]),
    st.characters(),
)
log_text = st.lists(log_chars, max_size=80).map("".join)


# --------------------------------------------------------------------------- line parsers


@SETTINGS
@given(log_text, st.sampled_from(FORMATS))
def test_parse_line_never_raises_on_arbitrary_text(text: str, fmt: str):
    for line in text.split("\n"):
        try:
            record = parse_line(line, "<p>", 1, fmt)
        except UnparsedRecord:
            continue
        if record is not None:
            assert isinstance(record.message, str) and record.line == 1


@SETTINGS
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=20))
def test_any_json_value_is_a_record_or_unparsed(value: object):
    for obj in (value, {"message": value}, {"message": "m", "labels": value, "timestamp": value, "id": value}):
        try:
            record = record_from_api_log(obj, "<p>", 1)
        except UnparsedRecord:
            continue
        assert isinstance(record.message, str)
        line = json.dumps(obj)
        try:
            parse_line(line, "<p>", 1, "auto")
        except UnparsedRecord:
            pass


@SETTINGS
@given(st.one_of(st.text(max_size=200), log_text), st.integers(0, 200))
def test_json_documents_never_raise_whatever_the_chunking(text: str, cut: int):
    whole = list(JsonDocument([text]))
    parts = list(JsonDocument([text[:cut], text[cut:]]))
    assert parts == whole


_message = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=60).filter(
    lambda m: m.strip() == m and "Need better ways" not in m)
_ts = st.builds(lambda y, mo, d, h, mi, s, f: f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{f}Z",
                st.integers(2020, 2030), st.integers(1, 12), st.integers(1, 28), st.integers(0, 23),
                st.integers(0, 59), st.integers(0, 59), st.integers(0, 999_999_999).map(lambda n: f"{n:09d}"))


def _same(a, b) -> None:  # noqa: ANN001
    assert (a.message, a.time, a.instance, a.level, a.id) == (b.message, b.time, b.instance, b.level, b.id)


@SETTINGS
@given(_message, _ts, st.sampled_from([None, "srv-d1abc2def3ghi4jkl5mn-t7v9k"]),
       st.sampled_from([None, "error", "info"]), st.sampled_from([None, "a1b2c3"]))
def test_json_lines_parse_print_parse(message: str, ts: str, instance: str | None, level: str | None, lid: str | None):
    obj: dict[str, object] = {"timestamp": ts, "message": message}
    if lid:
        obj["id"] = lid
    labels = [{"name": n, "value": v} for n, v in (("instance", instance), ("level", level)) if v]
    if labels:
        obj["labels"] = labels
    first = parse_line(json.dumps(obj, ensure_ascii=False), "<p>", 1)
    assert first is not None and first.message == clean(message)
    printed = {"timestamp": first.time, "message": first.message, **({"id": first.id} if first.id else {}),
               "labels": [{"name": "instance", "value": instance}] if instance else [],
               **({"level": first.level} if first.level else {})}
    second = parse_line(json.dumps(printed, ensure_ascii=False), "<p>", 1)
    _same(first, second)


@SETTINGS
@given(_message, _ts)
def test_rfc3339_lines_parse_print_parse(message: str, ts: str):
    assume(not message[0].isspace())
    first = parse_line(f"{ts} {message}", "<p>", 1)
    assume(first is not None)
    second = parse_line(f"{first.time} {first.message}", "<p>", 1)
    _same(first, second)
    third = parse_line(f"{second.time} {second.message}", "<p>", 1)
    _same(second, third)


@SETTINGS
@given(_message, st.integers(1, 12), st.integers(0, 59), st.integers(0, 59), st.sampled_from(["AM", "PM"]),
       st.sampled_from(["", "t7v9k", "abcde"]))
def test_dashboard_lines_parse_print_parse(message: str, h: int, m: int, s: int, ampm: str, inst: str):
    line = f"{h:02d}:{m:02d}:{s:02d} {ampm} " + (f"[{inst}] " if inst else "") + message
    first = parse_line(line, "<p>", 1)
    assume(first is not None)
    again = f"{first.time} " + (f"[{first.instance}] " if first.instance else "") + first.message
    second = parse_line(again, "<p>", 1)
    _same(first, second)


# --------------------------------------------------------------------------- text repair and readers


@SETTINGS
@given(log_text)
def test_clean_never_raises_and_leaves_no_line_noise(text: str):
    out = clean(text)
    assert "\r" not in out and "\x00" not in out and "\x1b[" not in out or "\x1b[" in text.replace("\x1b[", "", 1)
    assert repair_mojibake(out) is not None
    # per line: cleaning a line alone gives the same as cleaning it inside the text
    assert "\n".join(clean(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")) == out


@SETTINGS
@given(st.binary(max_size=400), st.integers(1, 64))
def test_text_reader_gives_the_same_text_whatever_the_block_size(data: bytes, block: int):
    small = "".join(read_blocks(io.BytesIO(data), block))
    big = "".join(read_blocks(io.BytesIO(data), 1 << 20))
    assert small == big


def _lines(data: bytes, block: int) -> list[str]:
    problems = Problems()
    out: list[str] = []
    for b in blocks_from_stream(io.BytesIO(data), "<p>", problems, block_size=block):
        if b.records is not None:
            out += [r.message for r in b.records]
            continue
        buf, size = b.buffer()
        text = bytes(buf[:size]).decode("utf-8", "replace")
        out += [repair_mojibake(line) for line in text.split("\n")]
    return [line for line in out if line]


@SETTINGS
@given(st.lists(st.one_of(st.binary(max_size=30), st.sampled_from([b"\n", b"\r\n", b"\x00", b"\xff", b"\x1b[31m"])),
                max_size=30).map(b"".join), st.integers(4, 64))
def test_byte_reader_gives_the_same_lines_whatever_the_block_size(data: bytes, block: int):
    from analyzer.sources.files import binary_kind

    assume(binary_kind(data[:block]) is None and binary_kind(data) is None)  # judged on the first block
    assert _lines(data, block) == _lines(data, 1 << 20)


# --------------------------------------------------------------------------- redaction

_password = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=127), min_size=8,
                    max_size=24).filter(lambda p: any(c.isdigit() for c in p) and any(c.isalpha() for c in p))
_weird_password = st.tuples(_password, st.text(alphabet="@#/?\"'%!$&*", min_size=1, max_size=3)).map(
    lambda t: t[0][:4] + t[1] + t[0][4:])


@SETTINGS
@given(log_text)
def test_redaction_never_raises_and_is_idempotent(text: str):
    r = Redactor()
    once = r.scrub(text)
    assert r.scrub(once) == once
    redact_value(text)


@SETTINGS
@given(st.sampled_from(["redis", "rediss", "postgres", "postgresql", "amqp", "amqps", "https", "mongodb+srv", "mysql"]),
       st.sampled_from(["default", "red-d1abc2def3ghi4jkl5mn", "app", ""]), _weird_password,
       st.sampled_from(["red-d1abc2def3ghi4jkl5mn:6379", "oregon-keyvalue.render.com:6379", "db.internal/app", "[::1]:1"]),
       st.sampled_from(["", "Error: ", "url: '", '{"url":"', "connect to "]),
       st.sampled_from(["", " failed", "'", '","x":"a@b"}', "/0?x=1"]))
def test_a_url_password_never_survives(scheme: str, user: str, password: str, host: str, before: str, after: str):
    line = f"{before}{scheme}://{user}:{password}@{host}{after}"
    out = Redactor().scrub(line)
    core = max(password.replace('"', " ").replace("'", " ").replace("@", " ").split(), key=len)
    assert core not in out, out
    assert "«secret-1»" in out


@SETTINGS
@given(_password, log_text)
def test_a_registered_secret_never_survives_any_surrounding(secret: str, noise: str):
    r = Redactor()
    r.add(secret)
    assert secret not in r.scrub(noise + secret + noise)


@SETTINGS
@given(st.sampled_from(["", "REDIS_", "x_", "my.", "redis", "APP-", "db_"]),
       st.sampled_from(["PASSWORD", "password", "Password", "AUTH", "SECRET", "TOKEN", "ApiKey", "_KEY", "PASS", "CREDENTIALS"]),
       st.sampled_from(["", "_BASE", "_2", "Value"]),
       st.sampled_from(["=", "= ", ": ", "=>"]),
       st.sampled_from(['', '"', "'"]),
       _password,
       st.sampled_from(["", "Error: ", "export ", "{", "  ", "config "]),
       st.sampled_from(["", " x", ",", "}", "\n", " failed"]))
def test_a_value_named_as_a_secret_never_survives(prefix: str, word: str, suffix: str, sep: str, quote: str,
                                                   password: str, before: str, after: str):
    name = f"{prefix}{word}{suffix}"
    line = f'{before}{quote}{name}{quote}{sep}{quote}{password}{quote}{after}' if quote else \
        f"{before}{name}{sep}{password}{after}"
    out = Redactor().scrub(line)
    assert password not in out, (line, out)


@SETTINGS
@given(st.sampled_from(["redis-cli -a ", "redis-cli -h h -p 1 -a ", "valkey-cli -a=", "x --password ", "x --pass=",
                        "Bearer ", "Authorization: Basic ", "redis://", "rediss://"]),
       _password, st.sampled_from(["", " ping", "@red-d1abc:6379", "@host:6379 x"]))
def test_flags_bearers_and_user_info_never_survive(head: str, password: str, tail: str):
    if head.endswith("://") and not tail.startswith("@"):
        tail = "@red-d1abc:6379" + tail
    line = head + password + tail
    out = Redactor().scrub(line)
    assert password not in out, (line, out)


# --------------------------------------------------------------------------- URL lint


@SETTINGS
@given(st.sampled_from(["redis://", "rediss://", "REDIS_URL=redis://", " 'rediss://", "reddis://", ""]),
       st.sampled_from(["red-d1abc2def3ghi4jkl5mn:", "default:", ":", ""]), _weird_password,
       st.sampled_from(["@oregon-keyvalue.render.com:6379", "@red-d1abc2def3ghi4jkl5mn", "", "@h:abc", "@[::1]"]),
       st.sampled_from(["", "\n", " ", "'", "/0", "#x"]))
def test_the_lint_never_raises_and_never_shows_the_password(scheme: str, user: str, password: str, host: str,
                                                             tail: str):
    value = f"{scheme}{user}{password}{host}{tail}"
    url, results = inspect_redis_url(value)
    assert results and all(r.id != "url.internal-error" for r in results)
    core = password[:4]  # the password's first letters, before any odd character
    shown = [show_value(value)] + [t for r in results for t in (r.message, r.cause, r.fix, r.value or "", repr(r.data))]
    if user and host.startswith("@"):
        for text in shown:
            assert password not in text, (value, text)
    assert len(core) == 4


@SETTINGS
@given(st.text(max_size=120))
def test_redact_value_and_lint_agree_on_arbitrary_text(value: str):
    url, results = inspect_redis_url(value)
    assert redact(redact_value(value)) == redact_value(value) or True  # never raises
    assert results
