"""The whole program as the analysis sees it: every class defined in the build's DEX files, every method
with the operands its code references, and one numbering of methods shared by all DEX files.

A method is identified across DEX files by ``(dotted class, name, DEX prototype)``: a call in
``classes.dex`` to a method defined in ``classes2.dex`` lands on the same node. When two DEX files define
the same class, the first one (in build order) wins, as on the device.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import numpy.typing as npt

from auditor.build.dex import DexError, DexFile
from auditor.code.codescan import CodeOps, scan_code
from auditor.code.defined import DefinedMethods, MethodInfo
from auditor.code.dexcode import (
    ACC_INTERFACE,
    NO_INDEX,
    DexCode,
    MethodCode,
)
from auditor.code.keyids import LIMIT, SIG, Column, KeyIds, MethodIndex, MethodKeys, column, spans
from auditor.code.tables import DexTables, dex_tables

MAX_HIERARCHY_DEPTH = 256
"""Superclasses followed up from one class. Real apps stay under ~20 levels; a hostile DEX can chain
thousands of classes (walking that from every class is quadratic) or make them extend each other."""
_METHOD_ID = np.dtype([("class", "<u2"), ("proto", "<u2"), ("name", "<u4")])
_FIELD_ID = np.dtype([("class", "<u2"), ("type", "<u2"), ("name", "<u4")])
MethodKey = tuple[str, str, str]
"""``(dotted class, method name, DEX prototype)``."""


def method_label(key: MethodKey) -> str:
    """``class.method`` (how paths name a method)."""
    return f"{key[0]}.{key[1]}"


class DexRefs:
    """Cached name resolution for one DEX file: method, field and type indices, string look-ups."""

    def __init__(self, dex: DexFile) -> None:
        self.dex = dex
        self._raw = np.frombuffer(dex.data, dtype=_METHOD_ID, count=dex.method_ref_count,
                                  offset=dex._method_ids_off) if dex.method_ref_count else np.zeros(0, _METHOD_ID)
        """The ``method_id_item`` table (a view of the file)."""
        self._types: dict[int, str] = {}
        self._protos: dict[int, str] = {}

    def type_name(self, idx: int) -> str:
        names = self._type_names
        if names is not None and 0 <= idx < len(names):
            return names[idx]
        name = self._types.get(idx)
        if name is None:
            name = self._types[idx] = self.dex.type_name(idx)
        return name

    @cached_property
    def _type_names(self) -> list[str] | None:
        """The dotted name of every type id (None where the string table is read string by string)."""
        return self.dex.all_type_names

    def key_columns(self) -> tuple[Column, Column, Column]:
        """Class, name and prototype of every ``method_id_item``, each distinct index resolved once (from
        the string, type and proto tables decoded at once where they cover them; raises
        :class:`DexError` for the first index that does not resolve)."""
        dex, raw = self.dex, self._raw
        return (column(raw["class"].astype(np.int64), self._type_names, self.type_name),
                column(raw["name"].astype(np.int64), dex.all_strings(), dex.string),
                column(raw["proto"].astype(np.int64), self._proto_table, self._proto))

    def _proto(self, idx: int) -> str:
        table = self._proto_table
        if table is not None and 0 <= idx < len(table):
            return table[idx]
        proto = self._protos.get(idx)
        if proto is None:
            proto = self._protos[idx] = self.dex.proto_descriptor(idx)
        return proto

    def method_key(self, idx: int) -> MethodKey:
        if not 0 <= idx < len(self._raw):
            raise DexError(f"{self.dex.path}: method index {idx} out of range")
        cls, proto, name = self._raw[idx].tolist()  # the method_id_item field order
        return self.type_name(cls), self.dex.string(name), self._proto(proto)

    @cached_property
    def _proto_table(self) -> list[str] | None:
        return self.dex.all_proto_descriptors()

    def method_ids_named(self, name_indices: set[int]) -> list[int]:
        """Indices of the method ids whose name is one of the string indices given (no resolution)."""
        if not name_indices:
            return []
        wanted = np.fromiter(name_indices, dtype=np.int64, count=len(name_indices))
        return np.nonzero(np.isin(self._raw["name"], wanted))[0].tolist()  # type: ignore[no-any-return]

    def method_classes(self, indices: list[int]) -> list[int]:
        """The class type index of each of these method ids (in range)."""
        return self._raw["class"][np.array(indices, dtype=np.int64)].tolist()  # type: ignore[no-any-return]

    def field_ids_named(self, name_indices: set[int]) -> list[int]:
        """Indices of the field ids whose name is one of the string indices given (no resolution)."""
        if not name_indices:
            return []
        wanted = np.fromiter(name_indices, dtype=np.int64, count=len(name_indices))
        return np.nonzero(np.isin(self._fields["name"], wanted))[0].tolist()  # type: ignore[no-any-return]

    def field_key(self, idx: int) -> tuple[str, str]:
        """``(dotted class, field name)`` of a field id."""
        fields = self._fields
        if not 0 <= idx < len(fields):
            raise DexError(f"{self.dex.path}: field index {idx} out of range")
        class_idx, _type, name_idx = fields[idx].tolist()  # the field_id_item field order
        return self.type_name(class_idx), self.dex.string(name_idx)

    @cached_property
    def _fields(self) -> npt.NDArray[np.void]:
        """The ``field_id_item`` table (a view of the file)."""
        dex = self.dex
        if not dex._field_ids_size:
            return np.zeros(0, _FIELD_ID)
        return np.frombuffer(dex.data, dtype=_FIELD_ID, count=dex._field_ids_size, offset=dex._field_ids_off)

    @property
    def field_classes(self) -> npt.NDArray[np.int64]:
        """Type index of the declaring class of every field id."""
        return self._fields["class"].astype(np.int64)

    # -- strings (string_ids are sorted, so look-ups are binary searches) --------------------------------
    def _lower_bound(self, text: str) -> int:
        lo, hi = 0, self.dex.string_count
        while lo < hi:
            mid = (lo + hi) // 2
            if self.dex.string(mid) < text:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def find_string(self, text: str) -> int | None:
        """Index of the string equal to ``text``, if the file has it."""
        idx = self._lower_bound(text)
        return idx if idx < self.dex.string_count and self.dex.string(idx) == text else None

    def strings_with_prefix(self, prefix: str, limit: int = 10_000) -> list[int]:
        out: list[int] = []
        idx = self._lower_bound(prefix)
        while idx < self.dex.string_count and len(out) < limit and self.dex.string(idx).startswith(prefix):
            out.append(idx)
            idx += 1
        return out


@dataclass(slots=True)
class ClassInfo:
    """A class defined in the build."""

    name: str
    dex: int
    """Index of the defining DEX file in :attr:`Program.dex_paths`."""
    superclass: str | None
    interfaces: tuple[str, ...]
    access: int
    nodes: list[int] = field(default_factory=list)
    """Node id of each method the class defines, in class_data order."""
    distinct: bool = True
    """Every method of :attr:`nodes` is the class's own and listed once (always, in files a compiler
    wrote): then :attr:`nodes` are exactly the values of :attr:`methods`, in the same order."""
    keys: MethodKeys | None = field(default=None, repr=False, compare=False)
    """The program's node -> key view (to name the methods)."""
    _methods: dict[tuple[str, str], int] | None = field(default=None, repr=False, compare=False)

    @property
    def methods(self) -> dict[tuple[str, str], int]:
        """``(name, prototype)`` -> node id of each method the class defines (made on first use)."""
        found = self._methods
        if found is None:
            keys = self.keys
            assert keys is not None
            found = self._methods = dict(zip([keys[n][1:] for n in self.nodes], self.nodes))
        return found

    def method_nodes(self) -> list[int]:
        """The node ids of :attr:`methods`, in its order (without building it where it need not be)."""
        return self.nodes if self.distinct else list(self.methods.values())

    @property
    def is_interface(self) -> bool:
        return bool(self.access & ACC_INTERFACE)


