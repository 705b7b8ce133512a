# Two entry points, each sets itself up on a fresh machine (Python 3.11+):
#   make demo   - extract actors and relations from the bundled example article
#   make test   - run the whole test suite (and lint + docs build)
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.banlens-installed
# graphology and its GEXF/GraphML parsers, for the reader tests (skipped without npm)
JS_READERS = tests/js/node_modules/.package-lock.json

.PHONY: demo test lint docs clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "banlens needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

$(JS_READERS): tests/js/package.json tests/js/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/js --no-audit --no-fund --silent; \
	else \
		echo "npm not found: the graphology reader tests will be skipped"; \
	fi

demo: $(STAMP)
	$(BIN)/banlens demo -o banlens-demo.graphml

test: $(STAMP) $(JS_READERS)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -q
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir $(VENV)/site

docs: $(STAMP)
	$(BIN)/mkdocs build --strict

clean:
	rm -rf $(VENV) site banlens-demo.graphml tests/js/node_modules
