"""The offline REDIS_URL lint, on a table of real-world mistakes (note §2 "Problèmes courants", §4)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.model import Severity
from analyzer.urllint import (
    ITEMS,
    STATUSES,
    inspect_redis_url,
    lint_redis_url,
    looks_like_redis_url,
    redact_value,
    show_value,
)

ID = "red-d1abc2def3ghi4jkl5mn"
INTERNAL = f"redis://{ID}:6379"
PASSWORD = "Zq9xT3vLwPp8sK2mN4bR7yH1cF6gJ0dA"  # the shape of a Render Key Value password
EXTERNAL = f"rediss://{ID}:{PASSWORD}@oregon-keyvalue.render.com:6379"


def problems(value: str, **kw) -> dict[str, object]:
    """rule id -> result, for the results that are not ok."""
    return {r.id: r for r in lint_redis_url(value, **kw) if r.status != "ok"}


# (value, the problem ids it must raise, comment)
MISTAKES = [
    (INTERNAL + "\n", {"url.whitespace"}, "trailing newline from a copy-paste"),
    (INTERNAL + "\r\n", {"url.whitespace"}, "CRLF from a Windows clipboard"),
    ("  " + INTERNAL, {"url.whitespace"}, "leading spaces"),
    (INTERNAL + "\t", {"url.whitespace"}, "trailing tab"),
    ("\u00a0" + INTERNAL, {"url.whitespace"}, "non-breaking space from a web page"),
    (f'"{INTERNAL}"', {"url.quotes"}, "double quotes included in the value"),
    (f"'{INTERNAL}'", {"url.quotes"}, "single quotes"),
    (f"\u201c{INTERNAL}\u201d", {"url.quotes"}, "smart quotes from a chat app"),
    (f"REDIS_URL={INTERNAL}", {"url.name-in-value"}, "the whole .env line pasted"),
    (f'export REDIS_URL="{INTERNAL}"', {"url.name-in-value", "url.quotes"}, "shell export line pasted"),
    (f"REDIS_URL: {INTERNAL}", {"url.name-in-value"}, "YAML line pasted"),
    ("", {"url.empty"}, "empty"),
    (" \n", {"url.empty"}, "only whitespace"),
    (f"redis://{ID} :6379", {"url.inner-whitespace"}, "space inside"),
    (f"redis://\u200b{ID}:6379", {"url.inner-whitespace"}, "zero-width space inside"),
    (f"reddis://{ID}:6379", {"url.scheme"}, "typo reddis://"),
    (f"redis:/{ID}:6379", {"url.slashes"}, "redis:/ with one slash"),
    (f"redis:{ID}:6379", {"url.slashes"}, "redis: with no slash"),
    (f"http://{ID}:6379", {"url.scheme"}, "http://"),
    (f"REDIS:/{ID}:6379", {"url.scheme-case", "url.slashes"}, "capitals and one slash"),
    ("https://fylora-backend.onrender.com", {"url.scheme", "host.onrender"}, "the web service's own URL"),
    (f"reddis://{ID}.oregon-keyvalue.render.com:6379", {"url.scheme", "host.handmade"}, "typo and hand-made host"),
    (f"https://{ID}:6379", {"url.scheme"}, "https://"),
    (f"{ID}:6379", {"url.no-scheme"}, "Blueprint property host/hostport instead of connectionString"),
    (f"REDISS://{ID}:{PASSWORD}@oregon-keyvalue.render.com:6379", {"url.scheme-case", "tls.external-from-render"}, "uppercase scheme"),
    (f"redis://{ID}:{PASSWORD}@oregon-keyvalue.render.com:6379", {"tls.external-plaintext"}, "redis:// with the external host"),
    (f"rediss://{ID}:6379", {"tls.internal-rediss"}, "rediss:// to the internal host"),
    (f"rediss://{ID}@oregon-keyvalue.render.com:6379", {"auth.external-no-password", "tls.external-from-render"}, "external without password"),
    (f"rediss://{ID}:p@ss@oregon-keyvalue.render.com:6379", {"url.password-encoding", "tls.external-from-render"}, "@ in password"),
    (f"rediss://{ID}:pa#ss@oregon-keyvalue.render.com:6379", {"url.password-encoding", "tls.external-from-render"}, "# in password"),
    (f"rediss://{ID}:pa/ss@oregon-keyvalue.render.com:6379", {"url.password-encoding", "tls.external-from-render"}, "/ in password"),
    (f"rediss://{ID}:pa?ss@oregon-keyvalue.render.com:6379", {"url.password-encoding", "tls.external-from-render"}, "? in password"),
    (f"rediss://{ID}:100%sure@oregon-keyvalue.render.com:6379", {"url.bad-percent", "tls.external-from-render"}, "lone %"),
    ("redis://::1:6379", {"url.ipv6-brackets"}, "IPv6 without brackets"),
    ("redis://2001:db8::7:6379", {"url.ipv6-brackets"}, "IPv6 without brackets (global)"),
    ("redis://:6379", {"url.no-host"}, "a port and no host (Sidekiq prints it so: samples/matrix/raw/sidekiq/url-no-host.log)"),
    ("redis://[2001:db8::7]:6379", {"host.ip"}, "IPv6 host with brackets: valid, but an address"),
    ("redis://[::1]:6379", {"host.localhost"}, "IPv6 loopback"),
    ("redis://10.0.3.7:6379", {"host.ip"}, "private IP address"),
    ("redis://localhost:6379", {"host.localhost"}, "localhost"),
    ("redis://127.0.0.1:6379", {"host.localhost"}, "loopback"),
    (f"redis://{ID}:6379/abc", {"url.db"}, "non-numeric db path"),
    (f"redis://{ID}:6379/0/1", {"url.db"}, "two path segments"),
    (f"redis://{ID}:6379/42", {"url.db-range"}, "db above 15"),
    (f"redis://{ID}:63a9", {"url.port"}, "non-numeric port"),
    (f"redis://{ID}:99999", {"url.port"}, "port out of range"),
    (f"redis://{ID}:", {"url.empty-port"}, "colon with no port"),
    (f"redis://{ID}:6380", {"url.render-port"}, "wrong port for Render"),
    (f"rediss://{ID}:{PASSWORD}", {"url.port"}, "external URL cut before @host: the password becomes the port"),
    (f"redis://{ID}.oregon-keyvalue.render.com:6379", {"host.handmade"}, "hand-made hostname"),
    (f"redis://{ID}.redis.render.com:6379", {"host.handmade"}, "hand-made hostname (legacy)"),
    ("redis://red-d1abc2def:6379", {"host.short-id"}, "truncated id"),
    ("redis://fylora-backend.onrender.com:6379", {"host.onrender"}, "web service URL"),
    ("redis://", {"url.no-host"}, "scheme only"),
    (f"redis://{ID}:6379#x", {"url.fragment"}, "fragment"),
    (f"rediss://{ID}:{PASSWORD}@mars-keyvalue.render.com:6379", {"host.external-region", "tls.external-from-render"}, "unknown region"),
]


@pytest.mark.parametrize("value, expected, why", MISTAKES, ids=[m[2] for m in MISTAKES])
def test_real_world_mistakes(value: str, expected: set[str], why: str) -> None:
    got = problems(value)
    assert set(got) == expected, why
    for r in got.values():
        assert r.message and r.fix, r.id
        if r.status == "fail":
            assert r.cause and r.severity >= Severity.ERROR


@pytest.mark.parametrize(
    "value",
    [
        INTERNAL,
        f"redis://{ID}",  # missing port: default 6379 is understood
        f"redis://{ID}:6379/0",
        f"redis://default:{PASSWORD}@{ID}:6379",  # internal auth enabled
        f"redis://{ID.upper()}:6379",  # hostnames are case-insensitive
    ],
)
def test_good_internal_urls_pass(value: str) -> None:
    results = lint_redis_url(value)
    assert [r for r in results if r.status != "ok"] == []
    assert {r.item for r in results} == {2, 3, 4}


def test_missing_port_is_reported_as_the_default() -> None:
    url, results = inspect_redis_url(f"redis://{ID}")
    assert url.port is None and url.effective_port == 6379
    assert "default 6379" in results[0].message


def test_external_from_outside_render_is_fine() -> None:
    assert problems(EXTERNAL, on_render=False) == {}
    assert set(problems(EXTERNAL)) == {"tls.external-from-render"}
    assert problems(EXTERNAL)["tls.external-from-render"].status == "warn"


def test_whitespace_position_is_named() -> None:
    r = problems("  " + INTERNAL + "\n")["url.whitespace"]
    assert "at the start: 2 spaces" in r.message and "at the end: a newline" in r.message
    assert r.value == '"  ' + INTERNAL + '\\n"'
    r = problems(f"redis://{ID} :6379")["url.inner-whitespace"]
    assert "character 33" in r.message


def test_typo_schemes_are_named() -> None:
    assert "typo of redis://" in problems(f"reddis://{ID}:6379")["url.scheme"].cause
    assert "web/TCP address" in problems(f"http://{ID}:6379")["url.scheme"].cause
    assert problems(f"rediss:/{ID}:6379")["url.slashes"].message.startswith("the URL starts with rediss:/ ")


def test_parse_keeps_going_after_a_fixable_mistake() -> None:
    url, _ = inspect_redis_url(f'  "REDIS_URL={EXTERNAL}"\n'.replace('"REDIS_URL=', 'REDIS_URL="'))
    assert url.kind == "external" and url.instance_id == ID and url.region == "oregon" and url.tls
    url, _ = inspect_redis_url(INTERNAL + "\n")
    assert url.kind == "internal" and url.instance_id == ID and url.port == 6379


def test_unencoded_at_still_finds_the_host() -> None:
    url, _ = inspect_redis_url(f"rediss://{ID}:p@ss@oregon-keyvalue.render.com:6379")
    assert url.host == "oregon-keyvalue.render.com" and url.has_password


@pytest.mark.parametrize(
    "value",
    [
        EXTERNAL,
        EXTERNAL + "\n",
        f'"{EXTERNAL}"',
        f"REDIS_URL={EXTERNAL}",
        f"rediss://{ID}:{PASSWORD}@@oregon-keyvalue.render.com:6379",
        f"rediss://{ID}:{PASSWORD[:10]}@{PASSWORD[10:]}@oregon-keyvalue.render.com:6379",
        f"rediss://{ID}:{PASSWORD[:10]}#{PASSWORD[10:]}@oregon-keyvalue.render.com:6379",
        f'rediss://{ID}:{PASSWORD[:10]}"{PASSWORD[10:]}@oregon-keyvalue.render.com:6379',
        f"rediss://{ID}:{PASSWORD[:10]} {PASSWORD[10:]}@oregon-keyvalue.render.com:6379",
        f"redis://:{PASSWORD}@{ID}:6379",
        f"rediss://{ID}:{PASSWORD}",  # host lost: the password sits where the port goes
        f"reddis://{ID}:{PASSWORD}@oregon-keyvalue.render.com:6379",
        f"{ID}:{PASSWORD}@oregon-keyvalue.render.com:6379",
        f"redis://{ID}:6379/0?password={PASSWORD}",
    ],
)
def test_the_password_never_shows(value: str) -> None:
    for r in lint_redis_url(value):
        for text in (r.message, r.cause, r.fix, r.value or "", repr(r.data)):
            assert PASSWORD not in text and PASSWORD[10:] not in text and PASSWORD[:10] not in text, (r.id, text)


def test_show_value_makes_invisible_characters_visible() -> None:
    assert show_value("a\u200bb\n") == '"a\\u200bb\\n"'
    assert show_value(f"redis://u:{PASSWORD}@h") != f'"redis://u:{PASSWORD}@h"'


def test_redact_value_keeps_user_and_host() -> None:
    out = redact_value(EXTERNAL)
    assert out.startswith(f"rediss://{ID}:") and out.endswith("@oregon-keyvalue.render.com:6379")
    assert PASSWORD not in out


def test_looks_like_redis_url() -> None:
    for v in (INTERNAL, EXTERNAL, f"reddis://{ID}", f" '{INTERNAL}'", f"REDIS_URL={INTERNAL}", f"{ID}:6379"):
        assert looks_like_redis_url(v), v
    for v in ("postgres://x@y/z", "https://example.com", "", "true", "6379"):
        assert not looks_like_redis_url(v), v


def test_results_use_known_items_and_statuses() -> None:
    for value, _, _ in MISTAKES:
        for r in lint_redis_url(value):
            assert r.item in ITEMS and r.status in STATUSES


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(value: str) -> None:
    url, results = inspect_redis_url(value)
    assert results
    assert all(r.status in STATUSES and r.id != "url.internal-error" for r in results)


_url_parts = st.tuples(
    st.sampled_from(["redis", "rediss", "REDIS", "reddis", "http", "", "redis:", "redis:/"]),
    st.sampled_from(["://", "", ":/", "///"]),
    st.text(alphabet="abc:@#/?%[] \n\"'", max_size=12),
    st.sampled_from([ID, "oregon-keyvalue.render.com", "[::1]", "::1", "localhost", "", "red-x"]),
    st.sampled_from(["", ":6379", ":", ":abc", ":0", ":65536"]),
    st.sampled_from(["", "/", "/0", "/x", "?a=b", "#f"]),
)


@settings(max_examples=400, deadline=None)
@given(_url_parts)
def test_url_shaped_text_never_raises(parts: tuple[str, ...]) -> None:
    scheme, sep, userinfo, host, port, tail = parts
    value = f"{scheme}{sep}{userinfo}{'@' if userinfo else ''}{host}{port}{tail}"
    results = lint_redis_url(value)
    assert results and all(r.id != "url.internal-error" for r in results)


def test_host_and_password_without_scheme_is_no_scheme() -> None:
    assert set(problems(f"{ID}:{PASSWORD}@oregon-keyvalue.render.com:6379")) == {"url.no-scheme"}
    assert "property `host`" in problems(f"{ID}:6379")["url.no-scheme"].cause


def test_fail_means_error_or_worse_and_warn_means_warning():
    for value, _, _ in MISTAKES:
        for on_render in (True, False):
            for r in lint_redis_url(value, on_render=on_render):
                assert r.status != "fail" or r.severity >= Severity.ERROR, r
                assert r.status != "warn" or r.severity == Severity.WARNING, r
