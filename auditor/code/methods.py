"""Instruction-level views of the few methods the consent analysis looks at closely: decoded bodies
(cached), the names their operands refer to, consent branches, and which instructions make a call-graph
edge."""

from __future__ import annotations

import numpy as np

from auditor.code.decode import MethodBody, decode_method
from auditor.code.gates import (
    Branch,
    Names,
    consent_branches,
    consent_setters,
    names_agreement,
    returned_consent,
)
from auditor.code.graph import CallGraph, callback_targets, has_platform_supertype
from auditor.code.keyids import distinct, member
from auditor.code.program import MethodKey, Program

_VIRTUAL_INVOKES = frozenset({0x6E, 0x72, 0x74, 0x78})
_INVOKES = frozenset(range(0x6E, 0x73)) | frozenset(range(0x74, 0x79)) | {0xFA, 0xFB}
_STATIC_FIELDS = frozenset(range(0x60, 0x6E))
_CLINIT = "<clinit>"


class MethodViews:
    """Decoded methods of one program (one instance per analysis; the cache dies with it)."""

    def __init__(self, program: Program, graph: CallGraph) -> None:
        self.program = program
        self.graph = graph
        self._bodies: dict[int, MethodBody | None] = {}
        self._branches: dict[int, list[Branch]] = {}
        self._names: dict[int, Names] = {}
        self._callbacks: dict[str, frozenset[int]] = {}
        self._memo: dict[str, bool] = {}
        self._consent_fields: frozenset[tuple[str, str]] | None = None
        self._predicates: dict[int, str | None] = {}

    # -- names ----------------------------------------------------------------------------------------
    def method_key(self, dex: int, idx: int) -> MethodKey:
        return self.program.keys[int(self.program.dex_nodes[dex][idx])]

    def names(self, dex: int) -> Names:
        names = self._names.get(dex)
        if names is None:
            refs = self.program.refs[dex]
            names = self._names[dex] = Names(refs.dex.string, lambda idx: self.method_key(dex, idx),
                                             refs.field_key, self.consent_fields(),
                                             lambda idx: self.predicate(int(self.program.dex_nodes[dex][idx])))
        return names

    def predicate(self, node: int) -> str | None:
        """What a boolean method of the build returns when it returns a consent value (summaries are one
        level deep: the callee's own calls are not summarised)."""
        if node in self._predicates:
            return self._predicates[node]
        self._predicates[node] = None
        body = self.body(node)
        info = self.program.methods.get(node)
        if body is not None and info is not None:
            base = self.names(info.dex)
            flat = Names(base.string, base.method, base.field, base.consent_fields)
            self._predicates[node] = returned_consent(body, flat)
        return self._predicates[node]

    def consent_fields(self) -> frozenset[tuple[str, str]]:
        """Boolean fields written by methods whose name names an agreement (``onAgreeClick``...)."""
        if self._consent_fields is None:
            found: set[tuple[str, str]] = set()
            self._consent_fields = frozenset()
            ids = self.program.ids
            nodes = np.array(self.program.methods.with_code(), dtype=np.int64)
            names = ids.column(1)[nodes]
            agreeing = [n for n in distinct(names).tolist() if names_agreement(ids.strings[1][n])]
            for node in nodes[member(names, np.array(agreeing, dtype=np.int64))].tolist():
                body = self.body(node)
                if body is not None:
                    dex = self.program.methods[node].dex
                    found |= consent_setters(body, self.program.refs[dex].field_key)
            self._consent_fields = frozenset(found)
        return self._consent_fields

    # -- bodies ---------------------------------------------------------------------------------------
    def body(self, node: int) -> MethodBody | None:
        """The decoded method (None: not defined in the build, or no code)."""
        if node in self._bodies:
            return self._bodies[node]
        info = self.program.methods.get(node)
        body = None
        if info is not None and info.code_off:
            body = decode_method(self.program.codes[info.dex], info.code_off)
        self._bodies[node] = body
        return body

    def branches(self, node: int) -> list[Branch]:
        found = self._branches.get(node)
        if found is None:
            body = self.body(node)
            info = self.program.methods.get(node)
            found = consent_branches(body, self.names(info.dex)) if body is not None and info else []
            self._branches[node] = found
        return found

    # -- edges ----------------------------------------------------------------------------------------
    def _callback_nodes(self, name: str) -> frozenset[int]:
        found = self._callbacks.get(name)
        if found is None:
            info = self.program.classes.get(name)
            use = info is not None and has_platform_supertype(self.program, name, self._memo)
            found = self._callbacks[name] = frozenset(callback_targets(self.program, info)) if use and info \
                else frozenset()
        return found

    def edge_positions(self, src: int, dst: int) -> list[int]:
        """Code-unit offsets of the instructions in method ``src`` that make the edge ``src -> dst``
        (calls, objects created for callbacks, static accesses that initialise a class); empty when the
        edge is not made by an instruction (dispatch, resolution)."""
        body = self.body(src)
        info = self.program.methods.get(src)
        if body is None or info is None:
            return []
        program, n = self.program, self.graph.methods
        refs = program.refs[info.dex]
        nodes = program.dex_nodes[info.dex]
        target = self.graph.body(dst)
        clinit_of = program.keys[target][0] if program.keys[target][1] == _CLINIT and dst < n else None
        out: list[int] = []
        for insn in body.insns:
            op = insn.op
            if op in _INVOKES and 0 <= insn.idx < len(nodes):
                callee = int(nodes[insn.idx])
                if (callee + n if op in _VIRTUAL_INVOKES else callee) == dst or clinit_of and op in (0x71, 0x77) and program.keys[callee][0] == clinit_of:
                    out.append(insn.pos)
            elif op in (0x1C, 0x22) and dst < n:
                name = refs.type_name(insn.idx)
                if dst in self._callback_nodes(name) or (clinit_of and name == clinit_of):
                    out.append(insn.pos)
            elif clinit_of and op in _STATIC_FIELDS and refs.field_key(insn.idx)[0] == clinit_of:
                out.append(insn.pos)
        return out


    def api_positions(self, node: int, apis: list[tuple[str, str]]) -> list[int]:
        """Code-unit offsets in method ``node`` of the instructions that reach the given personal-data APIs
        (``(api, rule kind)``: invokes of ``class.method``, reads of ``class.field``, content-URI strings)."""
        body = self.body(node)
        info = self.program.methods.get(node)
        if body is None or info is None:
            return []
        refs = self.program.refs[info.dex]
        methods = {api for api, kind in apis if kind == "method"}
        fields = {api for api, kind in apis if kind == "field"}
        prefixes = tuple(api for api, kind in apis if kind == "string")
        out: list[int] = []
        for insn in body.insns:
            if insn.op in _INVOKES and methods:
                cls, name, _proto = self.method_key(info.dex, insn.idx)
                if f"{cls}.{name}" in methods:
                    out.append(insn.pos)
            elif insn.op == 0x62 and fields:
                cls, fname = refs.field_key(insn.idx)
                if f"{cls}.{fname}" in fields:
                    out.append(insn.pos)
            elif insn.op in (0x1A, 0x1B) and prefixes and refs.dex.string(insn.idx).startswith(prefixes):
                out.append(insn.pos)
        return out


__all__ = ["MethodViews"]
