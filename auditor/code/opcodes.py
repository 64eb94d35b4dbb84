"""The Dalvik instruction set, reduced to what the call-site finder needs: each opcode's width and kind.

Widths are in 16-bit code units and come from the instruction *formats* of the Dalvik bytecode reference
(https://source.android.com/docs/core/runtime/dalvik-bytecode, "Instruction formats"): the digit before
the format letters is the unit count (``35c`` -> 3 units, ``51l`` -> 5, ``45cc`` -> 4). Opcode ``0x00``
is ``nop`` (1 unit) unless its high byte marks a payload pseudo-instruction (packed-switch, sparse-switch,
fill-array-data), whose size is read from the payload itself (see :func:`payload_width`). Opcodes the
reference lists as unused (``3e-43``, ``73``, ``79-7a``, ``e3-f9``) have width 0: meeting one means the
code is malformed.
"""

from __future__ import annotations

# Kinds: what the scanner records for an opcode. 0 = nothing.
K_NONE = 0
K_INVOKE = 1          # invoke-kind {..}, meth@BBBB (35c / 3rc): method index in unit 1
K_CONST_STRING = 2    # const-string vAA, string@BBBB (21c)
K_CONST_STRING_J = 3  # const-string/jumbo vAA, string@BBBBBBBB (31c)
K_NEW_INSTANCE = 4    # new-instance vAA, type@BBBB (21c)
K_CONST_CLASS = 5     # const-class vAA, type@BBBB (21c)
K_SGET_OBJECT = 6     # sget-object vAA, field@BBBB (21c)
K_STATIC_FIELD = 7    # other sget/sput: field@BBBB (21c), for class-initialiser edges
K_POLYMORPHIC = 8     # invoke-polymorphic(/range): meth@BBBB in unit 1 (45cc / 4rcc)
K_PAYLOAD = 9         # 0x00: nop or payload pseudo-instruction
K_INVOKE_VIRTUAL = 10  # invoke-virtual/-interface (and /range): dispatched on the receiver's class

INVOKE_OPCODES: frozenset[int] = frozenset(range(0x6E, 0x73)) | frozenset(range(0x74, 0x79))
INVOKE_VIRTUAL = frozenset({0x6E, 0x72, 0x74, 0x78})
"""invoke-virtual, invoke-interface and their /range forms (the others name the exact target)."""


def _build_widths() -> tuple[int, ...]:
    width = [0] * 256
    spans: list[tuple[int, int, int]] = [
        (0x00, 0x00, 1), (0x01, 0x01, 1), (0x02, 0x02, 2), (0x03, 0x03, 3),   # nop, move, /from16, /16
        (0x04, 0x04, 1), (0x05, 0x05, 2), (0x06, 0x06, 3),                    # move-wide
        (0x07, 0x07, 1), (0x08, 0x08, 2), (0x09, 0x09, 3),                    # move-object
        (0x0A, 0x11, 1),                                                      # move-result*, return*
        (0x12, 0x12, 1), (0x13, 0x13, 2), (0x14, 0x14, 3), (0x15, 0x15, 2),   # const/4 /16 const /high16
        (0x16, 0x16, 2), (0x17, 0x17, 3), (0x18, 0x18, 5), (0x19, 0x19, 2),   # const-wide*
        (0x1A, 0x1A, 2), (0x1B, 0x1B, 3), (0x1C, 0x1C, 2),                    # const-string(/jumbo), class
        (0x1D, 0x1E, 1), (0x1F, 0x20, 2), (0x21, 0x21, 1),                    # monitor, check-cast, ...
        (0x22, 0x23, 2), (0x24, 0x26, 3), (0x27, 0x28, 1), (0x29, 0x29, 2),   # new-*, filled-new-array..
        (0x2A, 0x2C, 3), (0x2D, 0x31, 2), (0x32, 0x3D, 2),                    # goto/32, switch, cmp, if
        (0x44, 0x51, 2), (0x52, 0x5F, 2), (0x60, 0x6D, 2),                    # aget/aput iget/iput sget/sput
        (0x6E, 0x72, 3), (0x74, 0x78, 3),                                     # invoke-kind, /range
        (0x7B, 0x8F, 1), (0x90, 0xAF, 2), (0xB0, 0xCF, 1),                    # unop, binop, binop/2addr
        (0xD0, 0xD7, 2), (0xD8, 0xE2, 2),                                     # binop/lit16, /lit8
        (0xFA, 0xFB, 4), (0xFC, 0xFD, 3), (0xFE, 0xFF, 2),                    # polymorphic, custom, handles
    ]
    for first, last, units in spans:
        for op in range(first, last + 1):
            width[op] = units
    return tuple(width)


def _build_kinds() -> tuple[int, ...]:
    kind = [K_NONE] * 256
    for op in INVOKE_OPCODES:
        kind[op] = K_INVOKE
    for op in INVOKE_VIRTUAL:
        kind[op] = K_INVOKE_VIRTUAL
    for op in range(0x60, 0x6E):
        kind[op] = K_STATIC_FIELD
    kind[0x62] = K_SGET_OBJECT
    kind[0x1A] = K_CONST_STRING
    kind[0x1B] = K_CONST_STRING_J
    kind[0x22] = K_NEW_INSTANCE
    kind[0x1C] = K_CONST_CLASS
    kind[0xFA] = K_POLYMORPHIC
    kind[0xFB] = K_POLYMORPHIC
    kind[0x00] = K_PAYLOAD
    return tuple(kind)


WIDTH: tuple[int, ...] = _build_widths()
"""Instruction width in code units per opcode (0: unused opcode)."""
KIND: tuple[int, ...] = _build_kinds()
"""What the scanner records per opcode (``K_*``)."""

PACKED_SWITCH_PAYLOAD = 0x0100
SPARSE_SWITCH_PAYLOAD = 0x0200
FILL_ARRAY_DATA_PAYLOAD = 0x0300


def payload_width(ident: int, units: list[int] | object, pos: int, end: int) -> int:
    """Width in code units of the instruction at ``pos`` whose opcode byte is ``0x00``.

    ``ident`` is the full first unit. Returns 0 when the payload header does not fit before ``end``
    (the caller treats that as malformed code).
    """
    if ident == PACKED_SWITCH_PAYLOAD:          # ident, size, first_key(2), targets[size](2 each)
        if pos + 1 >= end:
            return 0
        return 4 + 2 * units[pos + 1]  # type: ignore[index]
    if ident == SPARSE_SWITCH_PAYLOAD:          # ident, size, keys[size](2 each), targets[size](2 each)
        if pos + 1 >= end:
            return 0
        return 2 + 4 * units[pos + 1]  # type: ignore[index]
    if ident == FILL_ARRAY_DATA_PAYLOAD:        # ident, element_width, size(2), data (padded to units)
        if pos + 3 >= end:
            return 0
        elem = units[pos + 1]  # type: ignore[index]
        count = units[pos + 2] | (units[pos + 3] << 16)  # type: ignore[index]
        return 4 + (elem * count + 1) // 2
    return 1 if ident == 0 else 0
