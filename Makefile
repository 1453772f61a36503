# The two commands: `make demo` and `make test`. Both build .venv when it is missing.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
CASE   ?= examples/atabek.yaml

.PHONY: demo test bench data clean

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	# byte-compile now: an editable install otherwise compiles on every run where
	# PYTHONDONTWRITEBYTECODE is set (pip does this itself for a wheel)
	$(BIN)/python -m compileall -q src > /dev/null
	touch $@

demo: $(BIN)/.installed
	$(BIN)/appealkit check $(CASE)
	@echo '--- address'
	$(BIN)/appealkit address $(CASE)
	@echo '--- letter to the president'
	$(BIN)/appealkit letter $(CASE) --to president --date 2026-11-28 --sender-name 'A. Supporter' --sender-address '1 High Street; London N1 1AA; United Kingdom' --from GB
	@echo '--- post'
	$(BIN)/appealkit tweet $(CASE)

test: $(BIN)/.installed
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

# after editing anything in data/: the parsed-data bundle that keeps start-up fast
data: $(BIN)/.installed
	$(BIN)/python tools/bundle_data.py

# the peers live in their own environment, never as project dependencies
BENCH := bench/.venv/bin
$(BENCH)/.installed: pyproject.toml
	test -x $(BENCH)/python || $(PYTHON) -m venv bench/.venv
	$(BENCH)/python -m pip install --quiet --disable-pip-version-check -e . iuliia==0.13.0 twitter-text-parser==3.0.0
	$(BENCH)/python -m compileall -q src > /dev/null
	touch $@

bench: $(BENCH)/.installed
	$(BENCH)/python bench/run.py

clean:
	rm -rf $(VENV) bench/.venv build dist src/*.egg-info
