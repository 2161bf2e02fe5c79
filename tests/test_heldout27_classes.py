"""Issue 13, heldout27's classes: real captures of framework wrappers no corpus had run (NestJS' Redis transport, Celery
beat on a Redis broker, Django's own RedisCache, Sinatra on redis-rb, …), made as samples/README.md section L, heldout27,
says (samples/heldout27/raw/). Each test feeds the real output, or a part of it, to the whole pipeline."""

from __future__ import annotations

import pytest

from analyzer.storms import form_of
from tests.conftest import ROOT, verdict_of

BATCH = ROOT / "samples" / "heldout27"


def _formatted(name: str) -> str:
    """The capture as Render shows it (one of the four formats, Render's `==>` lines included)."""
    return (BATCH / name).read_text(encoding="utf-8")


def _raw(name: str) -> str:
    """The capture as the program printed it."""
    return _formatted(f"raw/{name}")


def _until_last(text: str, needle: str) -> str:
    """The log up to the last line holding `needle` (and the traceback or backtrace under it): what came after, gone."""
    lines = text.splitlines(keepends=True)
    last = max(i for i, line in enumerate(lines) if needle in line)
    end = last + 1
    while end < len(lines) and (lines[end][:1].isspace() or lines[end].startswith(("Traceback", "During", "The above"))):
        end += 1
    return "".join(lines[:end])


# -- the common log format's request: a request that failed with the storm, answered after it ------------------------

def test_a_common_log_format_line_keeps_its_request_and_status_class():
    # WEBrick's and wsgiref's access lines quote the request: the form keeps its method and path (numbers folded), so the
    # request that failed (500) is known again when it is answered (200); other quoted values are still folded
    lines = [line for line in _raw("sinatra-redis-rb/loading.log").splitlines() if '"GET / HTTP/1.1"' in line]
    failed = next(form_of(line) for line in lines if '" 500 ' in line)
    answered = next(form_of(line) for line in lines if '" 200 ' in line)
    assert "GET /" in failed and "<server-error>" in failed
    assert "GET /" in answered and "<ok>" in answered and answered != failed
    django = next(line for line in _raw("django-rediscache/loading.log").splitlines() if '"GET /products/' in line)
    assert "GET /products/<n>" in form_of(django)
    assert form_of('worker: saved "report 7" for "ada"') == form_of('worker: saved "report 9" for "bob"')


@pytest.mark.parametrize("name", [
    "api/sinatra-redis-rb/loading.jsonl",  # 'Redis::CommandError - LOADING …' and '"GET / HTTP/1.1" 500', then 200s
    "dashboard/django-rediscache/loading.txt",  # BusyLoadingError tracebacks and 500s, then a 200 (cut at 400 lines)
])
def test_a_request_that_failed_with_loading_answered_after_it_is_recovery(name: str):
    assert verdict_of(_formatted(name)) == ("recovered", "redis-loading")


def test_the_failed_requests_without_an_answer_after_them_stay_failing():
    text = _until_last(_raw("sinatra-redis-rb/loading.log"), '" 500 ')
    assert verdict_of(text) == ("failing", "redis-loading")


def test_no_app_line_before_the_first_failure_still_reads_the_requests():
    # Render's '==> Your service is live 🎉' comes right before Django's first 'Internal Server Error': no line of the app
    # before the storm, yet the request that failed with it and is answered after it says the cache works again
    text = _formatted("dashboard/django-rediscache/loading.txt")
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if "Internal Server Error" in line)
    assert "Your service is live" in lines[first - 1]
    assert verdict_of(text)[0] == "recovered"


# -- a line that says nothing right before the failures (WEBrick's referer line '- -> /') -----------------------------

def test_the_app_line_before_a_wordless_one_is_the_line_the_storm_started_after():
    # 200s, each followed by WEBrick's '- -> /'; the server killed: 'Error connecting to Redis on 127.0.0.1:6379
    # (Errno::ECONNREFUSED)' and 500s; back: 200s. The app's 200 line before the '- -> /' is the one that comes back
    text = _formatted("dashboard/sinatra-redis-rb/killed-then-back-loopback.txt")
    assert verdict_of(text) == ("recovered", "redis-connection-dropped")


def test_the_same_refusals_with_nothing_back_after_them_are_no_recovery():
    text = _until_last(_raw("sinatra-redis-rb/killed-then-back-loopback.log"), "Errno::ECONNREFUSED")
    state, _root = verdict_of(text)
    assert state == "failing"


# -- the app's other work forms after the storm say nothing by themselves; the one it started after does --------------

def test_a_worker_that_takes_up_again_with_another_of_its_lines_is_recovered():
    # NestJS: 'order 6 published', 'order 6 received', then '[ClientProxy]/[Server] Error: connect ECONNREFUSED'; back:
    # 'order 7 published' (another form of its work) then 'order 8 received' (the form the storm started after)
    text = _formatted("api/nest-redis-transport/killed-then-back.jsonl")
    assert verdict_of(text) == ("recovered", "redis-connection-dropped")


def test_a_routine_line_after_the_storm_alone_is_no_recovery():
    # the note's app under OOM: 'GET /api/health 200' (printed before the failures, it needs no Redis) after the last
    # 'Cache set error: OOM …' is no sign that the cache writes work again: still degraded
    text = (ROOT / "samples" / "dashboard" / "node-app-redis5" / "oom.txt").read_text(encoding="utf-8")
    assert verdict_of(text) == ("degraded", "redis-oom")


def test_nest_refusals_cut_before_the_orders_come_back_stay_failing():
    text = _until_last(_raw("nest-redis-transport/killed-then-back.log"), "ECONNREFUSED")
    assert verdict_of(text)[0] == "failing"


# -- Celery beat's broker retry quoting redis-py's NOAUTH message ----------------------------------------------------

def test_celery_beat_connection_error_authentication_required_is_noauth():
    # 'beat: Connection error: Authentication required.. Trying again in 2.0 seconds...' (no URL in the line)
    assert verdict_of(_formatted("dashboard/celery-beat-redis-broker/noauth.txt")) == ("failing", "redis-noauth")
    assert verdict_of(_raw("celery-beat-redis-broker/noauth.log")) == ("failing", "redis-noauth")
