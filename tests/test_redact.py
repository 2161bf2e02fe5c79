"""Secrets never leave: one redactor, stable stand-ins."""

from __future__ import annotations

import pytest

from analyzer.redact import Redactor, redact


@pytest.mark.parametrize(
    "text,secret",
    [
        ("rediss://red-x:s3cretpassw0rd@oregon-keyvalue.render.com:6379", "s3cretpassw0rd"),
        ("url: 'redis://default:p@ss#w0rd@red-d1abc:6379' }", "ss#w0rd"),
        ("amqp://guest:guestpass@127.0.0.1:5672//", "guestpass"),
        ("https://user:hunter2pass@example.com/x", "hunter2pass"),
        ("Authorization: Bearer rnd_AbCdEfGh12345678", "rnd_AbCdEfGh12345678"),
        ("key rnd_AbCdEfGh12345678 rejected", "rnd_AbCdEfGh12345678"),
        ("AKIAABCDEFGHIJKLMNOP in env", "AKIAABCDEFGHIJKLMNOP"),
        ("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "dozjgNryP4J3jVmNHl0w5N"),
        ("password=hunter22 user=x", "hunter22"),
        ("AUTH default s3cretpassw0rd", "s3cretpassw0rd"),
        ("  command: { name: 'auth', args: [ 'default', 'wr0ngpassw0rd' ] }", "wr0ngpassw0rd"),  # real ioredis
        ("command: { name: 'hello', args: [ '3', 'AUTH', 'default', 'hellopassw0rd' ] }", "hellopassw0rd"),
    ],
)
def test_secret_is_hidden(text: str, secret: str):
    assert secret not in redact(text)


def test_same_secret_same_stand_in_and_hosts_kept():
    r = Redactor()
    a = r("rediss://red-x:s3cret1234@oregon-keyvalue.render.com:6379")
    b = r("again rediss://red-x:s3cret1234@oregon-keyvalue.render.com:6379")
    c = r("rediss://red-y:other5678@ohio-keyvalue.render.com:6379")
    assert "«secret-1»@oregon-keyvalue.render.com" in a and "«secret-1»" in b and "«secret-2»" in c


def test_registered_secret_is_hidden_anywhere():
    r = Redactor()
    r.add("my-very-own-key-123")
    assert "my-very-own-key-123" not in r.scrub("error with my-very-own-key-123 inside")


def test_plain_text_is_untouched():
    for text in ("redis://red-d1abc2def3ghi4jkl5mn:6379", "AUTH failed: WRONGPASS invalid username-password pair", "GET /api 200"):
        assert redact(text) == text
