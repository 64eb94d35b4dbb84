"""Read the code of a DEX file: class_defs, class_data_item, encoded methods, code_item and instructions.

Builds on :class:`auditor.build.dex.DexFile` (tables and names) and keeps its discipline: every offset and
size is checked against the buffer, and malformed input raises :class:`DexError`, never ``IndexError`` or
``struct.error``. The instruction scanner does not disassemble: it steps over instructions by their width
(:mod:`auditor.code.opcodes`) and records only the operands the call-site finder needs (method, string,
type and field indices). Format reference: https://source.android.com/docs/core/runtime/dex-format
"""

from __future__ import annotations

import struct
from array import array
from functools import cached_property
from typing import NamedTuple

import numpy as np

from auditor.build.dex import DexError, DexFile
from auditor.code.opcodes import (
    K_CONST_CLASS,
    K_CONST_STRING,
    K_CONST_STRING_J,
    K_INVOKE,
    K_INVOKE_VIRTUAL,
    K_NEW_INSTANCE,
    K_PAYLOAD,
    K_POLYMORPHIC,
    K_SGET_OBJECT,
    K_STATIC_FIELD,
    KIND,
    WIDTH,
    payload_width,
)

NO_INDEX = 0xFFFFFFFF
ACC_PRIVATE = 0x2
ACC_STATIC = 0x8
ACC_INTERFACE = 0x200
ACC_ABSTRACT = 0x400
ACC_CONSTRUCTOR = 0x10000
_CODE_ITEM_HEADER = 16
_PAD_UNITS = 8


class ClassDef(NamedTuple):
    """A ``class_def_item`` with its interface list resolved to type indices."""

    class_idx: int
    access_flags: int
    superclass_idx: int
    """Type index of the superclass, or :data:`NO_INDEX` (``java.lang.Object`` itself)."""
    interfaces: tuple[int, ...]
    class_data_off: int
    """0 when the class has no fields or methods (a marker interface...)."""


class EncodedMethod(NamedTuple):
    """One ``encoded_method`` of a class_data_item (``method_idx`` already un-diffed)."""

    method_idx: int
    access_flags: int
    code_off: int
    """0 for abstract and native methods."""


class MethodCode(NamedTuple):
    """What one method's instructions reference, each in instruction order (repeats kept)."""

    invokes: tuple[int, ...]
    """``method_ids`` indices of every invoke-* and invoke-polymorphic."""
    virtual: tuple[int, ...]
    """The subset of :attr:`invokes` made by invoke-virtual/-interface (dispatched on the receiver)."""
    strings: tuple[int, ...]
    """``string_ids`` indices of const-string and const-string/jumbo."""
    types: tuple[int, ...]
    """``type_ids`` indices of new-instance and const-class (classes the method makes or names)."""
    sget_objects: tuple[int, ...]
    """``field_ids`` indices read by sget-object."""
    static_fields: tuple[int, ...]
    """``field_ids`` indices of every other sget/sput (for class-initialiser edges)."""


EMPTY_CODE = MethodCode((), (), (), (), (), ())


def read_uleb128(data: bytes, pos: int) -> tuple[int, int]:
    """Decode one unsigned LEB128 value at ``pos``: ``(value, next_pos)``. At most 5 bytes (32 bits)."""
    result = 0
    size = len(data)
    for shift in (0, 7, 14, 21, 28):
        if pos >= size:
            raise DexError(f"uleb128 at {pos:#x} runs past the end of the file")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
    raise DexError(f"uleb128 at {pos - 5:#x} is longer than 5 bytes")


def read_uleb128s(data: bytes, pos: int, count: int) -> tuple[list[int], int]:
    """Decode ``count`` consecutive unsigned LEB128 values (the hot path of class_data: one call per class,
    one-byte values inlined). Same limits and errors as :func:`read_uleb128`."""
    out: list[int] = []
    append = out.append
    try:
        for _ in range(count):
            byte = data[pos]
            pos += 1
            if byte < 0x80:
                append(byte)
                continue
            result, shift = byte & 0x7F, 7
            while True:
                byte = data[pos]
                pos += 1
                result |= (byte & 0x7F) << shift
                if byte < 0x80:
                    break
                shift += 7
                if shift > 28:
                    raise DexError(f"uleb128 before {pos:#x} is longer than 5 bytes")
            append(result)
    except IndexError:
        raise DexError(f"uleb128 at {pos:#x} runs past the end of the file") from None
    return out, pos


