"""Who in the code reaches personal data: call sites of personal-data APIs, their owners, reachability.

Entry point: :func:`analyze_data_access`. Pipeline: :mod:`program` reads every class and method of the
build's DEX files (:mod:`dexcode`, no decompiler); :mod:`callsites` matches the API table
(:mod:`apis`, ``auditor/data/personal_data_apis.yaml``); :mod:`attribution` names the owner;
:mod:`codescan` reads every code item at once (numpy); :mod:`graph` (integer arrays, CSR) and
:mod:`entrypoints` give the call graph and its roots; :mod:`consent` decides ``startup`` / ``self-start`` /
``gated`` / ``later`` / ``dead`` (with :mod:`gates`, :mod:`switches`) and how often (:mod:`frequency`,
:mod:`scheduling`), decoding only the methods it looks at (:mod:`decode`, :mod:`methods`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from auditor.catalog.model import PrivacySwitch
from auditor.code.apis import ApiRule, ApiTable, ApiTableError, load_api_table, parse_api_table
from auditor.code.attribution import Attributor
from auditor.code.callsites import RawCallSite, find_call_sites
from auditor.code.consent import Judgement, analyze_consent
from auditor.code.entrypoints import EntryPoints, find_entry_points, ui_classes
from auditor.code.graph import CallGraph, build_call_graph
from auditor.code.program import Program, build_program, method_label
from auditor.collector import collector_paused
from auditor.detect.matcher import Matcher
from auditor.detect.unknown import own_prefixes
from auditor.model import Build, DataAccess, SwitchUse

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
                 judgement: Judgement | None) -> DataAccess:
    cls, name, proto = program.keys[site.caller]
    return DataAccess(
        caller_class=cls,
        caller_method=f"{name}{proto}",
        dex=program.dex_paths[program.methods[site.caller].dex],
        api=site.rule.api,
        data_type=site.rule.data_type,
        owner=owner,
        reachability=judgement.status if judgement else NOT_COMPUTED,
        permission=site.rule.permission,
        path=_labels(program, graph, judgement.path) if judgement else (),
        via_reflection=site.via_reflection,
        gate=judgement.gate if judgement else "",
        repeated=judgement.repeated if judgement else False,
        period_ms=judgement.period_ms if judgement else None,
    )


@dataclass(frozen=True)
class CodeFindings:
    """What the code analysis reports: call sites and the vendor privacy switches."""

    data_access: tuple[DataAccess, ...]
    privacy_switches: tuple[SwitchUse, ...] = ()


def analyze_code(build: Build, matcher: Matcher, apis: ApiTable | None = None, *,
                 switches: Mapping[str, tuple[PrivacySwitch, ...]] | None = None,
                 reachability: bool = True) -> CodeFindings:
    """Every call site of a personal-data API in the build's code whose caller is not platform code, with
    its owner, reachability, gate and repetition (sorted by caller class, caller method, API), and the
    use of the vendor privacy switches in ``switches`` (SDK id -> the catalog's switches).

    Raises :class:`auditor.build.dex.DexError` on malformed code.
    """
    with collector_paused():
        return _analyze_code(build, matcher, apis, switches, reachability)


def _analyze_code(build: Build, matcher: Matcher, apis: ApiTable | None,
                  switches: Mapping[str, tuple[PrivacySwitch, ...]] | None, reachability: bool) -> CodeFindings:
    table = apis if apis is not None else load_api_table()
    program = build_program([d.image for d in build.dex if d.image is not None])
    renames = build.deobfuscation.original if build.deobfuscation is not None else {}
    attributor = Attributor(matcher, own_prefixes(build), renames)
    sites: list[tuple[RawCallSite, str]] = []
    for site in find_call_sites(program, table):
        owner = attributor.owner(program.keys[site.caller][0])
        if owner is not None:
            sites.append((site, owner))
    judged: dict[int, Judgement] = {}
    uses: tuple[SwitchUse, ...] = ()
    graph: CallGraph | None = None
    if reachability and (sites or switches):
        entries = find_entry_points(program, build.manifest)
        graph = build_call_graph(program, entries.reachable)
        by_caller: dict[int, list[tuple[str, str]]] = {}
        for site, _owner in sites:
            by_caller.setdefault(site.caller, []).append((site.rule.api, site.rule.kind.value))
        judged, uses = analyze_consent(program, graph, build.manifest, entries, ui_classes(program), by_caller,
                                       attributor.owner, dict(switches or {}))
    rows = {_data_access(program, graph, site, owner, judged.get(site.caller) if reachability else None)
            for site, owner in sites}
    ordered = tuple(sorted(rows, key=lambda r: (r.caller_class, r.caller_method, r.api, r.via_reflection,
                                                r.dex, r.data_type)))
    return CodeFindings(ordered, uses)


def analyze_data_access(build: Build, matcher: Matcher, apis: ApiTable | None = None, *,
                        reachability: bool = True) -> tuple[DataAccess, ...]:
    """The call sites of :func:`analyze_code` (no vendor switches)."""
    return analyze_code(build, matcher, apis, reachability=reachability).data_access


__all__ = ["ApiRule", "ApiTable", "ApiTableError", "CodeFindings", "EntryPoints", "analyze_code",
           "analyze_data_access", "build_program",
           "load_api_table", "parse_api_table"]
