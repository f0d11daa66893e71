# Two commands matter: `make run` (the whole job) and `make test` (the whole suite).
# Every target sets itself up from a fresh clone; `make help` lists them.
SHELL := /bin/bash
PYTHON_311 := $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
KERNEL := vn-office-reports
RAW := data/raw
PROCESSED := data/processed
REPORTS := reports
JOBS ?= 2

.DEFAULT_GOAL := help
.PHONY: help setup run extract test notebooks lab bench lock clean

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: $(STAMP) ## Create .venv from requirements.lock, install the package, register the Jupyter kernel

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON_311) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version' 
	test -x $(PY) || $(PYTHON_311) -m venv $(VENV)
	$(PY) -m pip install --quiet --no-input -r requirements.lock
	$(PY) -m pip install --quiet --no-input --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python 3.11 (vn-office-reports)" >/dev/null
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

lock: ## Regenerate requirements.lock from pyproject.toml (pip-tools)
	test -x $(PY) || $(PYTHON_311) -m venv $(VENV)
	$(PY) -m pip install --quiet pip-tools==7.6.2
	$(VENV)/bin/pip-compile --quiet --extra dev --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links --no-emit-trusted-host -o requirements.lock pyproject.toml

clean: ## Remove the environment and everything generated that git ignores
	rm -rf $(VENV) $(REPORTS) .pytest_cache .hypothesis build src/*.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
