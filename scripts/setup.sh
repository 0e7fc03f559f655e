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

# 2. The Rust toolchain rust-toolchain.toml pins, with the components and targets it names
#    (the wasm32 target; rust-src, because the dist rebuilds the standard library for size;
#    clippy and rustfmt for the test command). Checked against the file, which takes a tenth of
#    a second; when anything is missing, rustup installs the toolchain with what the file names.
toolchain_file="$here/../rust-toolchain.toml"
toml_list() { sed -n "s/^$1 *= *\[\(.*\)\]/\1/p" "$toolchain_file" | tr -d '" ' | tr ',' ' '; }
channel=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$toolchain_file")
[ -n "$channel" ] || { echo "setup: no channel in rust-toolchain.toml" >&2; exit 1; }
toolchain_ready() {
  local installed wanted
  rustup toolchain list | grep -qF "$channel-" || return 1
  installed=$(rustup component list --toolchain "$channel" --installed 2>/dev/null) || return 1
  for wanted in $(toml_list components); do
    grep -qE "^$wanted(-|\$)" <<<"$installed" || return 1
  done
  for wanted in $(toml_list targets); do
    grep -qx "rust-std-$wanted" <<<"$installed" || return 1
  done
}
if ! toolchain_ready; then
  log "installing Rust $channel with $(toml_list targets) and $(toml_list components) (rustup, rust-toolchain.toml)"
  components=$(toml_list components | tr ' ' ',')
  targets=$(toml_list targets | tr ' ' ',')
  profile=$(sed -n 's/^profile *= *"\(.*\)"/\1/p' "$toolchain_file")
  rustup toolchain install "$channel" --profile "${profile:-minimal}" --component "$components" --target "$targets"
  toolchain_ready || { echo "setup: rustup did not install everything rust-toolchain.toml names" >&2; exit 1; }
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
#    wasm-opt (binaryen 132), esbuild (minifies the loader and the JS glue; bundles the npm
#    package's test app) and TypeScript (the type test of the npm package's .d.ts).
if ! "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -qF "version_${BINARYEN_VERSION%%.*}" \
   || [ "$("$TOOLS_DIR/node_modules/.bin/esbuild" --version 2>/dev/null)" != "$ESBUILD_VERSION" ] \
   || [ "$("$TOOLS_DIR/node_modules/.bin/tsc" --version 2>/dev/null)" != "Version $TYPESCRIPT_VERSION" ]; then
  log "installing binaryen@$BINARYEN_VERSION, esbuild@$ESBUILD_VERSION and typescript@$TYPESCRIPT_VERSION (npm)"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --loglevel=error \
    "binaryen@$BINARYEN_VERSION" "esbuild@$ESBUILD_VERSION" "typescript@$TYPESCRIPT_VERSION"
fi

# 5. Fail loudly if the wasm-opt that trunk and wasm-pack will find first is not binaryen 132.
if ! wasm-opt --version | grep -qF "version_${BINARYEN_VERSION%%.*}"; then
  echo "setup: the first wasm-opt on PATH is $(command -v wasm-opt): $(wasm-opt --version); need version_${BINARYEN_VERSION%%.*}" >&2
  exit 1
fi
log "tools ready"
