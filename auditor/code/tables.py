"""One DEX file's classes, methods and code operands, read once and shared by every analysis of a scan.

The call-site analysis (:mod:`auditor.code.program`), the attribution of unclaimed code
(:mod:`auditor.detect.code_refs`) and the source positions (:mod:`auditor.code.debuginfo`) all read the same
class_defs, class_data_items and code items. :func:`dex_tables` reads them the first time one of them asks
and keeps the result on the :class:`~auditor.build.dex.DexFile` (its ``derived`` views), so a scan decodes
each file once.

The class_data_items of all classes are decoded together with numpy: every ULEB128 value of an item ends
at a byte below 0x80, so the k-th value of an item starting at ``p`` ends at the k-th such byte at or after
``p``. Anything a well-formed file never has (items overlapping or running past the bytes looked at, a value
longer than five bytes, more members than the file has ids, more bytes than the walk budget) falls back to
the class-by-class reader of :class:`~auditor.code.dexcode.DexCode`, which raises its usual
:class:`~auditor.build.dex.DexError` for the class at fault, and only when that class is asked for.
"""

from __future__ import annotations

from functools import cached_property
from typing import cast

import numpy as np
import numpy.typing as npt

from auditor.build.dex import DexError, DexFile
from auditor.code.codescan import CodeOps, scan_code
from auditor.code.dexcode import ClassDef, DexCode, EncodedMethod, read_uleb128s

Array = npt.NDArray[np.int64]
_MAX_ULEB = 5


class MethodTable:
    """The encoded methods of every class of one file, flat (direct then virtual methods per class)."""

    def __init__(self, ptr: Array, method_idx: Array, access: Array, code_off: Array) -> None:
        self.ptr = ptr
        """Methods of class_def ``i`` are rows ``[ptr[i], ptr[i+1])``."""
        self.method_idx = method_idx
        self.access = access
        self.code_off = code_off

    def of(self, class_no: int) -> list[tuple[int, int, int]]:
        """``(method_idx, access_flags, code_off)`` of one class's methods."""
        lo, hi = int(self.ptr[class_no]), int(self.ptr[class_no + 1])
        return list(zip(self.method_idx[lo:hi].tolist(), self.access[lo:hi].tolist(), self.code_off[lo:hi].tolist()))


class DexTables:
    """Class definitions, methods and code operands of one DEX file (each read on first use)."""

    def __init__(self, dex: DexFile) -> None:
        self.dex = dex
        self.code = DexCode(dex)

    @cached_property
    def class_defs(self) -> list[ClassDef]:
        return self.code.class_defs()

    @cached_property
    def _table(self) -> MethodTable | None:
        return _decode_class_data(self.code, self.class_defs)

    def methods(self, class_no: int) -> list[tuple[int, int, int]] | list[EncodedMethod]:
        """``(method_idx, access_flags, code_off)`` of the methods of class_def ``class_no``, direct then
        virtual (raises :class:`DexError` when that class's class_data_item is malformed)."""
        table = self._table
        if table is None:
            return self.code.methods(self.class_defs[class_no])
        return table.of(class_no)

    @cached_property
    def method_table(self) -> MethodTable:
        """Every class's methods as arrays (raises :class:`DexError` when some class_data_item is
        malformed)."""
        table = self._table
        if table is not None:
            return table
        rows = [self.code.methods(cdef) for cdef in self.class_defs]
        ptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum([len(r) for r in rows], out=ptr[1:])
        flat = np.array([m for r in rows for m in r], dtype=np.int64).reshape(-1, 3)
        return MethodTable(ptr, flat[:, 0].copy(), flat[:, 1].copy(), flat[:, 2].copy())

    @cached_property
    def ops(self) -> CodeOps:
        """The operands of every code item of the file's methods (raises :class:`DexError` on malformed
        code)."""
        return scan_code(self.code, self.method_table.code_off.tolist())


def dex_tables(dex: DexFile) -> DexTables:
    """The shared tables of ``dex`` (built on first call, then kept with the file)."""
    found = dex.derived.get(DexTables.__name__)
    if found is None:
        found = dex.derived[DexTables.__name__] = DexTables(dex)
    return cast(DexTables, found)


