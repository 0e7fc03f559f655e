#!/usr/bin/env bash
# Builds the demo and serves it with a local sir-sandbox, after installing what it needs.
# Open the printed URL; Ctrl-C stops everything this script started.
#   SIR_DEMO_API_ADDR / SIR_DEMO_STATIC_ADDR change the addresses (default 127.0.0.1:8787 / :8788).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
source scripts/env.sh
source scripts/lib.sh

SANDBOX_PID=
trap stop_sandbox EXIT
trap 'exit 130' INT TERM

step "tools"
scripts/setup.sh
cargo fetch --quiet

step "build the Trunk demo app (release, wasm-opt -Oz)"
trunk --quiet build          # Trunk.toml: release, offline, output in target/demo-site
step "build the script-tag embed (dist/, pkg/)"
scripts/build-dist.sh
assemble_site
step "build sir-sandbox"
cargo build -p sir-sandbox --quiet

step "start sir-sandbox"
mkdir -p target/demo-logs
start_sandbox target/demo-logs/sandbox.out \
  --api-addr "${SIR_DEMO_API_ADDR:-127.0.0.1:8787}" --static-addr "${SIR_DEMO_STATIC_ADDR:-127.0.0.1:8788}" \
  --static-dir target/site || die "sir-sandbox did not start (is another demo running on those ports?)"
api_query=""
[ "$SANDBOX_API_URL" = "http://127.0.0.1:8787" ] || api_query="?api=$SANDBOX_API_URL"
cat <<MSG

  sir-donate demo is up.
    Rust demo app (DonateButton):  $SANDBOX_STATIC_URL/$api_query
    Script-tag pages (pkg-demo):   $SANDBOX_STATIC_URL/pkg-demo/
MSG
for page in pkg-demo/*.html; do
  name=$(basename "$page")
  [ "$name" = index.html ] || printf '      %s\n' "$SANDBOX_STATIC_URL/pkg-demo/$name"
done
cat <<MSG
    Sandbox API: $SANDBOX_API_URL   (request log: $SANDBOX_API_URL/__sandbox/requests)

  Ctrl-C to stop.
MSG
tail -f target/demo-logs/sandbox.out.stderr &
TAIL_PID=$!
trap 'kill $TAIL_PID 2>/dev/null; stop_sandbox' EXIT
wait "$SANDBOX_PID"
