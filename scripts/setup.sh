#!/usr/bin/env bash
# Installs every tool the demo, the tests and the benchmark need, at exact versions.
# Idempotent: each step is skipped when the right version is already present, so a warm
# run takes about a second. Downloads only from package registries (Debian, crates.io, npm)
# and rustup: nothing is fetched from GitHub, which these machines cannot reach.
#
# Usage: source scripts/env.sh && scripts/setup.sh   (the README commands do both for you)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/env.sh
source "$here/env.sh"

has_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"; }
log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

# 1. Browser, driver and brotli (size checks). Debian's own `binaryen` (v108) is deliberately
#    NOT installed: its wasm-opt produces modules that fail at runtime with wasm-bindgen 0.2.130.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v brotli >/dev/null; then
  log "installing chromium, chromium-driver, brotli (apt)"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver brotli >/dev/null
fi

# 2. The Rust wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2b. The standard library's source: the release dist rebuilds std for size (scripts/build-dist.sh).
if ! rustup component list --installed | grep -q '^rust-src'; then
  log "adding the rust-src component"
  rustup component add rust-src
fi

# 3. Cargo-built tools at exact versions.
# wasm-bindgen-cli must equal the `wasm-bindgen = "=…"` pin in Cargo.toml. No --locked: its
# lockfile pins a webpki-roots release the registry does not carry.
if ! has_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION" \
   || ! has_version wasm-bindgen-test-runner "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
# trunk 0.22 needs a newer rustc; its own fat-LTO profile costs ~5 extra minutes for nothing here.
if ! has_version trunk "trunk $TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (several minutes, once)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --force --locked trunk --version "$TRUNK_VERSION"
fi
if ! has_version wasm-pack "wasm-pack $WASM_PACK_VERSION"; then
  log "installing wasm-pack $WASM_PACK_VERSION (a few minutes, once)"
  cargo install --force --locked wasm-pack --version "$WASM_PACK_VERSION"
fi

# twiggy explains the wasm's size when a size budget fails (scripts/size-budget.sh).
if ! has_version twiggy "twiggy-opt $TWIGGY_VERSION"; then
  log "installing twiggy $TWIGGY_VERSION (a minute, once)"
  cargo install --force --locked twiggy --version "$TWIGGY_VERSION"
fi

# 4. Node tools from npm, under a private prefix so they never shadow or clash with Debian's:
#    wasm-opt (binaryen 132) and esbuild (minifies the loader and the JS glue).
if ! "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -qF "version_${BINARYEN_VERSION%%.*}" \
   || [ "$("$TOOLS_DIR/node_modules/.bin/esbuild" --version 2>/dev/null)" != "$ESBUILD_VERSION" ]; then
  log "installing binaryen@$BINARYEN_VERSION and esbuild@$ESBUILD_VERSION (npm)"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --loglevel=error \
    "binaryen@$BINARYEN_VERSION" "esbuild@$ESBUILD_VERSION"
fi

# 5. Fail loudly if the wasm-opt that trunk and wasm-pack will find first is not binaryen 132.
if ! wasm-opt --version | grep -qF "version_${BINARYEN_VERSION%%.*}"; then
  echo "setup: the first wasm-opt on PATH is $(command -v wasm-opt): $(wasm-opt --version); need version_${BINARYEN_VERSION%%.*}" >&2
  exit 1
fi
log "tools ready"
