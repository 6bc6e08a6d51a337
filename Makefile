# ISMS Desk: the README's two commands are `make run` and `make test`.
# Every target installs what it needs first (apt packages on Debian/Ubuntu, npm packages from
# the committed lock files), so both work on a fresh clone of a fresh machine.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO_TARGET_DIR ?= $(CURDIR)/target
export CARGO_TARGET_DIR
APP_BIN := $(CARGO_TARGET_DIR)/debug/isms-desk
# The e2e build of the app, copied aside: a later cargo build or test re-links APP_BIN.
APP_E2E := $(CARGO_TARGET_DIR)/e2e/isms-desk
TAURI_DRIVER := $(CARGO_TARGET_DIR)/tools/bin/tauri-driver
export TAURI_DRIVER
TAURI := $(CURDIR)/ui/node_modules/.bin/tauri
# Tell the Tauri CLI where the shell and the UI are (it would otherwise guess from package.json
# files, and tests/e2e has one too). Its before-build command runs in the UI folder.
export TAURI_APP_PATH := $(CURDIR)/src-tauri
export TAURI_FRONTEND_PATH := $(CURDIR)/ui

APT_PACKAGES := libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev \
  libssl-dev libxdo-dev build-essential file patchelf xvfb xauth webkit2gtk-driver \
  poppler-utils qpdf fonts-dejavu-core fonts-droid-fallback fonts-symbola python3-venv

.PHONY: help run test bundle deps deps-system deps-npm ui app test-rust test-ui test-e2e \
  test-outside cli lint fmt schema bench app-release clean crash-test fuzz

help:
	@echo "make run      build and start ISMS Desk"
	@echo "make test     install what is missing and run every test"
	@echo "make bundle   build .deb and .rpm packages"
	@echo "make lint     rustfmt, clippy, core-without-tauri, bindings and command-declaration drift checks"
	@echo "make bench    every benchmark in release builds (vault, search, register filter, import, whole workbook, stage2 pack, 1 GiB bundle, app start and memory), then one table"
	@echo "make crash-test TRIALS=1000   kill a writing child with SIGKILL TRIALS times (default 1000) and check the vault after each"
	@echo "make fuzz     run each cargo-fuzz target (snapshot, sheet, bundle) for FUZZ_SECONDS (default 60; nightly Rust)"

# The app users run: built without the `e2e` feature, so it refuses to be driven from outside.
# It shares target/debug/isms-desk with `make app`; whichever ran last is the binary there.
run: deps
	"$(TAURI)" build --debug --no-bundle
	"$(APP_BIN)"

test: deps test-rust test-ui app test-e2e test-outside

bundle: deps
	"$(TAURI)" build --bundles deb,rpm

# --- dependencies -----------------------------------------------------------------------------

deps: deps-system deps-npm

deps-system:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if ! command -v apt-get >/dev/null; then \
	    echo "Missing system packages:$$missing (install them with your package manager)"; exit 1; fi; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	  echo "Installing:$$missing"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@command -v cargo >/dev/null || { echo "Rust is required: https://rustup.rs"; exit 1; }
	@command -v npm >/dev/null || { echo "Node.js 20 or newer with npm is required"; exit 1; }

deps-npm: ui/node_modules/.stamp tests/e2e/node_modules/.stamp

%/node_modules/.stamp: %/package-lock.json %/package.json
	cd $* && npm ci --no-audit --no-fund
	touch $@

# --- build ------------------------------------------------------------------------------------

ui: deps-npm
	npm --prefix ui run build

# The testable binary: the UI bundled in, no dev server, built with the `e2e` feature the
# end-to-end suite needs. (`cargo build` alone makes a binary that loads the Vite dev URL.)
app: deps
	"$(TAURI)" build --debug --no-bundle --features e2e
	mkdir -p "$(dir $(APP_E2E))" && cp -f "$(APP_BIN)" "$(APP_E2E)"

# --- tests ------------------------------------------------------------------------------------

test-rust:
	cargo test --workspace --locked

test-ui: deps-npm
	npm --prefix ui run check
	npm --prefix ui test

# The crash harness (tests/crash/): `make test` runs its 50 trials; this runs more.
crash-test:
	ISMS_CRASH_TRIALS=$(or $(TRIALS),1000) cargo test --locked -p isms-acceptance --test crash

# libFuzzer over the harnesses of isms-fuzz (nightly Rust, cargo-fuzz). New inputs go to
# target/fuzz-corpus/<target>; the committed seeds in fuzz/corpus/ are read, never written.
# A crash is saved under fuzz/artifacts/<target>/: add it to fuzz/corpus/<target>/ once fixed,
# and `make test` replays it for good.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := snapshot sheet bundle
fuzz: deps-system
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	cd fuzz && for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(CARGO_TARGET_DIR)/fuzz-corpus/$$t; \
	  cargo +nightly fuzz run $$t $(CARGO_TARGET_DIR)/fuzz-corpus/$$t corpus/$$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -timeout=20; \
	done

