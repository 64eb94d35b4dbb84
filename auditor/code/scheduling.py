"""Find the methods that call given APIs (by name, vectorised over the operand arrays), and from them what
runs repeatedly (:mod:`auditor.code.frequency`): repeating roots with their period, and sleeping loops."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from auditor.code.frequency import (
    REPEAT_DEPTH,
    SCHEDULERS,
    SLEEPS,
    Scheduler,
    in_sleeping_loop,
    param_registers,
    period_ms,
    values_before,
)
from auditor.code.graph import UNSEEN, CallGraph, bfs, callback_targets
from auditor.code.methods import MethodViews
from auditor.code.program import MethodKey, Program

_INVOKES = frozenset(range(0x6E, 0x73)) | frozenset(range(0x74, 0x79)) | {0xFA, 0xFB}


class Invokers:
    """Which defined methods invoke a method of a given name (one look-up per name set)."""

    def __init__(self, program: Program) -> None:
        self.program = program

    def callers(self, names: tuple[str, ...], accept: Callable[[MethodKey], bool] | None = None,
                near: Callable[[str], bool] | None = None) -> list[int]:
        """Nodes of the methods with an invoke of a method named one of ``names`` (any class, or the method
        keys ``accept`` takes; ``near``: a test of the class alone that every key ``accept`` takes passes,
        asked once per class first)."""
        from auditor.code.graph import invoke_events

        found: set[int] = set()
        for dex, refs in enumerate(self.program.refs):
            wanted = {i for i in (refs.find_string(n) for n in names) if i is not None}
            if not wanted:
                continue
            indices = refs.method_ids_named(wanted)
            if near is not None and indices:
                types = refs.method_classes(indices)
                close = {t for t in set(types) if near(refs.type_name(t))}
                indices = [i for i, t in zip(indices, types) if t in close]
            if accept is not None:
                indices = [i for i in indices if accept(refs.method_key(i))]
            if not indices:
                continue
            src, arg, _virtual = invoke_events(self.program, dex)
            found.update(src[np.isin(arg, np.array(indices, dtype=np.int64))].tolist())
        return sorted(found)


def _lineage(program: Program, name: str) -> list[str]:
    """A class, its build superclasses and the first superclass outside the build (a subclass of
    ``Handler`` calling its own ``sendEmptyMessageDelayed`` names itself in the method reference)."""
    chain = program.superclass_chain(name)
    out = [name] + [info.superclass for info in chain if info.superclass]
    return list(dict.fromkeys(out))


class _Descends:
    """Whether a class is, or descends through build superclasses from, one of ``classes`` (no depth cap:
    a superset of what the capped :func:`_lineage` finds, so a False here spares the exact look-up; most
    method references named like a scheduler, every ``<init>``, are far from any scheduler class)."""

    def __init__(self, program: Program, classes: frozenset[str]) -> None:
        self.program = program
        self.classes = classes
        self.memo: dict[str, bool] = {}

    def __call__(self, name: str) -> bool:
        memo, classes, defined = self.memo, self.classes, self.program.classes
        walk: list[str] = []
        current: str | None = name
        found = False
        while current is not None:
            known = memo.get(current)
            if known is not None:
                found = known
                break
            if current in classes:
                found = True
                break
            memo[current] = False  # while walking: a cycle back here ends the walk
            walk.append(current)
            info = defined.get(current)
            current = info.superclass if info is not None else None
        for step in walk:
            memo[step] = found
        return found


def _scheduler_for(program: Program, key: tuple[str, str, str], lineages: dict[str, list[str]] | None = None
                   ) -> Scheduler | None:
    """The scheduler a method key names (``lineages``: a memo of :func:`_lineage` per class)."""
    cls, name, proto = key
    if not any(name == sched.name for sched in SCHEDULERS):
        return None
    lineage = lineages.get(cls) if lineages is not None else None
    if lineage is None:
        lineage = _lineage(program, cls)
        if lineages is not None:
            lineages[cls] = lineage
    for sched in SCHEDULERS:
        if name == sched.name and not sched.classes.isdisjoint(lineage):
            count = len(param_types(proto))
            if sched.params and count != sched.params:
                continue
            return sched
    return None


def param_types(proto: str) -> list[str]:
    out: list[str] = []
    body = proto[1:proto.index(")")]
    i = 0
    while i < len(body):
        start = i
        while body[i] == "[":
            i += 1
        i = body.index(";", i) + 1 if body[i] == "L" else i + 1
        out.append(body[start:i])
    return out


def _task_methods(program: Program, class_name: str, names: tuple[str, ...] | None) -> list[int]:
    info = program.classes.get(class_name)
    if info is None:
        return []
    nodes = [n for n in callback_targets(program, info) if program.keys[n][1] != "<init>"]
    return [n for n in nodes if names is None or program.keys[n][1] in names]


def repeating_roots(program: Program, graph: CallGraph, views: MethodViews, invokers: Invokers
                    ) -> dict[int, int | None]:
    """Every method that runs repeatedly (roots and what they call within :data:`REPEAT_DEPTH`) -> the
    shortest constant period among its roots (None: not a constant)."""
    roots: dict[int, int | None] = {}
    names = tuple(sorted({s.name for s in SCHEDULERS}))
    lineages: dict[str, list[str]] = {}
    found: dict[MethodKey, Scheduler | None] = {}
    near = _Descends(program, frozenset().union(*(s.classes for s in SCHEDULERS)))

    def scheduler(key: MethodKey) -> Scheduler | None:
        if key not in found:
            found[key] = _scheduler_for(program, key, lineages) if near(key[0]) else None
        return found[key]

    for node in invokers.callers(names, lambda key: scheduler(key) is not None, near):
        body = views.body(node)
        info = program.methods[node]
        if body is None:
            continue
        refs = program.refs[info.dex]
        _cls, own_name, _proto = program.keys[node]
        for index, insn in enumerate(body.insns):
            if insn.op not in _INVOKES:
                continue
            key = views.method_key(info.dex, insn.idx)
            sched = scheduler(key)
            if sched is None:
                continue
            regs = param_registers(insn, key[2])
            vals = values_before(body, index, refs.type_name, refs.field_key)
            period = period_ms(vals, regs, sched.period, sched.unit)
            targets: list[int] = []
            if sched.kind == "schedule" and sched.task < len(regs) and regs[sched.task] in vals.type_name:
                targets = _task_methods(program, vals.type_name[regs[sched.task]], ("run", "call"))
            elif sched.kind == "class" and sched.task < len(regs) and regs[sched.task] in vals.type_name:
                targets = _task_methods(program, vals.type_name[regs[sched.task]], None)
            elif sched.kind == "intent":
                for name in sorted({refs.type_name(i.idx) for i in body.insns if i.op == 0x1C}):
                    targets += _task_methods(program, name, None)
            elif sched.kind == "self-post" and own_name == "run" and regs and regs[0] == body.this_register or sched.kind == "self-message" and own_name == "handleMessage":
                targets = [node]
            for target in targets:
                old = roots.get(target)
                roots[target] = period if target not in roots else (
                    min(old, period) if old is not None and period is not None else old if period is None else period)
    out: dict[int, int | None] = {}
    for root, period in sorted(roots.items()):
        reached = bfs(graph, (root,), max_depth=REPEAT_DEPTH)
        for node in np.nonzero(reached != UNSEEN)[0].tolist():
            body_node = graph.body(node)
            old = out.get(body_node)
            out[body_node] = period if body_node not in out else (
                min(old, period) if old is not None and period is not None else old if period is None else period)
    return out


def _sleeps(program: Program, views: MethodViews, node: int) -> list[tuple[int, int | None]]:
    body = views.body(node)
    info = program.methods.get(node)
    if body is None or info is None:
        return []
    refs = program.refs[info.dex]
    out: list[tuple[int, int | None]] = []
    for index, insn in enumerate(body.insns):
        if insn.op in _INVOKES:
            cls, name, proto = views.method_key(info.dex, insn.idx)
            if (cls, name) in SLEEPS:
                regs = param_registers(insn, proto)
                vals = values_before(body, index, refs.type_name, refs.field_key)
                out.append((insn.pos, period_ms(vals, regs, SLEEPS[(cls, name)], -1)))
    return out


def sleeping_loop_period(program: Program, graph: CallGraph, views: MethodViews, node: int,
                         path: tuple[int, ...], apis: list[tuple[str, str]]) -> tuple[bool, int | None]:
    """Whether the site's call (or a call leading to it, up to two methods up its path) sits in a loop that
    sleeps, and the sleep's period."""
    steps: list[tuple[int, list[int]]] = [(node, views.api_positions(node, apis))]
    chain = [graph.body(p) if p < graph.methods else None for p in path]
    for k in range(len(path) - 2, max(-1, len(path) - 4), -1):
        if chain[k] is not None:
            steps.append((path[k], views.edge_positions(path[k], path[k + 1])))
    for method, positions in steps:
        sleeps = _sleeps(program, views, method)
        if not sleeps:
            continue
        body = views.body(method)
        if body is None:
            continue
        for pos in positions:
            found, period = in_sleeping_loop(body, pos, sleeps)
            if found:
                return True, period
    return False, None


__all__ = ["Invokers", "repeating_roots", "sleeping_loop_period"]
