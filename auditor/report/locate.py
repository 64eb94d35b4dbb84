"""Where a finding is fixed: a file and line in the app's repository, or a logical location in the build.

Decided per finding, from what the finding is about and where its rule says the fix is made
(``RuleInfo.fix_in``), in this order:
1. for rules fixed in the policy, the text the finding quotes from the policy or the scenes file;
2. a permission the build requests: its ``<uses-permission>`` line in the source manifest, or else the
   dependency line of an SDK whose documented permissions include it;
3. personal data read in code: the source line of the first app-owned frame (DEX debug info), the SDK's
   frame as a related location;
4. an SDK: its dependency line (catalog Maven coordinates, the product's parts included);
5. otherwise the build file itself with a logical location (class, package, manifest element).
Without ``--source-root`` steps 2-4 fall back to 5.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import quote

from auditor.audit.model import Finding
from auditor.model import DataAccess, SourcePosition
from auditor.report.model import ReportModel
from auditor.report.sourceroot import SourceLine

SRCROOT = "%SRCROOT%"


@dataclass(frozen=True)
class Place:
    """A physical location: a URI (relative to ``%SRCROOT%`` unless absolute) and an optional line span."""

    uri: str
    relative: bool
    start_line: int | None = None
    end_line: int | None = None
    snippet: str = ""
    note: str = ""
    """What is there (the location's message)."""


@dataclass(frozen=True)
class Logical:
    name: str
    fully_qualified: str
    kind: str
    """SARIF logical location kind: ``type``, ``function``, ``package``, ``element``, ``module``."""


@dataclass(frozen=True)
class Located:
    primary: Place
    logical: tuple[Logical, ...] = ()
    related: tuple[tuple[Place, tuple[Logical, ...]], ...] = ()


def file_place(model: ReportModel, path: str, line: int | None = None, end: int | None = None,
               snippet: str = "", note: str = "") -> Place:
    """``path`` (absolute, or relative to the working directory) as SARIF wants it: relative to
    ``%SRCROOT%`` (the source root, or the working directory) when it lies under it, else an absolute
    ``file://`` URI. Never a stripped or guessed path."""
    root = model.sources.root if model.sources is not None else model.work_dir
    p = PurePath(path)
    if not p.is_absolute():
        if not model.work_dir:
            return Place(p.as_posix(), True, line, end, snippet, note)
        p = PurePath(model.work_dir) / p
    p = PurePath(os.path.normpath(p))
    try:
        return Place(p.relative_to(root).as_posix(), True, line, end, snippet, note) if root else \
            Place("file://" + quote(p.as_posix()), False, line, end, snippet, note)
    except ValueError:
        return Place("file://" + quote(p.as_posix()), False, line, end, snippet, note)


def _source_place(model: ReportModel, line: SourceLine, note: str) -> Place:
    return Place(line.path, True, line.line, line.line, line.text, note)


def _build_place(model: ReportModel, note: str) -> Place:
    return file_place(model, model.scan.build.path, note=note)


def _policy_place(model: ReportModel, f: Finding) -> Place | None:
    for loc in f.evidence:
        if loc.source in ("policy", "scenes") and loc.file:
            return file_place(model, loc.file, loc.line_start, loc.line_end, note=loc.detail)
    return None


def _sdk_coordinates(model: ReportModel, sdk_id: str) -> tuple[str, ...]:
    facts = model.facts.get(sdk_id)
    if facts is None:
        return ()
    product = model.facts.get(facts.product)
    siblings = [f for f in model.facts.by_id.values() if f.product == facts.product and f is not facts]
    return facts.maven + (product.maven if product and product is not facts else ()) + tuple(
        c for f in siblings for c in f.maven)


def _dependency_place(model: ReportModel, sdk_id: str, note: str) -> Place | None:
    if model.sources is None:
        return None
    line = model.sources.dependency_line(_sdk_coordinates(model, sdk_id))
    return _source_place(model, line, note) if line else None


def _permission(model: ReportModel, f: Finding) -> Located | None:
    name = f.subject
    if name not in {p.name for p in model.scan.permissions}:
        return None
    logical = (Logical(f"uses-permission {name}", f"AndroidManifest.xml/uses-permission[{name}]", "element"),)
    if model.sources is not None:
        line = model.sources.permission_line(name)
        if line is not None:
            return Located(_source_place(model, line, f"<uses-permission> {name}"), logical)
        for hit in model.scan.sdks:
            facts = model.facts.get(hit.sdk_id)
            if facts is not None and facts.permissions and name in facts.permissions:
                place = _dependency_place(model, hit.sdk_id, f"{hit.name} brings {name} through its manifest")
                if place is not None:
                    return Located(place, logical)
    return Located(_build_place(model, f"AndroidManifest.xml: uses-permission {name}"), logical)


def _sites(model: ReportModel, f: Finding) -> list[DataAccess]:
    owner, _, data_type = f.subject.rpartition(":")
    sites = [s for s in model.scan.data_access if s.data_type == data_type and (not owner or s.owner == owner)]
    order = {"startup": 0, "self-start": 1, "dead": 9}
    return sorted(sites, key=lambda s: (order.get(s.reachability, 5), s.caller_class, s.caller_method))


def _frame_logical(label: str) -> Logical:
    cls, _, method = label.rpartition(".")
    return Logical(method or label, label, "function") if cls else Logical(label, label, "type")


def _position_place(model: ReportModel, pos: SourcePosition | None, note: str) -> Place | None:
    if model.sources is None or pos is None or not pos.file:
        return None
    path = model.sources.source_file(pos.file, pos.class_name)
    return Place(path, True, pos.line, pos.line, "", note) if path else None


def _call_site(model: ReportModel, f: Finding) -> Located | None:
    sites = _sites(model, f)
    if not sites:
        return None
    site = sites[0]
    caller = f"{site.caller_class}.{site.caller_method.split('(')[0]}"
    sdk_frame = (_frame_logical(caller),)
    sdk_place = _position_place(model, site.position, f"{caller} calls {site.api}")
    if site.app_frame:
        app_logical = (_frame_logical(site.app_frame),)
        app_place = _position_place(model, site.app_position, f"{site.app_frame}: the app's call")
        related = () if site.app_frame == caller else (
            (sdk_place or _build_place(model, f"{caller} calls {site.api}"), sdk_frame),)
        if app_place is not None:
            return Located(app_place, app_logical, related)
        return Located(_build_place(model, f"{site.app_frame} ({site.dex})"), app_logical, related)
    dependency = _dependency_place(model, site.owner, f"{caller} calls {site.api}") if site.owner else None
    return Located(sdk_place or dependency or _build_place(model, f"{caller} calls {site.api} ({site.dex})"),
                   sdk_frame)


def _sdk(model: ReportModel, f: Finding) -> Located | None:
    sdk_id = f.subject.partition(":")[0]
    hit = next((h for h in model.scan.sdks if h.sdk_id == sdk_id), None)
    if hit is None:
        return None
    example = next((e.example or e.value for e in hit.evidence), hit.name)
    logical = (Logical(hit.name, example, "package"),)
    place = _dependency_place(model, sdk_id, f"dependency that ships {hit.name}")
    return Located(place or _build_place(model, f"{hit.name}: {example}"), logical)


def locate(model: ReportModel, f: Finding) -> Located:
    """The place a developer opens to fix ``f``: the text it quotes when the rule's fix is made in the policy,
    else the manifest, dependency or code line, else the policy text, else the build."""
    rule = model.rule(f.rule_id)
    policy = _policy_place(model, f)
    if policy is not None and (rule is None or rule.fix_in == "policy"):
        return Located(policy)
    for step in (_permission, _call_site, _sdk):
        found = step(model, f)
        if found is not None:
            return found
    if policy is not None:
        return Located(policy)
    detail = next((loc.detail for loc in f.evidence if loc.detail), f.subject)
    return Located(_build_place(model, detail), (Logical(f.subject, f.subject, "package"),))
