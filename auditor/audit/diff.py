"""Build-to-build diff: SDKs added/removed/version-changed, permissions added/removed, findings new/fixed,
and which diff gate trips. Rendered by :mod:`auditor.report.diff_render`."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.audit.model import AuditResult, Finding, Severity
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
    old_package: str = ""
    new_package: str = ""

    @property
    def same_app(self) -> bool:
        """Both builds have the same package name (a diff of two different apps is rarely meant)."""
        return self.old_package == self.new_package

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
        old_package=old.build.manifest.package,
        new_package=new.build.manifest.package,
    )


SENSITIVE_KINDS = ("dangerous", "special")


def gate_reasons(d: BuildDiff, fail_on: Severity | None, new_sdk: bool, new_permission: bool) -> tuple[str, ...]:
    """One line per diff gate that trips, saying why; empty when none does."""
    reasons = []
    if fail_on is not None:
        failing = [f for f in d.findings_new if f.severity >= fail_on]
        if failing:
            rules = sorted({f.rule_id for f in failing})
            n = len(failing)
            reasons.append(f"--fail-on {fail_on.label}: {n} new finding{'s' if n != 1 else ''} at or above "
                           f"{fail_on.label} ({', '.join(rules)})")
    if new_sdk and d.sdks_added:
        names = ", ".join(h.name for h in d.sdks_added)
        reasons.append(f"--fail-on-new-sdk: {len(d.sdks_added)} SDK{'s' if len(d.sdks_added) != 1 else ''} "
                       f"added ({names})")
    added = [p for p in d.permissions_added if p.kind in SENSITIVE_KINDS]
    if new_permission and added:
        names = ", ".join(p.name.removeprefix("android.permission.") for p in added)
        reasons.append(f"--fail-on-new-permission: {len(added)} dangerous or special permission"
                       f"{'s' if len(added) != 1 else ''} added ({names})")
    return tuple(reasons)
