#!/usr/bin/env bash
# Builds what a CDN would serve into dist/:
#   sir-donate.js              the loader (hand-written js/sir-donate.js, minified), not hashed:
#                              it is the one URL partners paste
#   sir-donate.<hash>.js       the wasm-bindgen glue (ES module, minified)
#   sir-donate.<hash>.wasm     the widget (profile dist, wasm-opt -O); one hash of both files
#   sir-donate.d.ts            the loader's types (js/sir-donate.d.ts: the SirDonate global, its options)
#   manifest.json              every file with its size and SRI hash (sha384)
# and the npm package into pkg/ from the same build: the wasm-bindgen glue (--target web) and
# the wasm, with the package's modules, types and README from js/package/ (see its README).
# Prints each file's size raw / gzip / brotli. Run scripts/setup.sh first (the README commands do).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
source scripts/env.sh
source scripts/lib.sh

# The dist's build flags live in two places only: [profile.dist] in Cargo.toml (opt-level "z",
# lto, codegen-units 1) and this script, for what a cargo profile cannot hold. ARCHITECTURE.md
# ("Build and tools") gives the reason for each. What each saves is how much the widget (glue +
# wasm, brotli -q 11; 55,705 B as measured) grows when that one flag is left out:
#
#   opt-level = "z" (profile)                       11,463 B  (against the default 3)
#   lto = true (profile)                             3,996 B
#   codegen-units = 1 (profile)                      2,248 B  (against the default 16)
#   cargo rustc --crate-type cdylib                  5,813 B  against cargo build (or wasm-pack),
#                                                             which silently skips LTO: the crate
#                                                             is also an rlib
#   -Zbuild-std=std,panic_abort                     10,238 B  with the three flags that need it:
#     -Zbuild-std-features=optimize_for_size         1,553 B
#     -Zunstable-options -Cpanic=immediate-abort     7,518 B
#     -Ctarget-feature=-reference-types                925 B  (the glue grows 216 B, the wasm
#                                                             shrinks 1,141 B)
#   --no-default-features (no Leptos)                5,426 B
#   --features small-allocator (talc)                1,555 B
#   wasm-opt -O (wasm-pack's default pass)             811 B  (-Oz: 121 B larger than -O)
#   short import/export names (shorten-names.py)     4,445 B  the one post-pass for size
#   (exports-last.mjs: a post-pass for memory, not size; see ARCHITECTURE.md, Memory)
#
# Left out because they saved nothing or too little (measured the same way, added back one at a
# time): panic = "abort" (wasm32's default; same code), -Zlocation-detail=none and
# -Zfmt-debug=none (byte-identical wasm), -Ctarget-feature=-multivalue (142 B larger with it),
# a second wasm-opt pass (-Oz --flatten --rereloop -Oz -Oz: 390 B) and
# scripts/prune-closure-shims.py (261 B): a post-pass stays only if it saves at least 1,000 B.

step "cargo rustc --profile dist: the widget's wasm (LTO, std rebuilt for size)"
# The -Z options are unstable options of the pinned toolchain (rust-toolchain.toml), unlocked
# with RUSTC_BOOTSTRAP for this build only. The build has its own target directory so that these
# flags do not invalidate the normal build cache. Tests and the Trunk demo build without them.
rustflags=(-Ctarget-feature=-reference-types -Zunstable-options -Cpanic=immediate-abort)
# `cargo rustc --crate-type cdylib`, not `cargo build` (nor wasm-pack, which runs cargo build):
# the crate is also an rlib, and cargo silently skips LTO for a library built as both.
RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$REPO_ROOT/target/dist-build" RUSTFLAGS="${rustflags[*]}" \
  cargo rustc --lib --crate-type cdylib --target wasm32-unknown-unknown --profile dist \
  --no-default-features --features small-allocator \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
out=target/dist-build/wasm32-unknown-unknown/dist

# The widget's CSS ships inside the wasm (minified by build.rs); a copy is kept for size reports.
css=$(ls -t "$out"/build/sir-donate-*/out/widget.min.css | head -n1)
cp "$css" target/dist-build/widget.min.css

step "pkg/ (the npm package: wasm-bindgen --target web, wasm-opt -O, js/package/)"
# The wasm-bindgen glue (--target web) and the wasm after wasm-opt with wasm-pack's default -O,
# wrapped by the package's own modules and types (js/package/: init, mount, defineElement, the
# typed options and events; the glue's generated .d.ts is not shipped), its README and a
# package.json made here.
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals)
rm -rf pkg
wasm-bindgen --target web --no-typescript --out-dir pkg "$out/sir_donate.wasm"
wasm-opt pkg/sir_donate_bg.wasm "${features[@]}" -O -o pkg/sir_donate_bg.opt.wasm
# The exported functions last, one after another: V8 names them after their indices through the
# page's number-to-string cache, which grows to 64 KiB of JS heap when two indices meet modulo
# 128 (see the script; ARCHITECTURE.md, "Memory"). The dist's renaming below keeps the order.
binaryen_js="$TOOLS_DIR/node_modules/binaryen/index.js"
node scripts/exports-last.mjs "$binaryen_js" pkg/sir_donate_bg.opt.wasm pkg/sir_donate_bg.wasm
rm pkg/sir_donate_bg.opt.wasm
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
for f in index.js load.js element.js index.d.ts wasm.d.ts README.md; do
  sed "s/__SIR_VERSION__/$version/g" "js/package/$f" >"pkg/$f"
