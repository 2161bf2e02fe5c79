# Two commands on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test selfcheck bench venv clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@# Hyperscan is an optional speed-up: where no wheel exists rla still works (pure-Python engine).
	$(BIN)/pip install --quiet -e '.[fast]' || echo "note: hyperscan not installed; rla uses its pure-Python engine"
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	@echo '$$ rla analyze samples/dashboard/node-app/degraded.txt'
	-@$(BIN)/rla analyze samples/dashboard/node-app/degraded.txt

# Our own CI gate, run as a user would (issue 6): every sample gives its expected diagnosis,
# every rule proves itself on its examples, the pack lints clean. Before pytest, so that the
# test runner's summary stays the last line.
selfcheck: $(STAMP)
	$(BIN)/rla check samples/ --expect samples/expected.yaml --format markdown -o $(VENV)/selfcheck.md \
		|| { cat $(VENV)/selfcheck.md; exit 1; }
	@sed -n 3p $(VENV)/selfcheck.md
	$(BIN)/rla rules test
	$(BIN)/rla rules lint

test: $(STAMP)
	$(MAKE) --no-print-directory selfcheck
	$(BIN)/python -m pytest -q

# Issue 7's speed bench, by hand (never in CI): rla vs grep -c -E -f, peak RSS, start-up (README, Performance).
bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info
