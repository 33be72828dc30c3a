# Two entry points for a fresh machine with Python 3.11: `make demo` and `make test`.
# Each creates .venv and installs what it needs; nothing else must be installed by hand.

PYTHON ?= python3
LINTED := src tests $(wildcard bench)
VENV := .venv
BIN := $(VENV)/bin
DB ?= out/storyline.db

.PHONY: demo test lint clean-out

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	@mkdir -p out
	@rm -f $(DB)
	$(BIN)/storyline run examples/corpus --db $(DB)
	$(BIN)/storyline export --db $(DB) --format json --out out/storyline.json
	$(BIN)/storyline export --db $(DB) --format md --out out/briefing.md
	$(BIN)/storyline export --db $(DB) --format html --out out/briefing.html
	$(BIN)/storyline stories --db $(DB)

# The browser tests drive Debian's Chromium and the store test starts a private PostgreSQL.
# `make test` installs both with apt-get when it runs as root; anywhere else it goes on and
# those tests skip, saying why.
CHROMIUM ?= /usr/bin/chromium
HAVE_POSTGRES := ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null

# $(call apt_install,PACKAGE,CHECK,WHAT NEEDS IT): run CHECK, else install PACKAGE if root.
define apt_install
	@$(2) || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing $(1) with apt-get (for $(3))"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -qq $(1) >/dev/null 2>&1 \
	    || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq $(1) >/dev/null 2>&1; } \
	    || echo "$(1) could not be installed: $(3) will skip"; \
	  else \
	    echo "no $(1), and installing it needs root and apt-get: $(3) will skip"; \
	  fi; }
endef

test: $(VENV)/.installed-test
	$(call apt_install,chromium,test -x $(CHROMIUM),the browser tests)
	$(call apt_install,postgresql,$(HAVE_POSTGRES),the PostgreSQL store test)
	$(BIN)/ruff check $(LINTED)
	STORYLINE_CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

clean-out:
	rm -rf out
