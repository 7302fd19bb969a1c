# Every user job is one line over the CLI. The first target run on a fresh machine creates
# .venv and installs regiodocs into it; nothing else needs to be installed beforehand.
PYTHON ?= python3
VENV := .venv
RD := $(VENV)/bin/regiodocs
REGIO ?= utrecht-west
GEMEENTE ?=
GEM := $(if $(GEMEENTE),--gemeente $(GEMEENTE),)

PORT ?= 8765

# $(call run,COMMAND): run a regiodocs command. When it fails, make stops with one Dutch line
# ("Makefile:NN: *** regiodocs stopte ... Stop.", exit status 2) instead of its English
# "make: *** [Makefile:NN: target] Error 1", which GNU make prints for every failing recipe
# line. The command runs while make expands the recipe ($(shell)), which captures its
# stdout; so the command writes its stdout to make's own stdout, reopened through /proc
# (in append mode, so `make raadsvoorstel >> log` keeps what is there), and its stderr stays
# stderr: `make raadsvoorstel > lijst.txt` keeps the list of files written, and progress and
# warnings stay on the terminal. Where /proc is missing (macOS), stdout goes to stderr.
to_stdout = if (: >>/proc/$$PPID/fd/1) 2>/dev/null; then exec >>/proc/$$PPID/fd/1; else exec 1>&2; fi
run = $(if $(filter 0,$(lastword $(shell ( $(to_stdout); $(1) ); echo $$?))),@:,$(error regiodocs stopte met een fout (zie de melding hierboven)))

.PHONY: constraints preview bench fuzz all check regiovisie raadsvoorstel raadsbesluit rib regeling reactienota wgr-toets consistency schema test lint fmt clean

# Installing is progress, not output: its messages go to stderr, the commands are not echoed.
$(VENV)/.installed: pyproject.toml constraints.txt
	@echo "regiodocs wordt geïnstalleerd in $(VENV)/ (alleen de eerste keer of na een wijziging van pyproject.toml of constraints.txt; ongeveer een halve minuut)..." >&2
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "regiodocs vraagt Python 3.11 of nieuwer"'
	@$(PYTHON) -m venv $(VENV) >&2
	@$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]' >&2
	@touch $@
	@echo "regiodocs is geïnstalleerd." >&2

# regiodocs' own modules compiled ahead to bytecode (what pip does for every other package).
# Where PYTHONDONTWRITEBYTECODE is set (CI, containers) Python never stores what it compiles,
# and would compile all of regiodocs again at every command (about 0.3 s of each `check`);
# compileall redoes only the modules changed since.
$(VENV)/.compiled: $(VENV)/.installed $(wildcard src/regiodocs/*.py src/regiodocs/*/*.py src/regiodocs/*/*/*.py)
	@$(VENV)/bin/python -m compileall -q src >&2
	@touch $@

# After a dependency change: pin what is installed now (then run the tests).
constraints: $(VENV)/.installed
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	{ sed -n '1,3p' constraints.txt; $(VENV)/bin/python -m pip freeze --exclude-editable | grep -v '^regiodocs'; } > constraints.txt.new
	mv constraints.txt.new constraints.txt

check: $(VENV)/.compiled
	$(call run,$(RD) check --regio $(REGIO))

regiovisie: $(VENV)/.compiled
	$(call run,$(RD) build regiovisie --regio $(REGIO))

raadsvoorstel: $(VENV)/.compiled
	$(call run,$(RD) build raadsvoorstel --regio $(REGIO) $(GEM))

raadsbesluit: $(VENV)/.compiled
	$(call run,$(RD) build raadsbesluit --regio $(REGIO) $(GEM))

rib: $(VENV)/.compiled
	$(call run,$(RD) build raadsinformatiebrief --regio $(REGIO) $(GEM))

regeling: $(VENV)/.compiled
	$(call run,$(RD) build regeling --regio $(REGIO))

reactienota: $(VENV)/.compiled
	$(call run,$(RD) build reactienota --regio $(REGIO))

wgr-toets: $(VENV)/.compiled
	$(call run,$(RD) wgr-toets --regio $(REGIO))

# Live preview on http://127.0.0.1:$(PORT)/ ; every saved change appears in the browser.
preview: $(VENV)/.compiled
	$(RD) preview --regio $(REGIO) --poort $(PORT)

consistency: $(VENV)/.compiled
	$(call run,$(RD) consistency --regio $(REGIO))

all: $(VENV)/.compiled
	$(call run,$(RD) build all --regio $(REGIO) $(GEM) && $(RD) consistency --regio $(REGIO))

schema: $(VENV)/.compiled
	$(call run,$(RD) schema --per-bestand schema)

# mypy twice: as on Linux, and as on Windows (a POSIX-only call such as os.fchmod fails there).
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy src
	$(VENV)/bin/mypy --platform win32 src
	MYPYPATH=src:tests $(VENV)/bin/mypy bench

test: lint
	$(VENV)/bin/python -m pytest

# Benchmark (not part of the tests): whole CLI processes against naive pandoc; writes build/bench-results.json.
bench: $(VENV)/.compiled
	$(VENV)/bin/python bench/run.py
	$(VENV)/bin/python bench/preview_latency.py

# Long fuzzing run (nightly-style); make test runs a bounded number of examples.
fuzz: $(VENV)/.installed
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-3000} $(VENV)/bin/python -m pytest tests/test_fuzz.py -q -p no:cacheprovider

fmt: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix src tests bench
	$(VENV)/bin/ruff format src tests bench

clean:
	rm -rf build
