"""Scan every code_item of a DEX file at once, with numpy: the operands the call graph and the call-site
finder need, as flat integer arrays (no per-instruction Python objects).

How: every code unit inside a code_item gets the width it would have if an instruction started there
(:data:`auditor.code.opcodes.WIDTH`, payload sizes read from the payload header), which gives a "next
instruction" array. Instruction starts are the chains of that array from each code_item's first unit; they
are followed for all code_items together, one step per instruction (a vectorised frontier), so the cost is
one pass over the code. A chain that meets an unused opcode or steps past its code_item's end is malformed
code (:class:`DexError`, the same messages as :func:`auditor.code.dexcode.scan_instructions`).

Code items that overlap one another (never in a valid file) are scanned one by one by the Python walker of
:mod:`auditor.code.dexcode`, which budgets the work against the file size.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from auditor.build.dex import DexError
from auditor.code.dexcode import DexCode, MethodCode
from auditor.code.keyids import distinct
from auditor.code.opcodes import (
    K_CONST_CLASS,
    K_CONST_STRING,
    K_CONST_STRING_J,
    K_INVOKE,
    K_INVOKE_VIRTUAL,
    K_NEW_INSTANCE,
    K_POLYMORPHIC,
    K_SGET_OBJECT,
    K_STATIC_FIELD,
    KIND,
    WIDTH,
)

# Event kinds (what an event's operand is)
E_INVOKE = 1
"""invoke-direct/-static/-super/-polymorphic: a method index naming the exact target."""
E_VIRTUAL = 2
"""invoke-virtual/-interface: a method index, dispatched on the receiver."""
E_STRING = 3
"""const-string(/jumbo): a string index."""
E_TYPE = 4
"""new-instance, const-class: a type index."""
E_SGET_OBJECT = 5
"""sget-object: a field index."""
E_STATIC_FIELD = 6
"""other sget/sput: a field index."""

_EVENT_OF_KIND = np.zeros(256, dtype=np.uint8)
for _kind, _event in ((K_INVOKE, E_INVOKE), (K_POLYMORPHIC, E_INVOKE), (K_INVOKE_VIRTUAL, E_VIRTUAL),
                      (K_CONST_STRING, E_STRING), (K_CONST_STRING_J, E_STRING), (K_NEW_INSTANCE, E_TYPE),
                      (K_CONST_CLASS, E_TYPE), (K_SGET_OBJECT, E_SGET_OBJECT), (K_STATIC_FIELD, E_STATIC_FIELD)):
    _EVENT_OF_KIND[_kind] = _event
_EVENT_OF_OP = _EVENT_OF_KIND[np.array(KIND, dtype=np.uint8)]
_WIDTH32 = np.array(WIDTH, dtype=np.int32)
_CODE_ITEM_HEADER = 16
_FEW_CHAINS = 8
"""Below this many unfinished code items, their instructions are followed one by one in Python."""


@dataclass(frozen=True)
class CodeOps:
    """The operands of every code_item of one DEX file, grouped by code item (CSR layout)."""

    offsets: npt.NDArray[np.int64]
    """The code offset of each code item, ascending (items are numbered in offset order)."""
    ptr: npt.NDArray[np.int64]
    """Events of item ``i`` are ``[ptr[i], ptr[i+1])``."""
    kind: npt.NDArray[np.uint8]
    """``E_*`` per event, in instruction order within an item."""
    arg: npt.NDArray[np.int64]
    """The event's index operand (method, string, type or field index of this DEX file)."""

    @property
    def items(self) -> int:
        return len(self.ptr) - 1

    @cached_property
    def item_of_event(self) -> npt.NDArray[np.int32]:
        """The code item of each event (made on first use)."""
        return np.repeat(np.arange(self.items, dtype=np.int32), np.diff(self.ptr))

    def item(self, code_off: int) -> int:
        """Item number of a code offset (-1 for 0: no code)."""
        return int(self.items_at(np.array([code_off], dtype=np.int64))[0])

    def items_at(self, code_off: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """Item number of each code offset (-1: 0, no code, or not a scanned item)."""
        offsets = self.offsets
        if not len(offsets):
            return np.full(len(code_off), -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(offsets, code_off), len(offsets) - 1)
        return np.where((offsets[at] == code_off) & (code_off != 0), at, -1)

    def method_code(self, item: int) -> MethodCode:
        """The operands of one item as a :class:`MethodCode` (for the few methods looked at closely)."""
        if item < 0:
            return MethodCode((), (), (), (), (), ())
        lo, hi = int(self.ptr[item]), int(self.ptr[item + 1])
        kinds = self.kind[lo:hi].tolist()
        args = self.arg[lo:hi].tolist()

        def pick(*wanted: int) -> tuple[int, ...]:
            return tuple(a for k, a in zip(kinds, args) if k in wanted)

        return MethodCode(pick(E_INVOKE, E_VIRTUAL), pick(E_VIRTUAL), pick(E_STRING), pick(E_TYPE),
                          pick(E_SGET_OBJECT), pick(E_STATIC_FIELD))


def of_kinds(kind: npt.NDArray[np.uint8], kinds: tuple[int, ...]) -> npt.NDArray[np.bool_]:
    """Whether each event's kind is one of ``kinds`` (a few ``E_*`` values: one comparison each, ~50x
    cheaper than ``np.isin`` on so few values)."""
    mask = np.zeros(len(kind), dtype=bool)
    for value in kinds:
        mask |= kind == value
    return mask


def _item_bounds(code: DexCode, offsets: list[int]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """First code unit and unit count of each code item (checked like :meth:`DexCode.code`)."""
    data = code.dex.data
    path = code.dex.path
    offs = np.array(offsets, dtype=np.int64)
    bad = (offs & 3) | (offs < 0x70) | (offs + _CODE_ITEM_HEADER > len(data))
    if bad.any():
        off = int(offs[np.nonzero(bad)[0][0]])
        raise DexError(f"{path}: code_item offset {off:#x} misaligned or out of range")
    words = np.frombuffer(data, dtype="<u4", count=len(data) // 4)
    sizes = words[(offs + 12) // 4].astype(np.int64)
    starts = (offs + _CODE_ITEM_HEADER) // 2
    over = starts + sizes > code.code_limit
    if over.any():
        k = int(np.nonzero(over)[0][0])
        raise DexError(f"{path}: code_item at {int(offs[k]):#x} ({int(sizes[k])} units) runs past the end")
    return starts, sizes


def _widths(units: npt.NDArray[np.uint16], pos: npt.NDArray[np.int32], ends: npt.NDArray[np.int32],
            limit: int) -> npt.NDArray[np.int32]:
    """Width of an instruction starting at each unit ``pos`` (0: unused opcode or payload that does not
    fit), as :func:`auditor.code.opcodes.payload_width` computes it; payload widths above ``limit`` (past
    the end of any code item) are cut to ``limit``."""
    ops = units[pos] & 0xFF
    width: npt.NDArray[np.int32] = _WIDTH32[ops]
    zero = np.nonzero(ops == 0)[0]
    del ops
    if len(zero):
        at = pos[zero].astype(np.int64)
        ident = units[at].astype(np.int64)
        a1 = units.take(at + 1, mode="clip").astype(np.int64)
        count = a1 * (units.take(at + 2, mode="clip").astype(np.int64)
                      | (units.take(at + 3, mode="clip").astype(np.int64) << 16))
        room1 = at + 1 < ends[zero]
        room3 = at + 3 < ends[zero]
        payload = np.select(
            [ident == 0x0100, ident == 0x0200, ident == 0x0300, ident == 0],
            [np.where(room1, 4 + 2 * a1, 0), np.where(room1, 2 + 4 * a1, 0),
             np.where(room3, 4 + (count + 1) // 2, 0), 1], 0)
        width[zero] = np.minimum(payload, limit)
    return width


def _instruction_starts(code: DexCode, starts: npt.NDArray[np.int64], sizes: npt.NDArray[np.int64]
                        ) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]:
    """Unit positions of every instruction (sorted) and the item each belongs to (int32, like every per
    unit array here)."""
    total = int(sizes.sum())
    cum = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(sizes, out=cum[1:])
    # per code unit arrays are int32 (a DEX file has fewer than 2**31 units): they are the scan's peak memory
    item_of_unit = np.repeat(np.arange(len(sizes), dtype=np.int32), sizes)
    pos = np.arange(total, dtype=np.int32)
    pos += (starts - cum[:-1]).astype(np.int32)[item_of_unit]
    ends = (starts + sizes).astype(np.int32)[item_of_unit]
    width = _widths(code.units, pos, ends, total + 2)
    after = pos + width
    bad_at, done = total, total + 1
    nxt = np.arange(total + 2, dtype=np.int32)
    nxt[:total] += width
    nxt[:total][after == ends] = done
    nxt[:total][(width == 0) | (after > ends)] = bad_at
    del after, ends
    marked = np.zeros(total + 2, dtype=bool)
    front: npt.NDArray[np.signedinteger[Any]] = cum[:-1][sizes > 0]
    marked[front] = True
    while len(front):  # one step per instruction of the longest item; chains that end drop out
        if len(front) <= _FEW_CHAINS:  # the last few long items: a Python step costs less than a numpy call
            for at in front.tolist():
                while at < total:
                    at = int(nxt[at])
                    marked[at] = True
            break
        front = nxt[front]
        marked[front] = True  # marks bad_at / done too
        front = front[front < total]
    if marked[bad_at]:
        _raise_malformed(code, starts, sizes, nxt, cum, width, total)
    local = np.nonzero(marked[:total])[0]
    return pos[local], item_of_unit[local]


def _raise_malformed(code: DexCode, starts: npt.NDArray[np.int64], sizes: npt.NDArray[np.int64],
                     nxt: npt.NDArray[np.int32], cum: npt.NDArray[np.int64], width: npt.NDArray[np.int32],
                     total: int) -> None:
    """Find the first malformed item and raise the walker's message for it."""
    for item in range(len(sizes)):
        at = int(cum[item])
        while at < total:
            step = int(nxt[at])
            if step == total:
                where = f"{code.dex.path}"
                unit = int(code.units[int(starts[item]) + at - int(cum[item])])
                if width[at] == 0 and unit & 0xFF == 0:
                    raise DexError(f"{where}: bad payload or nop {unit:#06x} at code unit {at - int(cum[item])}")
                if width[at] == 0:
                    raise DexError(f"{where}: unused opcode {unit & 0xFF:#04x} at code unit {at - int(cum[item])}")
                raise DexError(f"{where}: last instruction runs past the end of its code_item")
            at = step
    raise DexError(f"{code.dex.path}: malformed code")  # pragma: no cover - marked[bad] implies one above


def _events(code: DexCode, pos: npt.NDArray[np.int32], item: npt.NDArray[np.int32], items: int) -> CodeOps:
    units = code.units
    ops = units[pos] & 0xFF
    kind = _EVENT_OF_OP[ops]
    keep = np.nonzero(kind)[0]
    kind = kind[keep]
    at = pos[keep]
    arg = units.take(at + 1, mode="clip").astype(np.int64)
    jumbo = np.nonzero(ops[keep] == 0x1B)[0]
    if len(jumbo):
        arg[jumbo] |= units.take(at[jumbo] + 2, mode="clip").astype(np.int64) << 16
    ptr = np.zeros(items + 1, dtype=np.int64)
    np.cumsum(np.bincount(item[keep], minlength=items), out=ptr[1:])
    return CodeOps(np.zeros(0, dtype=np.int64), ptr, kind, arg)


def _slow_scan(code: DexCode, offsets: list[int]) -> CodeOps:
    """Item by item with the Python walker (overlapping code items: hostile input)."""
    kinds: list[int] = []
    args: list[int] = []
    ptr = [0]
    for off in offsets:
        mc = code.code(off)
        virtual = set(mc.virtual)
        for idx in mc.invokes:
            kinds.append(E_VIRTUAL if idx in virtual else E_INVOKE)
            args.append(idx)
        for event, values in ((E_STRING, mc.strings), (E_TYPE, mc.types), (E_SGET_OBJECT, mc.sget_objects),
                              (E_STATIC_FIELD, mc.static_fields)):
            kinds.extend([event] * len(values))
            args.extend(values)
        ptr.append(len(kinds))
    return CodeOps(np.zeros(0, dtype=np.int64), np.array(ptr, dtype=np.int64), np.array(kinds, dtype=np.uint8),
                   np.array(args, dtype=np.int64))


def scan_code(code: DexCode, code_offsets: list[int]) -> CodeOps:
    """Scan the code items at ``code_offsets`` (0 entries and repeats ignored)."""
    every = distinct(np.array(code_offsets, dtype=np.int64))
    found = every[every != 0]
    offsets = found.tolist()
    if not offsets:
        return CodeOps(found, np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.uint8), np.zeros(0, dtype=np.int64))
    starts, sizes = _item_bounds(code, offsets)
    if (starts[1:] < (starts + sizes)[:-1]).any():
        ops = _slow_scan(code, offsets)
    else:
        pos, item = _instruction_starts(code, starts, sizes)
        ops = _events(code, pos, item, len(offsets))
    return CodeOps(found, ops.ptr, ops.kind, ops.arg)


__all__ = ["E_INVOKE", "E_SGET_OBJECT", "E_STATIC_FIELD", "E_STRING", "E_TYPE", "E_VIRTUAL", "CodeOps",
           "of_kinds", "scan_code"]
