"""Source positions from DEX debug info: the source file of a class and the line of a call in a method.

Reads ``class_def_item.source_file_idx`` and the method's ``debug_info_item`` (the line-number state
machine of the DEX format), then finds the invoke of the callee among the method's instructions and
returns the line in force at its address. Bounded: only the methods asked for are read, each once per
scan, with the same instruction walk and bounds checks as :mod:`auditor.code.dexcode`; malformed debug
info gives "no position", never an error (positions are a courtesy for reports, not a fact of the scan).

Format: https://source.android.com/docs/core/runtime/dex-format#debug-info-item
"""

from __future__ import annotations

import struct
from array import array
from bisect import bisect_left
from dataclasses import dataclass, replace

from auditor.build.dex import DexError, DexFile, class_to_descriptor
from auditor.code.dexcode import NO_INDEX, read_uleb128
from auditor.code.opcodes import (
    K_INVOKE,
    K_INVOKE_VIRTUAL,
    K_PAYLOAD,
    K_POLYMORPHIC,
    KIND,
    WIDTH,
    payload_width,
)
from auditor.code.program import DexRefs
from auditor.code.tables import dex_tables
from auditor.model import DataAccess, SourcePosition

MAX_DEBUG_OPS = 1 << 16
"""Debug-info opcodes read per method at most (real methods have a few hundred)."""
_DBG_END, _DBG_ADVANCE_PC, _DBG_ADVANCE_LINE, _DBG_START_LOCAL, _DBG_START_LOCAL_EXT = 0, 1, 2, 3, 4
_DBG_END_LOCAL, _DBG_RESTART_LOCAL, _DBG_SET_FILE, _DBG_FIRST_SPECIAL = 5, 6, 9, 0x0A


def _read_sleb128(data: bytes, pos: int) -> tuple[int, int]:
    result, shift = 0, 0
    while True:
        if pos >= len(data) or shift > 28:
            raise DexError(f"sleb128 at {pos:#x} is malformed")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            if byte & 0x40:
                result -= 1 << shift
            return result, pos


def line_table(data: bytes, offset: int) -> list[tuple[int, int]]:
    """``(address in code units, line)`` entries of the debug_info_item at ``offset``."""
    if not offset or offset >= len(data):
        return []
    line, pos = read_uleb128(data, offset)
    params, pos = read_uleb128(data, pos)
    for _ in range(min(params, 0xFFFF)):
        _name, pos = read_uleb128(data, pos)
    address = 0
    out: list[tuple[int, int]] = []
    for _ in range(MAX_DEBUG_OPS):
        if pos >= len(data):
            raise DexError(f"debug_info at {offset:#x} runs past the end")
        op = data[pos]
        pos += 1
        if op == _DBG_END:
            return out
        if op == _DBG_ADVANCE_PC:
            step, pos = read_uleb128(data, pos)
            address += step
        elif op == _DBG_ADVANCE_LINE:
            delta, pos = _read_sleb128(data, pos)
            line += delta
        elif op in (_DBG_START_LOCAL, _DBG_START_LOCAL_EXT):
            for _ in range(3 if op == _DBG_START_LOCAL else 4):
                _value, pos = read_uleb128(data, pos)
        elif op in (_DBG_END_LOCAL, _DBG_RESTART_LOCAL, _DBG_SET_FILE):
            _value, pos = read_uleb128(data, pos)
        elif op >= _DBG_FIRST_SPECIAL:
            adjusted = op - _DBG_FIRST_SPECIAL
            line += -4 + adjusted % 15
            address += adjusted // 15
            out.append((address, line))
        # 0x07 SET_PROLOGUE_END and 0x08 SET_EPILOGUE_BEGIN take no operand
    raise DexError(f"debug_info at {offset:#x} has more than {MAX_DEBUG_OPS} opcodes")


def _invoke_addresses(units: array[int], start: int, end: int, wanted: set[int]) -> list[int]:
    """Addresses (code units from the method start) of invokes of a method index in ``wanted``."""
    out = []
    i = start
    while i < end:
        unit = units[i]
        kind = KIND[unit & 0xFF]
        if kind in (K_INVOKE, K_INVOKE_VIRTUAL, K_POLYMORPHIC) and units[i + 1] in wanted:
            out.append(i - start)
        if kind == K_PAYLOAD:
            step = payload_width(unit, units, i, end)
        else:
            step = WIDTH[unit & 0xFF]
        if not step:
            break
        i += step
    return out


@dataclass(frozen=True)
class _ClassEntry:
    number: int
    """Position in the file's class_defs."""
    source_file: str


