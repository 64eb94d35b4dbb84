"""Third-party code that no catalog entry claims, grouped by package, with the vendor it probably comes from.

Excluded: classes an entry claims, the app's own packages (manifest package, Application class package),
and the platform (``android``, ``androidx``, ``java``, ``kotlin``...). Obfuscated classes (every package
segment at most two characters, or no package) are grouped as one ``(obfuscated)`` row, which is never
attributed (its classes come from anywhere). Who probably made each group: :mod:`auditor.detect.explain`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace

from auditor.detect.attribution import VendorIndex, decide
from auditor.detect.explain import Explained, Explanation, explain
from auditor.detect.matcher import Matcher
from auditor.model import Build, Component, DataAccess, UnknownPackage, VendorEvidence, VendorSignal

PLATFORM_PREFIXES: tuple[str, ...] = (
    "android", "androidx", "java", "javax", "kotlin", "kotlinx", "dalvik", "sun", "libcore",
    "org.w3c.dom", "org.xml.sax", "org.xmlpull.v1", "org.json", "org.apache.http", "org.apache.harmony",
    "com.android.internal", "org.jetbrains.annotations", "org.intellij.lang.annotations",
    "_COROUTINE", "j$",
)
OBFUSCATED = "(obfuscated)"
_GROUP_DEPTH = 3
_GENERIC_SEGMENTS = frozenset({"android", "sdk", "lib", "libs", "common", "core", "api", "app", "apps",
                               "support", "thirdparty", "open", "mobile"})


def _under_any(prefixes: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a package is one of ``prefixes`` or under one (a set look-up and one C-level ``startswith``
    per name)."""
    exact = frozenset(prefixes)
    dotted = tuple(p + "." for p in prefixes)
    return lambda name: name in exact or name.startswith(dotted)


def own_prefixes(build: Build) -> tuple[str, ...]:
    """Packages that belong to the app itself."""
    own = {build.manifest.package}
    app_class = build.manifest.application_class
    if app_class and "." in app_class:
        own.add(".".join(app_class.split(".")[:-1][:_GROUP_DEPTH]))
    return tuple(sorted(p for p in own if p))


def group_key(package: str) -> str:
    """The package a class is listed under: its first three segments (one more while the last is generic,
    as in ``com.google.android.gms``), or ``(obfuscated)``."""
    parts = package.split(".") if package else []
    if not parts or all(len(p) <= 2 for p in parts):
        return OBFUSCATED
    depth = _GROUP_DEPTH
    while depth < len(parts) and parts[depth - 1] in _GENERIC_SEGMENTS:
        depth += 1
    return ".".join(parts[:depth])


def unknown_packages(build: Build, matcher: Matcher, index: VendorIndex | None = None,
                     data_access: tuple[DataAccess, ...] = (), read_code: bool = True) -> tuple[UnknownPackage, ...]:
    """Unclaimed third-party packages, each with the vendor its evidence points at (when ``index`` is
    given; ``read_code=False`` leaves out the signals read from code), ranked by what the code does:
    personal-data call sites, then manifest components, then size."""
    own = own_prefixes(build)
    members: dict[str, list[str]] = defaultdict(list)
    files: dict[str, set[str]] = defaultdict(set)
    excluded = _under_any(PLATFORM_PREFIXES + own)
    for dex in build.dex:
        for name in dex.classes:
            package = name.split("$", 1)[0].rpartition(".")[0]
            if excluded(package):
                continue
            if matcher.claim_class(name) is not None:
                continue
            key = group_key(package)
            members[key].append(name)
            files[key].add(dex.path)
    group_of = {name: key for key, names in members.items() for name in names}
    components: dict[str, list[Component]] = defaultdict(list)
    for comp in build.manifest.components:
        if comp.name in group_of:
            components[group_of[comp.name]].append(comp)
    sites = Counter(group_of[a.caller_class] for a in data_access if a.caller_class in group_of)
    named = sorted(k for k in members if k != OBFUSCATED)
    explained = explain(build, group_of, named, components, matcher, index, tuple(members.get(OBFUSCATED, ())),
                        read_code) if index is not None else Explained({}, {})
    _split_renamed(members, files, group_of, explained)
    rows = []
    for key, names in members.items():
        row = UnknownPackage(key, len(names), tuple(sorted(files[key])), names[0],
                             components=tuple(sorted(c.name for c in components.get(key, []))),
                             data_access_sites=sites[key], classes=tuple(names))
        found = explained.groups.get(key)
        if found is not None:
            row = replace(row, likely_vendor=found.verdict.vendor, likely_vendor_id=found.verdict.vendor_id,
                          evidence=found.verdict.evidence,
                          confidence=found.verdict.confidence, hosts=found.hosts)
        rows.append(row)
    return tuple(sorted(rows, key=lambda r: (-r.data_access_sites, -len(r.components), -r.class_count,
                                             r.package)))


def _split_renamed(members: dict[str, list[str]], files: dict[str, set[str]], group_of: dict[str, str],
                   explained: Explained) -> None:
    """Move the obfuscated classes traced to a vendor into one ``(obfuscated) <vendor id>`` group each,
    explained by the references the vendor's code makes to them."""
    traced = explained.renamed
    if not traced:
        return
    keep: list[str] = []
    moved: dict[str, list[str]] = defaultdict(list)
    for name in members.get(OBFUSCATED, []):
        if name in traced:
            moved[traced[name][0]].append(name)
        else:
            keep.append(name)
    for vendor_id, names in moved.items():
        key = f"{OBFUSCATED} {vendor_id}"
        members[key] = names
        files[key] = set(files.get(OBFUSCATED, set()))
        for name in names:
            group_of[name] = key
        display = traced[names[0]][1]
        per_sdk: Counter[str] = Counter()
        for name in names:
            per_sdk.update(traced[name][2])
        evidence = [VendorEvidence(VendorSignal.REFERENCED_BY, sdk_id, display, sdk_id, count, vendor_id=vendor_id)
                    for sdk_id, count in sorted(per_sdk.items())]
        followed = sum(1 for name in names if not traced[name][2])
        if followed:
            evidence.append(VendorEvidence(VendorSignal.REFERENCED_BY, "calls from classes traced to this vendor",
                                           display, evidence[0].sdk_id if evidence
                                           else "", followed, vendor_id=vendor_id))
        explained.groups[key] = Explanation(decide(evidence), ())
    if keep:
        members[OBFUSCATED] = keep
    else:
        members.pop(OBFUSCATED, None)
        files.pop(OBFUSCATED, None)
