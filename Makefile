# Revierjobs. `make run` and `make test` are all a newcomer needs; both install missing tools.
SHELL := /bin/bash
.DEFAULT_GOAL := help

TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
SITE_ROOT := target/site
ADDR ?= 127.0.0.1:3000
DEMO ?= 1500
E2E_ADDR ?= 127.0.0.1:3107

export LEPTOS_SITE_ROOT := $(SITE_ROOT)

.PHONY: help tools test-tools build run test lint unit e2e-build e2e api-check a11y bench fuzz size durability test-remote lighthouse screenshots fmt clean-data

help:
	@echo "make run    build (release) and serve on http://$(ADDR) with the embedded database"
	@echo "make test   fmt, clippy, unit + integration tests, end-to-end tests in Chromium, API contract, pa11y, Lighthouse budgets"
	@echo "make build  release build of server binary and site"
	@echo "make bench  print speed and memory figures for 100,000 listings (in process, every page under wrk, the import)"
	@echo "make fuzz   the import's property tests with a million cases each (no panic on any input)"
	@echo "make size   print the release bundle's sizes (raw, gzip, brotli)"
	@echo "make api-check  the API against /api/openapi.json: OpenAPI 3.1 validator, schemathesis (all checks, stateful)"
	@echo "make a11y   pa11y (HTML_CodeSniffer, WCAG 2 AA) over every page in light and dark"
	@echo "make lighthouse  Lighthouse 12 scores of five pages against the release build (mobile)"
	@echo "make screenshots  retake the install dialog's screenshots (public/screenshots)"
	@echo "make durability  kill -9 the server 500 times during writes; no acknowledged save may be lost"
	@echo "make test-remote  two app servers on one SurrealDB server over ws:// (builds tools/surreal first)"
	@echo "make fmt    format the code"

tools:
	@scripts/ensure-tools.sh build

test-tools:
	@scripts/ensure-tools.sh test

# The brotli/gzip copies of the wasm, js and css are sent as they are (see server/src/assets.rs).
# Skipped when nothing it reads or writes has changed since it last ran (cargo-leptos alone would
# redo wasm-bindgen and wasm-opt, a minute), so a re-run starts serving in seconds. Any other build
# writing into the site (`make e2e`) makes the next one run again.
RELEASE_STAMP := $(SITE_ROOT)/.release-build
BUILD_INPUTS := Cargo.toml Cargo.lock app frontend server style public schema content vendor
build: tools
	@if [ -f $(RELEASE_STAMP) ] && [ -x $(TARGET_DIR)/release/revierjobs ] && [ -z "$$(find $(BUILD_INPUTS) \
	    $(SITE_ROOT) $(TARGET_DIR)/release/revierjobs -type f -newer $(RELEASE_STAMP) -print -quit)" ]; then \
	  echo "release build is up to date: nothing changed since it was made"; \
	else \
	  rm -f $(RELEASE_STAMP) && echo "cargo leptos build --release" && cargo leptos build --release && \
	  node scripts/precompress.mjs $(SITE_ROOT)/pkg > /dev/null && touch $(RELEASE_STAMP); \
	fi

run: build
	$(TARGET_DIR)/release/revierjobs serve --addr $(ADDR) --demo $(DEMO)

# Lighthouse last: it replaces the debug site of `e2e` with the release one.
test: test-tools lint unit e2e api-check a11y lighthouse

lint:
	cargo fmt --all --check
	cargo clippy -p app -p server --all-targets -- -D warnings
	cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

# `app` is tested together with `server`, so it is built with the `ssr` feature only once.
unit:
	cargo test -p app -p server

e2e-build:
	cargo leptos build

e2e: e2e-build
	cd end2end && REVIERJOBS_BIN=$(abspath $(TARGET_DIR))/debug/revierjobs \
		LEPTOS_SITE_ROOT=$(abspath $(SITE_ROOT)) E2E_ADDR=$(E2E_ADDR) npx playwright test

# The API against its contract with outside tools (scripts/api-contract.sh: PyPI's openapi-spec-validator,
# then schemathesis with every check, valid and invalid data and the document's links; schemathesis.toml).
# Any failure, 5xx or unresolvable reference fails. Uses the debug server binary of `e2e-build`.
API_ADDR ?= 127.0.0.1:3110
api-check: test-tools e2e-build
	@$(TARGET_DIR)/debug/revierjobs serve --db mem:// --demo 400 --addr $(API_ADDR) --api-rate 0 > /dev/null 2>&1 & pid=$$!; \
	  for i in $$(seq 1 120); do curl -sf http://$(API_ADDR)/readyz > /dev/null && break; sleep 0.5; done; \
	  scripts/api-contract.sh http://$(API_ADDR); status=$$?; kill $$pid; exit $$status

