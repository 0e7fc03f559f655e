#!/usr/bin/env python3
"""Renames the wasm's imports and exports in the wasm-bindgen glue, after wasm-opt shortened
them in the wasm (`--minify-imports-and-exports-and-modules`, which prints the renaming as JSON).

wasm-bindgen names each import after its Rust item plus a 16-hex-digit hash
(`__wbg_setAttribute_2f4c0a9d8e1b3c4d`), and each name travels twice, in the wasm and in the
glue. Random hex does not compress, so for the dist those names become one or two characters.

Usage: shorten-names.py WASM RENAMING_JSON GLUE_IN GLUE_OUT   (WASM: the renamed module)

Every rename must apply exactly where it should, and every `wasm.<export>` the glue uses must
exist after renaming; otherwise this fails, so a change in wasm-bindgen's output breaks the
build rather than the widget.
"""
import json
import re
import sys

from wasm_binary import imports, sections


def fail(message):
    sys.exit(f"shorten-names: {message}")


def import_modules(wasm_file):
    """The module names the wasm's import section uses."""
    data = open(wasm_file, "rb").read()
    modules = set()
    for section_id, _, start, _ in sections(data):
        if section_id == 2:
            modules.update(module for module, _, _ in imports(data, start))
    return modules


def main():
    wasm_file, renaming_file, glue_in, glue_out = sys.argv[1:]
    glue = open(glue_in, encoding="utf-8").read()
    text = open(renaming_file, encoding="utf-8").read()
    if "{" not in text:
        fail(f"no renaming in {renaming_file}")
    renaming = json.loads(text[text.index("{"):])

    # Imports: one module, each function a key of the glue's imports object (`name: function`).
    modules = {module for module, _, _ in renaming["imports"]}
    if len(modules) != 1:
        fail(f"expected the imports of one module, found {sorted(modules)}")
    for _, old, new in renaming["imports"]:
        pattern = re.compile(r"(?<![\w$])" + re.escape(old) + r"(?=\s*:)")
        glue, count = pattern.subn(lambda _: new, glue)
        if count != 1:
            fail(f"import {old} appears {count} times as a key in the glue, expected once")

    # The module the imports object is registered under. The renaming does not list modules,
    # so the new name is read from the renamed wasm.
    (old_module,) = modules
    new_modules = import_modules(wasm_file)
    if len(new_modules) != 1:
        fail(f"expected one import module in {wasm_file}, found {sorted(new_modules)}")
    key = json.dumps(old_module)
    if glue.count(key + ":") != 1:
        fail(f"module {old_module} is not registered once in the glue")
    glue = glue.replace(key + ":", json.dumps(new_modules.pop()) + ":")

    # Exports, used by the glue as `wasm.<name>`.
    exports = dict(renaming["exports"])
    def rename_export(match):
        name = match.group(1)
        if name not in exports:
            fail(f"the glue uses wasm.{name}, which the wasm does not export")
        return "wasm." + exports[name]
    glue = re.sub(r"\bwasm\.([A-Za-z_$][\w$]*)", rename_export, glue)

    open(glue_out, "w", encoding="utf-8").write(glue)


if __name__ == "__main__":
    main()