def _uleb_values(data: npt.NDArray[np.uint8], starts: Array, ends: Array) -> Array | None:
    """ULEB128 values occupying bytes ``starts[i]..ends[i]`` (inclusive); None when one is too long."""
    length = ends - starts + 1
    if len(length) and int(length.max()) > _MAX_ULEB:
        return None
    value = (data[starts] & 0x7F).astype(np.int64)
    for k in range(1, _MAX_ULEB):
        more = np.nonzero(length > k)[0]
        if not len(more):
            break
        value[more] |= (data[starts[more] + k] & 0x7F).astype(np.int64) << (7 * k)
    return value


def _decode_class_data(code: DexCode, class_defs: list[ClassDef]) -> MethodTable | None:
    """Every class's encoded methods, or None where the file needs the class-by-class reader."""
    dex = code.dex
    offs = np.array([c.class_data_off for c in class_defs], dtype=np.int64)
    has = np.nonzero(offs)[0]
    if not len(has):
        return MethodTable(np.zeros(len(class_defs) + 1, dtype=np.int64), *(np.zeros(0, np.int64),) * 3)
    pos = offs[has]
    last = int(pos.max())
    try:  # the item that starts last bounds the bytes looked at (items of a valid file do not overlap)
        header, after = read_uleb128s(dex.data, last, 4)
        if header[2] + header[3] > dex.method_ref_count or header[0] + header[1] > dex._field_ids_size:
            return None
        _values, end = read_uleb128s(dex.data, after, 2 * (header[0] + header[1]) + 3 * (header[2] + header[3]))
    except DexError:
        return None
    lo = int(pos.min())
    data = np.frombuffer(dex.data, dtype=np.uint8, count=end, offset=0)
    term = (np.flatnonzero(data[lo:end] < 0x80) + lo).astype(np.int64)
    first = np.searchsorted(term, pos)  # terminator of each item's first value
    if int(first.max()) + 3 >= len(term):
        return None
    head_end = term[first[:, None] + np.arange(4)]
    head_start = np.concatenate([pos[:, None], head_end[:, :3] + 1], axis=1)
    head = _uleb_values(data, head_start.ravel(), head_end.ravel())
    if head is None:
        return None
    head = head.reshape(-1, 4)
    fields, direct, virtual = head[:, 0] + head[:, 1], head[:, 2], head[:, 3]
    count = direct + virtual
    if (count > dex.method_ref_count).any() or (fields > dex._field_ids_size).any():
        return None
    values = 4 + 2 * fields + 3 * count
    last_value = first + values - 1
    if int(last_value.max()) >= len(term):
        return None
    walked = int((term[last_value] + 1 - pos).sum())
    if walked > code._walk_budget:
        return None
    code._spend(walked)
    total = int(count.sum())
    rows = np.repeat(np.arange(len(has)), count)
    j = np.arange(total) - np.repeat(np.cumsum(count) - count, count)  # method number within its class
    at = first[rows] + 4 + 2 * fields[rows] + 3 * j  # value index of each method's idx_diff
    triple = at[:, None] + np.arange(3)
    decoded = _uleb_values(data, (term[triple - 1] + 1).ravel(), term[triple].ravel())
    if decoded is None:
        return None
    decoded = decoded.reshape(-1, 3)
    if not total:
        return MethodTable(np.zeros(len(class_defs) + 1, dtype=np.int64), *(np.zeros(0, np.int64),) * 3)
    # method_idx: running sum of the diffs within each list (direct, then virtual) of each class
    lists = np.stack([direct, virtual], axis=1).ravel()
    running = np.cumsum(decoded[:, 0])
    before = np.cumsum(lists) - lists  # rows before each list
    base = np.zeros(len(lists), dtype=np.int64)
    inner = np.nonzero(before > 0)[0]
    base[inner] = running[before[inner] - 1]
    method_idx = running - np.repeat(base, lists)
    per_class = np.zeros(len(class_defs), dtype=np.int64)
    per_class[has] = count
    ptr = np.zeros(len(class_defs) + 1, dtype=np.int64)
    np.cumsum(per_class, out=ptr[1:])
    return MethodTable(ptr, method_idx, decoded[:, 1].copy(), decoded[:, 2].copy())


__all__ = ["DexTables", "MethodTable", "dex_tables"]
