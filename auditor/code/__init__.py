"""Who in the code reaches personal data: call sites of personal-data APIs, their owners, reachability.

Entry point: :func:`analyze_data_access`. Pipeline: :mod:`program` reads every class and method of the
build's DEX files (:mod:`dexcode`, no decompiler); :mod:`callsites` matches the API table
(:mod:`apis`, ``auditor/data/personal_data_apis.yaml``); :mod:`attribution` names the owner;
:mod:`codescan` reads every code item at once (numpy); :mod:`graph` (integer arrays, CSR),
:mod:`entrypoints` and :mod:`reach` decide ``startup`` / ``reachable`` / ``dead``.
"""

from __future__ import annotations

from auditor.code.apis import ApiRule, ApiTable, ApiTableError, load_api_table, parse_api_table
from auditor.code.attribution import Attributor
import numpy as np

from auditor.code.graph import CallGraph, build_call_graph
from auditor.code.callsites import RawCallSite, find_call_sites
from auditor.code.entrypoints import EntryPoints, find_entry_points, ui_classes
from auditor.code.program import Program, build_program, method_label
from auditor.code.reach import Reach, classify
from auditor.detect.matcher import Matcher
from auditor.detect.unknown import own_prefixes
from auditor.model import Build, DataAccess

NOT_COMPUTED = "not-computed"
"""Reachability value when :func:`analyze_data_access` runs with ``reachability=False`` (benchmarks only;
never in a default scan)."""


def _labels(program: Program, graph: CallGraph | None, path: tuple[int, ...]) -> tuple[str, ...]:
    """``class.method`` per step; a virtual-call node next to its body collapses into one step."""
    out: list[str] = []
    for node in path:
        label = method_label(program.keys[graph.body(node) if graph is not None else node])
        if not out or out[-1] != label:
            out.append(label)
    return tuple(out)


def _data_access(program: Program, graph: CallGraph | None, site: RawCallSite, owner: str,
                 reach: Reach | None) -> DataAccess:
    cls, name, proto = program.keys[site.caller]
    return DataAccess(
        caller_class=cls,
        caller_method=f"{name}{proto}",
        dex=program.dex_paths[program.methods[site.caller].dex],
        api=site.rule.api,
        data_type=site.rule.data_type,
        owner=owner,
        reachability=reach.status if reach else NOT_COMPUTED,
        permission=site.rule.permission,
        path=_labels(program, graph, reach.path) if reach else (),
        via_reflection=site.via_reflection,
    )


def analyze_data_access(build: Build, matcher: Matcher, apis: ApiTable | None = None, *,
                        reachability: bool = True) -> tuple[DataAccess, ...]:
    """Every call site of a personal-data API in the build's code whose caller is not platform code,
    with its owner and reachability, sorted by caller class, caller method, API.

    Raises :class:`auditor.build.dex.DexError` on malformed code.
    """
    table = apis if apis is not None else load_api_table()
    program = build_program([d.image for d in build.dex if d.image is not None])
    renames = build.deobfuscation.original if build.deobfuscation is not None else {}
    attributor = Attributor(matcher, own_prefixes(build), renames)
    sites: list[tuple[RawCallSite, str]] = []
    for site in find_call_sites(program, table):
        owner = attributor.owner(program.keys[site.caller][0])
        if owner is not None:
            sites.append((site, owner))
    reaches: dict[int, Reach] = {}
    graph: CallGraph | None = None
    if reachability and sites:
        entries = find_entry_points(program, build.manifest)
        graph = build_call_graph(program)
        ui = ui_classes(program)
        in_ui = np.fromiter((key[0] in ui for key in program.keys[:graph.methods]), dtype=bool,
                            count=graph.methods)
        blocked = np.concatenate([in_ui, in_ui])
        blocked[list(entries.startup)] = False
        reaches = classify(graph, entries, {site.caller for site, _owner in sites}, blocked)
    rows = {_data_access(program, graph, site, owner, reaches.get(site.caller) if reachability else None)
            for site, owner in sites}
    return tuple(sorted(rows, key=lambda r: (r.caller_class, r.caller_method, r.api, r.via_reflection,
                                             r.dex, r.data_type)))


__all__ = ["ApiRule", "ApiTable", "ApiTableError", "EntryPoints", "analyze_data_access", "build_program",
           "load_api_table", "parse_api_table"]
