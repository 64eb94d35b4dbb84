"""Decode the instructions of one method, with registers, constants and control flow: what the consent
and frequency analysis (:mod:`auditor.code.consent`) reads from the few methods it looks at closely.

Only the formats that carry what the analysis needs are decoded in full: invokes (argument registers),
move-result, moves, constants (``const*``, ``const-string``, ``const-class``, ``new-instance``), field reads
and writes, branches (``if-*``, ``goto*``, ``*-switch``), returns and ``throw``, and the try/catch handlers of
the code item (edges from every instruction inside a try block to its handlers). Everything else is
stepped over by its width (:mod:`auditor.code.opcodes`). Format reference:
https://source.android.com/docs/core/runtime/dalvik-bytecode and .../instruction-formats
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import NamedTuple

from auditor.build.dex import DexError
from auditor.code.dexcode import DexCode, read_uleb128
from auditor.code.opcodes import WIDTH, payload_width

NO_REG = -1


class Insn(NamedTuple):
    """One decoded instruction."""

    pos: int
    """Code-unit offset in the method."""
    op: int
    dst: int = NO_REG
    """Register written (move-result, const*, move*, iget/sget, new-instance...)."""
    args: tuple[int, ...] = ()
    """Registers read: invoke arguments, the tested registers of an ``if``, the source of a move/put."""
    idx: int = -1
    """Method, string, type or field index operand."""
    lit: int | None = None
    """Literal of a const instruction."""
    targets: tuple[int, ...] = ()
    """Branch targets (code-unit offsets)."""
    falls: bool = True
    """Execution can continue with the next instruction."""


def _s(value: int, bits: int) -> int:
    return value - (1 << bits) if value & (1 << (bits - 1)) else value


def _read_sleb128(data: bytes, pos: int) -> tuple[int, int]:
    value, end = read_uleb128(data, pos)
    bits = 7 * (end - pos)
    return _s(value, bits) if bits < 64 else value, end


@dataclass(frozen=True)
class MethodBody:
    """The decoded instructions of one method and its control-flow successors."""

    insns: tuple[Insn, ...]
    handlers: tuple[tuple[int, int, tuple[int, ...]], ...]
    """``(start, end, handler positions)`` per try block (code-unit offsets)."""
    registers: int
    ins: int

    @property
    def this_register(self) -> int:
        """The register holding ``this`` (or the first parameter of a static method)."""
        return self.registers - self.ins

    def index_of(self) -> dict[int, int]:
        return {insn.pos: i for i, insn in enumerate(self.insns)}

    def successors(self) -> list[list[int]]:
        """Per instruction (by list index), the list indices it can continue at."""
        at = self.index_of()
        out: list[list[int]] = []
        for i, insn in enumerate(self.insns):
            nxt = [at[t] for t in insn.targets if t in at]
            if insn.falls and i + 1 < len(self.insns):
                nxt.append(i + 1)
            for start, end, handlers in self.handlers:
                if start <= insn.pos < end:
                    nxt.extend(at[h] for h in handlers if h in at)
            out.append(nxt)
        return out


def _decode_one(u: list[int], i: int, rel: int) -> Insn:
    unit = u[i]
    op = unit & 0xFF
    aa = unit >> 8
    a4, b4 = aa & 0xF, aa >> 4
    if op in (0x01, 0x04, 0x07):
        return Insn(rel, op, a4, (b4,))
    if op in (0x02, 0x05, 0x08):
        return Insn(rel, op, aa, (u[i + 1],))
    if op in (0x03, 0x06, 0x09):
        return Insn(rel, op, u[i + 1], (u[i + 2],))
    if 0x0A <= op <= 0x0D:
        return Insn(rel, op, aa)
    if op == 0x0E:
        return Insn(rel, op, falls=False)
    if 0x0F <= op <= 0x11 or op == 0x27:
        return Insn(rel, op, args=(aa,), falls=False)
    if op == 0x12:
        return Insn(rel, op, a4, lit=_s(b4, 4))
    if op in (0x13, 0x16):
        return Insn(rel, op, aa, lit=_s(u[i + 1], 16))
    if op in (0x14, 0x17):
        return Insn(rel, op, aa, lit=_s(u[i + 1] | (u[i + 2] << 16), 32))
    if op == 0x15:
        return Insn(rel, op, aa, lit=_s(u[i + 1] << 16, 32))
    if op == 0x19:
        return Insn(rel, op, aa, lit=_s(u[i + 1] << 48, 64))
    if op == 0x18:
        return Insn(rel, op, aa, lit=_s(u[i + 1] | (u[i + 2] << 16) | (u[i + 3] << 32) | (u[i + 4] << 48), 64))
    if op in (0x1A, 0x1C, 0x22) or 0x60 <= op <= 0x66:
        return Insn(rel, op, aa, idx=u[i + 1])
    if 0x67 <= op <= 0x6D:
        return Insn(rel, op, args=(aa,), idx=u[i + 1])
    if op == 0x1B:
        return Insn(rel, op, aa, idx=u[i + 1] | (u[i + 2] << 16))
    if 0x52 <= op <= 0x58:
        return Insn(rel, op, a4, (b4,), idx=u[i + 1])
    if 0x59 <= op <= 0x5F:
        return Insn(rel, op, args=(a4, b4), idx=u[i + 1])
    if op == 0x28:
        return Insn(rel, op, targets=(rel + _s(aa, 8),), falls=False)
    if op == 0x29:
        return Insn(rel, op, targets=(rel + _s(u[i + 1], 16),), falls=False)
    if op == 0x2A:
        return Insn(rel, op, targets=(rel + _s(u[i + 1] | (u[i + 2] << 16), 32),), falls=False)
    if op in (0x2B, 0x2C):
        return Insn(rel, op, args=(aa,), idx=rel + _s(u[i + 1] | (u[i + 2] << 16), 32))  # payload, resolved later
    if 0x32 <= op <= 0x37:
        return Insn(rel, op, args=(a4, b4), targets=(rel + _s(u[i + 1], 16),))
    if 0x38 <= op <= 0x3D:
        return Insn(rel, op, args=(aa,), targets=(rel + _s(u[i + 1], 16),))
    if op in (0x6E, 0x6F, 0x70, 0x71, 0x72, 0xFA, 0xFC, 0x24):
        count, g = b4, a4
        regs = u[i + 2]
        args = (regs & 0xF, (regs >> 4) & 0xF, (regs >> 8) & 0xF, regs >> 12, g)[:count]
        return Insn(rel, op, args=args, idx=u[i + 1])
    if op in (0x74, 0x75, 0x76, 0x77, 0x78, 0xFB, 0xFD, 0x25):
        first = u[i + 2]
        return Insn(rel, op, args=tuple(range(first, first + aa)), idx=u[i + 1])
    return Insn(rel, op)


def _switch_targets(u: list[int], start: int, insn: Insn) -> tuple[int, ...]:
    at = start + insn.idx
    if not 0 <= at < len(u) - 2:
        return ()
    size = u[at + 1]
    if u[at] == 0x0100:
        base = at + 4
    elif u[at] == 0x0200:
        base = at + 2 + 2 * size
    else:
        return ()
    if base + 2 * size > len(u):
        return ()
    return tuple(insn.pos + _s(u[base + 2 * k] | (u[base + 2 * k + 1] << 16), 32) for k in range(size))


def _handlers(data: bytes, code_off: int, insns_size: int, tries: int) -> tuple[tuple[int, int, tuple[int, ...]], ...]:
    if not tries:
        return ()
    base = code_off + 16 + 2 * insns_size + (2 if insns_size % 2 else 0)
    list_off = base + 8 * tries
    if list_off > len(data):
        raise DexError(f"code_item at {code_off:#x}: try items run past the end of the file")
    out = []
    for k in range(tries):
        start, count, handler_off = struct.unpack_from("<IHH", data, base + 8 * k)
        pos = list_off + handler_off
        size, pos = _read_sleb128(data, pos)
        addrs: list[int] = []
        for _ in range(min(abs(size), 0xFFFF)):
            _type, pos = read_uleb128(data, pos)
            addr, pos = read_uleb128(data, pos)
            addrs.append(addr)
        if size <= 0:
            addr, pos = read_uleb128(data, pos)
            addrs.append(addr)
        out.append((start, start + count, tuple(addrs)))
    return tuple(out)


def decode_method(code: DexCode, code_off: int) -> MethodBody:
    """Decode the code item at ``code_off`` (checked like :meth:`DexCode.code`)."""
    data = code.dex.data
    if not code_off or code_off & 3 or code_off + 16 > len(data):
        raise DexError(f"{code.dex.path}: code_item offset {code_off:#x} misaligned or out of range")
    registers, ins, _outs, tries, _debug, insns_size = struct.unpack_from("<4HII", data, code_off)
    start = (code_off + 16) // 2
    if start + insns_size > code.code_limit:
        raise DexError(f"{code.dex.path}: code_item at {code_off:#x} runs past the end")
    units = code.units[start:start + insns_size].tolist() + [0] * 8
    insns: list[Insn] = []
    i = 0
    while i < insns_size:
        op = units[i] & 0xFF
        step = payload_width(units[i], units, i, insns_size) if op == 0 else WIDTH[op]
        if not step or i + step > insns_size:
            raise DexError(f"{code.dex.path}: malformed instruction at code unit {i} of {code_off:#x}")
        if op or units[i] == 0:
            insn = _decode_one(units, i, i)
            if op in (0x2B, 0x2C):
                insn = insn._replace(targets=_switch_targets(units, 0, insn))
            insns.append(insn)
        i += step
    return MethodBody(tuple(insns), _handlers(data, code_off, insns_size, tries), registers, ins)


__all__ = ["NO_REG", "Insn", "MethodBody", "decode_method"]