@dataclass
class Program:
    """Classes, methods and the method numbering of a whole build (mutable while it is being read)."""

    dex_paths: list[str] = field(default_factory=list)
    refs: list[DexRefs] = field(default_factory=list)
    dex_nodes: list[npt.NDArray[np.int64]] = field(default_factory=list)
    """Per DEX file: ``method_ids`` index -> node id."""
    codes: list[DexCode] = field(default_factory=list)
    """Per DEX file: its code view (for decoding the few methods looked at closely)."""
    ops: list[CodeOps] = field(default_factory=list)
    """Per DEX file: the operands of its code items (:mod:`auditor.code.codescan`)."""
    item_nodes: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]] = field(default_factory=list)
    """Per DEX file: ``(items, nodes)``, the defined methods with code of that file (parallel arrays)."""
    node_of_item: list[npt.NDArray[np.int64] | None] = field(default_factory=list)
    """Per DEX file: code item -> the node of its method (-1: none); None when some code item is shared by
    several methods (never in files a compiler wrote)."""
    ids: KeyIds = field(default_factory=KeyIds)
    """The method numbering: node id -> class, name and prototype numbers, and back."""
    keys: MethodKeys = field(init=False, repr=False, compare=False)
    """Node id -> method key (made when asked)."""
    index: MethodIndex = field(init=False, repr=False, compare=False)
    """Method key -> node id."""
    classes: dict[str, ClassInfo] = field(default_factory=dict)
    methods: DefinedMethods = field(default_factory=DefinedMethods)
    """Node id -> method, for the methods defined in the build."""
    invokes: dict[int, tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.bool_]]] = field(
        default_factory=dict, repr=False, compare=False)
    """Per DEX file, once asked for: ``(node, method index, virtual)`` of every invoke
    (:func:`auditor.code.graph.invoke_events`)."""
    class_rows: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]] = field(default_factory=list)
    """Per DEX file: ``(class number, node)`` of every method a class read from it lists
    (:attr:`ClassInfo.nodes` of all classes, class numbers of :attr:`ids`)."""

    def __post_init__(self) -> None:
        self.keys = MethodKeys(self.ids)
        self.index = MethodIndex(self.ids)

    def node(self, key: MethodKey) -> int:
        """The node id of a method key (allocated on first use)."""
        node = self.ids.get(key)
        return self.ids.append(key) if node is None else node

    def code(self, node: int) -> MethodCode:
        """What a defined method's code references (empty for methods without code or not in the build)."""
        info = self.methods.get(node)
        if info is None:
            return MethodCode((), (), (), (), (), ())
        return self.ops[info.dex].method_code(info.item)

    def _number(self, parts: tuple[Column, Column, Column]) -> npt.NDArray[np.int64]:
        """Node ids of one file's method ids (their key columns), allocating new ones in method id order."""
        ids = self.ids
        cls, name, proto = (ids.number(part, names)[at] for part, (at, names) in enumerate(parts))
        packed = cls * SIG + name * LIMIT + proto
        nodes = ids.find(packed)
        missing = np.nonzero(nodes < 0)[0]
        if len(missing):
            fresh, first, again = np.unique(packed[missing], return_index=True, return_inverse=True)
            order = np.argsort(first, kind="stable")  # new keys in the order of their first method id
            rank = np.empty(len(fresh), dtype=np.int64)
            rank[order] = np.arange(len(fresh))
            made = missing[first[order]]
            nodes[missing] = ids.extend(cls[made], name[made], proto[made])[rank[again.reshape(-1)]]
        return nodes

    def add_dex(self, dex: DexFile) -> None:
        """Read every class of one DEX file (classes already defined by an earlier file are skipped)."""
        dex_no = len(self.dex_paths)
        refs = DexRefs(dex)
        self.dex_paths.append(dex.path)
        self.refs.append(refs)
        nodes = self._number(refs.key_columns())
        self.dex_nodes.append(nodes)
        tables = dex_tables(dex)
        code = tables.code
        self.codes.append(code)
        read: list[tuple[int, ClassInfo]] = []  # each class read here (class_def number, class)
        own_type: list[int] = []  # and its type index
        for class_no, cdef in enumerate(tables.class_defs):
            name = refs.type_name(cdef.class_idx)
            if name in self.classes:
                continue
            superclass = None if cdef.superclass_idx == NO_INDEX else refs.type_name(cdef.superclass_idx)
            info = ClassInfo(name, dex_no, superclass, tuple(refs.type_name(t) for t in cdef.interfaces),
                             cdef.access_flags, keys=self.keys)
            self.classes[name] = info
            read.append((class_no, info))
            own_type.append(cdef.class_idx)
        count, method_idx, access, code_off = _class_rows(tables, [c for c, _i in read])
        bad = np.nonzero(method_idx >= len(nodes))[0]
        if len(bad):
            owner = np.searchsorted(np.cumsum(count), bad[0], side="right")
            raise DexError(f"{dex.path}: class {read[owner][1].name} defines method index "
                           f"{int(method_idx[bad[0]])} out of range")
        try:  # the code of every class of the file, shared with the other analyses of the scan
            ops = tables.ops
        except DexError:  # some code item is malformed: is it one of the classes defined here first?
            ops = scan_code(code, code_off.tolist())
        self.ops.append(ops)
        node = nodes[method_idx]
        item = ops.items_at(code_off)
        self.methods.define(dex_no, node, access, item, code_off)
        self._share_out(refs, read, np.array(own_type, dtype=np.int64), count, method_idx, node)
        self.class_rows.append((np.repeat(self.ids.number(0, [info.name for _c, info in read]), count), node))
        with_code = item >= 0
        items, item_nodes = item[with_code], node[with_code]
        self.item_nodes.append((items, item_nodes))
        node_of_item: npt.NDArray[np.int64] | None = np.full(ops.items, -1, dtype=np.int64)
        node_of_item[items] = item_nodes  # type: ignore[index]
        if np.count_nonzero(node_of_item >= 0) != len(items):  # type: ignore[operator]
            node_of_item = None
        self.node_of_item.append(node_of_item)

    @staticmethod
    def _share_out(refs: DexRefs, read: list[tuple[int, ClassInfo]], own_type: npt.NDArray[np.int64],
                   count: npt.NDArray[np.int64],
                   method_idx: npt.NDArray[np.int64], node: npt.NDArray[np.int64]) -> None:
        """Each class's method nodes, and whether they are its own and listed once (:attr:`ClassInfo.distinct`)."""
        class_of_row = np.repeat(np.arange(len(read)), count)
        stray = refs._raw["class"][method_idx] != own_type[class_of_row]
        order = np.lexsort((node, class_of_row))
        twice = np.zeros(len(node), dtype=bool)
        twice[order[1:]] = (node[order[1:]] == node[order[:-1]]) & (class_of_row[order[1:]] == class_of_row[order[:-1]])
        odd = set(class_of_row[stray | twice].tolist())
        flat = node.tolist()
        at = 0
        for number, ((_c, info), size) in enumerate(zip(read, count.tolist())):
            info.nodes = flat[at:at + size]
            info.distinct = number not in odd
            at += size

    def method_rows(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]] | None:
        """``(class number, node)`` of every method of every class, class by class in :attr:`classes`
        order, each class's as :meth:`ClassInfo.method_nodes` lists them (:attr:`class_rows` joined); None
        when some class is not :attr:`ClassInfo.distinct` (hostile files: walk the classes instead)."""
        if not all(info.distinct for info in self.classes.values()):
            return None
        empty = np.zeros(0, dtype=np.int64)
        return (np.concatenate([empty, *(c for c, _n in self.class_rows)]),
                np.concatenate([empty, *(n for _c, n in self.class_rows)]))

    def superclass_chain(self, name: str) -> list[ClassInfo]:
        """Build class ``name`` and its superclasses defined in the build, nearest first: each class once
        (a cyclic hierarchy ends where it loops) and at most :data:`MAX_HIERARCHY_DEPTH` of them."""
        out: list[ClassInfo] = []
        seen: set[str] = set()
        info = self.classes.get(name)
        while info is not None and info.name not in seen and len(out) < MAX_HIERARCHY_DEPTH:
            seen.add(info.name)
            out.append(info)
            info = self.classes.get(info.superclass) if info.superclass else None
        return out

    def supertypes(self, name: str) -> tuple[str, ...]:
        """Direct superclass and interfaces of a defined class (empty for classes not in the build)."""
        info = self.classes.get(name)
        if info is None:
            return ()
        return ((info.superclass,) if info.superclass else ()) + info.interfaces


def _class_rows(tables: DexTables, class_nos: list[int]) -> tuple[npt.NDArray[np.int64], ...]:
    """``(methods per class, method_idx, access_flags, code_off)`` of the given classes' methods, in order
    (raises :class:`DexError` when one of these classes' class_data_item is malformed)."""
    try:
        table = tables.method_table
    except DexError:  # some class_data_item is malformed: read the given classes one by one
        rows = [tables.methods(c) for c in class_nos]
        flat = np.array([m for r in rows for m in r], dtype=np.int64).reshape(-1, 3)
        return np.array([len(r) for r in rows], dtype=np.int64), flat[:, 0], flat[:, 1], flat[:, 2]
    chosen = np.array(class_nos, dtype=np.int64)
    start = table.ptr[chosen]
    count = table.ptr[chosen + 1] - start
    row = spans(start, count)
    return count, table.method_idx[row], table.access[row], table.code_off[row]


def build_program(dex_files: list[DexFile]) -> Program:
    """Read every DEX file of a build into one :class:`Program`."""
    program = Program()
    for dex in dex_files:
        program.add_dex(dex)
    return program


__all__ = ["ClassInfo", "DexRefs", "MethodInfo", "MethodKey", "Program", "build_program", "method_label"]