# The command line the end-to-end and outside checks drive, as `cargo test` builds it (its
# integration tests run it): after `make test-rust` nothing is compiled again. `cargo build -p
# isms-cli` would resolve other features for the shared crates and rebuild about 55 of them.
cli:
	cargo test --workspace --locked --no-run

# tauri-driver (crates.io) proxies WebDriver to Debian's WebKitWebDriver; only tests need it.
$(TAURI_DRIVER):
	cargo install tauri-driver --locked --root $(CARGO_TARGET_DIR)/tools

test-e2e: deps-npm $(TAURI_DRIVER) cli
	ISMS_DESK_BINARY="$${ISMS_DESK_BINARY:-$(APP_E2E)}" \
	  xvfb-run -a --server-args="-screen 0 1440x900x24" npm --prefix tests/e2e test

# An outside check: a vault made by `isms` opens in another SQLCipher 4 implementation
# (PyPI's sqlcipher3-binary) given only the passphrase.
test-outside: cli
	[ -x $(CARGO_TARGET_DIR)/outside-venv/bin/python ] || python3 -m venv $(CARGO_TARGET_DIR)/outside-venv
	$(CARGO_TARGET_DIR)/outside-venv/bin/python -c "import sqlcipher3" 2>/dev/null || \
	  $(CARGO_TARGET_DIR)/outside-venv/bin/pip install -q sqlcipher3-binary
	$(CARGO_TARGET_DIR)/outside-venv/bin/python tests/outside/sqlcipher_open.py $(CARGO_TARGET_DIR)/debug/isms

lint: deps-npm
	cargo fmt --all --check
	npm --prefix ui run lint
	cargo clippy --workspace --all-targets --locked -- -D warnings
	@for crate in isms-core isms-export isms-sheets; do \
	  tree=$$(cargo tree -p $$crate -e normal,build --prefix none --locked); \
	  if grep -qE '^(tauri|wry|tao)(-[a-z0-9-]+)? v' <<<"$$tree"; then \
	    echo "$$crate depends on tauri: it must not know the shell"; exit 1; fi; \
	  echo "$$crate does not depend on tauri ($$(wc -l <<<"$$tree") crates checked)"; \
	done
	@fresh=$$(mktemp -d); \
	TS_RS_EXPORT_DIR=$$fresh cargo test --workspace --locked -q export_bindings >/dev/null; \
	if ! diff -r "$$fresh" ui/src/lib/bindings; then \
	  echo "ui/src/lib/bindings drifted from the Rust types: run 'make schema' and commit"; exit 1; fi; \
	rm -rf "$$fresh"; echo "TypeScript bindings match the Rust types"
	cargo test --locked -q -p isms-core --test core committed_json_schema_matches_the_types
	cargo test --locked -q -p isms-desk --test commands committed_command_files_match_the_declaration

fmt:
	cargo fmt --all

# Speed goals are measured here, never in timed tests: readiness on the large demo company.
# The release app and command line, for the app's own start-up and memory benchmark, which drives
# the app over WebDriver: so the app is built with the `e2e` feature (`make bundle` is the
# users' build, without it).
app-release: deps
	"$(TAURI)" build --no-bundle --features e2e
	cargo build --release --locked -p isms-cli

# Every benchmark prints its figures as table rows; the table is printed again at the end, whole.
BENCH_ROWS := $(CARGO_TARGET_DIR)/bench-rows.md
bench: deps app-release $(TAURI_DRIVER)
	@rm -f "$(BENCH_ROWS)"
	cargo bench -p isms-core --bench readiness --locked | tee -a "$(BENCH_ROWS)"
	cargo bench -p isms-core --bench vault --locked | tee -a "$(BENCH_ROWS)"
	npm --prefix ui run --silent bench | tee -a "$(BENCH_ROWS)"
	cargo bench -p isms-sheets --bench import --locked | tee -a "$(BENCH_ROWS)"
	cargo bench -p isms-sheets --bench whole --locked | tee -a "$(BENCH_ROWS)"
	cargo bench -p isms-export --bench render --locked | tee -a "$(BENCH_ROWS)"
	cargo bench -p isms-export --bench bundle --locked | tee -a "$(BENCH_ROWS)"
	cd tests/e2e && xvfb-run -a node bench/start.mjs | tee -a "$(BENCH_ROWS)"
	@echo
	@echo "ISMS Desk benchmarks, release build, $$(date -u +%Y-%m-%d), $$(nproc) cores, $$(free -g | awk '/^Mem:/ {print $$2}') GB, $$(. /etc/os-release && echo "$$PRETTY_NAME")"
	@echo
	@echo "| what | result |"
	@echo "| --- | --- |"
	@grep '^| ' "$(BENCH_ROWS)"

# Regenerates the committed snapshot JSON Schema and TypeScript bindings from the Rust types,
# and the capability, the UI's command map and docs/ipc.md's command table from the command
# declaration (src-tauri/src/commands/list.rs).
schema:
	rm -f ui/src/lib/bindings/*.ts
	ISMS_UPDATE_SCHEMA=1 cargo test --workspace --locked

clean:
	cargo clean
	rm -rf ui/build ui/.svelte-kit ui/node_modules tests/e2e/node_modules tests/e2e/.artifacts
