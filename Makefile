# Two commands on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-clock selfcheck bench venv clean browser screenshots

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@# Hyperscan is an optional speed-up: where no wheel exists rla still works (pure-Python engine).
	$(BIN)/pip install --quiet -e '.[fast]' || echo "note: hyperscan not installed; rla uses its pure-Python engine"
	@# RE2 bounds the work of user rule patterns per line (linear time); without it rla caps what they see.
	$(BIN)/pip install --quiet -e '.[safe]' || echo "note: google-re2 not installed; user patterns see 8 KiB per line"
	touch $(STAMP)

venv: $(STAMP)

# Exit 1 is rla's "found a problem" (the sample is a degraded app): the demo succeeded when it printed a
# diagnosis; 2 and above (usage error, crash) fail it.
demo: $(STAMP)
	@echo '$$ rla analyze samples/dashboard/node-app/degraded.txt'
	@$(BIN)/rla analyze samples/dashboard/node-app/degraded.txt; rc=$$?; \
		echo "(rla exited $$rc: $$( [ $$rc = 1 ] && echo 'a problem was found, as expected for this sample' || echo 'no problem found'))"; \
		[ $$rc -le 1 ]

# Our own CI gate, run as a user would (issue 6): every sample gives its expected diagnosis,
# every rule proves itself on its examples, the pack lints clean. Before pytest, so that the
# test runner's summary stays the last line.
selfcheck: $(STAMP)
	$(BIN)/rla check samples/ --expect samples/expected.yaml --format markdown -o $(VENV)/selfcheck.md \
		|| { cat $(VENV)/selfcheck.md; exit 1; }
	@sed -n 3p $(VENV)/selfcheck.md
	$(BIN)/rla rules test
	$(BIN)/rla rules lint

# The HTML report's tests open it in Debian's chromium (never `playwright install`, which downloads a browser).
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
		{ DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; } \
		|| echo "note: chromium is not installed and cannot be here: the browser tests will say they are skipped"
	@# Optional: the logs' emoji (❌, ⚠️) in the report's screenshots are boxes without a colour emoji font.
	@dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
		{ DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-color-emoji >/dev/null 2>&1 || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-color-emoji >/dev/null; }; }; } \
		|| echo "note: fonts-noto-color-emoji is not installed: emoji show as boxes in the HTML report's screenshots"

# Refresh the README's screenshots of the HTML report (docs/report-*.png) from the bundled samples.
screenshots: $(STAMP) browser
	RLA_SCREENSHOT_DIR=docs $(BIN)/python -m pytest -q tests/test_html_browser.py -k "outage or recovery or degraded or check"

# The suite runs on every core (pytest-xdist): tests that share a costly module fixture carry an
# xdist_group mark and run in one worker (--dist loadgroup), the others are shared out one by one.
XDIST := -n auto --dist loadgroup

test: $(STAMP) browser
	$(MAKE) --no-print-directory selfcheck
	$(BIN)/python -m pytest -q $(XDIST)

# No test may depend on today's date (issue 12): the whole suite again with the system clock a year
# ahead and a year back (Debian's faketime; .ci/run installs it).
# The corpus-wide fast-path-vs-reference sweeps (clock_neutral) stay out: both sides read one clock.
test-clock: $(STAMP)
	@command -v faketime >/dev/null || { echo "make test-clock needs faketime: apt-get install faketime"; exit 2; }
	tests/clockshim/run -365d $(BIN)/python -m pytest -q -p no:cacheprovider -m 'not realtime_waits and not clock_neutral' $(XDIST)
	tests/clockshim/run +365d $(BIN)/python -m pytest -q -p no:cacheprovider -m 'not realtime_waits and not clock_neutral' $(XDIST)

# Issue 7's speed bench, by hand (never in CI): rla vs grep -c -E -f, peak RSS, start-up (README, Performance).
bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info
