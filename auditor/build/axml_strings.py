"""The string pool of a binary XML document, read the way androguard 4's ``StringBlock`` reads it.

One implementation of where each string lies and how long it is, for both sides of the manifest path: the
guard (:mod:`auditor.build.axml_guard`) measures the strings the document references from
:meth:`StringBlock.extent` without decoding them, and the reader (:mod:`auditor.build.axml`) decodes the
same bytes through :meth:`StringBlock.__getitem__`. Where androguard decodes a string as ``""`` (out of
range, truncated, a UTF-8 string without its terminator) the extent is ``None``; where it raises
(``struct.error``, ``AssertionError``, ``IndexError``, :class:`ResParserError`) so does the extent.
"""

from __future__ import annotations

import struct

_UTF8_FLAG = 1 << 8
_U32 = struct.Struct("<I")


class ResParserError(ValueError):
    """The document cannot be read (androguard's exception of the same name, for the same causes)."""


READ_ERRORS = (struct.error, AssertionError, IndexError, ResParserError)
"""What reading a string of a malformed pool raises (as androguard does)."""


def need(data: bytes, end: int) -> None:
    """androguard reads these bytes (and fails with ``struct.error`` when they are not there)."""
    if end > len(data):
        raise struct.error("unpack requires a buffer of more bytes")


class StringBlock:
    """androguard's ``StringBlock`` over the pool chunk whose fields start at ``fields``."""

    def __init__(self, data: bytes, fields: int, pool_size: int) -> None:
        count, styles, flags, strings_offset, styles_offset = struct.unpack_from("<5I", data, fields)
        if (strings_offset - (styles * 4 + 28)) / 4 != count:
            count = int((strings_offset - (styles * 4 + 28)) / 4)
        self.count = count
        self.utf8 = bool(flags & _UTF8_FLAG)
        pos = fields + 20
        self.offsets = [_U32.unpack_from(data, pos + 4 * i)[0] for i in range(max(0, count))]
        pos += 4 * max(0, count)
        need(data, pos + 4 * styles)
        pos += 4 * styles
        size = pool_size - strings_offset
        if styles_offset != 0 and styles != 0:
            size = styles_offset - strings_offset
        self.chars = data[pos:pos + size] if size >= 0 else data[pos:]
        pos += len(self.chars)
        if styles_offset != 0 and styles != 0:
            need(data, pos + 4 * ((pool_size - styles_offset) // 4))
        self._cache: dict[int, str] = {}

    def __getitem__(self, idx: int) -> str:
        cached = self._cache.get(idx)
        if cached is not None:
            return cached
        found = self.extent(idx)
        text = ""
        if found is not None:
            start, nbytes = found
            text = self.chars[start:start + nbytes].decode("utf-8" if self.utf8 else "utf-16", "replace")
        self._cache[idx] = text
        return text

    def extent(self, idx: int) -> tuple[int, int] | None:
        """``(start, bytes)`` of string ``idx`` in :attr:`chars`, or ``None`` where androguard reads ``""``;
        raises one of :data:`READ_ERRORS` where androguard raises."""
        if idx < 0 or not self.offsets or idx >= self.count:
            return None
        offset = self.offsets[idx]
        width = 1 if self.utf8 else 2
        length, skip = self._length(offset, width)
        offset += skip
        if width == 1:
            nbytes, skip = self._length(offset, 1)
            offset += skip
        else:
            nbytes = 2 * length
        chars = self.chars
        if len(chars) < offset + nbytes:
            return None
        if width == 1:
            return (offset, nbytes) if chars[offset + nbytes] == 0 else None
        if chars[offset + nbytes:offset + nbytes + 2] != b"\x00\x00":
            raise ResParserError(f"UTF-16 String is not null terminated! At offset={offset}")
        return offset, nbytes

    def _length(self, offset: int, width: int) -> tuple[int, int]:
        first, second = struct.unpack("<2B" if width == 1 else "<2H", self.chars[offset:offset + 2 * width])
        high = 0x80 << (8 * (width - 1))
        if first & high:
            length, size = ((first & ~high) << (8 * width)) | second, 2 * width
        else:
            length, size = first, width
        if length > (0x7FFF if width == 1 else 0x7FFFFFFF):
            raise AssertionError(f"length of string is too large! At offset={offset}")
        return length, size
