#!/usr/bin/env bash
# Installs what `make build` (and with `test`, `make test`) needs, each step only when missing.
# Everything comes from the package registries: crates.io, npm, PyPI, Debian.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.11
BINARYEN_VERSION=132.0.0
TOOLS_VENV=.venv-tools
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)

have() { command -v "$1" >/dev/null 2>&1; }
ok() { printf '  ok   %s\n' "$*"; }
doing() { printf '  ...  %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

echo "Checking tools:"

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  ok "Rust target wasm32-unknown-unknown"
else
  doing "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if have cargo-leptos && cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  ok "cargo-leptos $CARGO_LEPTOS_VERSION"
else
  # --ignore-rust-version: its lock file pins a crate that asks for a newer rustc than it needs.
  # --debug: it only runs cargo, wasm-bindgen and wasm-opt and copies files, so an unoptimised build
  # without debug info produces byte-identical sites as fast, and installs in about 6 min instead of
  # 15-18 (8 with debug info).
  doing "cargo install cargo-leptos $CARGO_LEPTOS_VERSION (takes about 6 min once)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --ignore-rust-version --debug \
    --config 'profile.dev.debug=0'
fi

if have wasm-bindgen && [ "$(wasm-bindgen --version)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  ok "wasm-bindgen $WASM_BINDGEN_VERSION (same as Cargo.lock)"
else
  # Not --locked: its lock file wants a webpki-roots version the registry no longer serves.
  doing "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes about 3 min once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if have wasm-opt && wasm-opt --version | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  ok "wasm-opt ${BINARYEN_VERSION%%.*} (npm binaryen)"
else
  # Debian's binaryen (108) produces wasm that fails to hydrate; use npm's.
  doing "npm install -g binaryen@$BINARYEN_VERSION"
  as_root npm install -g "binaryen@$BINARYEN_VERSION"
fi

if [ "${1:-build}" = "test" ]; then
  if [ -x /usr/bin/chromium ]; then
    ok "chromium ($(/usr/bin/chromium --version 2>/dev/null | head -n1))"
  else
    doing "apt-get install chromium (Debian's; no browser download)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if [ -f end2end/node_modules/.package-lock.json ] && [ end2end/node_modules/.package-lock.json -nt end2end/package-lock.json ]; then
    ok "end2end npm packages"
  else
    # pa11y's puppeteer would download a browser of its own; it drives Debian's chromium instead.
    doing "npm ci in end2end/"
    (cd end2end && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
  # The API contract tools (PyPI) in a venv of their own; reinstalled whenever the pins change.
  if [ -x "$TOOLS_VENV/bin/schemathesis" ] && cmp -s scripts/api-tools.txt "$TOOLS_VENV/api-tools.txt"; then
    ok "schemathesis $(awk -F'==' '$1 == "schemathesis" { print $2 }' scripts/api-tools.txt), openapi-spec-validator $(awk -F'==' '$1 == "openapi-spec-validator" { print $2 }' scripts/api-tools.txt) ($TOOLS_VENV/)"
  else
    doing "pip install -r scripts/api-tools.txt into $TOOLS_VENV/"
    rm -rf "$TOOLS_VENV"
    python3 -m venv "$TOOLS_VENV"
    "$TOOLS_VENV/bin/pip" install --quiet --disable-pip-version-check -r scripts/api-tools.txt
    cp scripts/api-tools.txt "$TOOLS_VENV/api-tools.txt"
  fi
fi

if [ "${1:-build}" = "bench" ]; then
  if have wrk && [ -x /usr/bin/time ]; then
    ok "wrk, time (Debian's)"
  else
    doing "apt-get install wrk time (Debian's; the load generator and the memory meter of make bench)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk time >/dev/null
  fi
fi
