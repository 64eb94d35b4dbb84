"""What a scan reads from a native library, without lief: SONAME, DT_NEEDED and the exported symbols.

Importing lief costs about a second of CPU on a loaded machine, more than the rest of reading an APK; the
three facts a scan needs sit in two well-defined places of a shared object. This reader takes them from
there and answers only for files laid out the ordinary way; for anything else it returns ``None`` and the
caller asks lief (:mod:`auditor.build.native`), so unusual files are read as before.

- ``SONAME`` and ``DT_NEEDED``: the ``PT_DYNAMIC`` segment's entries, names in the string table at
  ``DT_STRTAB`` (an address, mapped to the file through the ``PT_LOAD`` segments);
- exported symbols: the ``SHT_DYNSYM`` and ``SHT_SYMTAB`` sections (names in the string table their
  ``sh_link`` names), filtered as lief's ``Symbol.is_exported`` does: defined (section index not 0), with an
  address or a size, bound ``GLOBAL`` or ``WEAK``, of type ``FUNC``, ``OBJECT`` or ``GNU_IFUNC``.

Every offset and size is checked against the file before it is read (callers run
:func:`auditor.build.native.elf_problem` first for the header tables).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any

import numpy as np

_PT_LOAD, _PT_DYNAMIC = 1, 2
_SHT_SYMTAB, _SHT_DYNSYM = 2, 11
_DT_NULL, _DT_NEEDED, _DT_STRTAB, _DT_STRSZ, _DT_SONAME = 0, 1, 5, 10, 14
_STB_GLOBAL, _STB_WEAK = 1, 2
_STT_OBJECT, _STT_FUNC, _STT_GNU_IFUNC = 1, 2, 10


@dataclass(frozen=True)
class DynamicFacts:
    soname: str
    needed: tuple[str, ...]
    exported: tuple[str, ...]
    """Names of the exported symbols asked for (dynamic, then static symbol table; repeats kept)."""


class _Unusual(Exception):
    """The file is not laid out the way this reader handles (lief reads it instead)."""


class _Elf:
    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self.wide = raw[4] == 2
        self.order = "<" if raw[5] == 1 else ">"
        fmt = "HHIQQQIHHHHHH" if self.wide else "HHIIIIIHHHHHH"
        (_t, _m, _v, _e, self.phoff, self.shoff, _f, _eh, self.phentsize, self.phnum, self.shentsize,
         self.shnum, _shstrndx) = struct.unpack_from(self.order + fmt, raw, 16)

    def unpack(self, fmt: str, offset: int) -> tuple[int, ...]:
        if offset < 0 or offset + struct.calcsize(self.order + fmt) > len(self.raw):
            raise _Unusual
        return struct.unpack_from(self.order + fmt, self.raw, offset)

    def segments(self) -> list[tuple[int, int, int, int]]:
        """``(type, offset, vaddr, filesz)`` of each program header."""
        out = []
        for i in range(self.phnum):
            at = self.phoff + i * self.phentsize
            if self.wide:
                p_type, _flags, off, vaddr, _paddr, filesz = self.unpack("IIQQQQ", at)
            else:
                p_type, off, vaddr, _paddr, filesz = self.unpack("IIIII", at)
            out.append((p_type, off, vaddr, filesz))
        return out

    def sections(self) -> list[tuple[int, int, int, int, int]]:
        """``(type, offset, size, link, entsize)`` of each section header."""
        out = []
        for i in range(self.shnum):
            at = self.shoff + i * self.shentsize
            if self.wide:
                _name, sh_type, _flags, _addr, off, size, link, _info, _align, entsize = self.unpack("IIQQQQIIQQ", at)
            else:
                _name, sh_type, _flags, _addr, off, size, link, _info, _align, entsize = self.unpack("IIIIIIIIII", at)
            out.append((sh_type, off, size, link, entsize))
        return out

    def string(self, table: int, size: int, index: int) -> str:
        if index >= size:
            raise _Unusual
        end = self.raw.find(b"\x00", table + index, table + size)
        if end < 0:
            raise _Unusual
        return self.raw[table + index:end].decode("utf-8", "replace")


def _file_offset(segments: list[tuple[int, int, int, int]], vaddr: int) -> int:
    for p_type, off, start, filesz in segments:
        if p_type == _PT_LOAD and start <= vaddr < start + filesz:
            return off + vaddr - start
    raise _Unusual


def _dynamic(elf: _Elf) -> tuple[str, tuple[str, ...]]:
    segments = elf.segments()
    dynamic = [s for s in segments if s[0] == _PT_DYNAMIC]
    if len(dynamic) != 1:
        raise _Unusual
    _t, off, _vaddr, size = dynamic[0]
    if off + size > len(elf.raw):
        raise _Unusual
    entry = "qQ" if elf.wide else "iI"
    step = 16 if elf.wide else 8
    tags: list[tuple[int, int]] = []
    for at in range(off, off + size - step + 1, step):
        tag, value = elf.unpack(entry, at)
        if tag == _DT_NULL:
            break
        tags.append((tag, value))
    strtab = [v for t, v in tags if t == _DT_STRTAB]
    strsz = [v for t, v in tags if t == _DT_STRSZ]
    if len(strtab) != 1 or len(strsz) != 1:
        raise _Unusual
    table = _file_offset(segments, strtab[0])
    if table + strsz[0] > len(elf.raw):
        raise _Unusual
    soname = next((elf.string(table, strsz[0], v) for t, v in tags if t == _DT_SONAME), "")
    needed = tuple(elf.string(table, strsz[0], v) for t, v in tags if t == _DT_NEEDED)
    return soname, needed


def _symbol_dtype(elf: _Elf) -> np.dtype[Any]:
    o = elf.order
    if elf.wide:
        return np.dtype([("name", o + "u4"), ("info", "u1"), ("other", "u1"), ("shndx", o + "u2"),
                         ("value", o + "u8"), ("size", o + "u8")])
    return np.dtype([("name", o + "u4"), ("value", o + "u4"), ("size", o + "u4"), ("info", "u1"),
                     ("other", "u1"), ("shndx", o + "u2")])


def _exported(elf: _Elf, prefix: bytes) -> tuple[str, ...]:
    sections = elf.sections()
    tables = [s for s in sections if s[0] in (_SHT_DYNSYM, _SHT_SYMTAB)]
    if not any(s[0] == _SHT_DYNSYM for s in tables):
        raise _Unusual
    out: list[str] = []
    dtype = _symbol_dtype(elf)
    for sh_type in (_SHT_DYNSYM, _SHT_SYMTAB):
        for _t, off, size, link, entsize in (s for s in tables if s[0] == sh_type):
            if entsize != dtype.itemsize or link >= len(sections) or off + size > len(elf.raw):
                raise _Unusual
            _st, str_off, str_size, _l, _e = sections[link]
            if str_off + str_size > len(elf.raw):
                raise _Unusual
            sym = np.frombuffer(elf.raw, dtype=dtype, count=size // dtype.itemsize, offset=off)
            bind, kind = sym["info"] >> 4, sym["info"] & 0xF
            exported = ((sym["shndx"] != 0) & ((sym["value"] != 0) | (sym["size"] != 0))
                        & ((bind == _STB_GLOBAL) | (bind == _STB_WEAK))
                        & ((kind == _STT_FUNC) | (kind == _STT_OBJECT) | (kind == _STT_GNU_IFUNC)))
            for name in sym["name"][exported].tolist():
                if elf.raw.startswith(prefix, str_off + name):
                    out.append(elf.string(str_off, str_size, name))
    return tuple(out)


def read_dynamic(raw: bytes, prefix: str = "") -> DynamicFacts | None:
    """SONAME, DT_NEEDED and the exported symbol names starting with ``prefix`` of an ELF shared object
    whose header tables :func:`auditor.build.native.elf_problem` accepted; ``None`` when the file is laid out
    some other way."""
    try:
        elf = _Elf(raw)
        soname, needed = _dynamic(elf)
        return DynamicFacts(soname, needed, _exported(elf, prefix.encode()))
    except (_Unusual, struct.error):
        return None


__all__ = ["DynamicFacts", "read_dynamic"]
