"""Issue 13, heldout33's classes (public pastes from threads written in other languages than English, measured on
arrival), each fixed for the family, not the paste: Windows' socket errors in the system's language, a message read in
the wrong code page, and the exception an app prints on the line under its Redis client's own line. Every log here is
real output: the public pastes of samples/public/ (their threads in samples/README.md, section E, "Thirty-third batch")
and the example lines of rules/classes/*.yaml (their sources in each file's comment). The controls are real lines of
other programs in the same words, which must stay "not Redis"."""

from __future__ import annotations

import re

import pytest

from analyzer.engine.classes import _wording
from tests.conftest import public_paste, verdict_of


# --- a wording survives a wrong code page: accented letters and apostrophes broken, the rest literal ---

_FRENCH = "l’ordinateur cible l’a expressément refusée"


@pytest.mark.parametrize("line", [
    # Mono's SocketException on French Windows (alvyxaz/barebones-masterserver#210), the wording as written
    "System.Net.Sockets.SocketException: Aucune connexion n’a pu être établie car l’ordinateur cible l’a expressément refusée.",
    # Predis on French Windows read as UTF-8 (voten-co/voten#105): every accent and apostrophe is U+FFFD
    "Aucune connexion n�a pu �tre �tablie car l�ordinateur cible l�a express�ment refus�e. [tcp://127.0.0.1:6379]",
])
def test_a_localized_wording_matches_through_a_broken_code_page(line):
    assert re.search(_wording(_FRENCH), line)


def test_a_cjk_wording_stays_literal():
    # a character class per CJK character would match any text of that length: the Chinese 10061 wording must not
    # match the Chinese 10054 text (michaelliao/learn-python3#48)
    assert not re.search(_wording("由于目标计算机积极拒绝"), "ConnectionResetError: [WinError 10054] 远程主机强迫关闭了一个现有的连接。")


def test_predis_refused_on_french_windows_in_mojibake():
    assert verdict_of(public_paste("fr/voten-105.log")) == ("failing", "redis-econnrefused")


# --- Windows' reset (10054) and timeout (10060) in Chinese without their numbers ---

def test_csredis_write_reset_in_chinese_is_a_drop():
    # '.NET: Unable to write data to the transport connection: 远程主机强迫关闭了一个现有的连接。' under CSRedis' frames
    assert verdict_of(public_paste("zh/csredis-70.log")) == ("failing", "redis-connection-dropped")


def test_freeredis_read_timeout_in_chinese_is_read_as_a_class():
    # the Chinese 10060 words are the timeout class now; .NET's transport-connection read names the connection as made
    # (heldout29's reading: a drop), so the paste is no longer an unnamed Redis error (its label, the client's own
    # receive timeout, is a known miss: the log cannot tell the two apart)
    assert verdict_of(public_paste("zh/freeredis-72.log"))[1] == "redis-connection-dropped"


# --- the exception printed on the line under the Redis client's own line ---

def test_redisson_channel_then_a_localized_reset_is_a_drop():
    # 'CommandsQueue : Exception occured. Channel: [… R:192.168.0.250/192.168.0.250:6379]', a blank line, then
    # 'java.io.IOException: 远程主机强迫关闭了一个现有的连接。': the client's line names Redis, the next says the class
    assert verdict_of(public_paste("zh/redisson-2207.log")) == ("failing", "redis-connection-dropped")


@pytest.mark.parametrize("name", [
    "zh/learn-python3-48.log",    # ConnectionResetError: [WinError 10054] in Chinese, a TCP exercise
    "zh/chat-21.log",             # ConnectionRefusedError: [WinError 10061] in Chinese, under a chat client's frame
    "zh/supersocket-444.log",     # SocketException (10060) in Chinese, a socket server's session
    "zh/shadowsocks-rust-1310.log",
])
def test_the_same_words_from_other_programs_stay_not_redis(name):
    state, root = verdict_of(public_paste(name))
    assert state not in ("failing", "degraded") and root is None
