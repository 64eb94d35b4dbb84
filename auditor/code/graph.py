"""The call graph of a :class:`~auditor.code.program.Program` as integer arrays (CSR), what it
over-approximates, and breadth-first search over it.

Nodes: ``0..N-1`` are method *body* nodes (the program's method numbering: defined in the build or only
referenced); ``N + m`` is the *virtual-call* node ``V(m)`` of method ``m`` (a call through
invoke-virtual/-interface, before dispatch). Numbering, which decides ties between equally short paths
(:func:`bfs`): the ``method_ids`` of each DEX file in build order (a key met again keeps its number), then
inherited entry points no file lists (in the order the manifest names them), then the supertype methods
only the class hierarchy names, those of edges 2 and then those of edges 3, each of these two groups in
key order (:mod:`auditor.code.hierarchy`).
Edges:

1. **Calls**: invoke-virtual/-interface goes to ``V(ref)``; invoke-direct/-static/-super and
   invoke-polymorphic go to the referenced body (they name the exact target: ``super.onCreate()`` must
   not reach every other override).
2. **Dispatch** (class-hierarchy analysis): ``V(m) -> m`` for every method, and, for each build class
   ``D`` that defines a virtual ``m``, ``V(S.m) -> V(D.m)`` for each direct supertype ``S`` of ``D``,
   chained up the hierarchy, as long as ``S`` is itself defined in the build. Platform supertypes
   (``Runnable.run``, ``Activity.onCreate``, ``java.lang.Object``) are left out: through them any library
   call would reach every implementation; edges 4 stand in for them.
3. **Resolution up**: the body node of ``C.m`` where build class ``C`` inherits ``m`` leads to the
   superclass's ``m``.
4. **Callbacks**: a method that instantiates (``new-instance``) or names (``const-class``) a build class
   whose supertypes include a platform type (``Runnable``, ``Thread``, ``Handler``, ``AsyncTask``, a
   listener interface, ``Service``, ``BroadcastReceiver``...) reaches every virtual method of that class
   and its build superclasses, and its constructors (the framework may instantiate it: workers, services).
5. **Class initialisation**: the constructors, static and private methods of a class reach its
   ``<clinit>`` (instance methods need a constructed object), and so does a method that reads or writes
   one of its static fields.

Not modelled: reflection other than the API look-up (see :mod:`auditor.code.callsites`), JNI, classes
named only in resources (layouts, ``android:onClick``), dynamically loaded code.

Everything is built with numpy from the flat operand arrays of :mod:`auditor.code.codescan`; the class
hierarchy walks (edges 2, 3, 4 targets, 5) are per class or per method, never per instruction or edge.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from auditor.build.dex import DexError
from auditor.code.codescan import E_INVOKE, E_SGET_OBJECT, E_STATIC_FIELD, E_TYPE, E_VIRTUAL, of_kinds
from auditor.code.hierarchy import allocate, dispatch_keys, resolve_keys, supertypes
from auditor.code.keyids import distinct, spans
from auditor.code.program import ClassInfo, Program

_OBJECT = "java.lang.Object"
_CLINIT = "<clinit>"
_INIT = "<init>"
UNSEEN = -2
"""Parent of a node a search did not reach."""
ROOT = -1
"""Parent of a search's root."""

Array = npt.NDArray[np.int64]


@dataclass(frozen=True)
class CallGraph:
    """Adjacency in CSR form over ``2 * methods`` nodes (bodies, then virtual-call nodes)."""

    methods: int
    """N: the number of method nodes when the graph was built."""
    indptr: Array
    indices: npt.NDArray[np.int32]

    @property
    def size(self) -> int:
        return 2 * self.methods

    def body(self, node: int) -> int:
        """The method a node stands for (a virtual-call node's method)."""
        return node - self.methods if node >= self.methods else node

    def successors(self, node: int) -> npt.NDArray[np.int32]:
        return self.indices[self.indptr[node]:self.indptr[node + 1]]

    def edge_positions(self, src: int, dst: int) -> Array:
        """Positions in :attr:`indices` of the edges ``src -> dst`` (for masks)."""
        lo = int(self.indptr[src])
        return lo + np.nonzero(self.indices[lo:int(self.indptr[src + 1])] == dst)[0]


