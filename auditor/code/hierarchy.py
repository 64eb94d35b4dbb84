"""The class-hierarchy edges of the call graph (edges 2 and 3 of :mod:`auditor.code.graph`), level by level
with numpy instead of a walk per method.

Method keys are the packed integers of :class:`~auditor.code.keyids.KeyIds` (class, name and prototype
numbers). Dispatch (edges 2) is the closure of "a build class's virtual method, up to each direct build
supertype", taken one hierarchy level at a time for all methods at once; resolution (edges 3) follows each
referenced, undefined method up its class's superclass chain, one step at a time for all of them.

**Node numbering of the methods these edges name for the first time.** A supertype's method that no
instruction references gets a node here. Such nodes are numbered after every node that exists before the
graph is built: first those dispatch names, then those resolution names, each group in the order of their
keys (class, then name, then prototype, strings compared by code point). The search's tie rule (lowest
node number first, :func:`auditor.code.graph.bfs`) therefore decides between two such methods by their
names, not by the order a walk met them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from auditor.code.keyids import LIMIT, SIG, distinct, member, spans
from auditor.code.program import MAX_HIERARCHY_DEPTH, Program

Array = npt.NDArray[np.int64]
_OBJECT = "java.lang.Object"


def _string_ranks(numbers: Array, strings: list[str]) -> Array:
    """The rank of each number's string among the strings of ``numbers`` (code point order)."""
    found = distinct(numbers)
    names = [strings[i] for i in found.tolist()]
    rank = np.empty(len(found), dtype=np.int64)
    rank[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
    return rank[np.searchsorted(found, numbers)]


def allocate(program: Program, keys: Array) -> None:
    """Give the packed keys without a node one, after the program's last node, in the order of the keys
    as strings (class, then name, then prototype)."""
    ids = program.ids
    fresh = distinct(keys)
    fresh = fresh[ids.find(fresh) < 0]
    if not len(fresh):
        return
    cls, sig = np.divmod(fresh, SIG)
    name, proto = np.divmod(sig, LIMIT)
    order = np.lexsort((_string_ranks(proto, ids.strings[2]), _string_ranks(name, ids.strings[1]),
                        _string_ranks(cls, ids.strings[0])))
    ids.extend(cls[order], name[order], proto[order])


@dataclass(frozen=True)
class Supertypes:
    """Per class number (:attr:`KeyIds.tables`): its direct supertypes that are build classes (Object left
    out), CSR; its superclass's number (-1: none) and how many classes its :meth:`Program.superclass_chain`
    holds (filled for the classes resolution asks about)."""

    ptr: Array
    flat: Array
    superclass: Array
    chain: Array

    @property
    def count(self) -> Array:
        return self.ptr[1:] - self.ptr[:-1]


def supertypes(program: Program) -> Supertypes:
    """The hierarchy of the build's classes (numbering every class name they mention)."""
    classes = program.classes
    ids = program.ids
    # the supertypes no method key names yet (the build's classes are numbered as they are read)
    ids.add(0, [s for info in classes.values() for s in ((info.superclass,) if info.superclass else ()) + info.interfaces])
    rank = ids.tables[0]
    size = len(rank)
    count = np.zeros(size, dtype=np.int64)
    superclass = np.full(size, -1, dtype=np.int64)
    chain = np.zeros(size, dtype=np.int64)
    rows: list[tuple[int, list[int]]] = []
    for name, info in classes.items():
        at = rank[name]
        ups = [rank[s] for s in ((info.superclass,) if info.superclass else ()) + info.interfaces
               if s != _OBJECT and s in classes]
        if ups:
            rows.append((at, ups))
            count[at] = len(ups)
        if info.superclass:
            superclass[at] = rank[info.superclass]
    ptr = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(count, out=ptr[1:])
    flat = np.zeros(int(ptr[-1]), dtype=np.int64)
    for at, ups in rows:
        flat[ptr[at]:ptr[at] + len(ups)] = ups
    return Supertypes(ptr, flat, superclass, chain)


def _chain_lengths(program: Program, sup: Supertypes, ranks: Array) -> None:
    """Fill :attr:`Supertypes.chain` for the given class numbers: all chains at once, one superclass step
    at a time; a chain still going after :data:`MAX_HIERARCHY_DEPTH` steps (a cycle, or deeper than the
    cap) is measured by :meth:`Program.superclass_chain` itself."""
    build = np.zeros(len(sup.superclass), dtype=bool)
    build[_build_ranks(program)] = True
    length = np.zeros(len(ranks), dtype=np.int64)
    current = ranks.copy()
    going = build[current]
    for _step in range(MAX_HIERARCHY_DEPTH):
        if not going.any():
            break
        length += going
        above = sup.superclass[current]
        going &= (above >= 0) & build[np.maximum(above, 0)]
        current = np.where(going, above, current)
    names = program.ids.strings[0]
    for k in np.nonzero(going)[0].tolist():
        length[k] = len(program.superclass_chain(names[int(ranks[k])]))
    sup.chain[ranks] = length


def _up(sup: Supertypes, cls: Array) -> tuple[Array, Array]:
    """``(row, supertype)`` for each direct build supertype of each class in ``cls``."""
    count = sup.count[cls]
    return np.repeat(np.arange(len(cls)), count), sup.flat[spans(sup.ptr[cls], count)]


def dispatch_keys(program: Program, sup: Supertypes) -> tuple[Array, Array]:
    """Edges 2 as ``(above, below)`` packed keys: every virtual method a build class defines, to the same
    method of each direct build supertype, and on up from each supertype method reached (each once)."""
    count = sup.count
    cls, node = _start_rows(program, count)
    keep = program.methods.dispatchable_at(node)
    cls, node = cls[keep], node[keep]
    below = program.ids.packed(node)
    sig = below % SIG
    above_out: list[Array] = []
    below_out: list[Array] = []
    linked = np.zeros(0, dtype=np.int64)
    while len(cls):
        row, up = _up(sup, cls)
        above = up * SIG + sig[row]
        above_out.append(above)
        below_out.append(below[row])
        onward = distinct(above[count[up] > 0])
        onward = onward[~member(onward, linked)]
        linked = np.sort(np.concatenate([linked, onward]))
        cls, sig = np.divmod(onward, SIG)
        below = onward
    if not above_out:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(above_out), np.concatenate(below_out)


def _start_rows(program: Program, count: Array) -> tuple[Array, Array]:
    """``(class number, node)`` of each method of each build class with some build supertype (``count``
    of them per class number), class by class."""
    rows = program.method_rows()
    if rows is not None:
        cls, node = rows
        has = count[cls] > 0
        return cls[has], node[has]
    start_cls: list[int] = []
    start_node: list[int] = []
    rank = program.ids.tables[0]
    for name, info in program.classes.items():
        at = rank[name]
        if count[at]:
            nodes = info.method_nodes()
            start_cls.extend([at] * len(nodes))
            start_node.extend(nodes)
    return np.array(start_cls, dtype=np.int64), np.array(start_node, dtype=np.int64)


def resolve_keys(program: Program, sup: Supertypes, starts: Array) -> tuple[Array, Array]:
    """Edges 3 as ``(node, above)`` packed keys: each start (a node) of a build class that does not define
    the method, up its superclass chain (:meth:`Program.superclass_chain`: as many steps as that chain has
    classes) while the class does not define it."""
    starts = starts[~program.methods.defined_at(starts)]
    key = program.ids.packed(starts)
    cls, sig = np.divmod(key, SIG)
    build = np.nonzero(member(cls, np.sort(_build_ranks(program))))[0]
    key, cls, sig = key[build], cls[build], sig[build]
    _chain_lengths(program, sup, distinct(cls))
    left = sup.chain[cls]
    defines = _defined_keys(program)
    below_out: list[Array] = []
    above_out: list[Array] = []
    while len(key):
        go = (left > 0) & (sup.superclass[cls] >= 0)
        go &= ~member(cls * SIG + sig, defines)
        key, cls, sig, left = key[go], cls[go], sig[go], left[go] - 1
        cls = sup.superclass[cls]
        above = cls * SIG + sig
        below_out.append(key)
        above_out.append(above)
        key = above
    if not below_out:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(below_out), np.concatenate(above_out)


def _build_ranks(program: Program) -> Array:
    numbers = program.ids.tables[0]
    return np.fromiter(map(numbers.__getitem__, program.classes), dtype=np.int64, count=len(program.classes))


def _defined_keys(program: Program) -> Array:
    """The integer key ``(class, name, prototype)`` of every method a build class lists (what
    :attr:`ClassInfo.methods` holds), sorted."""
    if not program.class_rows:
        return np.zeros(0, dtype=np.int64)
    cls = np.concatenate([c for c, _n in program.class_rows])
    nodes = np.concatenate([n for _c, n in program.class_rows])
    return distinct(cls * SIG + program.ids.packed(nodes) % SIG)


__all__ = ["Supertypes", "allocate", "dispatch_keys", "resolve_keys", "supertypes"]
