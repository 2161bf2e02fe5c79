"""The one width policy, cells, wrapping, colour and pager choice (analyzer/terminal.py), and the one
time model (analyzer/times.py): pure functions, no terminal and no clock needed."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer import terminal, times


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        raise OSError("not a real terminal")


@pytest.mark.parametrize(
    "text,want",
    [
        ("redis-econnrefused", 18),
        ("日本語", 6),  # CJK: two cells each
        ("⚠️", 2),  # U+26A0 + VS16: drawn as a 2-cell emoji
        ("⚠", 1),  # without VS16: text presentation
        ("✅ ok", 5),  # ✅ is a wide emoji, then space and two letters
        ("e\u0301", 1),  # e + combining acute
        ("\x1b[31merror\x1b[0m", 5),  # colour codes take no cell
    ],
)
def test_cells_counts_terminal_cells_not_code_points(text: str, want: int):
    assert terminal.cells(text) == want


def test_ascii_text_is_measured_as_every_character_would_be():
    """cells() counts a line of ASCII at once (start-up: fit() measures every line of a report); the
    answer is the per-character rule's, control characters and colour codes included."""
    for text in ["", "plain words", "tab\there", "bell\x07 and del\x7f", "\x1b[31merror\x1b[0m x", "".join(map(chr, range(128)))]:
        assert terminal.cells(text) == sum(terminal._char_cells(ch) for ch in terminal.strip_ansi(text)), repr(text)


def test_width_policy_columns_then_terminal_then_80():
    assert terminal.width({"COLUMNS": "132"}, io.StringIO()) == 132
    assert terminal.width({}, io.StringIO()) == 80  # a pipe or a file: 80, not 120
    assert terminal.width({"COLUMNS": "junk"}, io.StringIO()) == 80
    assert terminal.width({}, _Tty()) == 80  # a terminal whose size cannot be read
    assert terminal.width({"COLUMNS": "20"}, io.StringIO()) == terminal.MIN_WIDTH


def test_wrap_never_cuts_an_identifier_and_never_overflows():
    text = ("root cause: REDIS_URL is not set [redis-url-not-set] at samples/dashboard/node-app/url-unset.txt:43 "
            "code=ECONNREFUSED " * 3)
    for limit in (30, 45, 60, 80):
        lines = terminal.wrap(text, limit, "   ", "     ")
        assert all(terminal.cells(line) <= limit for line in lines), (limit, lines)
        words = " ".join(lines).split()
        assert "[redis-url-not-set]" in words and "code=ECONNREFUSED" in words
    # only a token wider than the whole line is cut, since nothing else fits
    long = "x" * 100
    lines = terminal.wrap(f"see {long} here", 40, "  ", "  ")
    assert all(terminal.cells(line) <= 40 for line in lines) and "".join(lines).replace(" ", "").count("x") == 100


def test_wrap_measures_wide_characters():
    lines = terminal.wrap("日本語 " * 20, 20)
    assert all(terminal.cells(line) <= 20 for line in lines) and len(lines) > 1


def test_clip_counts_cells_and_marks_the_cut():
    assert terminal.clip("short", 10) == "short"
    cut = terminal.clip("⚠️  Redis connection lost, falling back", 20)
    assert terminal.cells(cut) <= 20 and cut.endswith("…")
    assert terminal.cells(terminal.clip("日本語日本語日本語", 7)) <= 7


@pytest.mark.parametrize(
    "choice,env,tty,want",
    [
        ("auto", {}, True, True),
        ("auto", {}, False, False),
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, True),
        ("auto", {"TERM": "dumb"}, True, False),
        ("always", {"NO_COLOR": "1"}, False, True),
        ("never", {"FORCE_COLOR": "1"}, True, False),
    ],
)
def test_colour_choice(choice: str, env: dict[str, str], tty: bool, want: bool):
    stream = _Tty() if tty else io.StringIO()
    assert terminal.use_color(choice, stream, env) is want


