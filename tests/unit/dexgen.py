"""Build small, valid DEX images in memory for unit tests (no toolchain needed).

Only the tables our reader uses are written: header, string_ids, type_ids, proto_ids, method_ids,
class_defs and string data. Good enough to test table parsing and bounds checks; the code-item layer
is tested elsewhere on real dex files.
"""

from __future__ import annotations

import struct


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