done
printf '*' >pkg/.gitignore
cargo metadata --no-deps --format-version 1 | python3 -c '
import json, os, sys
package = next(p for p in json.load(sys.stdin)["packages"] if p["name"] == "sir-donate")
stem = next(t["name"] for t in package["targets"] if "cdylib" in t["kind"])  # sir_donate
wasm = stem + "_bg.wasm"
manifest = {
    "name": package["name"],
    "version": package["version"],
    "description": "The donate button and donation form of the SIR Giving Partner API, as a "
    "WebAssembly widget: mount() it, or use the <sir-donate> element. Typed options and events.",
    "keywords": ["donate", "donation", "donate-button", "nonprofit", "sir", "web-component", "webassembly"],
    "license": package["license"],
    "type": "module",
    "main": "./index.js",
    "module": "./index.js",
    "types": "./index.d.ts",
    "exports": {
        ".": {"types": "./index.d.ts", "import": "./index.js", "default": "./index.js"},
        # For bundlers that give a file import its URL (esbuild --loader:.wasm=file).
        "./" + wasm: {"types": "./wasm.d.ts", "default": "./" + wasm},
        "./package.json": "./package.json",
    },
    # What npm packs (package.json is always in): the entry, its internal modules, the glue, the
    # wasm, the types and the README.
    "files": ["index.js", "load.js", "element.js", stem + ".js", wasm, "index.d.ts", "wasm.d.ts", "README.md"],
    # No module does anything when imported: defineElement() defines the element when called.
    "sideEffects": False,
}
if package.get("repository"):
    manifest["repository"] = {"type": "git", "url": "git+" + package["repository"], "directory": "js/package"}
else:
    print("build-dist: Cargo.toml has no repository; pkg/package.json goes without one", file=sys.stderr)
if package.get("homepage"):
    manifest["homepage"] = package["homepage"]
missing = [f for f in manifest["files"] if not os.path.isfile(os.path.join("pkg", f))]
if missing:
    sys.exit("build-dist: pkg/ lacks " + ", ".join(missing))
with open("pkg/package.json", "w") as out:
    json.dump(manifest, out, indent=2)
    out.write("\n")
'
grep -q "__SIR_" pkg/*.js pkg/*.d.ts && die "pkg/: a build placeholder was not replaced"

rm -rf dist
mkdir -p dist
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

step "dist/"
# The dist's wasm and glue are pkg/'s, with one post-pass: short import and export names.
# wasm-bindgen's carry an incompressible hash each, on both sides; wasm-opt renames them in the
# wasm and prints the renaming, which scripts/shorten-names.py applies to the glue (failing the
# build if any name does not match). The same run drops the name, producers and target-features
# sections, which browsers do not need.
wasm-opt pkg/sir_donate_bg.wasm "${features[@]}" \
  --minify-imports-and-exports-and-modules --strip-debug --strip-producers --strip-target-features \
  -o "$work/widget.wasm" >"$work/renaming.json"
python3 scripts/shorten-names.py "$work/widget.wasm" "$work/renaming.json" pkg/sir_donate.js "$work/glue.in.js"
node scripts/exports-last.mjs "$binaryen_js" --check "$work/widget.wasm"

# One content hash for the glue and the wasm, which only work together: 10 hex digits are plenty
# to bust caches, and the loader carries just one.
esbuild "$work/glue.in.js" --minify --format=esm --target=es2020 --log-level=warning --outfile="$work/glue.js"
hash=$(cat "$work/glue.js" "$work/widget.wasm" | sha256sum | cut -c1-10)
cp "$work/glue.js" "dist/sir-donate.$hash.js"
cp "$work/widget.wasm" "dist/sir-donate.$hash.wasm"

sed -e "s/__SIR_HASH__/$hash/" -e "s/\"__SIR_VERSION__\"/\"$version\"/" js/sir-donate.js >"$work/loader.js"
grep -q "__SIR_" "$work/loader.js" && die "js/sir-donate.js: a build placeholder was not replaced"
# --mangle-props=_$ shortens the properties the loader keeps on its elements (widget_,
# openWhenMounted_: named with a trailing "_" for this). The loader's call only: the glue's
# properties are the wasm's interface.
esbuild "$work/loader.js" --minify --mangle-props='_$' --target=es2020 --log-level=warning --outfile=dist/sir-donate.js
# The loader's types (the SirDonate global, its options), for TypeScript pages.
cp js/sir-donate.d.ts dist/sir-donate.d.ts

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
