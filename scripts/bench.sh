#!/usr/bin/env bash
# The benchmark: builds the release embed (dist/) and measures it in headless Chromium on loopback
# against an in-process sir-sandbox: sizes; pages with 1, 10 and 50 widgets (time to placeholders
# and to interactive, layout shift, requests and round trips, long tasks, memory and listeners
# above an empty page, after removing every widget); an early click on emulated Fast 3G; the
# inline form's layout shift; main-thread time at 4x CPU slowdown; load on intent; the donor flow
# to checkout. Each figure every.org was measured for is printed beside its reference value.
# Medians and spreads over several cold runs.
#
# Prints the tables, writes every sample to target/bench/bench.json and rewrites BENCH.md.
# Not part of scripts/test.sh: timings never fail it; it fails only if something does not work.
#
# Usage: scripts/bench.sh [--runs N] [--widgets 1,10,50] [--only page,early-click,inline,cpu,intent,donate]
#   (or SIR_BENCH_RUNS / SIR_BENCH_WIDGETS / SIR_BENCH_ONLY; default 5 runs of every scenario)
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
source scripts/env.sh
source scripts/lib.sh

step "tools"
scripts/setup.sh
cargo fetch --quiet

step "build the script-tag embed (release dist/)"
scripts/build-dist.sh

# The pages and the embed, served by the sandbox's static listener as /pkg-demo/ and /dist/.
site="$REPO_ROOT/target/bench/site"
rm -rf "$site"
mkdir -p "$site"
cp -R pkg-demo "$site/pkg-demo"
cp -R dist "$site/dist"
# Compressed copies beside the embed's files, which the sandbox serves to browsers that accept
# them, as a CDN would: what goes over the (emulated) network is what the size budgets count.
for file in "$site"/dist/*.js "$site"/dist/*.wasm; do
  brotli -q 11 -k -f "$file"
  gzip -9 -k -f "$file"
done

step "build the benchmark"
cargo build -p sir-e2e --bin bench --quiet

step "measure"
# The sandbox logs every request it serves: that goes to target/bench/bench.log with the rest of
# stderr, not to the terminal. The tables (stdout) go to the terminal.
log="$REPO_ROOT/target/bench/bench.log"
set +e
{
  SIR_BENCH_SITE="$site" "$REPO_ROOT/target/debug/bench" "$@" 2>&1 1>&3 3>&- \
    | tee "$log" | grep --line-buffered -vE '^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) /' >&2
  status=${PIPESTATUS[0]}
} 3>&1
set -e
[ "$status" -eq 0 ] || die "the benchmark failed (its whole log, with the sandbox's requests: target/bench/bench.log)"
