"""A synthetic multidex build N times the size of a real one, for measuring how the scan's cost grows.

``multiply(src, n, dest)`` writes an APK with every entry of ``src`` plus ``n - 1`` renamed copies of each of
its ``classes*.dex`` files (``classes3.dex``... after the originals). A plain copy would not do: duplicate
classes are skipped first-wins, as on a device. In copy ``k`` every class the app defines is renamed by
rewriting, in the string data, the first ``/`` of its type descriptors (``Lcom/foo/Bar;``,
``[Lcom/foo/Bar;``) to the digit ``k``: the same length, so every offset stays valid, and the copies of two
DEX files still call each other, while platform types (``Landroid/...``, ``Ljava/...``) are left alone so
the copies make the same API calls. ``/`` (0x2F) and the digits (0x30-0x39) are neighbours, so the string
table stays sorted for every string that does not have a digit where the descriptor had its first slash.
The header's SHA-1 signature and Adler-32 checksum are recomputed. Built at bench time into a temporary
directory; never committed.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zipfile
import zlib
from pathlib import Path

_DEX = re.compile(r"classes(\d*)\.dex")


def _uleb(data: bytes, pos: int) -> tuple[int, int]:
    value, shift = 0, 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7


def _strings(data: bytes) -> list[tuple[int, int]]:
    """``(start, end)`` of the MUTF-8 bytes of every string."""
    count, offset = struct.unpack_from("<II", data, 56)
    out = []
    for (off,) in struct.iter_unpack("<I", data[offset:offset + 4 * count]):
        _length, start = _uleb(data, off)
        out.append((start, data.index(b"\x00", start)))
    return out


def _defined(data: bytes) -> set[bytes]:
    """Type descriptors of the classes a DEX file defines."""
    strings = _strings(data)
    type_count, type_off = struct.unpack_from("<II", data, 64)
    types = struct.unpack_from(f"<{type_count}I", data, type_off)
    class_count, class_off = struct.unpack_from("<II", data, 96)
    out = set()
    for i in range(class_count):
        (class_idx,) = struct.unpack_from("<I", data, class_off + 32 * i)
        start, end = strings[types[class_idx]]
        out.add(data[start:end])
    return out


def _renamed(data: bytes, defined: set[bytes], digit: int) -> bytes:
    out = bytearray(data)
    mark = ord(str(digit))
    for start, end in _strings(data):
        text = data[start:end]
        element = text.lstrip(b"[")
        if element in defined and b"/" in element:
            slash = start + (len(text) - len(element)) + element.index(b"/")
            out[slash] = mark
    out[12:32] = hashlib.sha1(bytes(out[32:])).digest()
    out[8:12] = struct.pack("<I", zlib.adler32(bytes(out[12:])))
    return bytes(out)


def multiply(src: Path, n: int, dest: Path) -> Path:
    """Write ``dest``: ``src`` with its DEX files repeated ``n`` times in all (renamed copies)."""
    if not 1 <= n <= 9:
        raise ValueError("1 to 9 copies (one digit per copy)")
    with zipfile.ZipFile(src) as archive, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        names = archive.namelist()
        dexes = sorted((n for n in names if _DEX.fullmatch(n)), key=lambda n: int(_DEX.fullmatch(n).group(1) or 1))
        images = {name: archive.read(name) for name in dexes}
        defined = set().union(*(_defined(data) for data in images.values()))
        for name in names:
            out.writestr(archive.getinfo(name), archive.read(name))
        number = len(dexes)
        for digit in range(1, n):
            for name in dexes:
                number += 1
                out.writestr(f"classes{number}.dex", _renamed(images[name], defined, digit))
    return dest


__all__ = ["multiply"]
