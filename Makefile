# Two commands matter: `make run` (the whole job) and `make test` (the whole suite).
# Every target sets itself up from a fresh clone; `make help` lists them.
# Any Python 3.11, 3.12 or 3.13 will do: the first of .venv's own, python3, python3.13, python3.12, python3.11
# that runs and is one of them, or the one you name: `make test PYTHON=/path/to/python3.12`.
SHELL := /bin/bash
SUPPORTED := 3.11 3.12 3.13
CANDIDATES := .venv/bin/python python3 python3.13 python3.12 python3.11
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
LOCK := requirements.lock
# uv installs the locked packages; its own version is pinned in the lock (dependency group `setup`).
UV_VERSION := $(shell sed -n 's/^uv==\([^ ;]*\).*/\1/p' $(LOCK))
KERNEL := vn-office-reports
RAW := data/raw
PROCESSED := data/processed
REPORTS := reports
JOBS ?= 2
# Extra arguments for `make lock`, e.g. LOCK_ARGS=--upgrade (by default the lock's pins are kept where they fit).
LOCK_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help setup run extract test notebooks lab bench lock clean

# The interpreter is looked for only when a target needs one (not for help or clean).
ifneq ($(filter-out help clean,$(or $(MAKECMDGOALS),help)),)
# "3.11 3.11.2 /usr/bin/python3.11 venv" from a Python that runs; nothing from one that does not.
describe = $(shell $(1) -c 'import sys, importlib.util as u; print("%d.%d" % sys.version_info[:2], "%d.%d.%d" % sys.version_info[:3], sys.executable, "venv" if u.find_spec("venv") and u.find_spec("ensurepip") else "-")' 2>/dev/null)
ifeq ($(origin PYTHON),undefined)
PYTHON := $(firstword $(foreach p,$(CANDIDATES),$(if $(filter $(SUPPORTED),$(firstword $(call describe,$(p)))),$(p))))
ifeq ($(PYTHON),)
$(error Python 3.11, 3.12 or 3.13 is needed and none of python3, python3.13, python3.12, python3.11 is one: install one, or name it with make $(or $(MAKECMDGOALS),setup) PYTHON=/path/to/python3.12)
endif
endif
PYTHON_INFO := $(call describe,$(PYTHON))
ifeq ($(filter $(SUPPORTED),$(firstword $(PYTHON_INFO))),)
$(error Python 3.11, 3.12 or 3.13 is needed; PYTHON=$(PYTHON) $(if $(PYTHON_INFO),is Python $(word 2,$(PYTHON_INFO)),does not run): name another with make $(or $(MAKECMDGOALS),setup) PYTHON=/path/to/python3.12)
endif
ifeq ($(word 4,$(PYTHON_INFO)),-)
$(error $(word 3,$(PYTHON_INFO)) (Python $(word 2,$(PYTHON_INFO))) cannot create a virtual environment: install its venv module (Debian, Ubuntu: apt install python$(firstword $(PYTHON_INFO))-venv), or name another with PYTHON=/path/to/python)
endif
PYTHON_VERSION := $(word 2,$(PYTHON_INFO))
ifeq ($(UV_VERSION),)
$(error $(LOCK) pins no uv (uv==…): restore it with git checkout $(LOCK))
endif
endif

VENV_MARK := $(VENV)/.python-$(PYTHON_VERSION)
UV_MARK := $(VENV)/.uv-$(UV_VERSION)
STAMP := $(VENV)/.installed

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: $(STAMP) ## Create .venv with the chosen Python, install requirements.lock with uv, install the package, register the kernel

# .venv made with the chosen Python. Without its mark, .venv was made by another Python (made again) or
# by an older Makefile with the same one (kept).
$(VENV_MARK):
	@if [ -x $(PY) ] && [ "$$($(PY) -c 'import platform; print(platform.python_version())' 2>/dev/null)" != "$(PYTHON_VERSION)" ]; then \
	  echo "$(VENV) was made with another Python: making it again with $(word 3,$(PYTHON_INFO)) ($(PYTHON_VERSION))"; \
	  rm -rf $(VENV); fi
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	rm -f $(VENV)/.python-*
	touch $(VENV_MARK)

# uv at the version the lock pins, installed with the pip that venv provides.
$(UV_MARK): $(VENV_MARK)
	[ "$$($(UV) --version 2>/dev/null)" = "uv $(UV_VERSION)" ] || \
	  $(PY) -m pip install --quiet --no-input --disable-pip-version-check uv==$(UV_VERSION)
	rm -f $(VENV)/.uv-*
	touch $(UV_MARK)

# Exactly the locked packages (others are removed), compiled to bytecode once here rather than by every
# kernel; then this package, built with the locked setuptools (no build environment to fetch).
$(STAMP): $(UV_MARK) $(LOCK) pyproject.toml
	$(UV) pip sync --quiet --python $(PY) --compile-bytecode $(LOCK)
	$(UV) pip install --quiet --python $(PY) --compile-bytecode --no-deps --no-build-isolation -e .
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python 3 (vn-office-reports)" >/dev/null
	touch $(STAMP)

run: setup ## The main job: extract data/raw into data/processed, then one rendered report per province in reports/
	$(PY) -m helpers extract $(RAW) $(PROCESSED)
	$(PY) -m helpers batch --processed $(PROCESSED) --out $(REPORTS) --jobs $(JOBS)
	@echo "open $(REPORTS)/index.html"

extract: setup ## Only the extraction step
	$(PY) -m helpers extract $(RAW) $(PROCESSED)

test: setup ## The whole test suite (unit tests and nbval on the notebooks)
	$(PY) -m pytest

notebooks: setup ## Re-execute the three notebooks in place with their default parameters (stored with outputs)
	$(PY) -m helpers notebooks

bench: setup ## Benchmarks against baselines run side by side; writes benchmarks/RESULTS.md
	$(PY) benchmarks/run_all.py

lab: setup ## JupyterLab on notebooks/
	$(VENV)/bin/jupyter lab notebooks/

lock: $(UV_MARK) ## Regenerate requirements.lock from pyproject.toml: one universal lock for Python 3.11 to 3.13 (uv)
	$(UV) pip compile --quiet pyproject.toml --extra dev --group setup --universal --python-version $(firstword $(SUPPORTED)) \
	  --custom-compile-command "make lock" $(LOCK_ARGS) -o $(LOCK)

clean: ## Remove the environment and everything generated that git ignores
	rm -rf $(VENV) $(REPORTS) .pytest_cache .hypothesis build src/*.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
