# Two commands: `make serve` to preview, `make test` to check everything.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Reproducible output: the sitemap's dates come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: serve serve-en build test bench snapshot translations suggest-alignments check clean

$(BIN)/activate:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.site-deps: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.site-deps
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

# One edition at a time: the Chinese edition here, the English one with `make serve-en`.
# `make serve CITY=shenzhen` previews one city's reports only (the city slug of their ids): their pages, the city's
# timeline and sources, the index pages; no search. Seconds, however many cities the site holds; a rebuild after a
# seed or PO edit recomputes that report only. `make serve REPORT=beijing-2026` previews one report: its pages (read
# with the city's other reports, which they link to and compare with), the city's timeline and sources, the index pages.
CITY ?=
REPORT ?=
serve: $(VENV)/.site-deps
	GWR_CITY=$(CITY) GWR_REPORT=$(REPORT) GWR_PREVIEW=$(if $(CITY)$(REPORT),1,) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

serve-en: $(VENV)/.site-deps
	GWR_CITY=$(CITY) GWR_REPORT=$(REPORT) GWR_PREVIEW=$(if $(CITY)$(REPORT),1,) $(BIN)/mkdocs serve -f mkdocs.en.yml \
		--dev-addr 127.0.0.1:8001

# Chinese edition at the root (this cleans site/), then the English edition into site/en, in one process:
# the second build reuses what does not depend on the language (hooks/gwr/build.py). Strict, as in mkdocs.yml.
build: $(VENV)/.site-deps
	PYTHONPATH=hooks $(BIN)/python -m gwr build

test: $(VENV)/.test-deps
	$(BIN)/python -m pytest

# Build cost against bare MkDocs + Material at 1x, 10x, 30x and 100x the registered reports (several minutes);
# writes bench/RESULTS.md and bench/results.json. `make bench BENCH_ARGS="--scales 1,10 --runs 1"` for a quick look.
BENCH_ARGS ?=
bench: $(VENV)/.test-deps
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

# Record new URLs and the text fingerprints of declared id changes (data/id-changes.yml);
# refuses, naming each, while a published id points to different text undeclared (README, When ids shift).
snapshot: $(VENV)/.test-deps
	UPDATE_SNAPSHOT=1 $(BIN)/python -m pytest tests/test_urls.py -q

clean:
	rm -rf site .cache $(VENV)

# Create/update the PO files of every registered report, mark changed sources fuzzy, print coverage.
translations: $(VENV)/.site-deps
	PYTHONPATH=hooks $(BIN)/python -m gwr translations

# Propose plan -> result section links for a newly added report (check them by reading; copy to data/alignments.yml).
suggest-alignments: $(VENV)/.site-deps
	PYTHONPATH=hooks $(BIN)/python -m gwr suggest-alignments $(REPORT)

# What the parser makes of a text before you register it: outline, set-aside lines, warnings, headline figures.
# make check FILE=seeds/x.txt [KIND=summary] [ENCODING=gb18030]
check: $(VENV)/.site-deps
	@test -n "$(FILE)" || { echo "usage: make check FILE=path/to/report.txt [KIND=summary] [ENCODING=gb18030]"; exit 2; }
	PYTHONPATH=hooks $(BIN)/python -m gwr check "$(FILE)" $(if $(KIND),--kind $(KIND)) $(if $(ENCODING),--encoding $(ENCODING))
