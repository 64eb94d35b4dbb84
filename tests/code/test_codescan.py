"""The vectorised code-item scan (:mod:`auditor.code.codescan`) against the instruction walker
(:func:`auditor.code.dexcode.scan_instructions`) on hand-made code items, valid and malformed."""

from __future__ import annotations

import struct

import pytest

from auditor.build.dex import DexError, DexFile
from auditor.code.codescan import scan_code
from auditor.code.dexcode import DexCode, scan_instructions
from tests.hostile.builders import dex

# each: code units of one method (hand-assembled; see tests/code/test_dexcode.py for the encodings)
METHODS = [
    [0x106E, 0x0007, 0x0001, 0x1071, 0x0008, 0x0000, 0x0374, 0x0009, 0x0002, 0x000E],
    [0x001A, 0x0005, 0x001B, 0x0001, 0x0002, 0x0022, 0x0003, 0x001C, 0x0004, 0x0062, 0x000A,
     0x0060, 0x000B, 0x0069, 0x000C, 0x000E],
    [0x0018, 0x006E, 0x006E, 0x006E, 0x006E, 0x1071, 0x0002, 0x0000, 0x000E],   # const-wide hides no invoke
    [0x0F28, 0x0100, 0x0002, 0x0000, 0x0000, 0x0001, 0x0000, 0x0002, 0x0000,     # goto, packed-switch
     0x0200, 0x0001, 0x0010, 0x0000, 0x0003, 0x0000,                             # sparse-switch
     0x1071, 0x0006, 0x0000, 0x0300, 0x0001, 0x0003, 0x0000, 0x006E, 0x6E6E],   # invoke, fill-array
    [0x000E],
    [0x00FA, 0x000D, 0x0000, 0x0001, 0x00FC, 0x0003, 0x0000, 0x000E],           # polymorphic, custom
]


def _with_code(items: list[list[int]]) -> tuple[DexFile, list[int]]:
    raw = bytearray(dex(("a.B",)))
    offsets = []
    for units in items:
        raw += b"\0" * (-len(raw) % 4)
        offsets.append(len(raw))
        raw += struct.pack("<4HII", 1, 0, 0, 0, 0, len(units)) + struct.pack(f"<{len(units)}H", *units)
    return DexFile(bytes(raw), "classes.dex"), offsets


def _walker(d: DexFile, off: int):
    (size,) = struct.unpack_from("<I", d.data, off + 12)
    units = list(struct.unpack_from(f"<{len(d.data) // 2}H", d.data)) + [0] * 8
    return scan_instructions(units, (off + 16) // 2, (off + 16) // 2 + size, "classes.dex")


def test_same_operands_as_the_walker():
    d, offsets = _with_code(METHODS)
    ops = scan_code(DexCode(d), offsets)
    for off in offsets:
        assert ops.method_code(ops.item(off)) == _walker(d, off), off
    assert ops.method_code(ops.item(offsets[0])).invokes == (7, 8, 9)
    assert ops.item(0) == -1


def test_overlapping_items_take_the_walker_path():
    units = [0x0000, 0x1071, 0x0008, 0x0000, 0x000E]  # nop; invoke-static; return-void
    raw = bytearray(dex(("a.B",)))
    raw += b"\0" * (-len(raw) % 4)
    first = len(raw)
    raw += struct.pack("<4HII", 1, 0, 0, 0, 0, len(units)) + struct.pack(f"<{len(units)}H", *units) + b"\0" * 16
    d = DexFile(bytes(raw), "classes.dex")
    # a second "item" whose header sits inside the first one's instructions (hostile)
    second = first + 8
    ops = scan_code(DexCode(d), [first, second])
    assert ops.method_code(ops.item(first)).invokes == (8,)


@pytest.mark.parametrize("units,message", [
    ([0x003E, 0x000E], "unused opcode 0x3e"),
    ([0x000E, 0x1071, 0x0002], "runs past the end"),
    ([0x0500, 0x000E], "bad payload or nop 0x0500"),
    ([0x000E, 0x0100], "bad payload or nop 0x0100"),
])
def test_malformed_code_raises_like_the_walker(units, message):
    d, offsets = _with_code([METHODS[0], units])
    with pytest.raises(DexError, match=message):
        _walker(d, offsets[1])
    with pytest.raises(DexError, match=message):
        scan_code(DexCode(d), offsets)


def test_bad_offsets_are_refused():
    d, _ = _with_code([METHODS[0]])
    for off in (len(d.data) - 8, len(d.data) + 100, 0x70 + 2):
        with pytest.raises(DexError):
            scan_code(DexCode(d), [off])


def test_event_kinds_and_items_of_a_scan():
    """``of_kinds`` picks the events of the kinds asked; ``item_of_event`` names each event's code item
    (empty items own none). Expected values written by hand."""
    import numpy as np

    from auditor.code.codescan import E_INVOKE, E_STRING, E_TYPE, E_VIRTUAL, CodeOps, of_kinds

    kind = np.array([E_INVOKE, E_STRING, E_VIRTUAL, E_TYPE, E_INVOKE], dtype=np.uint8)
    assert of_kinds(kind, (E_INVOKE, E_VIRTUAL)).tolist() == [True, False, True, False, True]
    assert of_kinds(kind, (E_TYPE,)).tolist() == [False, False, False, True, False]
    ops = CodeOps(np.zeros(3, dtype=np.int64), np.array([0, 2, 2, 5], dtype=np.int64), kind, np.arange(5, dtype=np.int64))
    assert ops.item_of_event.tolist() == [0, 0, 2, 2, 2]