def test_pager_choice():
    assert terminal.pager_command({"RLA_PAGER": "cat"}) is None
    assert terminal.pager_command({"RLA_PAGER": "", "PAGER": "less"}) is None  # RLA_PAGER wins, empty = off
    assert terminal.pager_command({"PAGER": "no-such-pager-here"}) is None
    assert terminal.pager_command({"RLA_PAGER": "sh -c 'cat'"}) == ["sh", "-c", "cat"]
    assert terminal.page("a\n" * 100, io.StringIO()) is False  # never on a pipe


# ---- the time model --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,human,iso",
    [
        ("2026-11-26T19:46:16.744932639Z", "2026-11-26 19:46:16 UTC", "2026-11-26T19:46:16.744932Z"),
        ("2026-11-26T20:46:16+01:00", "2026-11-26 19:46:16 UTC", "2026-11-26T19:46:16Z"),
        ("2026-11-26 06:12:03", "2026-11-26 06:12:03", "2026-11-26T06:12:03"),  # render logs -o text: no zone
        ("08:26:19 AM", "08:26:19 AM, date unknown", None),  # the dashboard copy: honest
        ("Sep 1 01:30:54 PM", "Sep 1 01:30:54 PM, year unknown", None),
    ],
)
def test_one_readable_form_and_iso_8601(text: str, human: str, iso: str | None):
    assert times.human(text) == human
    assert times.iso(text) == iso


def test_french_dateless_time_and_records_carry_a_parsed_timestamp():
    from analyzer.model import Evidence, LogRecord

    assert times.human("08:26:19 AM", "fr") == "08:26:19 AM, date inconnue"
    record = LogRecord("x", 1, "m", time="2026-11-26T19:46:16Z")
    assert record.timestamp is not None and record.timestamp.isoformat() == "2026-11-26T19:46:16+00:00"
    assert LogRecord("x", 1, "m", time="08:26:19 AM").timestamp is None
    assert Evidence("x", 1, "2026-11-26T19:46:16Z", None).timestamp == record.timestamp


def test_clock_and_day_for_one_line_findings():
    assert times.clock("2026-11-26T19:46:16.5Z") == "19:46:16"
    assert times.day("2026-11-26T19:46:16.5Z") == "2026-11-26 UTC"
    assert times.clock("08:26:19 AM") == "08:26:19 AM" and times.day("08:26:19 AM") is None


def test_fit_folds_at_spaces_and_keeps_what_is_before_the_fold():
    text = " ⚠️  4. It is the Internal URL: the external URL of the Key Value is used, slower and billed"
    lines = terminal.fit(text, 40).split("\n")
    assert lines[0].startswith(" ⚠️  4. It is") and all(terminal.cells(x) <= 40 for x in lines)
    assert " ".join(" ".join(lines).split()) == " ".join(text.split())  # nothing lost, no word cut


_CELL = st.lists(st.sampled_from(list("ab-z09 _.") + ["é", "↳", "×", "\t", "\n", "\r", "\x1b[31m", "漢", "⚠️", " "]), max_size=8).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.integers(1, 3).flatmap(lambda n: st.lists(st.lists(_CELL, min_size=n, max_size=n), max_size=5)))
def test_columns_are_tabulates_wherever_they_are_laid_out_here(rows: list[list[str]]):
    """terminal.columns spares every start the import of tabulate: where it lays rows out, the text is
    tabulate's, byte for byte, in both layouts rla uses (rules list's plain one, the findings' own)."""
    from tabulate import DataRow, TableFormat, tabulate

    findings = TableFormat(lineabove=None, linebelowheader=None, linebetweenrows=None, linebelow=None,
                           headerrow=DataRow("  ", " ", ""), datarow=DataRow("  ", " ", ""), padding=0, with_header_hide=None)
    plain = terminal.columns(rows)
    if plain is not None:
        assert plain == tabulate(rows, tablefmt="plain", disable_numparse=True)
    own = terminal.columns(rows, indent="  ", sep=" ")
    if own is not None:
        assert own == tabulate(rows, tablefmt=findings, disable_numparse=True)
    if all(c.isascii() and c.isprintable() for row in rows for c in row):
        assert plain is not None and own is not None