def _events_of(program: Program, dex: int, kinds: tuple[int, ...]
               ) -> tuple[Array, Array, npt.NDArray[np.uint8]]:
    """``(node, operand, kind)`` of every event of the given kinds in one DEX file, per method holding it."""
    ops = program.ops[dex]
    sel = np.nonzero(of_kinds(ops.kind, kinds))[0]
    if not len(sel):
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.uint8)
    item = ops.item_of_event[sel]
    items, nodes = program.item_nodes[dex]
    node_of_item = program.node_of_item[dex]
    if node_of_item is not None:  # one method per code item (always, in real files)
        owner = node_of_item[item]
        keep = owner >= 0
        return owner[keep], ops.arg[sel][keep], ops.kind[sel][keep]
    order = np.argsort(items, kind="stable")
    items, nodes = items[order], nodes[order]
    lo = np.searchsorted(items, item, side="left")
    hi = np.searchsorted(items, item, side="right")
    count = hi - lo
    rep = np.repeat(np.arange(len(sel)), count)
    return nodes[spans(lo, count)], ops.arg[sel][rep], ops.kind[sel][rep]


def _event_nodes(program: Program, dex: int, kinds: tuple[int, ...]) -> tuple[Array, Array]:
    """``(node, operand)`` of every event of the given kinds in one DEX file, per method holding it."""
    node, arg, _kind = _events_of(program, dex, kinds)
    return node, arg


def invoke_events(program: Program, dex: int) -> tuple[Array, Array, npt.NDArray[np.bool_]]:
    """``(node, method index, virtual)`` of every invoke in one DEX file's methods (made once and kept on
    the program: the call graph and each look-up of the callers of an API read them)."""
    found = program.invokes.get(dex)
    if found is None:
        node, arg, kind = _events_of(program, dex, (E_INVOKE, E_VIRTUAL))
        if len(arg) and int(arg.max()) >= len(program.dex_nodes[dex]):
            raise DexError(f"{program.dex_paths[dex]}: invoke of method index {int(arg.max())} out of range")
        found = program.invokes[dex] = (node, arg, kind == E_VIRTUAL)
    return found


def _call_edges(program: Program, n: int) -> Iterable[tuple[Array, Array]]:
    """Edges 1."""
    for dex in range(len(program.ops)):
        nodes = program.dex_nodes[dex]
        src, arg, virtual = invoke_events(program, dex)
        direct = ~virtual
        yield src[direct], nodes[arg[direct]]
        yield src[virtual], nodes[arg[virtual]] + n


def has_platform_supertype(program: Program, name: str, memo: dict[str, bool]) -> bool:
    """True when some supertype of build class ``name`` is not in the build (other than Object).

    Iterative, each class visited once: hostile hierarchies are cyclic (classes extending each other or
    themselves) or thousands of classes deep. A class whose answer is still being worked out counts as
    False where a cycle leads back to it.
    """
    if name in memo:
        return memo[name]
    memo[name] = False
    stack = [(name, iter(program.supertypes(name)))]
    while stack:
        cls, pending = stack[-1]
        child = None
        if not memo[cls]:
            for sup in pending:
                if sup == _OBJECT:
                    continue
                if sup not in program.classes or memo.get(sup):
                    memo[cls] = True
                    break
                if sup not in memo:
                    child = sup
                    break
        if child is not None:
            memo[child] = False
            stack.append((child, iter(program.supertypes(child))))
            continue
        stack.pop()
        if memo[cls] and stack:
            memo[stack[-1][0]] = True
    return memo[name]


class _Callbacks:
    """:func:`callback_targets` of many classes: the virtual methods of each class listed once."""

    def __init__(self, program: Program) -> None:
        self.program = program
        self.dispatchable = program.methods.dispatchable
        self.names = program.ids.column(1)
        self.init = program.ids.tables[1].get(_INIT, -1)
        self.virtuals: dict[str, list[int]] = {}

    def targets(self, info: ClassInfo) -> list[int]:
        out: list[int] = []
        dispatchable, names, init = self.dispatchable, self.names, self.init
        for current in self.program.superclass_chain(info.name):
            if current is info:
                out.extend(node for node in current.method_nodes() if dispatchable[node] or names[node] == init)
                continue
            found = self.virtuals.get(current.name)
            if found is None:
                found = self.virtuals[current.name] = [n for n in current.method_nodes() if dispatchable[n]]
            out.extend(found)
        return out


def callback_targets(program: Program, info: ClassInfo) -> list[int]:
    """Edges 4 targets of a class: its and its build superclasses' virtual methods, its constructors."""
    return _Callbacks(program).targets(info)


