"""Build small, valid DEX images in memory for unit tests (no toolchain needed).

Only the tables our reader uses are written: header, string_ids, type_ids, proto_ids, method_ids,
class_defs and string data. Good enough to test table parsing and bounds checks; the code-item layer
is tested elsewhere on real dex files.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass


def uleb128(n: int) -> bytes:
    """Unsigned LEB128, as DEX writes it (the same encoding as a protobuf varint)."""
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _mutf8(text: str) -> bytes:
    out = bytearray()
    for ch in text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass"):
        code = ord(ch)
        if code == 0:
            out += b"\xc0\x80"
        elif code < 0x80:
            out.append(code)
        elif code >= 0x10000:
            units = ch.encode("utf-16-be")
            for i in (0, 2):
                unit = int.from_bytes(units[i:i + 2], "big")
                out += chr(unit).encode("utf-8", "surrogatepass")
        else:
            out += ch.encode("utf-8", "surrogatepass")
    return bytes(out)


def build_dex(classes: list[str], method_refs: list[tuple[str, str, str]] = (), strings: list[str] = ()) -> bytes:
    """A DEX defining ``classes`` (dotted), referencing ``method_refs`` ``(class, name, return_descriptor)``
    (no parameters) and holding extra string constants."""
    descriptors = {"L" + c.replace(".", "/") + ";" for c in classes}
    for cls, _name, ret in method_refs:
        descriptors.add("L" + cls.replace(".", "/") + ";")
        descriptors.add(ret)
    names = {name for _c, name, _r in method_refs}
    shorty = {"V" if r == "V" else "L" for _c, _n, r in method_refs}
    all_strings = sorted(descriptors | names | shorty | set(strings))
    sidx = {s: i for i, s in enumerate(all_strings)}
    types = sorted(descriptors)
    tidx = {t: i for i, t in enumerate(types)}
    protos = sorted({r for _c, _n, r in method_refs})
    pidx = {p: i for i, p in enumerate(protos)}
    header_size = 0x70
    off = header_size
    string_ids_off = off; off += 4 * len(all_strings)
    type_ids_off = off; off += 4 * len(types)
    proto_ids_off = off; off += 12 * len(protos)
    method_ids_off = off; off += 8 * len(method_refs)
    class_defs_off = off; off += 32 * len(classes)
    data_off = off
    data = bytearray()
    string_data_offs = []
    for s in all_strings:
        string_data_offs.append(data_off + len(data))
        data += uleb128(len(s.encode("utf-16-le", "surrogatepass")) // 2) + _mutf8(s) + b"\x00"
    body = bytearray()
    body += b"".join(struct.pack("<I", o) for o in string_data_offs)
    body += b"".join(struct.pack("<I", sidx[t]) for t in types)
    for p in protos:
        body += struct.pack("<III", sidx["V" if p == "V" else "L"], tidx[p], 0)
    for cls, name, ret in method_refs:
        body += struct.pack("<HHI", tidx["L" + cls.replace(".", "/") + ";"], pidx[ret], sidx[name])
    for c in classes:
        body += struct.pack("<8I", tidx["L" + c.replace(".", "/") + ";"], 1, 0xFFFFFFFF, 0, 0xFFFFFFFF, 0, 0, 0)
    file_size = header_size + len(body) + len(data)
    header = bytearray(b"dex\n035\x00" + b"\x00" * (header_size - 8))
    struct.pack_into("<I", header, 32, file_size)
    struct.pack_into("<I", header, 36, header_size)
    struct.pack_into("<I", header, 40, 0x12345678)
    struct.pack_into("<14I", header, 56, len(all_strings), string_ids_off, len(types), type_ids_off,
                     len(protos), proto_ids_off, 0, 0, len(method_refs), method_ids_off, len(classes),
                     class_defs_off, len(data), data_off)
    return bytes(header + body + data)


# -- DEX with class hierarchy and code ------------------------------------------------------------------------
INVOKE_VIRTUAL, INVOKE_SUPER, INVOKE_DIRECT, INVOKE_STATIC, INVOKE_INTERFACE = 0x6E, 0x6F, 0x70, 0x71, 0x72
ACC_PUBLIC, ACC_STATIC, ACC_CONSTRUCTOR = 0x1, 0x8, 0x10000


@dataclass(frozen=True)
class MethodSpec:
    """A method ``name()V`` whose code makes the given calls ``(class, method name, invoke opcode)``."""

    name: str
    calls: tuple[tuple[str, str, int], ...] = ()
    access: int = ACC_PUBLIC


@dataclass(frozen=True)
class ClassSpec:
    """A class: superclass (``None``: none, as ``java.lang.Object`` itself), interfaces and methods."""

    name: str
    superclass: str | None = "java.lang.Object"
    interfaces: tuple[str, ...] = ()
    methods: tuple[MethodSpec, ...] = ()


def _desc(dotted: str) -> str:
    return "L" + dotted.replace(".", "/") + ";"


def build_code_dex(classes: list[ClassSpec]) -> bytes:
    """A valid DEX (as our reader and ``dexdump`` read it) with the hierarchy and call instructions given.

    Every method is ``()V``; direct methods are the static, private and constructor ones. Nothing checks the
    hierarchy: a cycle or a class extending itself is written as asked (that is the point).
    """
    refs: set[tuple[str, str]] = set()
    types: set[str] = {"V"}
    for cls in classes:
        types.add(_desc(cls.name))
        types.update(_desc(t) for t in (cls.superclass, *cls.interfaces) if t)
        for m in cls.methods:
            refs.add((cls.name, m.name))
            for owner, name, _op in m.calls:
                refs.add((owner, name))
                types.add(_desc(owner))
    strings = sorted(types | {n for _c, n in refs})
    sidx = {s: i for i, s in enumerate(strings)}
    type_list = sorted(types, key=lambda t: sidx[t])
    tidx = {t: i for i, t in enumerate(type_list)}
    method_list = sorted(refs, key=lambda r: (tidx[_desc(r[0])], sidx[r[1]]))
    midx = {r: i for i, r in enumerate(method_list)}
    header = 0x70
    string_ids = header
    type_ids = string_ids + 4 * len(strings)
    proto_ids = type_ids + 4 * len(type_list)
    method_ids = proto_ids + 12
    class_defs = method_ids + 8 * len(method_list)
    data_off = class_defs + 32 * len(classes)
    data = bytearray()

    def here() -> int:
        return data_off + len(data)

    def align4() -> None:
        while here() % 4:
            data.append(0)

    string_offs = []
    for s in strings:
        string_offs.append(here())
        data += uleb128(len(s)) + _mutf8(s) + b"\0"
    align4()
    iface_offs = []
    for cls in classes:
        if cls.interfaces:
            iface_offs.append(here())
            data += struct.pack("<I", len(cls.interfaces)) + b"".join(
                struct.pack("<H", tidx[_desc(t)]) for t in cls.interfaces)
            align4()
        else:
            iface_offs.append(0)
    code_offs: dict[tuple[str, str], int] = {}
    for cls in classes:
        for m in cls.methods:
            align4()
            code_offs[(cls.name, m.name)] = here()
            insns = b"".join(struct.pack("<3H", op, midx[(owner, name)], 0) for owner, name, op in m.calls)
            insns += struct.pack("<H", 0x0E)  # return-void
            data += struct.pack("<4HII", 1, 1 if not m.access & ACC_STATIC else 0, 1, 0, 0, len(insns) // 2) + insns
    class_data_offs = []
    for cls in classes:
        direct = sorted((m for m in cls.methods if m.access & (ACC_STATIC | 0x2 | ACC_CONSTRUCTOR)),
                        key=lambda m: midx[(cls.name, m.name)])
        virtual = sorted((m for m in cls.methods if m not in direct), key=lambda m: midx[(cls.name, m.name)])
        class_data_offs.append(here() if cls.methods else 0)
        if not cls.methods:
            continue
        data += uleb128(0) + uleb128(0) + uleb128(len(direct)) + uleb128(len(virtual))
        for group in (direct, virtual):
            previous = 0
            for m in group:
                idx = midx[(cls.name, m.name)]
                data += uleb128(idx - previous) + uleb128(m.access) + uleb128(code_offs[(cls.name, m.name)])
                previous = idx
    body = bytearray()
    body += b"".join(struct.pack("<I", o) for o in string_offs)
    body += b"".join(struct.pack("<I", sidx[t]) for t in type_list)
    body += struct.pack("<III", sidx["V"], tidx["V"], 0)
    for owner, name in method_list:
        body += struct.pack("<HHI", tidx[_desc(owner)], 0, sidx[name])
    for cls, iface_off, cdata in zip(classes, iface_offs, class_data_offs):
        sup = tidx[_desc(cls.superclass)] if cls.superclass else 0xFFFFFFFF
        body += struct.pack("<8I", tidx[_desc(cls.name)], ACC_PUBLIC, sup, iface_off, 0xFFFFFFFF, 0, cdata, 0)
    file_size = header + len(body) + len(data)
    head = bytearray(b"dex\n035\x00" + b"\x00" * (header - 8))
    struct.pack_into("<I", head, 32, file_size)
    struct.pack_into("<I", head, 36, header)
    struct.pack_into("<I", head, 40, 0x12345678)
    struct.pack_into("<14I", head, 56, len(strings), string_ids, len(type_list), type_ids, 1, proto_ids, 0, 0,
                     len(method_list), method_ids, len(classes), class_defs, len(data), data_off)
    out = head + body + data
    struct.pack_into("<I", out, 8, zlib.adler32(bytes(out[12:])))  # dexdump verifies the checksum
    return bytes(out)
