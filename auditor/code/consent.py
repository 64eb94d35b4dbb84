"""Consent as app stores and regulators test it: when each personal-data call site can run.

Reachability values (in order of precedence):
- ``startup``: reached from what the platform runs when the process starts (Application, ContentProviders,
  androidx.startup initializers; services, jobs, classes and static initialisers those touch: edges 4 and 5
  of :mod:`auditor.code.graph`) with no consent check on the way: before any dialog can be answered;
- ``self-start``: reached from what the platform runs without the user opening the app (manifest receivers
  for boot, connectivity, package, user-present and power broadcasts; receivers the start-up code
  registers at run time for those broadcasts), with no consent check on the way;
- ``gated``: reached from those roots only through a consent check (:mod:`auditor.code.gates`) or a vendor
  privacy switch used as documented (:mod:`auditor.code.switches`); ``DataAccess.gate`` says which;
- ``later``: reached only from other entry points (activities, services, receivers: after the user acts);
- ``dead``: reached from no entry point.

How: breadth-first searches over the array call graph; the paths to start-up sites are walked edge by
edge, and an edge whose every instruction is guarded by a consent branch is cut; the searches run again
until no path to a site crosses a gate (at most :data:`MAX_ROUNDS` rounds; past that the remaining sites
stay before consent). Only the methods on those paths are decoded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

from auditor.code.entrypoints import EntryPoints, class_entries
from auditor.code.gates import gate_of
from auditor.code.graph import UNSEEN, CallGraph, bfs, path_to
from auditor.code.methods import MethodViews
from auditor.code.program import Program
from auditor.code.scheduling import Invokers, repeating_roots, sleeping_loop_period
from auditor.code.switches import SwitchFinder
from auditor.model import Manifest, SwitchUse

STARTUP = "startup"
SELF_START = "self-start"
GATED = "gated"
LATER = "later"
DEAD = "dead"
REACHABILITY = (STARTUP, SELF_START, GATED, LATER, DEAD)
MAX_ROUNDS = 40

SELF_START_ACTIONS = frozenset({
    "android.intent.action.BOOT_COMPLETED", "android.intent.action.LOCKED_BOOT_COMPLETED",
    "android.intent.action.QUICKBOOT_POWERON", "com.htc.intent.action.QUICKBOOT_POWERON",
    "android.intent.action.REBOOT", "android.intent.action.USER_PRESENT", "android.intent.action.USER_UNLOCKED",
    "android.net.conn.CONNECTIVITY_CHANGE", "android.net.wifi.STATE_CHANGE", "android.net.wifi.WIFI_STATE_CHANGED",
    "android.intent.action.PACKAGE_ADDED", "android.intent.action.PACKAGE_REMOVED",
    "android.intent.action.PACKAGE_REPLACED", "android.intent.action.PACKAGE_CHANGED",
    "android.intent.action.MY_PACKAGE_REPLACED", "android.intent.action.ACTION_POWER_CONNECTED",
    "android.intent.action.ACTION_POWER_DISCONNECTED", "android.intent.action.SCREEN_ON",
    "android.intent.action.MEDIA_MOUNTED",
})
"""Broadcasts that start an app's receivers without the user opening the app (boot, network, packages,
unlock, power); SCREEN_ON only reaches receivers registered at run time."""
_RECEIVER = "android.content.BroadcastReceiver"


@dataclass(frozen=True)
class Judgement:
    """How and how often one calling method runs."""

    status: str
    path: tuple[int, ...] = ()
    gate: str = ""
    """The consent check or vendor switch that gates it (``gated``), or why none was seen (``startup``,
    ``self-start``)."""
    repeated: bool = False
    period_ms: int | None = None


@dataclass(frozen=True)
class Roots:
    startup: tuple[int, ...]
    self_start: tuple[int, ...]
    every: tuple[int, ...]
    receivers: frozenset[str]
    """Classes of the self-start receivers (the start-up search does not enter them)."""


def _is_receiver(program: Program, name: str) -> bool:
    chain = program.superclass_chain(name)
    return any(info.superclass == _RECEIVER for info in chain)


def _runtime_receivers(program: Program, views: MethodViews, invokers: Invokers) -> dict[int, set[str]]:
    """Registering method -> receiver classes it registers for a self-start broadcast."""
    out: dict[int, set[str]] = {}
    for node in invokers.callers(("registerReceiver",)):
        body = views.body(node)
        info = program.methods[node]
        refs = program.refs[info.dex]
        if body is None:
            continue
        actions = {refs.dex.string(i.idx) for i in body.insns if i.op in (0x1A, 0x1B)}
        if not actions & SELF_START_ACTIONS:
            continue
        found = {refs.type_name(i.idx) for i in body.insns if i.op == 0x22}
        found = {name for name in found if name in program.classes and _is_receiver(program, name)}
        if found:
            out[node] = found
    return out


def find_roots(program: Program, manifest: Manifest) -> tuple[tuple[int, ...], set[str]]:
    """Self-start roots from the manifest, and their classes."""
    roots: list[int] = []
    classes: set[str] = set()
    for comp in manifest.components:
        if comp.kind == "receiver" and set(comp.actions) & SELF_START_ACTIONS:
            roots.extend(class_entries(program, comp.name, None))
            classes.add(comp.name)
    return tuple(sorted(set(roots))), classes


class ConsentAnalysis:
    """One analysis of one program (see the module docstring)."""

    def __init__(self, program: Program, graph: CallGraph, views: MethodViews, ui: frozenset[str],
                 owner_of: Callable[[str], str | None]) -> None:
        self.program = program
        self.graph = graph
        self.views = views
        self.owner_of = owner_of
        self.invokers = Invokers(program)
        n = graph.methods
        self.class_of = program.ids.column(0)[:n].copy()
        """Node -> class number (``self.class_ids``), to mark every node of a set of classes at once."""
        self.class_ids = program.ids.tables[0]
        self.ui = self._of_classes(ui)
        self.edge_ok = np.ones(len(graph.indices), dtype=bool)
        self.early = np.zeros(0, dtype=np.int64)
        """The last start-up search tree (parents), for ordering switch calls (:mod:`auditor.code.switches`)."""
        self.reasons: dict[tuple[int, int], str] = {}

    def _of_classes(self, classes: set[str] | frozenset[str]) -> npt.NDArray[np.bool_]:
        """Body and virtual-call nodes of the methods of these classes."""
        ids = [self.class_ids[c] for c in classes if c in self.class_ids]
        mark = np.isin(self.class_of, np.array(ids, dtype=np.int64))
        return np.concatenate([mark, mark])

    def _blocked(self, classes: set[str], roots: tuple[int, ...]) -> npt.NDArray[np.bool_]:
        blocked = self.ui | self._of_classes(classes) if classes else self.ui.copy()
        blocked[list(roots)] = False
        return blocked

    def roots(self, manifest: Manifest, entries: EntryPoints) -> Roots:
        self_roots, receivers = find_roots(self.program, manifest)
        runtime = _runtime_receivers(self.program, self.views, self.invokers)
        if runtime:
            first = bfs(self.graph, entries.startup + self_roots, self._blocked(receivers, entries.startup))
            for node, classes in sorted(runtime.items()):
                if first[node] != UNSEEN:
                    receivers |= classes
                    for name in classes:
                        self_roots += tuple(class_entries(self.program, name, None))
        return Roots(entries.startup, tuple(sorted(set(self_roots))), entries.reachable, frozenset(receivers))

    def _cut_gates(self, path: tuple[int, ...], switches: SwitchFinder) -> bool:
        """Cut the first gated edge of a path (True when one was cut)."""
        n = self.graph.methods
        for a, b in pairwise(path):
            if a >= n or (a, b) in self.reasons:
                continue
            reason = switches.pre_init_gate(a, b)
            if reason is None:
                branches = self.views.branches(a)
                if not branches:
                    continue
                body = self.views.body(a)
                positions = self.views.edge_positions(a, b)
                if body is None or not positions:
                    continue
                check = gate_of(body, branches, positions)
                reason = f"{check} in {self.label(a)}" if check else None
            if reason is not None:
                self.reasons[(a, b)] = reason
                self.edge_ok[self.graph.edge_positions(a, b)] = False
                return True
        return False

    def label(self, node: int) -> str:
        cls, name, _proto = self.program.keys[self.graph.body(node)]
        return f"{cls.rsplit('.', 1)[-1]}.{name}"

    def _gated_reason(self, path: tuple[int, ...]) -> str:
        for a, b in pairwise(path):
            if (a, b) in self.reasons:
                return self.reasons[(a, b)]
        return "a consent check"

    def _inner_gate(self, node: int, apis: list[tuple[str, str]]) -> str | None:
        """The consent check guarding every personal-data call inside the calling method itself."""
        branches = self.views.branches(node)
        body = self.views.body(node)
        if not branches or body is None or not apis:
            return None
        check = gate_of(body, branches, self.views.api_positions(node, apis))
        return f"{check} in {self.label(node)}" if check else None

    def judge(self, roots: Roots, sites: dict[int, list[tuple[str, str]]], switches: SwitchFinder
              ) -> dict[int, Judgement]:
        startup_blocked = self._blocked(set(roots.receivers), roots.startup)
        self_blocked = self._blocked(set(), roots.self_start)
        for _round in range(MAX_ROUNDS):
            early = bfs(self.graph, roots.startup, startup_blocked, self.edge_ok)
            boot = bfs(self.graph, roots.self_start, self_blocked, self.edge_ok)
            cut = False
            for node in sorted(sites):
                tree = early if early[node] != UNSEEN else boot if boot[node] != UNSEEN else None
                if tree is not None and self._cut_gates(path_to(tree, node), switches):
                    cut = True
            if not cut:
                break
        full = bfs(self.graph, roots.startup + roots.self_start, self._blocked(set(), roots.startup + roots.self_start))
        later = bfs(self.graph, roots.every)
        out: dict[int, Judgement] = {}
        for node, apis in sites.items():
            inner = self._inner_gate(node, apis) if early[node] != UNSEEN or boot[node] != UNSEEN else None
            if inner is not None:
                out[node] = Judgement(GATED, path_to(early if early[node] != UNSEEN else boot, node), inner)
            elif early[node] != UNSEEN:
                out[node] = Judgement(STARTUP, path_to(early, node), "no consent check seen on this path")
            elif boot[node] != UNSEEN:
                out[node] = Judgement(SELF_START, path_to(boot, node), "no consent check seen on this path")
            elif full[node] != UNSEEN:
                path = path_to(full, node)
                out[node] = Judgement(GATED, path, self._gated_reason(path))
            elif later[node] != UNSEEN:
                out[node] = Judgement(LATER, path_to(later, node))
            else:
                out[node] = Judgement(DEAD)
        self.early = early
        return out


def analyze_consent(program: Program, graph: CallGraph, manifest: Manifest, entries: EntryPoints,
                    ui: frozenset[str], sites: dict[int, list[tuple[str, str]]],
                    owner_of: Callable[[str], str | None], switch_table: dict[str, tuple[Any, ...]]
                    ) -> tuple[dict[int, Judgement], tuple[SwitchUse, ...]]:
    """Judge every calling method in ``sites`` (node -> ``[(api, kind)]``): reachability, gate, repetition;
    and report the vendor switches of the SDKs in ``switch_table`` (sdk id -> switches)."""
    views = MethodViews(program, graph)
    analysis = ConsentAnalysis(program, graph, views, ui, owner_of)
    roots = analysis.roots(manifest, entries)
    switches = SwitchFinder(program, graph, views, analysis.invokers, owner_of, switch_table)
    judged = analysis.judge(roots, {**{n: [] for n in switches.callers}, **sites}, switches)
    judged, uses = switches.apply(judged, analysis)
    repeats = repeating_roots(program, graph, views, analysis.invokers)
    out: dict[int, Judgement] = {}
    for node, apis in sites.items():
        judgement = judged[node]
        repeated = node in repeats
        period = repeats.get(node)
        if not repeated:
            repeated, period = sleeping_loop_period(program, graph, views, node, judgement.path, apis)
        out[node] = Judgement(judgement.status, judgement.path, judgement.gate, repeated,
                              period if repeated else None)
    return out, uses


__all__ = ["DEAD", "GATED", "LATER", "REACHABILITY", "SELF_START", "SELF_START_ACTIONS", "STARTUP",
           "Judgement", "analyze_consent"]
