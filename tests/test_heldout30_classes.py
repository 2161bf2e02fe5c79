"""Issue 13, heldout30's classes: real captures of the same Redis failures printed through the loggers apps use (pino,
winston, bunyan, log4js, NestJS, Fastify, JSON.stringify; logging, structlog, loguru, python-json-logger; Ruby's Logger),
made as samples/README.md section L, heldout30, says. Each test feeds the real output, or a part of it, to the pipeline."""

from __future__ import annotations

from tests.conftest import ROOT, batch_capture, builtin, diag_of, ids, public_paste

BATCH = ROOT / "samples" / "heldout30"


def _formatted(name: str) -> str:
    """The capture as Render shows it (one of the four formats, Render's `==>` lines included)."""
    return (BATCH / name).read_text(encoding="utf-8")


def _first_line(name: str, needle: str) -> str:
    return next(line for line in batch_capture("heldout30", name).splitlines() if needle in line)


# -- a system error's code is a word of failure in capitals only --------------------------------------------------

def test_a_word_beginning_with_e_is_no_error_code():
    # the app's start line names its client and its logger's format ('winston-json-errors'): case-blind, the code
    # pattern took 'errors' for a code like ECONNREFUSED, and the healthy log was a Redis failure no rule names
    start = _first_line("winston-json-errors-redis4/healthy.log", "orders worker started")
    assert not builtin().affinity.error_line(start)
    diag = diag_of(_formatted("plain/winston-json-errors-redis4/healthy.cli.log"))
    assert diag.verdict.state not in ("failing", "degraded")
    assert "redis-error-unnamed" not in ids(diag)


def test_a_code_in_capitals_is_still_one():
    # JSON.stringify(err) keeps a Node system error's own fields: the code is the line's only word of failure
    line = _first_line("console-json-redis4/down-refused.log", "ECONNREFUSED")
    fields = line[line.index("{"):]
    assert "error" not in fields.lower() and builtin().affinity.error_line(fields)


# -- a structured logger's error whose stack is empty is read by its type and message ----------------------------

def test_an_error_reply_logged_with_an_empty_stack_keeps_its_words():
    # Fastify's pino prints node-redis 4's ErrorReply as '"err":{"type":"ErrorReply","message":"OOM command not
    # allowed …","stack":""}': the empty stack stood for the error, and the log read healthy
    text = batch_capture("heldout30", "fastify-redis4/oom.log")
    assert '"stack":""' in text
    diag = diag_of(text)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-oom")


def test_lettuce_reconnecting_is_read_by_its_words_not_by_an_accident():
    # public heldout29 redis/lettuce#2430: '[lettuce-eventExecutorLoop-1-2] Reconnecting, last destination was /…:6379'
    # was a Redis error only because the case-blind code pattern took 'eventExecutorLoop' for one; its own words now
    text = public_paste("java/lettuce-2430.log")
    assert not builtin().affinity.error_line(text.splitlines()[1])
    diag = diag_of(text)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-client-reconnecting")