class DexCode:
    """The code view of one :class:`DexFile`: class definitions, methods and instruction scans."""

    def __init__(self, dex: DexFile) -> None:
        self.dex = dex
        data = dex.data
        usable = len(data) & ~1
        self.units = np.frombuffer(data, dtype="<u2", count=usable // 2)
        """The file as 16-bit code units (a view, no copy), for :mod:`auditor.code.codescan` (which reads
        operands with clipped indices: past the end only in malformed code)."""
        self.code_limit = usable // 2
        """First code unit index outside the file."""
        # class_data bytes and code units walked so far are budgeted against the file size: hostile files
        # point many classes or methods at one region (overlapping items) to make the walk quadratic
        self._walk_budget = 4 * len(data) + (1 << 20)

    @cached_property
    def _units(self) -> array[int]:
        """The file as code units for the Python walker, padded so operand reads of a truncated last
        instruction stay in range (built on first use: only hostile files with overlapping code items and
        tests walk code this way)."""
        units = array("H")
        units.frombytes(self.dex.data[:self.code_limit * 2])
        units.frombytes(bytes(2 * _PAD_UNITS))
        return units

    def _spend(self, amount: int) -> None:
        self._walk_budget -= amount
        if self._walk_budget < 0:
            raise DexError(f"{self.dex.path}: class_data or code items overlap (walked more than the file holds)")

    # -- class_defs -------------------------------------------------------------------------------------
    def class_defs(self) -> list[ClassDef]:
        """Every ``class_def_item`` in file order."""
        dex = self.dex
        data = dex.data
        size = len(data)
        out: list[ClassDef] = []
        base = dex._class_defs_off
        for i in range(dex._class_defs_size):
            class_idx, access, super_idx, iface_off, _src, _ann, data_off, _static = struct.unpack_from(
                "<8I", data, base + i * 32)
            interfaces: tuple[int, ...] = ()
            if iface_off:
                if iface_off + 4 > size:
                    raise DexError(f"{dex.path}: class_def {i} interface list out of range")
                (count,) = struct.unpack_from("<I", data, iface_off)
                if count > 0xFFFF or iface_off + 4 + count * 2 > size:
                    raise DexError(f"{dex.path}: class_def {i} interface list out of range")
                interfaces = struct.unpack_from(f"<{count}H", data, iface_off + 4)
            if data_off >= size:
                raise DexError(f"{dex.path}: class_def {i} class_data offset {data_off:#x} out of range")
            out.append(ClassDef(class_idx, access, super_idx, interfaces, data_off))
        return out

    def methods(self, class_def: ClassDef) -> list[EncodedMethod]:
        """Direct then virtual methods of one class (from its class_data_item)."""
        if not class_def.class_data_off:
            return []
        data = self.dex.data
        pos = class_def.class_data_off
        static_fields, pos = read_uleb128(data, pos)
        instance_fields, pos = read_uleb128(data, pos)
        direct, pos = read_uleb128(data, pos)
        virtual, pos = read_uleb128(data, pos)
        dex = self.dex
        if direct + virtual > dex.method_ref_count or static_fields + instance_fields > dex._field_ids_size:
            raise DexError(f"{dex.path}: class_data at {class_def.class_data_off:#x} declares more members "
                           f"than the file has ids")
        _fields, pos = read_uleb128s(data, pos, 2 * (static_fields + instance_fields))  # idx_diff, access
        values, pos = read_uleb128s(data, pos, 3 * (direct + virtual))  # idx_diff, access, code_off
        out: list[EncodedMethod] = []
        for first, count in ((0, direct), (direct, virtual)):
            idx = 0
            for k in range(first, first + count):
                idx += values[3 * k]
                out.append(EncodedMethod(idx, values[3 * k + 1], values[3 * k + 2]))
        self._spend(pos - class_def.class_data_off)
        return out

    # -- code_item --------------------------------------------------------------------------------------
    def code(self, code_off: int) -> MethodCode:
        """Scan the instructions of the code_item at ``code_off`` (0: no code)."""
        if not code_off:
            return EMPTY_CODE
        path = self.dex.path
        if code_off & 3 or code_off < 0x70 or code_off + _CODE_ITEM_HEADER > len(self.dex.data):
            raise DexError(f"{path}: code_item offset {code_off:#x} misaligned or out of range")
        (insns_size,) = struct.unpack_from("<I", self.dex.data, code_off + 12)
        start = (code_off + _CODE_ITEM_HEADER) // 2
        if start + insns_size > self.code_limit:
            raise DexError(f"{path}: code_item at {code_off:#x} ({insns_size} units) runs past the end")
        self._spend(2 * insns_size + _CODE_ITEM_HEADER)
        return scan_instructions(self._units, start, start + insns_size, path)


def scan_instructions(units: array[int] | list[int], start: int, end: int, where: str = "dex"
                      ) -> MethodCode:
    """Step over the instructions in ``units[start:end]`` and collect their interesting operands.

    ``units`` must extend at least 4 units past ``end`` (operand reads of a truncated last instruction stay
    in range; the final position check then reports it).
    """
    invokes: list[int] = []
    virtual: list[int] = []
    strings: list[int] = []
    types: list[int] = []
    sget: list[int] = []
    fields: list[int] = []
    width = WIDTH
    kinds = KIND
    i = start
    while i < end:
        unit = units[i]
        op = unit & 0xFF
        kind = kinds[op]
        if kind:
            if kind == K_INVOKE_VIRTUAL:
                invokes.append(units[i + 1])
                virtual.append(units[i + 1])
            elif kind == K_INVOKE or kind == K_POLYMORPHIC:
                invokes.append(units[i + 1])
            elif kind == K_STATIC_FIELD:
                fields.append(units[i + 1])
            elif kind == K_CONST_STRING:
                strings.append(units[i + 1])
            elif kind == K_SGET_OBJECT:
                sget.append(units[i + 1])
            elif kind == K_NEW_INSTANCE or kind == K_CONST_CLASS:
                types.append(units[i + 1])
            elif kind == K_CONST_STRING_J:
                strings.append(units[i + 1] | (units[i + 2] << 16))
            elif kind == K_PAYLOAD:
                step = payload_width(unit, units, i, end)
                if not step:
                    raise DexError(f"{where}: bad payload or nop {unit:#06x} at code unit {i - start}")
                i += step
                continue
        step = width[op]
        if not step:
            raise DexError(f"{where}: unused opcode {op:#04x} at code unit {i - start}")
        i += step
    if i != end:
        raise DexError(f"{where}: last instruction runs past the end of its code_item")
    return MethodCode(tuple(invokes), tuple(virtual), tuple(strings), tuple(types), tuple(sget), tuple(fields))
