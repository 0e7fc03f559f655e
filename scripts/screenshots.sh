#!/usr/bin/env bash
# Builds the demo and photographs it in headless Chromium, after installing what it needs: the
# page and the first widget's dialog at 1280 and 375 px wide, light and dark, plus the dark-themed
# widget's dialog on a light page. PNGs go to target/screenshots/demo/ (see e2e/src/bin/screenshots.rs).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
source scripts/env.sh
source scripts/lib.sh

step "tools"
scripts/setup.sh
cargo fetch --quiet

step "build the Trunk demo app (release, wasm-opt -Oz)"
trunk --quiet build          # Trunk.toml: release, offline, output in target/demo-site

step "screenshots (sir-sandbox in-process, chromedriver + headless Chromium)"
cargo run -p sir-e2e --bin screenshots --quiet