# A second accessibility engine beside the browser tests' axe-core: pa11y 9 with HTML_CodeSniffer
# (WCAG 2 AA) in Debian's chromium, every page in light and dark (end2end/pa11y.mjs; 0 errors, its known
# false positives listed there with the reason). Server-rendered pages, so no wasm is needed.
A11Y_ADDR ?= 127.0.0.1:3112
a11y: test-tools e2e-build
	@$(TARGET_DIR)/debug/revierjobs serve --db mem:// --demo 400 --addr $(A11Y_ADDR) > /dev/null 2>&1 & pid=$$!; \
	  for i in $$(seq 1 120); do curl -sf http://$(A11Y_ADDR)/readyz > /dev/null && break; sleep 0.5; done; \
	  node end2end/pa11y.mjs http://$(A11Y_ADDR); status=$$?; kill $$pid; exit $$status

# Figures, not assertions: seeding, index load, memory, search latency beside a linear scan (in
# process), then every page under load from wrk against the release binary (scripts/bench-http.sh).
bench: build
	@scripts/ensure-tools.sh bench
	cargo bench -p server --bench search
	scripts/bench-http.sh $(TARGET_DIR)/release/revierjobs
	scripts/bench-import.sh $(TARGET_DIR)/release/revierjobs

# The import's property tests (arbitrary bytes and JSON through every reader and the mapping; none may
# panic) with a million cases each; `make test` runs 50,000 each.
fuzz:
	IMPORT_FUZZ_CASES=1000000 cargo test --release -p app --features ssr --lib import::fuzz_tests

# Figures, not assertions: the release wasm/js/css as shipped, compressed.
size: tools
	cargo leptos build --release --frontend-only
	node scripts/precompress.mjs $(SITE_ROOT)/pkg

# Figures with budgets: Lighthouse (npm lighthouse@12.2.3, Debian's chromium); fails when a page
# misses one (part of `make test`). It measures what browsers get, the release site (`make size`:
# wasm-release profile, brotli copies), served by the test build's server binary (same HTML), so
# `make test` needs no release build of the server. After `e2e-build`, whose debug site it replaces.
LH_ADDR ?= 127.0.0.1:3108
lighthouse: e2e-build size
	@$(TARGET_DIR)/debug/revierjobs serve --db mem:// --demo 1500 --addr $(LH_ADDR) > /dev/null 2>&1 & pid=$$!; \
	  for i in $$(seq 1 120); do curl -sf http://$(LH_ADDR)/readyz > /dev/null && break; sleep 0.5; done; \
	  node scripts/lighthouse.mjs http://$(LH_ADDR); status=$$?; kill $$pid; exit $$status

# The install dialog's screenshots (public/screenshots, listed in the manifest) from the release build.
SHOT_ADDR ?= 127.0.0.1:3109
screenshots: build
	@$(TARGET_DIR)/release/revierjobs serve --db mem:// --demo 1500 --addr $(SHOT_ADDR) > /dev/null 2>&1 & pid=$$!; \
	  for i in $$(seq 1 120); do curl -sf http://$(SHOT_ADDR)/readyz > /dev/null && break; sleep 0.5; done; \
	  node end2end/screenshots.mjs http://$(SHOT_ADDR) public/screenshots; status=$$?; kill $$pid; exit $$status

# The kill -9 test of the unit suite (50 cycles), run longer.
durability:
	REVIERJOBS_KILL_CYCLES=500 cargo test -p server --test it durability:: -- --nocapture

# Two app servers on one SurrealDB server over ws://. `tools/surreal` is SurrealDB's own server
# built from crates.io (the first build takes a while); it runs in memory for the test only.
SURREAL_ADDR ?= 127.0.0.1:8011
test-remote:
	cargo build --locked --manifest-path tools/surreal/Cargo.toml --target-dir $(TARGET_DIR)
	@$(TARGET_DIR)/debug/surreal start --bind $(SURREAL_ADDR) --user root --pass root memory > /dev/null 2>&1 & pid=$$!; \
	  for i in $$(seq 1 120); do curl -sf http://$(SURREAL_ADDR)/health > /dev/null && break; sleep 0.5; done; \
	  REVIERJOBS_TEST_WS=ws://$(SURREAL_ADDR) cargo test -p server --test it remote:: -- --ignored; \
	  status=$$?; kill $$pid; exit $$status

fmt:
	cargo fmt --all

clean-data:
	rm -rf data/
