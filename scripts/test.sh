#!/usr/bin/env bash
# Runs every test of the project, after installing what it needs (see scripts/setup.sh):
#   1. cargo fmt --check and clippy (native workspace, and the widget for wasm32), -D warnings;
#   2. native unit tests and doc tests of the widget crate (pure logic);
#   3. sir-sandbox's integration tests over real HTTP;
#   4. the browser tests: `wasm-pack test --headless --chrome` in headless Chromium against a
#      sir-sandbox this script starts (and always stops), then the example app's own tests
#      (examples/leptos-app, written with sir_donate::testing) against the same sandbox;
#   5. the release dist and its size budgets (scripts/size-budget.sh), and the type test of the
#      npm package built with it (scripts/npm-app.sh --types: tsc --strict over a test app);
#   6. the end-to-end tests over WebDriver (sir-e2e: chromedriver + headless Chromium), the
#      npm package bundled by esbuild among them.
# Prints the count of each kind and exits non-zero if anything failed or ran no test.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
source scripts/env.sh
source scripts/lib.sh

LOGS="$REPO_ROOT/target/test-logs"
SANDBOX_PID=
trap stop_sandbox EXIT
trap 'exit 130' INT TERM

step "tools"
scripts/setup.sh
mkdir -p "$LOGS"
cargo fetch --quiet

step "format and lints"
cargo fmt --all --check || die "cargo fmt --all --check failed: run cargo fmt --all"
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
# With the test kit (`sir_donate::testing`) and its browser tests (tests/widget/kit.rs).
cargo clippy --target wasm32-unknown-unknown --all-targets --features testing --quiet -- -D warnings
# The example app (examples/leptos-app: lib, Trunk binary and tests) for the browser.
cargo clippy --target wasm32-unknown-unknown -p leptos-app --all-targets --quiet -- -D warnings
# The script-tag build's feature set (scripts/build-dist.sh) too.
cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features small-allocator --quiet -- -D warnings

step "native unit tests (widget crate)"
cargo test -p sir-donate 2>&1 | tee "$LOGS/native.log"
native=$(sum_passed "$LOGS/native.log")

step "sandbox integration tests (real HTTP)"
cargo test -p sir-sandbox 2>&1 | tee "$LOGS/sandbox.log"
sandbox=$(sum_passed "$LOGS/sandbox.log")

step "browser tests (wasm-pack test --headless --chrome, against sir-sandbox)"
cargo build -p sir-sandbox --quiet
# A fixed port keeps the compiled tests cached between runs; port 0 if it is taken.
start_sandbox "$LOGS/sandbox-for-browser.out" --api-addr "127.0.0.1:${SIR_TEST_API_PORT:-18787}" --static-addr 127.0.0.1:0 \
  || start_sandbox "$LOGS/sandbox-for-browser.out" --api-addr 127.0.0.1:0 --static-addr 127.0.0.1:0 \
  || die "sir-sandbox did not start"
echo "sir-sandbox at $SANDBOX_API_URL" >&2
# `--features testing` (passed on to cargo test) adds the test kit and its own tests (tests/widget/kit.rs).
SIR_SANDBOX_URL="$SANDBOX_API_URL" wasm-pack --log-level warn test --headless --chrome -- --features testing 2>&1 \
  | tee "$LOGS/browser.log"
browser=$(sum_passed "$LOGS/browser.log")

step "example app's tests (examples/leptos-app, with sir_donate::testing, against sir-sandbox)"
(cd examples/leptos-app && SIR_SANDBOX_URL="$SANDBOX_API_URL" wasm-pack --log-level warn test --headless --chrome) 2>&1 \
  | tee "$LOGS/example.log"
example=$(sum_passed "$LOGS/example.log")
stop_sandbox

step "script-tag embed: dist build and the size budgets"
trunk --quiet build
scripts/build-dist.sh
assemble_site
scripts/size-budget.sh | tee "$LOGS/size.log"

step "npm package: type test (tsc --strict, es2022 + dom, no skipLibCheck)"
scripts/npm-app.sh --types | tee "$LOGS/types.log"

step "end-to-end tests (WebDriver, headless Chromium, against target/site)"
SIR_SITE_DIR="$REPO_ROOT/target/site" cargo test -p sir-e2e 2>&1 | tee "$LOGS/e2e.log"
e2e=$(sum_passed "$LOGS/e2e.log")

step "summary"
total=$((native + sandbox + browser + example + e2e))
printf 'native unit tests:        %5d passed\n' "$native"
printf 'sandbox integration tests:%5d passed\n' "$sandbox"
printf 'browser tests (Chromium): %5d passed\n' "$browser"
printf 'example app (Chromium):   %5d passed\n' "$example"
printf 'end-to-end (WebDriver):   %5d passed\n' "$e2e"
sed -n 's/^/size: /p' "$LOGS/size.log"
cat "$LOGS/types.log"
for kind in native sandbox browser example e2e; do
  [ "${!kind}" -gt 0 ] || die "no $kind tests ran"
done
echo "$total passed, 0 failed"
