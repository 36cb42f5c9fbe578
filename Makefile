# SPF Flagship open-data site. `make help` lists the targets.
# Every target that needs Python creates .venv with the pinned dependencies of pyproject.toml on first use.

PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
HOST   ?= 127.0.0.1
PORT   ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install browser node gettext validate format format-check test lint site messages linkcheck serve bench diff clean \
	ci-validate ci-diff ci-format ci-tidy-commit pin-schemas

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@echo "Installing the pinned dependencies into $(VENV) (first use, or pyproject.toml changed)"
	@$(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check pip==26.3
	@$(PY) -m pip install --quiet --disable-pip-version-check --group dev
	@PYTHONWARNINGS=ignore $(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

install: $(STAMP) ## Create .venv with the pinned dependencies

browser: ## Install Debian chromium for the browser tests (needs root or sudo)
	@test -x $(CHROMIUM) || { SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }
	@test -x $(CHROMIUM) || { echo "chromium is missing at $(CHROMIUM)"; exit 1; }

node: ## Install Debian nodejs and npm for the HTML validity test (html-validate; needs root or sudo)
	@command -v npx >/dev/null || { SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm; }
	@command -v npx >/dev/null || { echo "npx is missing: install Node.js 18.19 or newer and npm"; exit 1; }

gettext: ## Install Debian gettext for the catalogue test (msgfmt --check; needs root or sudo)
	@command -v msgfmt >/dev/null || { SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gettext; }
	@command -v msgfmt >/dev/null || { echo "msgfmt is missing: install GNU gettext"; exit 1; }

validate: $(STAMP) ## Check the data package: frictionless plus the programme's rules
	$(PY) scripts/validate.py

pin-schemas: $(STAMP) ## Maintainers: accept datapackage.json's schemas, names and paths as the pinned ones
	$(PY) scripts/validator/pinning.py

format: $(STAMP) ## Rewrite the CSVs in canonical form (refuses, writing nothing, a file it cannot read exactly)
	$(PY) scripts/format.py

format-check: $(STAMP) ## Fail when a CSV is not in canonical form
	$(PY) scripts/format.py --check

lint: $(STAMP) ## ruff on scripts/ and tests/
	$(VENV)/bin/ruff check scripts tests

# PYTEST_ARGS narrows the run (tests/test_contributor_flow.py: the tests a data change can break, no browser).
test: $(STAMP) browser node gettext ## Run every test (browser, HTML and catalogue tests included; they fail without chromium, npx or msgfmt)
	$(PY) -m pytest $(PYTEST_ARGS)

site: $(STAMP) ## validate -> generate -> properdocs build --strict into site/ (an old site/ survives a failure)
	$(PY) scripts/build_site.py

LOCALE := scripts/sitegen/locale
messages: $(STAMP) ## Extract the site's strings into messages.pot and update each language's .po (then translate)
	$(VENV)/bin/pybabel -q extract -F $(LOCALE)/babel.cfg -o $(LOCALE)/messages.pot --no-wrap --sort-by-file \
	  --project "SPF Flagship open data" --copyright-holder "SPF Flagship open-data contributors" \
	  --omit-header .
	$(VENV)/bin/pybabel -q update -i $(LOCALE)/messages.pot -d $(LOCALE) --no-wrap --ignore-obsolete
	@# Each .po keeps its header (Language, Plural-Forms with the three CLDR forms, UTF-8); the template has none,
	@# so the creation date Babel would write is the time of the run: dropped, for a diff of the messages alone.
	sed -i '/^"POT-Creation-Date: /d' $(LOCALE)/*/LC_MESSAGES/messages.po
	@# The messages use named {placeholders} only: a '%' is a percent sign ('(% of GDP)'), never a printf
	@# directive, so Babel's guess of python-format (which msgfmt --check would enforce: no Arabic text
	@# can follow '% o' as the msgid does) is dropped.
	sed -i '/^#, python-format$$/d' $(LOCALE)/messages.pot $(LOCALE)/*/LC_MESSAGES/messages.po

linkcheck: $(STAMP) ## Check every internal link of the built site/ (raw HTML links included)
	$(PY) scripts/linkcheck.py site

serve: $(STAMP) ## Validate, build once and serve on http://$(HOST):$(PORT) with live reload of data and docs
	@$(PY) scripts/serve.py --addr $(HOST):$(PORT)

bench: $(STAMP) browser ## Benchmark at 1x/10x/100x data, page weight, Lighthouse; writes bench/results.json
	$(PY) scripts/bench.py $(BENCH_ARGS)

diff: $(STAMP) ## Plain-language data diff against BASE (default origin/main)
	$(PY) scripts/diff.py $(BASE)

# The pull-request workflow runs these two; outside GitHub they print to the terminal.
ci-validate: $(STAMP) ## validate with GitHub annotations, markdown report to the job summary
	$(PY) scripts/validate.py --format github $(if $(GITHUB_STEP_SUMMARY),--summary "$(GITHUB_STEP_SUMMARY)")

ci-diff: $(STAMP) ## data diff against BASE as markdown, appended to the job summary
	$(PY) scripts/diff.py $(BASE) --format markdown $(if $(GITHUB_STEP_SUMMARY),--output "$(GITHUB_STEP_SUMMARY)")

ci-format: $(STAMP) ## what `make format` would change, as a diff in the job summary; passes (a notice, not an error)
	$(PY) scripts/format.py --advise $(if $(GITHUB_STEP_SUMMARY),--summary "$(GITHUB_STEP_SUMMARY)")

# The tidy workflow runs `make format` on main, then this: commit data/ as the bot and push, only if it changed.
# The token (GITHUB_TOKEN) goes in an HTTP header, never in a command line or URL; TIDY_REMOTE overrides the
# remote (tests push to a local bare repository).
ci-tidy-commit: ## commit and push what `make format` changed in data/, if anything (tidy workflow)
	@git add -A data
	@if git diff --cached --quiet; then echo "Nothing to tidy: every CSV file is in canonical form."; exit 0; fi; \
	git -c user.name="github-actions[bot]" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
	  commit --quiet -m "Tidy: make format (rows in key order, canonical CSV)" && \
	if [ -n "$$GITHUB_TOKEN" ]; then \
	  auth=$$(printf 'x-access-token:%s' "$$GITHUB_TOKEN" | base64 -w0); echo "::add-mask::$$auth"; \
	  set -- -c "http.https://github.com/.extraheader=AUTHORIZATION: basic $$auth"; fi; \
	git "$$@" push --quiet "$${TIDY_REMOTE:-origin}" "HEAD:$${GITHUB_REF_NAME:-main}" && \
	echo "Committed and pushed: $$(git log -1 --format='%h %s')"
clean: ## Remove generated output (site/, build/); keeps .venv
	rm -rf site build
