"""Reading a wasm module's binary format: the little scripts/shorten-names.py needs (the
sections, and the module names of the imports)."""


def leb(data, pos):
    """An unsigned LEB128 at `pos`: (value, position after it)."""
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def name(data, pos):
    """A length-prefixed UTF-8 name at `pos`: (name, position after it)."""
    length, pos = leb(data, pos)
    return data[pos:pos + length].decode("utf-8"), pos + length


def sections(data):
    """(id, start of the section, start of its contents, end) of each section."""
    pos = 8
    while pos < len(data):
        section_id = data[pos]
        size, start = leb(data, pos + 1)
        yield section_id, pos, start, start + size
        pos = start + size


def imports(data, start):
    """(module, name, kind) of each import in the import section whose contents begin at
    `start`; kind 0 is a function, 1 a table, 2 a memory, 3 a global."""
    count, pos = leb(data, start)
    found = []
    for _ in range(count):
        module, pos = name(data, pos)
        field, pos = name(data, pos)
        kind, pos = data[pos], pos + 1
        if kind == 0:  # function: type index
            _, pos = leb(data, pos)
        elif kind in (1, 2):  # table: element type, then limits; memory: limits
            if kind == 1:
                pos += 1
            flags, pos = leb(data, pos)
            _, pos = leb(data, pos)
            if flags & 1:
                _, pos = leb(data, pos)
        else:  # global: value type, mutability
            pos += 2
        found.append((module, field, kind))
    return found