def _clinits(program: Program) -> dict[str, int]:
    """Build class -> its ``<clinit>`` (the last one its :meth:`ClassInfo.method_nodes` lists)."""
    ids = program.ids
    out: dict[str, int] = {}
    name = ids.tables[1].get(_CLINIT)
    if name is None:
        return out
    names, classes = ids.column(1), ids.strings[0]
    for cls, nodes in program.class_rows:  # every class's listed nodes, in order: the last one wins
        hit = names[nodes] == name
        out.update(zip([classes[c] for c in cls[hit].tolist()], nodes[hit].tolist()))
    for info in program.classes.values():
        if not info.distinct:  # its method_nodes() are not its listed nodes
            out.pop(info.name, None)
            out.update((info.name, node) for node in info.method_nodes() if names[node] == name)
    return out


def _class_init_pairs(program: Program, clinit: dict[str, int]) -> tuple[Array, Array]:
    """Edges 5 inside a class: constructors, static and private methods -> its ``<clinit>`` (class by
    class, in :meth:`ClassInfo.method_nodes` order)."""
    rows = program.method_rows()
    if rows is not None:
        ids = program.ids
        numbers = ids.number(0, list(clinit))
        init_of = np.full(len(ids.strings[0]), -1, dtype=np.int64)  # class number -> its <clinit> node
        init_of[numbers] = np.fromiter(clinit.values(), dtype=np.int64, count=len(clinit))
        cls, nodes = rows
        inits = init_of[cls]
        keep = (inits >= 0) & (nodes != inits) & ~program.methods.dispatchable_at(nodes)
        return nodes[keep], inits[keep]
    dispatchable = program.methods.dispatchable
    pairs: list[tuple[int, int]] = []
    for info in program.classes.values():
        init = clinit.get(info.name)
        if init is not None:
            pairs.extend((node, init) for node in info.method_nodes() if node != init and not dispatchable[node])
    return _pairs(pairs)


def _lookup(keys: Array, table: dict[int, list[int]]) -> tuple[Array, Array]:
    """For each position ``i`` of ``keys`` and each target of ``table[keys[i]]``: ``(i, target)``
    (keys are small non-negative indices: DEX type indices)."""
    size = int(keys.max()) + 1 if len(keys) else 0
    lengths = np.zeros(size, dtype=np.int64)
    for key, targets in table.items():
        if key < size:
            lengths[key] = len(targets)
    flat = np.array([t for key in range(size) if lengths[key] for t in table[key]], dtype=np.int64)
    starts = np.cumsum(lengths) - lengths
    count = lengths[keys]
    return np.repeat(np.arange(len(keys)), count), flat[spans(starts[keys], count)]


def _distinct(values: Array) -> list[int]:
    """The distinct small non-negative integers in ``values``, ascending (no sort)."""
    if not len(values):
        return []
    seen = np.zeros(int(values.max()) + 1, dtype=bool)
    seen[values] = True
    return np.nonzero(seen)[0].tolist()


def _implicit_edges(program: Program, clinit: dict[str, int]) -> Iterable[tuple[Array, Array]]:
    """Edges 4, and edges 5 through static fields."""
    memo: dict[str, bool] = {}
    callbacks: dict[str, list[int]] = {}
    finder = _Callbacks(program)
    for dex, refs in enumerate(program.refs):
        src, types = _event_nodes(program, dex, (E_TYPE,))
        table: dict[int, list[int]] = {}
        for type_idx in _distinct(types):
            name = refs.type_name(type_idx)
            targets = callbacks.get(name)
            if targets is None:
                cls = program.classes.get(name)
                use = cls is not None and has_platform_supertype(program, name, memo)
                targets = callbacks[name] = finder.targets(cls) if use and cls else []
            table[type_idx] = targets
        at, dst = _lookup(types, table)
        yield src[at], dst
        src, fields = _event_nodes(program, dex, (E_STATIC_FIELD, E_SGET_OBJECT))
        if not len(fields):
            continue
        classes = refs.field_classes
        if int(fields.max()) >= len(classes):
            raise DexError(f"{refs.dex.path}: field index {int(fields.max())} out of range")
        owner_type = classes[fields]
        inits = {t: [clinit[refs.type_name(t)]] for t in _distinct(owner_type) if refs.type_name(t) in clinit}
        at, dst = _lookup(owner_type, inits)
        keep = src[at] != dst
        yield src[at][keep], dst[keep]


def _pairs(pairs: list[tuple[int, int]], offset_src: int = 0, offset_dst: int = 0) -> tuple[Array, Array]:
    arr = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    return arr[:, 0] + offset_src, arr[:, 1] + offset_dst


