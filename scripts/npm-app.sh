#!/usr/bin/env bash
# The npm package (pkg/, made by scripts/build-dist.sh) as an app gets it: a copy of the test app
# e2e/npm-app/ installs it the way npm installs a published package (npm pack, then npm install
# of the tarball, offline, so `files` and `exports` are what an app sees), then
#   --types        the type test: tsc --strict --noEmit --lib es2022,dom, no skipLibCheck, over
#                  the app and e2e/npm-app/types.ts, against the package's own .d.ts files
#                  (every `@ts-expect-error` there must meet an error);
#   --bundle DIR   bundles the app into DIR with esbuild as the package README says: app.ts with
#                  the wasm as a file (--loader:.wasm=file), checks.ts with the wasm copied
#                  beside it; and copies the pages.
# The copy is a temporary directory under target/, removed on exit. scripts/test.sh runs
# --types; the end-to-end test e2e/tests/npm_package.rs runs --bundle.
#
# Usage: scripts/npm-app.sh [--types] [--bundle DIR]
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
source scripts/env.sh
source scripts/lib.sh

types=
bundle=
while [ $# -gt 0 ]; do
  case "$1" in
    --types) types=1 ;;
    --bundle) bundle="${2:?--bundle needs a directory}"; shift ;;
    *) die "usage: scripts/npm-app.sh [--types] [--bundle DIR]" ;;
  esac
  shift
done
[ -f pkg/package.json ] || die "no pkg/: run scripts/build-dist.sh first"

mkdir -p target
app="$(mktemp -d "$REPO_ROOT/target/npm-app.XXXXXX")"
trap 'rm -rf "$app"' EXIT
cp -R e2e/npm-app/. "$app/"
tarball=$(npm pack "$REPO_ROOT/pkg" --pack-destination "$app" --silent)
(cd "$app" && npm install --offline --no-audit --no-fund --loglevel=error "./$tarball" >/dev/null)

if [ -n "$types" ]; then
  # Errors name the files as they are in the repository.
  tsc -p "$app" --strict --noEmit --lib es2022,dom --pretty false | sed "s#target/npm-app\.[A-Za-z0-9]*/#e2e/npm-app/#g"
  echo "npm package types: $(cd "$app" && ls ./*.ts | tr '\n' ' ')type-check (tsc $TYPESCRIPT_VERSION --strict --lib es2022,dom)"
fi

if [ -n "$bundle" ]; then
  mkdir -p "$bundle"
  out="$(cd "$bundle" && pwd)"
  cd "$app"
  esbuild app.ts --bundle --format=esm --loader:.wasm=file --outdir="$out" --log-level=warning
  esbuild checks.ts --bundle --format=esm --outdir="$out" --log-level=warning
  cp node_modules/sir-donate/sir_donate_bg.wasm "$out/"
  cp ./*.html "$out/"
  echo "npm package app: bundled into $out" >&2
fi
