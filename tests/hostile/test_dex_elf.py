"""DEX and ELF readers on hostile input: bounds first, DexError for the root dex, an error string for a .so."""

from __future__ import annotations

import struct
import time

import pytest

from auditor.build.dex import DexError, DexFile
from auditor.build.native import elf_problem, parse_native_lib
from tests.hostile.builders import dex

HEADER_FIELDS = {"string_ids": 56, "type_ids": 64, "proto_ids": 72, "field_ids": 80, "method_ids": 88,
                 "class_defs": 96}


def _patch(raw: bytes, offset: int, value: int, fmt: str = "<I") -> bytes:
    out = bytearray(raw)
    struct.pack_into(fmt, out, offset, value)
    return bytes(out)


def _read_all(data: bytes) -> None:
    d = DexFile(data, "classes.dex")
    d.class_names  # noqa: B018
    for i in range(d.method_ref_count):
        d.method_ref(i)


@pytest.mark.parametrize("offset,value,match", [
    (36, 0x20, "header size"),
    (36, 0xFFFFFF, "header size"),
    (32, 0x7FFFFFFF, "truncated"),
    (56, 0x7FFFFFFF, "string_ids table"),
    (60, 0x10, "string_ids table"),
    (64, 0x40000000, "type_ids table"),
    (96, 0x1000000, "class_defs table"),
])
def test_bad_header_fields(offset, value, match):
    with pytest.raises(DexError, match=match):
        DexFile(_patch(dex(), offset, value), "classes.dex")


def test_overlapping_tables_are_refused():
    raw = dex(("a.B", "c.D"))
    string_ids_off = struct.unpack_from("<I", raw, 60)[0]
    with pytest.raises(DexError, match="overlaps"):
        DexFile(_patch(raw, 68, string_ids_off), "classes.dex")  # type_ids on top of string_ids


def test_out_of_range_indices():
    raw = dex(("a.B",))
    class_defs_off = struct.unpack_from("<I", raw, 100)[0]
    with pytest.raises(DexError, match="type index .* out of range"):
        _read_all(_patch(raw, class_defs_off, 0x7FFF))
    d = DexFile(raw, "classes.dex")
    for bad in (-1, d.string_count, 2**40):
        with pytest.raises(DexError, match="out of range"):
            d.string(bad)


def test_string_longer_than_its_declared_length_is_refused():
    raw = bytearray(dex(("a.B",)))
    first = struct.unpack_from("<I", raw, struct.unpack_from("<I", raw, 60)[0])[0]
    raw[first] = 1  # declares one UTF-16 unit; "La/B;" is five
    with pytest.raises(DexError, match="longer than its declared 1 UTF-16 units"):
        DexFile(bytes(raw), "classes.dex").string(0)


def test_many_string_ids_into_one_long_string_stay_linear():
    """Every id points at the same 1 MB string: decoded once (cache by offset), not a million times."""
    n = 200_000
    body_len = 1 << 20
    header = bytearray(b"dex\n035\x00" + b"\0" * (0x70 - 8))
    ids_off = 0x70
    data_off = ids_off + 4 * n
    payload = bytes([0x80, 0x80, 0x40]) + b"A" * body_len + b"\0"  # uleb 2^20 units
    total = data_off + len(payload)
    struct.pack_into("<3I", header, 32, total, 0x70, 0x12345678)
    struct.pack_into("<2I", header, 56, n, ids_off)
    raw = bytes(header) + struct.pack(f"<{n}I", *([data_off] * n)) + payload
    d = DexFile(raw, "classes.dex")
    start = time.monotonic()
    for i in range(n):
        d.string(i)
    assert time.monotonic() - start < 5


