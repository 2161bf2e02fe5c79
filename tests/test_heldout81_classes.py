"""Issue 13, heldout81's classes: non-English logs, fourth round (real captures of apps whose own lines are Japanese,
Korean, Spanish, Portuguese, German, Polish, Ukrainian, Vietnamese, Indonesian and Turkish, made as samples/README.md
section E, heldout81, says). Each test feeds the real output, or a part of it, to the pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import batch_file, diag_of, verdict_of


def capture(name: str) -> str:
    """A real capture of heldout81 (samples/heldout81/<lang>-<runtime>/<scenario>.log)."""
    return batch_file("heldout81", name)


# -- libpq's translated refusal (psql under de_DE) is PostgreSQL's, whatever Redis line stands before it -------------------

def test_libpq_german_refusal_beside_a_working_redis_is_not_redis():
    # 'Datenbank nicht erreichbar: psql: Fehler: Verbindung zum Server auf »127.0.0.1«, Port 5432 fehlgeschlagen:
    # Verbindungsaufbau abgelehnt' right after 'Verbindung zu Redis hergestellt': was a false alarm (redis-econnrefused,
    # 'a Redis line just before it')
    diag = diag_of(capture("de-redisrb/pg-refused.log"))
    assert diag.verdict.state not in ("failing", "degraded")
    assert "redis-econnrefused" not in {f.rule_id for f in diag.findings}


@pytest.mark.parametrize(
    "line",
    [
        # libpq 15's own translations of 'connection to server at "%s" (%s), port %s failed: ' (its .mo catalogs)
        'falló la conexión al servidor en «db.internal» (10.0.0.5), puerto 5432: Conexión rehusada',
        'la connexion au serveur sur « db.internal » (10.0.0.5), port 5432 a échoué : Connexion refusée',
        '"db.internal"(10.0.0.5)、ポート5432のサーバーへの接続に失敗しました: 接続を拒否されました',
        'подключиться к серверу "db.internal" (10.0.0.5), порту 5432 не удалось: Отказано в соединении',
        'підключення до серверу "db.internal" (10.0.0.5), порт 5432 провалено: У з\'єднанні відмовлено',
    ],
)
def test_libpq_translations_name_postgresqls_port(line):
    # the same refusal, each language's libpq words, right after the German app's 'Redis connected' line
    log = capture("de-redisrb/pg-refused.log").splitlines()[1] + "\n" + f"E, [2026-12-07T16:41:09.263115 #29190] ERROR -- : Datenbank nicht erreichbar: {line}\n"
    assert "redis-econnrefused" not in {f.rule_id for f in diag_of(log).findings}


def test_a_refusal_on_redis_port_in_german_stays_redis():
    # glibc's German ECONNREFUSED with Redis' own endpoint is still Redis's refusal (no libpq words, no psql)
    log = "E, [2026-12-07T16:41:09.263115 #29190] ERROR -- : Redis-Fehler: Verbindung zu 127.0.0.1:6379 fehlgeschlagen: Verbindungsaufbau abgelehnt\n"
    assert verdict_of(log) == ("failing", "redis-econnrefused")


# -- the app's own 'connected to Redis' in ten languages says the client works ----------------------------------------------

@pytest.mark.parametrize(
    "name",
    [
        "ja-ioredis/healthy.log",
        "ko-noderedis/healthy.log",
        "pt-noderedis/healthy.log",
        "vi-redispy/healthy.log",
        "uk-redispy/healthy.log",
        "de-redisrb/healthy.log",
        "pl-redisrb/healthy.log",
        "es-phpredis/healthy.log",
        "tr-ioredis/pg-refused.log",
        "id-phpredis/pg-refused.log",
    ],
)
def test_the_apps_own_connected_line_in_its_language_is_healthy(name):
    # each was "can't tell": no English success line, the app's own words unread
    assert verdict_of(capture(name)) == ("healthy", None)


def test_japanese_reconnected_line_after_the_refusals_is_recovery():
    # ioredis back after the kill: 'Redisに接続しました' again, then the jobs; was read failing
    assert verdict_of(capture("ja-ioredis/killed-back.log")) == ("recovered", "redis-connection-dropped")


@pytest.mark.parametrize(
    "line",
    [
        "Redisに接続できませんでした",
        "❌ Redis 연결 실패: Error 111 connecting to localhost:6379. Connection refused.",
        "No conectado a Redis",
        "Nie połączono z Redis",
        "Не підключено до Redis",
        "Kết nối Redis không thành công",
        "Redis bağlantısı başarısız",
        "Redis'e bağlanılamadı",
    ],
)
def test_the_same_words_saying_a_failure_are_no_success(line):
    assert verdict_of(line + "\n")[0] != "healthy"


# -- the app's own fallback in its language: Redis unavailable, then the store it serves from -------------------------------

@pytest.mark.parametrize("name", ["tr-ioredis/down-fallback.log", "vi-redispy/down-fallback.log", "id-phpredis/down-fallback.log"])
def test_the_apps_fallback_in_its_language_is_degraded(name):
    # 'Redis kullanılamıyor, bellek içi önbellek ile devam ediliyor', 'Redis không khả dụng, chuyển sang bộ nhớ đệm cục bộ',
    # 'Redis tidak tersedia, memakai cache memori' after the refusals: was read failing
    assert verdict_of(capture(name)) == ("degraded", "redis-econnrefused")


def test_the_failure_half_alone_is_no_fallback():
    # the same refusals with the app's fallback line taken out: failing, as before
    lines = [line for line in capture("id-phpredis/down-fallback.log").splitlines(True) if "WARNING" not in line][:2]
    assert verdict_of("".join(lines))[0] == "failing"
