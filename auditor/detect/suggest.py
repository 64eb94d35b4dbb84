"""Draft catalog entries for the unknown third-party code of a scanned build (``auditor catalog suggest``).

One draft per unknown package group (the obfuscated group is skipped: it has no package to claim). A draft
holds only what the build shows: the package as the class prefix, the manifest components inside it, the
native libraries whose ``Java_*`` exports bind its classes (when no entry claims them), the hosts its code
loads, a real class of the build as the example, and the likely vendor with the evidence behind it. The
facts a human must supply (name, vendor, category, purpose, data collected) are marked ``TODO`` in the
comment header; the probable vendor is a commented-out ``vendor:`` line, so the draft states no vendor
(unknown) until a human confirms it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from auditor.build.native import jni_symbol_class
from auditor.detect.matcher import Matcher
from auditor.detect.unknown import OBFUSCATED
from auditor.model import ScanResult, UnknownPackage

_ID_RE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Draft:
    """One drafted entry: its id (the file is ``<id>.yaml``) and the YAML text."""

    id: str
    yaml: str


def draft_entries(result: ScanResult, matcher: Matcher, min_classes: int = 1) -> tuple[Draft, ...]:
    """Drafts for ``result.unknown_packages`` with at least ``min_classes`` classes, in the scan's rank order."""
    drafts = []
    taken: set[str] = set()
    for pkg in result.unknown_packages:
        if pkg.package == OBFUSCATED or pkg.class_count < min_classes:
            continue
        entry_id = _unique(_slug(pkg.package), taken)
        libs = sorted({lib.name for lib in result.build.native_libs if matcher.claim_native(lib.name) is None
                       and any(_inside(jni_symbol_class(s), pkg.package) for s in lib.jni_symbols)})
        drafts.append(Draft(entry_id, _yaml(entry_id, pkg, libs, result.build.path, result.build.sha256)))
    return tuple(drafts)


def _inside(name: str, package: str) -> bool:
    return name.startswith(package + ".")


def _slug(package: str) -> str:
    return _ID_RE.sub("-", package.lower()).strip("-") or "unknown-package"


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken or candidate in ("app", "unknown", "sdk"):
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _q(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _yaml(entry_id: str, pkg: UnknownPackage, libs: list[str], build_path: str, build_sha256: str) -> str:
    why = "; ".join(f"{e.signal.value} {e.value} ({e.sdk_id or e.vendor})" for e in pkg.evidence) or "none"
    lines = [
        "# Draft by `auditor catalog suggest`: review every field before adding it to the catalog.",
        (f"# Seen in {build_path} (sha256 {build_sha256[:16]}): {pkg.class_count} classes, "
         f"{len(pkg.components)} manifest components, {pkg.data_access_sites} personal-data call sites."),
        (f"# Probably {pkg.likely_vendor} (confidence {pkg.confidence:.2f}); evidence: {why}."
         if pkg.likely_vendor else f"# Vendor unknown; evidence: {why}."),
        "# TODO: name, vendor, category, purpose, data collected, privacy policy URL (each with its source),",
        "# or add these signatures to the vendor's existing entry instead.",
        f"id: {entry_id}",
        f"name: {_q(pkg.package)}",
    ]
    if pkg.likely_vendor_id:
        lines.append(f"# vendor: {pkg.likely_vendor_id}   # probable: confirm, then uncomment (absent = unknown)")
    lines += [
        "category: other",
        "signatures:",
        f"  classes: {_q([pkg.package])}",
    ]
    if pkg.components:
        lines.append(f"  components: {_q(list(pkg.components))}")
    if libs:
        lines.append(f"  native_libs: {_q(libs)}")
    if pkg.hosts:
        lines.append(f"  domains: {_q(list(pkg.hosts))}")
    ref = f"drafted by auditor catalog suggest from {build_path} (sha256 {build_sha256[:16]})"
    lines += [
        f"examples: {_q([pkg.example])}",
        "provenance:",
        f"  - {{source: manual, ref: {_q(ref)}, fields: [examples]}}",
    ]
    return "\n".join(lines) + "\n"
