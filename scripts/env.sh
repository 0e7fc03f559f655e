# Sourced by every project script: tool versions and the PATH that makes the project's tools
# win over anything else installed on the machine.
# wasm-bindgen must equal the `wasm-bindgen = "=…"` pin in Cargo.toml.
WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14
WASM_PACK_VERSION=0.15.1
BINARYEN_VERSION=132.0.0
ESBUILD_VERSION=0.28.2
TYPESCRIPT_VERSION=7.0.2
TWIGGY_VERSION=0.8.0
TOOLS_DIR="${SIR_TOOLS_DIR:-$HOME/.local/sir-donate-tools}"
export PATH="$TOOLS_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
