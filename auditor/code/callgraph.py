"""The call graph of a :class:`~auditor.code.program.Program` (networkx), and what it over-approximates.

Nodes are method ids of :class:`Program`: a *body* node per method (defined in the build, or only
referenced), and a *virtual-call* node ``V(C.m)`` per method called through invoke-virtual/-interface.
Edges:

1. **Calls**: invoke-virtual/-interface goes to ``V(ref)``; invoke-direct/-static/-super and
   invoke-polymorphic go to the referenced body (they name the exact target: ``super.onCreate()`` must
   not reach every other override).
2. **Dispatch** (class-hierarchy analysis): ``V(C.m) -> C.m`` and, for each build class ``D`` that
   defines ``m``, ``V(S.m) -> V(D.m)`` for each direct supertype ``S`` of ``D``, chained up the
   hierarchy, as long as ``S`` is itself defined in the build. Platform supertypes (``Runnable.run``,
   ``Activity.onCreate``, ``java.lang.Object``) are left out: through them any library call would reach
   every implementation; edges 4 stand in for them.
3. **Resolution up**: the body node of ``C.m`` where ``C`` inherits ``m`` leads to the superclass's ``m``.
4. **Callbacks**: a method that instantiates (``new-instance``) or names (``const-class``) a build class
   whose supertypes include a platform type (``Runnable``, ``Thread``, ``Handler``, ``AsyncTask``, a
   listener interface...) reaches every virtual method of that class and its build superclasses; with
   ``const-class`` also its constructors (the framework may instantiate it: workers, services).
5. **Class initialisation**: the constructors, static and private methods of a class reach its
   ``<clinit>`` (instance methods need a constructed object), and so does a method that reads or writes
   one of its static fields.

Not modelled: reflection other than the API look-up (see :mod:`auditor.code.callsites`), JNI, classes
named only in resources (layouts, ``android:onClick``), dynamically loaded code.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # networkx is imported where the graph is built: a scan without reachability skips it
    import networkx as nx

from auditor.build.dex import DexError
from auditor.code.program import ClassInfo, Program

_OBJECT = "java.lang.Object"
_CLINIT = "<clinit>"
_INIT = "<init>"


def _call_edges(program: Program) -> Iterator[tuple[int, int]]:
    for node, info in program.methods.items():
        nodes = program.dex_nodes[info.dex]
        limit = len(nodes)
        virtual = set(info.code.virtual)
        for callee in set(info.code.invokes):
            if callee >= limit:
                raise DexError(f"{program.dex_paths[info.dex]}: invoke of method index {callee} out of range")
            if callee not in virtual:
                yield node, nodes[callee]
        for callee in virtual:
            yield node, program.virtual_node(nodes[callee])


def _dispatch_edges(program: Program) -> set[tuple[int, int]]:
    """Edges 2: ``V(S.m) -> V(D.m)`` up the build hierarchy (memoised), then ``V(C.m) -> C.m``."""
    edges: set[tuple[int, int]] = set()
    linked: set[int] = set()
    for info in list(program.classes.values()):
        for (name, proto), node in info.methods.items():
            if not program.methods[node].dispatchable:
                continue
            stack = [(info.name, program.virtual_node(node))]
            while stack:
                cls, below = stack.pop()
                for sup in program.supertypes(cls):
                    if sup == _OBJECT or sup not in program.classes:
                        continue
                    above = program.virtual_node(program.node((sup, name, proto)))
                    edges.add((above, below))
                    if above not in linked:
                        linked.add(above)
                        stack.append((sup, above))
    edges.update((vnode, node) for node, vnode in program.virtual_of.items())
    return edges


def _resolve_up_edges(program: Program, nodes: list[int]) -> set[tuple[int, int]]:
    """Edges 3 for body nodes of build classes that do not define the method themselves."""
    edges: set[tuple[int, int]] = set()
    for start in nodes:
        cls, name, proto = program.keys[start]
        node = start
        for info in program.superclass_chain(cls):
            if (name, proto) in info.methods or not info.superclass:
                break
            above = program.node((info.superclass, name, proto))
            edges.add((node, above))
            node = above
    return edges


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


def _callback_targets(program: Program, info: ClassInfo) -> list[int]:
    out: list[int] = []
    for current in program.superclass_chain(info.name):
        for (name, _proto), node in current.methods.items():
            if program.methods[node].dispatchable or (name == _INIT and current is info):
                out.append(node)
    return out


def _implicit_edges(program: Program) -> set[tuple[int, int]]:
    """Edges 4 and 5."""
    edges: set[tuple[int, int]] = set()
    memo: dict[str, bool] = {}
    clinit: dict[str, int] = {}
    for info in program.classes.values():
        for (name, _proto), node in info.methods.items():
            if name == _CLINIT:
                clinit[info.name] = node
    for info in program.classes.values():
        init = clinit.get(info.name)
        if init is not None:
            edges.update((node, init) for node in info.methods.values()
                         if node != init and not program.methods[node].dispatchable)
    callbacks: dict[str, list[int]] = {}
    for node, method in program.methods.items():
        refs = program.refs[method.dex]
        code = method.code
        for type_idx in set(code.types):
            name = refs.type_name(type_idx)
            targets = callbacks.get(name)
            if targets is None:
                cls = program.classes.get(name)
                use = cls is not None and has_platform_supertype(program, name, memo)
                targets = callbacks[name] = _callback_targets(program, cls) if use and cls else []
            edges.update((node, target) for target in targets)
        if code.static_fields or code.sget_objects:
            classes = refs.field_classes
            for field_idx in set(code.static_fields) | set(code.sget_objects):
                if not 0 <= field_idx < len(classes):
                    raise DexError(f"{refs.dex.path}: field index {field_idx} out of range")
                init = clinit.get(refs.type_name(classes[field_idx]))
                if init is not None and init != node:
                    edges.add((node, init))
    return edges


def build_call_graph(program: Program, extra_nodes: list[int] | None = None) -> nx.DiGraph[int]:
    """The call graph with all five kinds of edges. ``extra_nodes`` (entry points) get edges 3 too."""
    import networkx as nx

    graph: nx.DiGraph[int] = nx.DiGraph()
    graph.add_edges_from(_call_edges(program))
    graph.add_edges_from(_dispatch_edges(program))
    virtual = set(program.virtual_of.values())
    referenced = [n for n in graph.nodes if n not in program.methods and n not in virtual]
    graph.add_edges_from(_resolve_up_edges(program, referenced + list(extra_nodes or ())))
    graph.add_edges_from(_implicit_edges(program))
    graph.add_nodes_from(program.methods)
    return graph
