"""The instruction decoder on hand-made bytecode: widths, payloads, operands, malformed input."""

from __future__ import annotations

import pytest

from auditor.build.dex import DexError
from auditor.code.dexcode import read_uleb128, scan_instructions
from auditor.code.opcodes import INVOKE_OPCODES, WIDTH

PAD = [0] * 8


def scan(units: list[int]):
    return scan_instructions(units + PAD, 0, len(units), "test")


def test_invoke_operands_and_virtual_subset():
    code = scan([0x106E, 0x0007, 0x0001,      # invoke-virtual {v1}, meth@7
                 0x1071, 0x0008, 0x0000,      # invoke-static {v0}, meth@8
                 0x0374, 0x0009, 0x0002,      # invoke-virtual/range {v2..v4}, meth@9
                 0x000E])                     # return-void
    assert code.invokes == (7, 8, 9)
    assert code.virtual == (7, 9)


def test_every_invoke_opcode_is_recorded():
    units: list[int] = []
    for op in sorted(INVOKE_OPCODES):
        units += [op, 0x0100 + op, 0]
    assert scan(units).invokes == tuple(0x0100 + op for op in sorted(INVOKE_OPCODES))


def test_strings_types_and_fields():
    code = scan([0x001A, 0x0005,              # const-string v0, string@5
                 0x001B, 0x0001, 0x0002,      # const-string/jumbo v0, string@0x20001
                 0x0022, 0x0003,              # new-instance v0, type@3
                 0x001C, 0x0004,              # const-class v0, type@4
                 0x0062, 0x000A,              # sget-object v0, field@10
                 0x0060, 0x000B,              # sget v0, field@11
                 0x0069, 0x000C,              # sput-object v0, field@12
                 0x000E])
    assert code.strings == (5, 0x20001)
    assert code.types == (3, 4)
    assert code.sget_objects == (10,)
    assert code.static_fields == (11, 12)


def test_wide_constants_do_not_hide_the_next_instruction():
    # const-wide v0, #0x006e..: the literal units look like an invoke opcode but are operands
    code = scan([0x0018, 0x006E, 0x006E, 0x006E, 0x006E, 0x1071, 0x0002, 0x0000, 0x000E])
    assert code.invokes == (2,)


def test_payloads_are_stepped_over():
    code = scan([0x0028 | (0x0F << 8),        # goto +15 (to the invoke after the payloads)
                 0x0100, 0x0002, 0x0000, 0x0000, 0x0001, 0x0000, 0x0002, 0x0000,   # packed-switch, 2
                 0x0200, 0x0001, 0x0010, 0x0000, 0x0003, 0x0000,                    # sparse-switch, 1
                 0x1071, 0x0006, 0x0000,      # invoke-static meth@6
                 0x0300, 0x0001, 0x0003, 0x0000, 0x006E, 0x6E6E,                    # fill-array 3 bytes
                 0x1071, 0x0007, 0x0000])
    assert code.invokes == (6, 7)


def test_invoke_polymorphic_and_custom_widths():
    code = scan([0x10FA, 0x0003, 0x0000, 0x0004,   # invoke-polymorphic (4 units)
                 0x10FC, 0x0001, 0x0000,           # invoke-custom (3 units, call-site index: not a method)
                 0x1071, 0x0005, 0x0000])
    assert code.invokes == (3, 5)


@pytest.mark.parametrize("units", [
    [0x003E],                       # unused opcode
    [0x0400],                       # nop with a bad payload identifier
    [0x1071, 0x0001],               # invoke truncated by the end of the code item
    [0x0100, 0x0009, 0, 0],         # packed-switch payload longer than the code item
])
def test_malformed_code_raises_dex_error(units):
    with pytest.raises(DexError):
        scan(units)


def test_width_table_matches_the_format_families():
    assert WIDTH[0x18] == 5 and WIDTH[0x14] == 3 and WIDTH[0xFA] == 4 and WIDTH[0xFE] == 2
    assert all(WIDTH[op] == 3 for op in INVOKE_OPCODES)
    assert [op for op in range(256) if WIDTH[op] == 0] == (
        list(range(0x3E, 0x44)) + [0x73, 0x79, 0x7A] + list(range(0xE3, 0xFA)))


def test_uleb128():
    assert read_uleb128(b"\x7f", 0) == (127, 1)
    assert read_uleb128(b"\x80\x7f", 0) == (16256, 2)
    assert read_uleb128(b"\xff\xff\xff\xff\x0f", 0) == (0xFFFFFFFF, 5)
    with pytest.raises(DexError):
        read_uleb128(b"\x80\x80", 0)
    with pytest.raises(DexError):
        read_uleb128(b"\x80\x80\x80\x80\x80\x01", 0)


def test_uleb128_batch_decoder_matches_the_single_decoder():
    from auditor.code.dexcode import read_uleb128, read_uleb128s

    values = [0, 1, 127, 128, 300, 16383, 16384, 2**21, 2**28 - 1, 2**32 - 1]
    from dexgen import uleb128

    blob = b"".join(uleb128(v) for v in values)
    got, end = read_uleb128s(blob, 0, len(values))
    assert got == values and end == len(blob)
    pos, single = 0, []
    for _ in values:
        value, pos = read_uleb128(blob, pos)
        single.append(value)
    assert single == values
    with pytest.raises(DexError):
        read_uleb128s(blob[:-1], 0, len(values))
    with pytest.raises(DexError):
        read_uleb128s(b"\x80\x80\x80\x80\x80\x01", 0, 1)

