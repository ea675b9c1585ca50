# Set-up, serving and tests of the Hannover International portal.
# `make run` and `make test` do the whole set-up on a fresh clone.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test setup install npm fonts worldmap messages browser nginx migrate load lint check bench clean

run: setup
	$(PY) manage.py runserver 127.0.0.1:8000

# The whole suite, every migration run, on PYTEST_WORKERS xdist workers (0: in one process).
# The browser tests are spread over the workers too, each starting its own Chromium and live
# server: measured faster than keeping them on one worker, and as reliable. Only the two-host
# test keeps its tests on one worker (xdist_group), which --dist loadgroup honours.
# PYTEST_ARGS is passed on, e.g. PYTEST_ARGS='-m "not slow"' or PYTEST_ARGS=tests/measures.
PYTEST_WORKERS ?= 2

test: install npm fonts worldmap messages browser nginx
	$(PY) -m pytest --migrations -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

setup: install npm fonts worldmap messages migrate load

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

npm: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Latin subsets of the web fonts, built from KERN's files, never committed; rebuilt only when
# their sources change.
FONTS_STAMP := build/fonts/.stamp

fonts: $(FONTS_STAMP)

$(FONTS_STAMP): $(STAMP) node_modules/.package-lock.json static/css/fonts.css hannover_intl/management/commands/build_fonts.py
	$(PY) manage.py build_fonts
	touch $@

# The partner map's pictures and projection, built from world-atlas with d3-geo once instead of
# at any request; rebuilt only when the packages or the build script change.
WORLDMAP_STAMP := build/worldmap/.stamp

worldmap: $(WORLDMAP_STAMP)

$(WORLDMAP_STAMP): node_modules/.package-lock.json package-lock.json scripts/build-worldmap.mjs
	node scripts/build-worldmap.mjs build/worldmap
	touch $@

# Compiled catalogues are built from the .po files, never committed.
messages: install
	@command -v msgfmt >/dev/null || (command -v apt-get >/dev/null && apt-get install -y gettext)
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

# The browser tests drive Debian's Chromium; Playwright never downloads a browser.
browser:
	@command -v chromium >/dev/null || (command -v apt-get >/dev/null && apt-get install -y chromium)

# The two-host test puts Debian's nginx in front of two gunicorn hosts as their load balancer.
nginx:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || (command -v apt-get >/dev/null && apt-get install -y nginx-light)

migrate: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable

load: migrate
	$(PY) manage.py load_action_plan

lint: install
	$(VENV)/bin/ruff check .

check: install messages
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check

# Load benchmark at 1 and 20 times the plan (BENCH_SCALE=100 adds 100) on PostgreSQL; writes
# benchmarks/results.md.
bench: install npm fonts worldmap messages
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) node_modules staticfiles build
