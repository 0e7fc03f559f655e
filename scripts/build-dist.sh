#!/usr/bin/env bash
# Builds what a CDN would serve into dist/:
#   sir-donate.js              the loader (hand-written js/sir-donate.js, minified), not hashed:
#                              it is the one URL partners paste
#   sir-donate.<hash>.js       the wasm-bindgen glue (ES module, minified)
#   sir-donate.<hash>.wasm     the widget (release, wasm-opt -Oz); one hash of both files
#   manifest.json              every file with its size and SRI hash (sha384)
# and the npm-ready package into pkg/ (wasm-pack, with .d.ts types).
# Prints each file's size raw / gzip / brotli. Run scripts/setup.sh first (the README commands do).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
source scripts/env.sh
source scripts/lib.sh

step "wasm-pack build --target web --release (pkg/)"
# Built for size beyond what the release profile alone can do: the standard library is rebuilt
# with `optimize_for_size`, panics abort without formatting a message (the widget must never
# panic anyway: see ARCHITECTURE.md), and no source locations or Debug output are compiled in.
# Those are unstable options of the pinned stable toolchain, unlocked with RUSTC_BOOTSTRAP for
# this build only; it uses its own target directory so that these flags do not invalidate the
# normal build cache. Together they take about 12% off the wasm (brotli). Without the
# reference-types feature, wasm-bindgen keeps JS objects in an array on the JS side instead of
# in wasm `externref` tables: the wasm shrinks more than the glue grows (565 B brotli in all).
# The allocator is talc (feature `small-allocator`), not the standard library's dlmalloc.
RUSTC_BOOTSTRAP=1 \
CARGO_TARGET_DIR="$REPO_ROOT/target/dist-build" \
RUSTFLAGS="-Ctarget-feature=-reference-types,-multivalue -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
  wasm-pack --log-level warn build --target web --release --mode no-install --out-dir pkg . -- --no-default-features --features small-allocator \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size

# The widget's CSS ships inside the wasm (minified by build.rs); a copy is kept for size reports.
css=$(ls -t target/dist-build/wasm32-unknown-unknown/release/build/sir-donate-*/out/widget.min.css | head -n1)
cp "$css" target/dist-build/widget.min.css

rm -rf dist
mkdir -p dist
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The dist's wasm is made from the same compiled module as pkg/, in more steps:
# - wasm-bindgen again, keeping the name section, and scripts/prune-closure-shims.py: it drops
#   from the function table the closure shims that wasm-bindgen's import descriptions put there
#   and nothing can call (about 400 B brotli); see the script for why none can be called;
# - wasm-opt -Oz as wasm-pack runs it, then a second pass: restructuring the control flow
#   (flatten, rereloop) and -Oz again takes about 550 B brotli more off than a single -Oz;
# - short import and export names: wasm-bindgen's carry an incompressible hash each, on both
#   sides. wasm-opt renames them in the wasm and prints the renaming, which
#   scripts/shorten-names.py applies to the glue;
# - no name, producers and target-features sections, which browsers do not need.
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals)
wasm-bindgen --target web --out-dir "$work/bindgen" target/dist-build/wasm32-unknown-unknown/release/sir_donate.wasm
python3 scripts/prune-closure-shims.py "$work/bindgen/sir_donate_bg.wasm" "$work/pruned.wasm"
wasm-opt "$work/pruned.wasm" "${features[@]}" -Oz -o "$work/optimised.wasm"
wasm-opt "$work/optimised.wasm" "${features[@]}" -Oz --flatten --rereloop -Oz -Oz \
  --minify-imports-and-exports-and-modules --strip-debug --strip-producers --strip-target-features \
  -o "$work/widget.wasm" >"$work/renaming.json"
python3 scripts/shorten-names.py "$work/widget.wasm" "$work/renaming.json" "$work/bindgen/sir_donate.js" "$work/glue.in.js"

# One content hash for the glue and the wasm, which only work together: 10 hex digits are plenty
# to bust caches, and the loader carries just one.
esbuild "$work/glue.in.js" --minify --format=esm --target=es2020 --log-level=warning --outfile="$work/glue.js"
hash=$(cat "$work/glue.js" "$work/widget.wasm" | sha256sum | cut -c1-10)
cp "$work/glue.js" "dist/sir-donate.$hash.js"
cp "$work/widget.wasm" "dist/sir-donate.$hash.wasm"

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
sed -e "s/__SIR_HASH__/$hash/" -e "s/\"__SIR_VERSION__\"/\"$version\"/" js/sir-donate.js >"$work/loader.js"
grep -q "__SIR_" "$work/loader.js" && die "js/sir-donate.js: a build placeholder was not replaced"
esbuild "$work/loader.js" --minify --target=es2020 --log-level=warning --outfile=dist/sir-donate.js

python3 - "$version" <<'PY'
import base64, hashlib, json, os, sys
files = sorted(f for f in os.listdir("dist") if f != "manifest.json")
entries = []
for name in files:
    data = open(os.path.join("dist", name), "rb").read()
    entries.append({
        "file": name,
        "bytes": len(data),
        "integrity": "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode(),
    })
manifest = {"version": sys.argv[1], "loader": "sir-donate.js", "files": entries}
with open("dist/manifest.json", "w") as out:
    json.dump(manifest, out, indent=2)
    out.write("\n")
PY

step "dist/ sizes (bytes: raw / gzip -9 / brotli -q 11)"
for f in dist/*; do
  printf '  %-32s %8d %8d %8d\n' "$(basename "$f")" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)" "$(brotli -q 11 -c "$f" | wc -c)"
done