class DebugInfo:
    """Positions in one DEX file (classes and callees resolved once each)."""

    def __init__(self, dex: DexFile) -> None:
        self.dex = dex
        self.tables = dex_tables(dex)  # shared with the call-site analysis of the same scan
        self.code = self.tables.code
        self.refs = DexRefs(dex)
        self._defs: dict[int, int] | None = None
        self._classes: dict[str, _ClassEntry | None] = {}
        self._callees: dict[tuple[str, str], tuple[set[int], set[int]]] = {}

    def _class(self, name: str) -> _ClassEntry | None:
        if name not in self._classes:
            self._classes[name] = self._find_class(name)
        return self._classes[name]

    def _find_class(self, name: str) -> _ClassEntry | None:
        dex = self.dex
        if self._defs is None:
            self._defs = {cdef.class_idx: i for i, cdef in enumerate(self.tables.class_defs)}
        string_idx = self.refs.find_string(class_to_descriptor(name))
        if string_idx is None:
            return None
        type_idx = bisect_left(dex._type_string_idx, string_idx)
        if type_idx >= len(dex._type_string_idx) or dex._type_string_idx[type_idx] != string_idx:
            return None
        found = self._defs.get(type_idx)
        if found is None:
            return None
        i = found
        (src_idx,) = struct.unpack_from("<I", dex.data, dex._class_defs_off + i * 32 + 16)
        return _ClassEntry(i, dex.string(src_idx) if src_idx != NO_INDEX else "")

    def _callee(self, callee_class: str, callee_name: str) -> tuple[set[int], set[int]]:
        """Method ids of ``callee_class.callee_name``, and of any class's method of that name."""
        key = (callee_class, callee_name)
        if key not in self._callees:
            name_idx = self.refs.find_string(callee_name)
            named = set(self.refs.method_ids_named({name_idx})) if name_idx is not None else set()
            exact = {i for i in named if self.dex.method_ref(i).class_name == callee_class}
            self._callees[key] = (exact, named)
        return self._callees[key]

    def position(self, class_name: str, method: str, callee_class: str, callee_name: str
                 ) -> SourcePosition | None:
        """Where ``class_name.method`` calls ``callee_class.callee_name``.

        ``method`` is a name, optionally with its DEX prototype (``run()V``). The line is that of the first
        matching invoke (declared class first, then any class: a virtual call may name a subclass); without
        one (a field read, a string), the method's first line; ``None`` for the line when the method has no
        debug info. No position at all when the class is not defined in this file.
        """
        try:
            entry = self._class(class_name)
            if entry is None:
                return None
            return SourcePosition(entry.source_file, self._line(entry.number, method, callee_class, callee_name),
                                  class_name)
        except (DexError, struct.error, IndexError):
            return None

    def _line(self, class_no: int, method: str, callee_class: str, callee_name: str) -> int | None:
        dex = self.dex
        name, _, proto = method.partition("(")
        for method_idx, _access, code_off in self.tables.methods(class_no):
            if not code_off:
                continue
            ref = dex.method_ref(method_idx)
            if ref.name != name or (proto and ref.descriptor != "(" + proto):
                continue
            debug_off, insns = struct.unpack_from("<II", dex.data, code_off + 8)
            table = line_table(dex.data, debug_off)
            if not table:
                return None
            start = (code_off + 16) // 2
            end = min(start + insns, len(self.code._units) - 8)
            exact, named = self._callee(callee_class, callee_name)
            addresses = (_invoke_addresses(self.code._units, start, end, exact)
                         or _invoke_addresses(self.code._units, start, end, named))
            if not addresses:
                return table[0][1]
            line = table[0][1]
            for address, at in table:
                if address > addresses[0]:
                    break
                line = at
            return line
        return None


def _split(label: str) -> tuple[str, str]:
    """``com.a.B.run`` -> (``com.a.B``, ``run``)."""
    cls, _, name = label.rpartition(".")
    return cls, name


def _owned(class_name: str, own: tuple[str, ...]) -> bool:
    return any(class_name == p or class_name.startswith(p + ".") for p in own)


def locate_sites(dex_files: list[DexFile], sites: tuple[DataAccess, ...], own: tuple[str, ...]
                 ) -> tuple[DataAccess, ...]:
    """``sites`` with their source positions: the call itself, and the first app-owned frame walking out
    from it (``own``: the app's package prefixes). Methods are looked up in DEX files in build order."""
    infos = [DebugInfo(d) for d in dex_files]
    by_path = {d.path: info for d, info in zip(dex_files, infos)}

    def find(cls: str, method: str, callee: str, name: str, first: DebugInfo | None = None) -> SourcePosition | None:
        for info in ([first] if first else []) + infos:
            pos = info.position(cls, method, callee, name)
            if pos is not None:
                return pos
        return None

    out = []
    for site in sites:
        api_class, api_name = _split(site.api)
        position = find(site.caller_class, site.caller_method, api_class, api_name, by_path.get(site.dex))
        frames = [*site.path] if site.path else [f"{site.caller_class}.{site.caller_method.split('(')[0]}"]
        app_frame, app_position = "", None
        # walk out from the call: the caller, then each frame towards the entry point
        callees = [*frames[1:], site.api]
        for frame, callee in reversed(list(zip(frames, callees))):
            cls, method = _split(frame)
            if _owned(cls, own):
                app_frame = frame
                callee_cls, callee_name = _split(callee)
                if frame == frames[-1]:
                    app_position = position
                else:
                    app_position = find(cls, method, callee_cls, callee_name)
                break
        out.append(replace(site, position=position, app_frame=app_frame, app_position=app_position))
    return tuple(out)
