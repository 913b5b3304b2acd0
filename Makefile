# The two-command quickstart: `make run` and `make test`. Both set up .venv first.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test lint format browser axe bench bench-quick eval clean

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch first and pinned: it comes from the CPU wheel, not the multi-GB CUDA build.
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)

run: setup
	$(VENV)/bin/corpus-qa ingest --quiet
	$(VENV)/bin/corpus-qa serve --host $(HOST) --port $(PORT)

# Browser tests drive Debian's chromium (Playwright cannot download browsers here).
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: run 'sudo apt-get install -y chromium'"; exit 1; fi; }

# axe-core (accessibility checks in the browser tests), from npm into a cache outside the
# sources; tests/ui/axe_support.py installs the same version itself if this was skipped.
AXE_VERSION := 4.14.1
AXE_DIR ?= .cache/axe
axe:
	@test -f $(AXE_DIR)/node_modules/axe-core/axe.min.js || { \
	  command -v npm >/dev/null || { \
	    if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
	    else echo "npm is missing: run 'sudo apt-get install -y npm'"; exit 1; fi; }; \
	  npm install --no-save --no-audit --no-fund --prefix $(AXE_DIR) axe-core@$(AXE_VERSION) >/dev/null; }

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: setup browser axe lint
	$(PY) -m pytest

eval: setup
	$(VENV)/bin/corpus-qa eval --loco --out eval-out

bench: setup
	$(PY) -m benchmarks.run --work .bench-work --out BENCHMARKS.md

bench-quick: setup
	@mkdir -p benchmarks/out
	$(PY) -m benchmarks.run --quick --out benchmarks/out/quick.md

clean:
	rm -rf .corpus-qa test-artifacts eval-out .pytest_cache .ruff_cache
