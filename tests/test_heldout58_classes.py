"""Issue 13, heldout58's class (session 14, localized operating-system error texts): glibc translates strerror and
gai_strerror for any program that calls setlocale, so a client that quotes the OS prints the failure in the system's
language ('Connexion refusée', 'В соединении отказано', '接続を拒否されました', 'Nombre o servicio desconocido'), and hiredis
or phpredis print it with no errno and no English error word. The wordings are class data (rules/classes/, every one
with a real line); a class marked `error_alone` makes a line that says one of its wordings an error line by that alone
(the scanner's candidate, the judge's error line), so a new language is a YAML change. Real output: the batch's
captures (samples/heldout58/) and samples/raw/classes/glibc-locales.log (capture/heldout58/locales.sh: hiredis under
seventeen locales and C)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.engine.classes import wording_needle
from analyzer.engine.scan import compile_plan
from tests.conftest import builtin, capture_section, diag_of

BATCH = Path(__file__).resolve().parent.parent / "samples" / "heldout58"
RAW = "glibc-locales.log"
LOCALES = ("C", "fr_FR", "de_DE", "es_ES", "pt_BR", "pt_PT", "it_IT", "ru_RU", "uk_UA", "ja_JP", "ko_KR", "zh_CN",
           "zh_TW", "vi_VN", "tr_TR", "pl_PL", "nl_NL", "cs_CZ")  # fmt: skip
EXPECTED = {
    "refused": "redis-econnrefused",
    "nxdomain": "redis-dns-not-found",
    "servfail": "redis-dns-not-found",
    "blackhole": "redis-connection-timeout",
}


def capture(name: str) -> str:
    return (BATCH / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name, root",
    [
        ("hiredis-fr/down-refused.log", "redis-econnrefused"),  # 'redis cache02.h62.lan:6379: Connexion refusée'
        ("hiredis-de/dns-nxdomain.log", "redis-dns-not-found"),  # 'Der Name oder der Dienst ist nicht bekannt'
        ("hiredis-ja/dns-nxdomain.log", "redis-dns-not-found"),  # '名前またはサービスが不明です'
        ("hiredis-ru/blackholed.log", "redis-connection-timeout"),  # 'Время ожидания…', 'Нет маршрута до узла'
        ("hiredis-vi/down-refused.log", "redis-econnrefused"),  # 'Kết nối bị từ chối'
        ("phpredis-pt/down-refused.log", "redis-econnrefused"),  # 'RedisException(code: 0): Conexão recusada'
        ("phpredis-pt/blackholed.log", "redis-connection-timeout"),  # 'RedisException(code: 0): Tempo esgotado…'
        ("phpredis-fr/mixed-pg-api-redis-refused.log", "redis-econnrefused"),  # beside PDO's 'Connexion refusée'
    ],
)
def test_a_localized_strerror_is_its_failure_class(name, root):
    diag = diag_of(capture(name))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == root


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("scenario", sorted(EXPECTED))
def test_every_translated_wording_names_its_failure(locale, scenario):
    """Each language glibc translates, each failure, as hiredis prints it under that locale: the class's rule."""
    lines = capture_section(RAW, f"LANG={locale}.UTF-8 {scenario}")
    diag = diag_of(lines)
    assert diag.verdict.state == "failing", lines
    assert diag.verdict.root_cause == EXPECTED[scenario], lines


@pytest.mark.parametrize(
    "name",
    [
        "phpredis-fr/mixed-pg-api-healthy.log",  # PDO: 'port 5432 a échoué : Connexion refusée'; the API's lookup
        "phpredis-ru/mixed-pg-api-healthy.log",  # 'В соединении отказано' from libpq, 'Неизвестное имя или служба'
        "redis-py-tr/mixed-pg-api-healthy.log",  # 'PostgreSQL kullanılamıyor: [Errno 111] Bağlantı reddedildi'
        "redis-py-pt/mixed-pg-api-healthy.log",  # '<urlopen error [Errno -2] Nome ou serviço desconhecido>'
    ],
)
def test_another_services_localized_failure_is_not_redis(name):
    """The same words from PostgreSQL or an HTTP API beside a working Redis: read, and not Redis's."""
    diag = diag_of(capture(name))
    assert diag.verdict.state not in ("failing", "degraded")


def test_the_classes_marked_error_alone_make_their_wordings_error_words():
    """The scanner takes a line saying an `error_alone` wording for an error line only through the class data."""
    ruleset = builtin()
    line = "2026-12-06 20:57:51 [worker] redis cache02.h62.lan:6379: Connexion refusée"
    assert "Connexion refusée" in ruleset.alone
    assert ruleset.plan().error_looking(line)
    assert not compile_plan(ruleset.rules).error_looking(line)
    # the prefilter looks for the wording too (else the line is never decoded)
    needle, blind = wording_needle("Connexion refusée")  # its longest run a broken code page keeps: 'onnexion refus'
    assert (needle, blind) in ruleset.plan().needles and needle in line.lower()
