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


def fail(message):
    sys.exit(f"shorten-names: {message}")


def leb128(data, i):
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def import_modules(wasm_file):
    """The module names the wasm's import section uses."""
    data = open(wasm_file, "rb").read()
    i, modules = 8, set()
    while i < len(data):
        section, i = data[i], i + 1
        size, i = leb128(data, i)
        if section == 2:
            count, j = leb128(data, i)
            for _ in range(count):
                length, j = leb128(data, j)
                modules.add(data[j:j + length].decode())
                j += length
                length, j = leb128(data, j)
                j += length
                kind, j = data[j], j + 1
                if kind == 0:  # function: type index
                    _, j = leb128(data, j)
                elif kind == 1:  # table: element type, limits
                    flags, j = data[j + 1], j + 2
                    _, j = leb128(data, j)
                    if flags & 1:
                        _, j = leb128(data, j)
                elif kind == 2:  # memory: limits
                    flags, j = data[j], j + 1
                    _, j = leb128(data, j)
                    if flags & 1:
                        _, j = leb128(data, j)
                else:  # global: value type, mutability
                    j += 2
        i += size
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
