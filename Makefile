# One command surface for people: make build, make serve, make test, make bench.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material 9.8 prints an end-of-life notice on every build; silence it so real warnings stand out.
export NO_MKDOCS_2_WARNING := 1
# The guide's own code (hooks/guide) for `python -m guide...`, with or without the editable install.
export PYTHONPATH := $(CURDIR)/hooks

.PHONY: build serve test check bench readability translations new-language handout-previews lock clean help

help:
	@echo "make build   set up and build the whole site into site/"
	@echo "make serve   live preview at http://127.0.0.1:8000"
	@echo "make test    set up and run every test (what CI runs)"
	@echo "make check   the quick tests to run while you work (under a minute)"
	@echo "make bench   time our build against a plain Material build"
	@echo "make readability [FILE=docs/en/crs.md]   reading level of one page or all, no build"
	@echo "make translations   where each translation stands (exit 1 if one is outdated)"
	@echo "make new-language LANG=xx   start a new language"
	@echo "make handout-previews   pictures of some handouts and things to print, to look at"
	@echo "make lock    update requirements/lock.txt (exact versions with hashes, for publishing)"
	@echo "make clean   remove site/ and caches"

$(BIN)/python:
	@$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || { \
	  echo "Python's venv module is missing. On Debian or Ubuntu run: sudo apt-get install python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@ $(VENV)/.installed

build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

# The quick loop while you work: pure functions and tiny sites; no browser, no PDFs, no real site.
check: $(VENV)/.installed-test
	GUIDE_QUICK=1 $(BIN)/python -m pytest -m "not site and not browser and not pdf" -q --durations=5

bench: $(VENV)/.installed-test
	$(BIN)/python -m guide bench

readability: $(VENV)/.installed
	$(BIN)/python -m guide readability $(FILE)

translations: $(VENV)/.installed
	$(BIN)/python -m guide translations

new-language: $(VENV)/.installed
	@test -n "$(LANG)" || { echo 'Say which language, like: make new-language LANG=pt'; exit 2; }
	$(BIN)/python -m guide new-language $(LANG)

# The first page of three handouts (English, Spanish, large print) as PNG pictures, to look at.
PREVIEWS := .cache/guide/previews
handout-previews: build
	@mkdir -p $(PREVIEWS)
	pdftoppm -r 80 -f 1 -l 1 -png site/crs/handout.pdf $(PREVIEWS)/en-crs
	pdftoppm -r 80 -f 1 -l 1 -png site/es/crs/handout.pdf $(PREVIEWS)/es-crs
	pdftoppm -r 80 -f 1 -l 1 -png site/crs/handout-large.pdf $(PREVIEWS)/en-crs-large
	pdftoppm -r 80 -f 1 -l 1 -png site/get-help/handout.pdf $(PREVIEWS)/en-get-help-card
	pdftoppm -r 80 -f 1 -l 1 -png site/es/get-help/handout-large.pdf $(PREVIEWS)/es-get-help-card-large
	pdftoppm -r 80 -f 1 -l 2 -png site/es/steps/handout.pdf $(PREVIEWS)/es-steps-picture
	pdftoppm -r 80 -f 1 -l 1 -png site/what-is-car-t/handout.pdf $(PREVIEWS)/en-what-is-car-t
	pdftoppm -r 80 -f 1 -l 1 -png site/things-to-print/diary.pdf $(PREVIEWS)/en-diary
	pdftoppm -r 80 -f 1 -l 1 -png site/es/things-to-print/wallet-card.pdf $(PREVIEWS)/es-wallet-card
	@echo "Pictures are in $(PREVIEWS)/"

# The exact versions, with hashes, that the publishing workflow installs (pip --require-hashes).
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra test --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements/lock.txt pyproject.toml

clean:
	rm -rf site .cache .pytest_cache .hypothesis
