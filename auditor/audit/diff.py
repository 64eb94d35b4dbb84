"""Build-to-build diff: SDKs added/removed/version-changed, permissions added/removed, findings new/fixed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from auditor.audit.model import AuditResult, Finding
from auditor.model import PermissionInfo, ScanResult, SdkHit


@dataclass(frozen=True)
class VersionChange:
    sdk_id: str
    name: str
    old: tuple[str, ...]
    new: tuple[str, ...]


@dataclass(frozen=True)
class BuildDiff:
    old_label: str
    new_label: str
    sdks_added: tuple[SdkHit, ...]
    sdks_removed: tuple[SdkHit, ...]
    sdks_version_changed: tuple[VersionChange, ...]
    permissions_added: tuple[PermissionInfo, ...]
    permissions_removed: tuple[PermissionInfo, ...]
    data_types_added: tuple[str, ...]
    """Data types reached (non-dead call sites) in the new build only."""
    findings_new: tuple[Finding, ...]
    findings_fixed: tuple[Finding, ...]

    @property
    def changed(self) -> bool:
        return any((self.sdks_added, self.sdks_removed, self.sdks_version_changed, self.permissions_added,
                    self.permissions_removed, self.data_types_added, self.findings_new, self.findings_fixed))


def _label(scan: ScanResult) -> str:
    m = scan.build.manifest
    return f"{m.package} {m.version_name or '?'} ({m.version_code if m.version_code is not None else '?'})"


def diff_builds(old: ScanResult, new: ScanResult, old_audit: AuditResult, new_audit: AuditResult) -> BuildDiff:
    old_sdks = {h.sdk_id: h for h in old.sdks}
    new_sdks = {h.sdk_id: h for h in new.sdks}
    old_perms = {p.name: p for p in old.permissions}
    new_perms = {p.name: p for p in new.permissions}
    changed = tuple(
        VersionChange(i, new_sdks[i].name, old_sdks[i].versions, new_sdks[i].versions)
        for i in sorted(old_sdks.keys() & new_sdks.keys())
        if old_sdks[i].versions and new_sdks[i].versions and old_sdks[i].versions != new_sdks[i].versions
    )
    old_data = {a.data_type for a in old.data_access if a.reachability != "dead"}
    new_data = {a.data_type for a in new.data_access if a.reachability != "dead"}
    old_fp = {f.fingerprint for f in old_audit.findings}
    new_fp = {f.fingerprint for f in new_audit.findings}
    return BuildDiff(
        old_label=_label(old),
        new_label=_label(new),
        sdks_added=tuple(new_sdks[i] for i in sorted(new_sdks.keys() - old_sdks.keys())),
        sdks_removed=tuple(old_sdks[i] for i in sorted(old_sdks.keys() - new_sdks.keys())),
        sdks_version_changed=changed,
        permissions_added=tuple(new_perms[n] for n in sorted(new_perms.keys() - old_perms.keys())),
        permissions_removed=tuple(old_perms[n] for n in sorted(old_perms.keys() - new_perms.keys())),
        data_types_added=tuple(sorted(new_data - old_data)),
        findings_new=tuple(f for f in new_audit.findings if f.fingerprint not in old_fp),
        findings_fixed=tuple(f for f in old_audit.findings if f.fingerprint not in new_fp),
    )


def to_dict(d: BuildDiff) -> dict[str, Any]:
    from auditor.report.json_report import finding_dict

    def sdk(h: SdkHit) -> dict[str, Any]:
        return {"id": h.sdk_id, "name": h.name, "vendor": h.vendor, "category": h.category,
                "versions": list(h.versions)}

    def perm(p: PermissionInfo) -> dict[str, Any]:
        return {"name": p.name, "kind": p.kind}

    return {
        "schema_version": "1.0",
        "old": d.old_label,
        "new": d.new_label,
        "changed": d.changed,
        "sdks": {"added": [sdk(h) for h in d.sdks_added], "removed": [sdk(h) for h in d.sdks_removed],
                 "version_changed": [{"id": c.sdk_id, "name": c.name, "old": list(c.old), "new": list(c.new)}
                                     for c in d.sdks_version_changed]},
        "permissions": {"added": [perm(p) for p in d.permissions_added],
                        "removed": [perm(p) for p in d.permissions_removed]},
        "data_types_added": list(d.data_types_added),
        "findings": {"new": [finding_dict(f) for f in d.findings_new],
                     "fixed": [finding_dict(f) for f in d.findings_fixed]},
    }


def render_json(d: BuildDiff) -> str:
    return json.dumps(to_dict(d), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_text(d: BuildDiff) -> str:
    lines = [f"{d.old_label}  ->  {d.new_label}"]
    if not d.changed:
        return "\n".join(lines + ["no change in SDKs, permissions, data access or findings"]) + "\n"
    for h in d.sdks_added:
        lines.append(f"  + SDK        {h.name} ({h.category}){' ' + ', '.join(h.versions) if h.versions else ''}")
    for h in d.sdks_removed:
        lines.append(f"  - SDK        {h.name} ({h.category})")
    for c in d.sdks_version_changed:
        lines.append(f"  ~ SDK        {c.name} {', '.join(c.old)} -> {', '.join(c.new)}")
    for p in d.permissions_added:
        lines.append(f"  + permission {p.name} ({p.kind})")
    for p in d.permissions_removed:
        lines.append(f"  - permission {p.name} ({p.kind})")
    for dt in d.data_types_added:
        lines.append(f"  + data       {dt} reached in code")
    for f in d.findings_new:
        lines.append(f"  + finding    {f.severity.label.upper()} {f.rule_id} {f.message}")
    for f in d.findings_fixed:
        lines.append(f"  - finding    {f.rule_id} {f.subject}")
    return "\n".join(lines) + "\n"
