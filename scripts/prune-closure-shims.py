#!/usr/bin/env python3
"""Drops wasm-bindgen's unreachable closure shims from the function table.

Usage: prune-closure-shims.py IN.wasm OUT.wasm   (IN: wasm-bindgen's output, name section kept)

wasm-bindgen describes every imported function at build time by running a describe function
for it, and the describe of an import that takes a closure (`Array.forEach`, the typed arrays'
`forEach`, `Set.forEach`, ... : all of js_sys is compiled in) takes the address of a closure
"invoke" shim, which puts that shim in the function table. wasm-bindgen then deletes the
describe functions but keeps the whole table, so every such shim (and what it calls) stays in
the wasm although nothing can call it:
- JS calls an invoke shim only through a wasm export (the glue's `makeClosure(…, wasm.<export>)`),
  and wasm-bindgen exports exactly the shims of the closures the program makes;
- Rust never calls a shim: it calls its closures directly;
- the table itself is neither exported nor imported, so JS cannot reach it.

This script points the table entries of the unexported shims at one kept entry, after which
wasm-opt removes the shims as unused functions. It refuses to run if the table is exported or
imported, or if it finds no shims at all (wasm-bindgen's naming changed: look again), so it
cannot silently stop working or become wrong.
"""
import sys

from wasm_binary import imports, leb, name, sections

SHIM = "::convert::closures::_::invoke::<"


def write_leb(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def function_names(data, start, end):
    """The name section's function names (subsection 1), by function index."""
    section, pos = name(data, start)
    names = {}
    if section != "name":
        return names
    while pos < end:
        kind = data[pos]
        size, pos = leb(data, pos + 1)
        if kind == 1:
            count, p = leb(data, pos)
            for _ in range(count):
                index, p = leb(data, p)
                names[index], p = name(data, p)
        pos += size
    return names


def main():
    source, target = sys.argv[1], sys.argv[2]
    data = bytearray(open(source, "rb").read())
    names, exported, element = {}, set(), None
    for section_id, header, start, end in sections(data):
        if section_id == 0:
            names.update(function_names(data, start, end))
        elif section_id == 2:  # a table import would let JS reach the table
            if any(kind == 1 for _, _, kind in imports(data, start)):
                sys.exit("prune-closure-shims: the function table is imported; nothing pruned")
        elif section_id == 7:  # exports
            count, pos = leb(data, start)
            for _ in range(count):
                _, pos = name(data, pos)
                kind = data[pos]
                index, pos = leb(data, pos + 1)
                if kind == 0:
                    exported.add(index)
                elif kind == 1:
                    sys.exit("prune-closure-shims: the function table is exported; nothing pruned")
        elif section_id == 9:
            element = (header, start, end)
    if element is None:
        sys.exit("prune-closure-shims: no element section")

    header, start, end = element
    count, pos = leb(data, start)
    rewritten = bytearray(write_leb(count))
    pruned = kept_shims = 0
    for _ in range(count):
        segment = pos
        if data[pos] != 0:
            sys.exit(f"prune-closure-shims: element segment kind {data[pos]} is not handled")
        if data[pos + 1] != 0x41:
            sys.exit("prune-closure-shims: an element offset that is not an i32.const")
        _, pos = leb(data, pos + 2)  # the offset's value, then `end`
        pos += 1
        rewritten += data[segment:pos]
        entries, pos = leb(data, pos)
        indices = []
        for _ in range(entries):
            index, pos = leb(data, pos)
            indices.append(index)
        stub = indices[0]
        for i, index in enumerate(indices):
            if SHIM in names.get(index, ""):
                if index in exported:
                    kept_shims += 1
                else:
                    indices[i] = stub
                    pruned += 1
        rewritten += write_leb(len(indices))
        for index in indices:
            rewritten += write_leb(index)
    if pruned + kept_shims == 0:
        sys.exit("prune-closure-shims: no closure shims found by name; has wasm-bindgen renamed them?")

    out = data[:header] + bytes([9]) + write_leb(len(rewritten)) + rewritten + data[end:]
    open(target, "wb").write(out)
    print(f"prune-closure-shims: {pruned} unreachable closure shims dropped from the table, {kept_shims} kept")


if __name__ == "__main__":
    main()
