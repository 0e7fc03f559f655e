// Moves the wasm's exported functions to the end of its function list, one after another.
//
// Why: instantiating a module, V8 names each exported function after its index, as a string
// ("544"), through the page's number-to-string cache. That cache starts with 128 entries, indexed
// by the number modulo 128, and when two different numbers meet in one entry it becomes a
// 64 KiB table for the rest of the page's life. wasm-bindgen's 14 exports, spread over the
// module by the linker, met in an entry more often than not (two pairs in the build measured):
// 64.5 kB of JS heap, a fifth of the widget's memory on an otherwise empty page (ARCHITECTURE.md,
// "Memory"). Consecutive indices never meet modulo 128, whatever the code around them.
//
// Only the order of the function section changes: calls, the table and the exports name
// functions, not positions, and binaryen (the wasm-opt the build already runs) renumbers them.
// Fails unless the exported functions end up consecutive, so a change in the module's shape
// breaks the build rather than the widget's memory.
//
// Usage: node scripts/exports-last.mjs BINARYEN_INDEX_JS IN.wasm OUT.wasm
//        node scripts/exports-last.mjs BINARYEN_INDEX_JS --check WASM   (only the check)
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [binaryenPath, ...args] = process.argv.slice(2);
const check = args[0] === "--check";
const [input, output] = check ? [args[1]] : args;
if (!binaryenPath || !input || (!check && !output)) {
  console.error("usage: exports-last.mjs BINARYEN_INDEX_JS IN.wasm OUT.wasm | --check WASM");
  process.exit(2);
}
const fail = message => {
  console.error("exports-last: " + message);
  process.exit(1);
};
const { default: binaryen } = await import(pathToFileURL(binaryenPath).href);

// The module's target_features section gives binaryen the features to validate against.
const module = binaryen.readBinary(readFileSync(input));

const exported = () => {
  const names = new Set();
  for (let i = 0; i < module.getNumExports(); i++) {
    const e = binaryen.getExportInfo(module.getExportByIndex(i));
    if (e.kind === binaryen.ExternalFunction) names.add(e.value);
  }
  return names;
};
// Each function's index as JavaScript sees it: imported functions first, in order.
const indices = names => {
  const found = [];
  for (let i = 0; i < module.getNumFunctions(); i++) {
    if (names.has(binaryen.getFunctionInfo(module.getFunctionByIndex(i)).name)) found.push(i);
  }
  return found;
};

const names = exported();
if (!check) {
  for (const name of names) {
    const f = binaryen.getFunctionInfo(module.getFunction(name));
    if (f.module) continue; // an imported function re-exported: its index is fixed
    // Removing a function leaves its body (expressions belong to the module); adding appends.
    module.removeFunction(name);
    module.addFunction(name, f.params, f.results, f.vars, f.body);
  }
  if (!module.validate()) fail("the module does not validate after moving the exported functions");
}
const at = indices(names).filter(i => !binaryen.getFunctionInfo(module.getFunctionByIndex(i)).module);
if (at.length === 0) fail("no exported functions found");
if (at.length > 128 || at.some((index, k) => k > 0 && index !== at[k - 1] + 1)) {
  fail("the exported functions are not one run of consecutive indices: " + at.join(", "));
}
if (!check) writeFileSync(output, module.emitBinary());
