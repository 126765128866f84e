# `make` installs what is missing and builds everything; `make test` runs every test.
# Both work on a fresh Debian machine with rustup, Node.js and npm.

SHELL := /bin/bash
.DEFAULT_GOAL := all

WASM_TARGET := wasm32-unknown-unknown
# The CLI must match the wasm-bindgen crate pinned in Cargo.toml exactly.
WASM_BINDGEN_VERSION := 0.2.130
CARGO_BIN := $(HOME)/.cargo/bin
WASM_BINDGEN := $(CARGO_BIN)/wasm-bindgen
WASM_OPT := node_modules/.bin/wasm-opt
PKG := build/pkg
WASM_RAW := target/$(WASM_TARGET)/wasm/uncanned.wasm
RUST_SOURCES := Cargo.toml $(shell find src -type f)

.PHONY: all deps build cli wasm extension www serve dist screenshots test test-rust test-unit test-wasm test-package test-browser lint browsers bench clean

all: deps build

## Set-up: only what is missing is installed.
deps: .make/rust-target .make/wasm-bindgen node_modules/.installed

.make/rust-target:
	@mkdir -p .make
	rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@touch $@

.make/wasm-bindgen:
	@mkdir -p .make
	@if ! "$(WASM_BINDGEN)" --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)$$"; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about two minutes)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi
	@touch $@

# A second try: a registry connection reset mid-download otherwise fails a fresh set-up.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund || npm ci --no-audit --no-fund
	@touch $@

## Build.
build: cli wasm extension www dist

cli:
	cargo build --release --bin uncanned

wasm: $(PKG)/uncanned_bg.wasm

# The Makefile too: the glue's shape depends on the flags below (background.js imports the
# reset function that --experimental-reset-state-function adds).
# The shipped module keeps no custom sections: wasm-opt alone reads the target features, and
# the producers name the compilers. --low-memory-unused lets wasm-opt fold constant offsets into
# loads and stores (the first KiB is the far end of a 1 MiB stack, never reached), 0.6 KiB
# gzipped smaller; --converge repeats the passes while they still shrink the module.
# V8 compiles a function when it is first called, all of it: a function over 30 bytes with one
# caller stays out of line (-ocimfs 30, where -Oz inlines every one), so that the first analysis
# does not compile what its callers only might run (at 200 bytes 0.2 million instructions less at
# start-up than at 500; at 30 the same as at 200 within callgrind's noise, and as fast a note in
# the Node benchmark, alternated, where 50 was a third slower; 0.9 KiB gzipped smaller than at
# 200); functions of up to 5 bytes are inlined (-aimfs 5, 2 by default):
# fewer calls, 0.25 million instructions less at start-up and 4 thousand a note, same size.
# The paths few notes take stay out of line whatever their size (marked before -Oz inlines):
# a first analysis that does not take them does not compile them (1.35 million instructions
# less at start-up for all of these, 0.3 KiB gzipped more).
RARE_PATHS := Scanner::spaceless text::placeholder_end Reading::seen_names \
	greeting::mass_greeting greeting::wrong_name context::unnamed_mutuals \
	spelling::misspelling length::over_limit
$(PKG)/uncanned_bg.wasm: $(RUST_SOURCES) Makefile | deps
	cargo build --lib --no-default-features --target $(WASM_TARGET) --profile wasm
	rm -rf $(PKG)/snippets
	$(WASM_BINDGEN) --target web --no-typescript --experimental-reset-state-function --out-dir $(PKG) $(WASM_RAW)
	$(WASM_OPT) $(foreach f,$(RARE_PATHS),'--no-inline=*$(f)*') -Oz -ocimfs 30 -aimfs 5 --converge --low-memory-unused --strip-target-features --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue -o $@ $@
	@echo "wasm: $$(stat -c %s $@) bytes, $$(gzip -9c $@ | wc -c) gzipped"

extension: wasm
	node scripts/assemble.mjs

# The playground: dist/www/, servable from any static host.
www: wasm
	node scripts/www.mjs

serve: www
	node scripts/serve.mjs dist/www

# The store archives: dist/uncanned-chrome-<version>.zip and dist/uncanned-firefox-<version>.xpi.
dist: extension
	node scripts/package.mjs

## Tests.
test: all browsers test-rust test-unit test-wasm test-package test-browser lint

# Firefox's German language pack lets the locale test run Firefox in German.
browsers:
	@if ! command -v chromium >/dev/null || ! command -v firefox-esr >/dev/null || ! dpkg -s firefox-esr-l10n-de >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver firefox-esr firefox-esr-l10n-de; \
	fi

test-rust:
	cargo test --all-targets

# The extension's pure JavaScript parts, in Node (no browser, no build).
test-unit:
	node --test tests/unit/

test-wasm: wasm cli
	node --test tests/wasm/

test-package: dist
	node --test tests/package/

test-browser: extension www browsers
	node --test --test-concurrency=1 tests/browser/

# The README's pictures, captured by the browser tests from the real pages.
screenshots: extension www browsers
	UNCANNED_BROWSERS=chromium UNCANNED_SCREENSHOTS=docs/screenshots node --test --test-concurrency=1 tests/browser/playground.test.mjs tests/browser/suggestions.test.mjs

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	node_modules/.bin/web-ext lint --source-dir dist/firefox

# The wasm bench builds build/pkg if the sources changed and needs harper.js from `npm ci`.
bench: wasm
	cargo bench --bench analyze
	node benches/wasm.mjs

clean:
	rm -rf target build dist .make node_modules
