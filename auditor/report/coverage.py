"""Policy coverage: what the policy names, what it covers, what it misses.

Computed from the build, the policy and the permission knowledge, with the same predicates the rules use
(:func:`auditor.audit.rules.permissions.permission_disclosed`,
:func:`auditor.audit.rules.code.disclosed_data_types`); never inferred from the findings, so a disabled
rule or a baseline cannot make something look disclosed.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.audit.knowledge import PermissionKnowledge
from auditor.audit.model import Location
from auditor.audit.policy_view import PolicyView
from auditor.audit.rules.code import disclosed_data_types
from auditor.audit.rules.permissions import permission_disclosed
from auditor.model import ScanResult
from auditor.report.facts import CatalogFacts

NAMED = "named"
"""The policy names this SDK."""
VIA_PRODUCT = "via-product"
"""A component whose product the policy names (JCore under JPush)."""
UNDISCLOSED = "undisclosed"
SAME_VENDOR = "undisclosed-same-vendor"
"""Not named, but the policy names another product of the same vendor."""


@dataclass(frozen=True)
class SdkCoverage:
    sdk_id: str
    name: str
    status: str
    """:data:`NAMED`, :data:`VIA_PRODUCT`, :data:`UNDISCLOSED` or :data:`SAME_VENDOR`."""
    named_as: tuple[str, ...] = ()
    """How the policy names it (or its product, or the same vendor's other product)."""
    where: tuple[Location, ...] = ()
    """The policy rows that name it."""

    @property
    def covered(self) -> bool:
        return self.status in (NAMED, VIA_PRODUCT)


@dataclass(frozen=True)
class PolicySdk:
    """An SDK row of the policy that matches nothing in the build (stale) or nothing in the catalog."""

    name: str
    sdk_id: str | None
    where: Location


@dataclass(frozen=True)
class PermissionCoverage:
    name: str
    kind: str
    disclosed: bool | None
    """``None`` for permissions a privacy review does not look at (normal, signature, app-private)."""


@dataclass(frozen=True)
class DataCoverage:
    data_type: str
    owners: tuple[str, ...]
    """Owners (SDK ids, ``app``, ``unknown``) of live call sites reaching it."""
    disclosed: bool


@dataclass(frozen=True)
class Coverage:
    policy_path: str
    sdks: tuple[SdkCoverage, ...]
    stale: tuple[PolicySdk, ...]
    unresolved: tuple[PolicySdk, ...]
    permissions: tuple[PermissionCoverage, ...]
    data_types: tuple[DataCoverage, ...]

    def sdks_with(self, *statuses: str) -> tuple[SdkCoverage, ...]:
        return tuple(s for s in self.sdks if s.status in statuses)


def _sdk_coverage(scan: ScanResult, policy: PolicyView, facts: CatalogFacts) -> tuple[SdkCoverage, ...]:
    named = policy.sdk_ids
    rows_by_id = {r.sdk_id: r for r in reversed(policy.rows) if r.sdk_id}
    vendors = {f.vendor_id for i in named if (f := facts.get(i)) is not None and f.vendor_id}
    out = []
    for hit in scan.sdks:
        f = facts.get(hit.sdk_id)
        parents = f.part_of if f else ()
        if hit.sdk_id in named:
            row = rows_by_id[hit.sdk_id]
            out.append(SdkCoverage(hit.sdk_id, hit.name, NAMED, (row.name,), (row.location,)))
        elif any(p in named for p in parents):
            rows = [rows_by_id[p] for p in parents if p in named]
            out.append(SdkCoverage(hit.sdk_id, hit.name, VIA_PRODUCT, tuple(r.name for r in rows),
                                   tuple(r.location for r in rows)))
        elif f is not None and f.vendor_id in vendors:
            siblings = tuple(rows_by_id[i].name for i in sorted(named)
                             if (g := facts.get(i)) is not None and g.vendor_id == f.vendor_id)
            out.append(SdkCoverage(hit.sdk_id, hit.name, SAME_VENDOR, siblings))
        else:
            out.append(SdkCoverage(hit.sdk_id, hit.name, UNDISCLOSED))
    return tuple(sorted(out, key=lambda c: (c.covered, c.name.casefold(), c.sdk_id)))


def compute_coverage(scan: ScanResult, policy: PolicyView, facts: CatalogFacts,
                     knowledge: PermissionKnowledge) -> Coverage:
    present = {h.sdk_id for h in scan.sdks}
    present |= {p for h in scan.sdks if (f := facts.get(h.sdk_id)) is not None for p in f.part_of}
    stale: dict[str, PolicySdk] = {}
    unresolved: dict[str, PolicySdk] = {}
    for row in policy.rows:
        if row.sdk_id is None:
            unresolved.setdefault(row.name, PolicySdk(row.name, None, row.location))
        elif row.sdk_id not in present:
            stale.setdefault(row.sdk_id, PolicySdk(row.name, row.sdk_id, row.location))
    reviewed = {p.name for p in scan.permissions
                if p.kind in ("dangerous", "special") or p.name in knowledge.sensitive_normal}
    permissions = tuple(
        PermissionCoverage(p.name, p.kind,
                           permission_disclosed(p.name, policy, knowledge) if p.name in reviewed else None)
        for p in scan.permissions)
    disclosed = disclosed_data_types(policy, knowledge)
    owners: dict[str, set[str]] = {}
    for site in scan.data_access:
        if site.reachability != "dead":
            owners.setdefault(site.data_type, set()).add(site.owner)
    data = tuple(DataCoverage(dt, tuple(sorted(o)), dt in disclosed) for dt, o in sorted(owners.items()))
    return Coverage(policy.path, _sdk_coverage(scan, policy, facts), tuple(stale.values()),
                    tuple(unresolved.values()), permissions, data)
