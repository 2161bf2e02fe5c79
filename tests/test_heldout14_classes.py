"""Issue 13, heldout14's classes (apps on a PaaS or in containers, frameworks that wrap the client's error, Rust, .NET
and Elixir clients; public pastes measured on arrival): a client the app closed itself in node_redis 2/3's words,
fred's words for a closed socket, a client's failure to say goodbye, a host a paste masked, Monolog's order of message
and class, StackExchange.Redis given a URL's password@host, and Valkey GLIDE's logger. Every log here is real output:
the public pastes of samples/public/ (their threads in samples/README.md, section E, "Fourteenth batch") and
samples/raw/classes/session8-h14.log (made by samples/capture/classes/run_s8_h14.sh against a real redis-server)."""

from __future__ import annotations

from analyzer.redact import Redactor
from tests.conftest import capture_section, diag_of, ids, public_paste

_paste = public_paste


def _capture(title: str) -> str:
    return capture_section("session8-h14.log", title)


def test_node_redis_3_closed_by_the_app_is_a_closed_client_not_a_drop():
    # NR_CLOSED: node_redis 2/3 prints these only for a client the app quit() or end()ed itself
    for text in (_paste("node/nuxt-perfect-cache-8.log"), _capture("node_redis 3.1.2 (npm"), _capture("node_redis 3.1.2: a GET")):
        diag = diag_of(text)
        assert diag.verdict.root_cause == "redis-client-closed"
        assert "redis-connection-dropped" not in ids(diag)
    # its words when the server's side went away stay a lost connection (heldout9's bee-queue, killed then back)
    lost = "A queue error happened: Redis connection lost and command aborted. It might have been processed."
    assert "redis-client-closed" not in ids(diag_of(lost))


def test_freds_connection_closed_is_a_dropped_connection():
    diag = diag_of(_paste("rust/fred-315.log"))
    assert diag.verdict.root_cause == "redis-connection-dropped"
    assert "redis-error-unnamed" not in ids(diag)


def test_a_clients_failure_to_quit_or_close_says_nothing_of_redis():
    # fred's QUIT on an idle spare connection the server had closed: harmless (its maintainer), not a failure
    assert diag_of(_paste("healthy/fred-203.log")).verdict.state not in ("failing", "degraded")
    # asynq's failure to close a shared client stays quiet too (heldout11)
    assert diag_of(_paste("healthy/asynq-1068.log")).verdict.state not in ("failing", "degraded")
    # a broken pipe under a command is still a lost connection
    assert diag_of("redis.exceptions.ConnectionError: Error 32 while writing to socket. Broken pipe.").verdict.state == "failing"


def test_a_masked_host_that_does_not_resolve_is_an_unresolved_name_not_a_malformed_url():
    diag = diag_of(_paste("node/graphql-hive-7326.log"))
    assert diag.verdict.root_cause == "redis-dns-not-found"
    # a real dot-less piece of a URL (an unencoded '#' in the password leaves 'ss' as the host) stays malformed
    piece = diag_of("Redis Client Error Error: getaddrinfo ENOTFOUND ss\n  code: 'ENOTFOUND',\n  hostname: 'ss'\n")
    assert piece.verdict.root_cause == "redis-url-malformed"


def test_monologs_message_before_its_redis_exception_is_a_refusal():
    # Symfony's console.CRITICAL, the message first and phpredis' class in the JSON context after it (cut by the paste)
    assert diag_of(_paste("php/symfony-59541.log")).verdict.root_cause == "redis-econnrefused"
    # the same layout for another service's exception is not Redis
    doctrine = ('[2025-01-17T16:51:42+00:00] console.CRITICAL: Error thrown while running command "doctrine:migrate". '
                'Message: "Connection refused" {"exception":"[object] (Doctrine\\\\DBAL\\\\Exception\\\\ConnectionException(code: 2002):')
    assert diag_of(doctrine).verdict.state != "failing"


def test_stackexchange_redis_given_a_urls_password_at_host_is_a_malformed_url_and_hides_the_password():
    diag = diag_of(_paste("dotnet/aspnet-signalr-2468.log"))
    assert diag.verdict.root_cause == "redis-url-malformed"
    # the part before '@' is the URL's password: hidden wherever the line is shown, the host kept
    scrub = Redactor().scrub
    endpoint_lines = [line for line in _paste("dotnet/aspnet-signalr-2468.log").splitlines() if "@" in line]
    assert len(endpoint_lines) == 3
    for line in endpoint_lines:
        shown = scrub(line)
        assert "password123" not in shown and "@redis-fakeServer.example.com:1234" in shown
    # a stand-in is not taken for a password again
    assert scrub("redis://default:«secret-1»@red-x:6379") == "redis://default:«secret-1»@red-x:6379"
    # nor a Go logger's function@file:line (public juicefs#5391: '[NewClient@interface.go:512]')
    juicefs = _paste("go/juicefs-5391.log")
    assert scrub(juicefs) == juicefs


def test_valkey_glides_logger_ties_its_connection_error_to_redis():
    diag = diag_of(_paste("rust/valkey-glide-852.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-error-unnamed"