def test_overlapping_strings_exhaust_the_scan_budget():
    n = 50_000
    header = bytearray(b"dex\n035\x00" + b"\0" * (0x70 - 8))
    ids_off = 0x70
    data_off = ids_off + 4 * n
    payload = b"\x7f" + b"A" * 300_000 + b"\0"
    total = data_off + len(payload)
    struct.pack_into("<3I", header, 32, total, 0x70, 0x12345678)
    struct.pack_into("<2I", header, 56, n, ids_off)
    # each id one byte further into the run: distinct offsets, each string runs to the same far NUL
    raw = bytes(header) + struct.pack(f"<{n}I", *(data_off + 1 + i for i in range(n))) + payload
    d = DexFile(raw, "classes.dex")
    start = time.monotonic()
    with pytest.raises(DexError):
        for i in range(n):
            d.string(i)
    assert time.monotonic() - start < 5


def test_proto_with_too_many_parameters():
    raw = dex(("a.B",))
    d = DexFile(raw, "classes.dex")
    assert d.method_ref_count == 0
    # build a proto by hand on a copy: point proto 0's parameter list at a count of 70000
    from tests.hostile.builders import build_dex

    raw = build_dex(["a.B"], method_refs=[("a.B", "m", "V")])
    proto_off = struct.unpack_from("<I", raw, 76)[0]
    params_at = len(raw)
    raw = _patch(raw + struct.pack("<I", 70000) + b"\0" * 8, proto_off + 8, params_at)
    raw = _patch(raw, 32, len(raw))
    with pytest.raises(DexError, match="70000 parameters"):
        DexFile(raw, "classes.dex").method_ref(0)


def test_truncated_code_items_raise_dex_error():
    from auditor.code.dexcode import DexCode

    d = DexFile(dex(("a.B",)), "classes.dex")
    code = DexCode(d)
    for off in (len(d.data) - 8, len(d.data) + 100, 0x70 + 2):
        with pytest.raises(DexError):
            code.code(off)


# -- ELF --------------------------------------------------------------------------------------------------
def _elf64(phoff=64, phnum=1, phentsize=56, shoff=0, shnum=0, shentsize=64, shstrndx=0, size=200) -> bytes:
    ident = b"\x7fELF" + bytes([2, 1, 1]) + b"\0" * 9
    header = ident + struct.pack("<HHIQQQIHHHHHH", 3, 183, 1, 0, phoff, shoff, 0, 64, phentsize, phnum,
                                 shentsize, shnum, shstrndx)
    return header + b"\0" * (size - len(header))


@pytest.mark.parametrize("raw,match", [
    (b"\x7fELF", "truncated ELF identification"),
    (b"\x7fELF" + bytes([3, 1, 1]) + b"\0" * 60, "bad ELF class"),
    (b"\x7fELF" + bytes([2, 9, 1]) + b"\0" * 60, "bad ELF data encoding"),
    (b"\x7fELF" + bytes([2, 1, 1]) + b"\0" * 20, "truncated ELF header"),
    (_elf64(phnum=1000), "program header table"),
    (_elf64(phentsize=8), "program header entry size"),
    (_elf64(shoff=100, shnum=50), "section header table"),
    (_elf64(shoff=64, shnum=1, shstrndx=5, size=64 + 64), "section name table index"),
    (_elf64(phnum=0), "without program or section headers"),
])
def test_broken_elf_headers_are_caught_before_lief(raw, match):
    assert match in elf_problem(raw)
    lib = parse_native_lib("lib/arm64-v8a/libx.so", raw)
    assert match in lib.error and lib.name == "libx.so"


def test_truncations_of_a_plausible_elf_never_raise():
    raw = _elf64(size=400)
    for cut in range(0, 400, 7):
        lib = parse_native_lib("lib/x86/liby.so", raw[:cut])
        assert lib.name == "liby.so"


def test_invalid_mutf8_string_is_replaced_not_raised():
    """Found by the fuzz suite: a lone 0xC2 lead byte made the surrogatepass decoder raise."""
    from auditor.build.dex import _decode_mutf8

    assert _decode_mutf8(b"\xc2uildConfig.java") == "\ufffduildConfig.java"
    assert _decode_mutf8(b"a\xc0\x80b") == "a\x00b"
    assert _decode_mutf8(b"\xed\xa0\xbd\xed\xb8\x80") == "\U0001f600"
