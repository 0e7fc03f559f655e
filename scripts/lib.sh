# Shared shell helpers for the project scripts (sourced, not run).

step() { printf '\n\033[1;36m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# start_sandbox LOGFILE ARGS... : starts target/debug/sir-sandbox in the background, waits for
# its two "listening" lines and sets SANDBOX_PID, SANDBOX_API_URL and SANDBOX_STATIC_URL.
# The caller's EXIT trap must call stop_sandbox.
start_sandbox() {
  local log="$1"; shift
  : >"$log"
  "$REPO_ROOT/target/debug/sir-sandbox" "$@" >"$log" 2>"$log.stderr" &
  SANDBOX_PID=$!
  local i
  for i in $(seq 1 100); do
    SANDBOX_API_URL=$(sed -n 's/^api listening on //p' "$log")
    SANDBOX_STATIC_URL=$(sed -n 's/^static listening on //p' "$log")
    if [ -n "$SANDBOX_API_URL" ] && [ -n "$SANDBOX_STATIC_URL" ]; then return 0; fi
    if ! kill -0 "$SANDBOX_PID" 2>/dev/null; then
      cat "$log.stderr" >&2
      SANDBOX_PID=
      return 1
    fi
    sleep 0.1
  done
  cat "$log.stderr" >&2
  return 1
}

stop_sandbox() {
  if [ -n "${SANDBOX_PID:-}" ]; then
    kill "$SANDBOX_PID" 2>/dev/null || true
    wait "$SANDBOX_PID" 2>/dev/null || true
    SANDBOX_PID=
  fi
}

# sum_passed FILE : adds up "N passed" over every cargo "test result:" line in FILE.
sum_passed() {
  grep -E '^test result:' "$1" | sed -E 's/.* ([0-9]+) passed.*/\1/' | awk '{s+=$1} END {print s+0}'
}

# assemble_site : target/site/ = the Trunk demo app at /, pkg-demo/ at /pkg-demo/ and the CDN
# build at /dist/: what the sandbox's static listener serves. Needs `trunk build` and
# scripts/build-dist.sh to have run.
assemble_site() {
  rm -rf "$REPO_ROOT/target/site"
  mkdir -p "$REPO_ROOT/target/site"
  cp -R "$REPO_ROOT/target/demo-site/." "$REPO_ROOT/target/site/"
  cp -R "$REPO_ROOT/pkg-demo" "$REPO_ROOT/target/site/pkg-demo"
  cp -R "$REPO_ROOT/dist" "$REPO_ROOT/target/site/dist"
}
