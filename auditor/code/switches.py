"""Vendor privacy switches (catalog ``privacy_switches``): which the app calls, with which constant, when,
and what that means for the SDK's own collection.

- ``pre-init`` (``UMConfigure.preInit``, Getui ``PushManager.preInit``): the vendor documents that it collects
  nothing, so a call into it from outside the SDK is a gate (the SDK's code reached only through it is
  ``gated``, and the gate names the switch).
- ``auth-flag`` (``JCollectionAuth.setAuth(ctx, false)``, ``SDKInitializer.setAgreePrivacy``): a call with the
  constant ``false`` at start-up, ordered before the app's first call into the SDK on the start-up path,
  with no call with ``true`` at start-up, makes the SDK's start-up and self-start collection ``gated``.
  The order is read along the start-up search tree: the two paths' last common method, and the positions
  of the calls that lead on (in one method: instruction order; different start-up roots: Application
  constructor, ``attachBaseContext``, providers, then ``Application.onCreate``). An order we cannot tell, or
  a flag that is not a constant, leaves the collection before consent.
- ``grant`` (``submitPolicyGrantResult(ctx, true)``) and ``defer`` are reported; a grant at start-up is
  named in the verdict (it tells the SDK the user agreed before any dialog).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from auditor.code.frequency import param_registers, values_before
from auditor.code.graph import CallGraph, path_to
from auditor.code.methods import MethodViews
from auditor.code.program import Program
from auditor.model import SwitchCall, SwitchUse

if TYPE_CHECKING:
    from auditor.code.consent import ConsentAnalysis, Judgement

_INVOKES = frozenset(range(0x6E, 0x73)) | frozenset(range(0x74, 0x79)) | {0xFA, 0xFB}
_BEFORE_CONSENT = ("startup", "self-start")


@dataclass(frozen=True)
class _Call:
    node: int
    pos: int
    value: bool | None


def _short(api: str) -> str:
    cls, _dot, name = api.rpartition(".")
    return f"{cls.rsplit('.', 1)[-1]}.{name}"


class SwitchFinder:
    """The switches of the SDKs in the catalog table and their calls in one program."""

    def __init__(self, program: Program, graph: CallGraph, views: MethodViews, invokers: Any,
                 owner_of: Callable[[str], str | None], table: dict[str, tuple[Any, ...]]) -> None:
        self.program = program
        self.graph = graph
        self.views = views
        self.owner_of = owner_of
        self.table = table
        self.covers: dict[str, set[str]] = {}
        """Switch api -> SDK ids that list it."""
        for sdk, switches in table.items():
            for switch in switches:
                self.covers.setdefault(switch.api, set()).add(sdk)
        self.calls = self._find_calls(invokers)
        self.pre_init = {tuple(api.rsplit(".", 1)) for sdk, sws in table.items() for s in sws
                         if s.meaning == "pre-init" for api in (s.api,)}

    def _find_calls(self, invokers: Any) -> dict[str, list[_Call]]:
        args = {s.api: s.arg for sws in self.table.values() for s in sws}
        names = tuple(sorted({api.rsplit(".", 1)[1] for api in args}))
        out: dict[str, list[_Call]] = {}
        for node in invokers.callers(names) if names else []:
            body = self.views.body(node)
            info = self.program.methods[node]
            if body is None:
                continue
            refs = self.program.refs[info.dex]
            for index, insn in enumerate(body.insns):
                if insn.op not in _INVOKES:
                    continue
                cls, name, proto = self.views.method_key(info.dex, insn.idx)
                api = f"{cls}.{name}"
                if api not in args:
                    continue
                value: bool | None = None
                if args[api] >= 0:
                    regs = param_registers(insn, proto)
                    vals = values_before(body, index, refs.type_name, refs.field_key)
                    if args[api] < len(regs) and regs[args[api]] in vals.literal:
                        value = bool(vals.literal[regs[args[api]]])
                out.setdefault(api, []).append(_Call(node, insn.pos, value))
        return out

    # -- pre-init: a gate on the call graph --------------------------------------------------------------
    def pre_init_gate(self, src: int, dst: int) -> str | None:
        cls, name, _proto = self.program.keys[self.graph.body(dst)]
        if (cls, name) not in self.pre_init:
            return None
        caller = self.owner_of(self.program.keys[self.graph.body(src)][0])
        if caller in self.covers.get(f"{cls}.{name}", set()):
            return None
        return f"vendor pre-init {_short(cls + '.' + name)} (documented to collect nothing before the real init)"

    # -- auth-flag: ordering on the start-up tree ---------------------------------------------------------
    def _position(self, node: int, nxt: int | None, pos: int | None) -> int | None:
        if nxt is None:
            return pos
        positions = self.views.edge_positions(node, nxt)
        return min(positions) if positions else None

    def _root_rank(self, node: int) -> int | None:
        name = self.program.keys[self.graph.body(node)][1]
        return {"<init>": 0, "<clinit>": 0, "attachBaseContext": 1, "attachInfo": 2, "onCreate": 3}.get(name)

    def before(self, early: Any, first: tuple[int, int], second: tuple[int, int | None, int]) -> bool | None:
        """Whether the call ``first`` = (method, position) runs before ``second`` = (caller, callee node or
        None, position) on the start-up tree ``early``; None when it cannot tell."""
        a_path = path_to(early, first[0])
        b_path = path_to(early, second[0])
        if not a_path or not b_path:
            return None
        common = 0
        while common < min(len(a_path), len(b_path)) and a_path[common] == b_path[common]:
            common += 1
        if common == 0:
            ra, rb = self._root_rank(a_path[0]), self._root_rank(b_path[0])
            return None if ra is None or rb is None or ra == rb else ra < rb
        at = a_path[common - 1]
        if at >= self.graph.methods:
            return None
        pa = self._position(at, a_path[common] if common < len(a_path) else None, first[1])
        nb = b_path[common] if common < len(b_path) else second[1]
        pb = self._position(at, nb, second[2] if common >= len(b_path) else None)
        if pa is None or pb is None or pa == pb:
            return None
        return pa < pb

    def _entry(self, path: tuple[int, ...], sdks: set[str]) -> tuple[int, int] | None:
        """The first call on a path from outside these SDKs into them: (caller, callee)."""
        for a, b in pairwise(path):
            if self.owner_of(self.program.keys[self.graph.body(b)][0]) in sdks and \
                    self.owner_of(self.program.keys[self.graph.body(a)][0]) not in sdks and a < self.graph.methods:
                return a, b
        return None

    @property
    def callers(self) -> set[int]:
        """Methods that call a switch (judged with the call sites, for when the switch runs)."""
        return {c.node for calls in self.calls.values() for c in calls}

    def apply(self, judged: dict[int, Judgement], analysis: ConsentAnalysis
              ) -> tuple[dict[int, Judgement], tuple[SwitchUse, ...]]:
        """Re-judge the SDKs' start-up sites by their auth-flag switches; report every switch.
        ``judged`` must hold the switch callers too."""
        status = {node: judged[node].status for node in self.callers}
        out = dict(judged)
        for api, sdks in sorted(self.covers.items()):
            if not any(s.meaning == "auth-flag" and s.api == api for sws in self.table.values() for s in sws):
                continue
            calls = self.calls.get(api, [])
            off = [c for c in calls if c.value is False and status[c.node] in _BEFORE_CONSENT]
            on_early = [c for c in calls if c.value is not False and status[c.node] in _BEFORE_CONSENT]
            on_later = [c for c in calls if c.value is True and status[c.node] not in _BEFORE_CONSENT]
            if not off or on_early:
                continue
            where = (f"{_short(api)}(true) in {analysis.label(on_later[0].node)}" if on_later
                     else f"no {_short(api)}(true) call found")
            for node, judgement in judged.items():
                owner = self.owner_of(self.program.keys[node][0])
                if owner not in sdks or judgement.status not in _BEFORE_CONSENT:
                    continue
                entry = self._entry(judgement.path, sdks)
                if entry is None:
                    continue
                if any(self.before(analysis.early, (c.node, c.pos), (entry[0], entry[1], 0)) for c in off):
                    out[node] = replace(judgement, status="gated",
                                        gate=f"{_short(api)}(false) before the SDK starts; {where}")
        return out, self._report(status)

    def _report(self, status: dict[int, str]) -> tuple[SwitchUse, ...]:
        uses: list[SwitchUse] = []
        for sdk, switches in sorted(self.table.items()):
            for switch in switches:
                calls = self.calls.get(switch.api, [])
                cls = self.program.classes.get(switch.class_name)
                available = cls is not None and any(name == switch.method for name, _p in cls.methods)
                listed = tuple(SwitchCall(self._label(c.node), c.value, status[c.node]) for c in calls)
                uses.append(SwitchUse(sdk, switch.api, switch.meaning, available, listed,
                                      _verdict(switch, listed, available)))
        return tuple(uses)

    def _label(self, node: int) -> str:
        cls, name, _proto = self.program.keys[node]
        return f"{cls}.{name}"


def _verdict(switch: Any, calls: tuple[SwitchCall, ...], available: bool) -> str:
    name = switch.api.rsplit(".", 1)[1]
    early = [c for c in calls if c.reachability in _BEFORE_CONSENT]
    suffix = "" if available else " (this SDK version does not define it)"
    if switch.meaning == "auth-flag":
        if any(c.value is not False for c in early):
            return f"{name}(true) or a non-constant flag at start-up, before consent"
        if any(c.value is False for c in early):
            granted = [c for c in calls if c.value is True]
            return f"{name}(false) at start-up" + (f"; {name}(true) in {granted[0].caller}" if granted else
                                                    f"; {name}(true) never called")
        return f"no {name}(false) before init{suffix}"
    if switch.meaning == "pre-init":
        if early:
            return f"{name}() at start-up (the real init must wait for consent)"
        return f"no {name}() at start-up: the SDK is initialised in full or not at all{suffix}"
    if switch.meaning == "grant":
        if any(c.value is not False for c in early):
            return f"{name} grants consent at start-up, before any dialog"
        if calls:
            return f"{name} called after start-up ({calls[0].reachability})"
        return f"{name} never called{suffix}"
    return f"{name} called {len(calls)} times" if calls else f"{name} not called{suffix}"


__all__ = ["SwitchFinder"]