def _invoked(program: Program) -> Array:
    """Every method node some instruction of a method defined in the build invokes (ascending)."""
    seen = np.zeros(len(program.keys), dtype=bool)
    for dex in range(len(program.ops)):
        _src, calls, _virtual = invoke_events(program, dex)
        seen[program.dex_nodes[dex][calls]] = True
    return np.nonzero(seen)[0]


def _hierarchy_edges(program: Program, extra_nodes: Iterable[int]) -> tuple[tuple[Array, Array], tuple[Array, Array]]:
    """Edges 2 (between method nodes, before the virtual-call offset) and 3, allocating the nodes of the
    supertype methods they name (numbering: :mod:`auditor.code.hierarchy`)."""
    ids = program.ids
    sup = supertypes(program)
    above, below = dispatch_keys(program, sup)
    allocate(program, above)
    dispatch = ids.find(above), ids.find(below)
    extra = np.fromiter(extra_nodes, dtype=np.int64)
    referenced = distinct(np.concatenate([_invoked(program), dispatch[0], extra]))
    low, high = resolve_keys(program, sup, referenced)
    allocate(program, high)
    return dispatch, (ids.find(low), ids.find(high))


def build_call_graph(program: Program, extra_nodes: Iterable[int] = ()) -> CallGraph:
    """The call graph with all five kinds of edges. Allocates the program's remaining method nodes
    (supertype methods named by dispatch and resolution), so build it once the program is read.
    ``extra_nodes`` (entry points inherited from a superclass) get edges 3 too."""
    dispatch, resolve = _hierarchy_edges(program, extra_nodes)
    n = len(program.keys)
    clinit = _clinits(program)
    parts: list[tuple[Array, Array]] = list(_call_edges(program, n))
    parts.append((dispatch[0] + n, dispatch[1] + n))
    every = np.arange(n, dtype=np.int64)
    parts.append((every + n, every))
    parts.append(resolve)
    parts.append(_class_init_pairs(program, clinit))
    parts.extend(_implicit_edges(program, clinit))
    # node ids fit in int32 (fewer than 2**31 methods): half the memory of the edge lists at their peak
    src = np.concatenate([p[0].astype(np.int32) for p in parts])
    dst = np.concatenate([p[1].astype(np.int32) for p in parts])
    del parts
    order = np.argsort(src, kind="stable")
    indptr = np.zeros(2 * n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=2 * n), out=indptr[1:])
    del src
    return CallGraph(n, indptr, dst[order])


def bfs(graph: CallGraph, roots: Iterable[int], blocked: npt.NDArray[np.bool_] | None = None,
        edge_ok: npt.NDArray[np.bool_] | None = None, max_depth: int | None = None) -> Array:
    """Breadth-first search from ``roots``: the parent of every node (:data:`ROOT` for roots,
    :data:`UNSEEN` where not reached). ``blocked`` nodes are never entered (roots excepted); edges whose
    position is False in ``edge_ok`` are not followed. Ties go to the lowest-numbered parent in the
    earliest level, so the result is deterministic. ``max_depth`` bounds the number of call edges followed
    (virtual-call nodes do not count as steps)."""
    parent = np.full(graph.size, UNSEEN, dtype=np.int64)
    front = distinct(np.fromiter(roots, dtype=np.int64))
    parent[front] = ROOT
    indptr, indices = graph.indptr, graph.indices
    depth = np.zeros(graph.size, dtype=np.int32) if max_depth is not None else None
    while len(front):
        starts = indptr[front]
        count = indptr[front + 1] - starts
        total = int(count.sum())
        if not total:
            break
        pos = spans(starts, count)
        via = np.repeat(front, count)
        nxt = indices[pos]
        keep = parent[nxt] == UNSEEN
        if blocked is not None:
            keep &= ~blocked[nxt]
        if edge_ok is not None:
            keep &= edge_ok[pos]
        if depth is not None and max_depth is not None:
            step = depth[via] + (nxt < graph.methods)
            keep &= step <= max_depth
        nxt, via = nxt[keep], via[keep]
        front, first = np.unique(nxt, return_index=True)
        parent[front] = via[first]
        if depth is not None:
            depth[front] = depth[via[first]] + (front < graph.methods)
    return parent


def path_to(parent: Array, node: int) -> tuple[int, ...]:
    """Nodes from a root to ``node`` (empty when not reached)."""
    if parent[node] == UNSEEN:
        return ()
    path = [node]
    while parent[path[-1]] != ROOT:
        path.append(int(parent[path[-1]]))
    return tuple(reversed(path))


__all__ = ["ROOT", "UNSEEN", "CallGraph", "bfs", "build_call_graph", "callback_targets",
           "has_platform_supertype", "path_to"]
