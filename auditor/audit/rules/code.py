"""Code rules: unknown third-party code and personal data reached by call sites."""

from __future__ import annotations

from collections.abc import Iterable

from auditor.audit.knowledge import PermissionKnowledge
from auditor.audit.model import Finding, Location, Severity
from auditor.audit.policy_view import PolicyView
from auditor.audit.rules.interface import AuditContext, Rule, RuleInfo
from auditor.model import DataAccess

CODE_UNKNOWN_THIRD_PARTY = RuleInfo(
    "CODE-UNKNOWN-THIRD-PARTY", "Third-party code the catalog does not know", Severity.INFO,
    "The build contains a package that is neither the app's own code, nor the platform, nor any catalog "
    "SDK. Check what it is: if it is an SDK that collects data, disclose it (and propose a catalog entry).",
    needs_policy=False,
    precision="medium", fix="identify it and disclose it if it collects data",
    basis=(
        "Class names no catalog signature claims, outside the app's own packages and the platform."
    ),
)
DATA_UNDISCLOSED = RuleInfo(
    "DATA-UNDISCLOSED", "Personal data reached in code but not disclosed", Severity.HIGH,
    "Code in the build calls an API that returns this kind of personal data, from a reachable method, and "
    "the policy discloses this data type nowhere (not in its text, not in an SDK row, not through a "
    "disclosed permission). Disclose it, or remove the call.",
    precision="medium", fix="disclose the data type, or remove the call",
    basis=(
        "Call sites of personal-data APIs found in the DEX code (reachability over-approximates) against "
        "the data types the policy discloses."
    ),
)
DATA_BEFORE_CONSENT = RuleInfo(
    "DATA-BEFORE-CONSENT", "Identifier, app list, location or clipboard read before consent", Severity.HIGH,
    "A call site reading a device identifier, the installed-app list, the location or the clipboard runs "
    "at start-up (from the Application class, a ContentProvider, an androidx.startup initializer) or at "
    "self-start (a boot, network, package or user-present receiver) with no consent check or vendor "
    "privacy switch on the way: it runs before any consent dialog can be answered (MIIT notices cite "
    "exactly this). Initialise the SDK after consent, or use the vendor's documented switch.",
    needs_policy=False,
    precision="medium", fix="initialise after consent",
    basis=(
        "Call sites reachable in the static call graph from the Application class, providers or start-up "
        "initialisers; the graph over-approximates."
    ),
)
DATA_REPEATED = RuleInfo(
    "DATA-REPEATED", "Personal data read repeatedly", Severity.MEDIUM,
    "A call site reading personal data runs on a schedule: a fixed-rate Timer or executor, a repeating "
    "alarm, a periodic job, a Handler or Runnable that re-posts itself, or a loop that sleeps. App stores "
    "reject apps that read identifiers more than a few times, or more than once a second. High when the "
    "period is under one second or the repetition starts before consent.",
    needs_policy=False,
    precision="medium", fix="read it once, or no more often than the feature needs",
    basis=(
        "Call sites inside loops, fixed-rate timers, repeating alarms, periodic jobs or self-re-posting "
        "handlers in the DEX code (the period when it is a constant); paths the call graph over-approximates."
    ),
)

BEFORE_CONSENT_TYPES = frozenset({
    "imei", "meid", "imsi", "iccid", "phone-number", "android-id", "oaid", "advertising-id", "serial", "mac",
    "installed-apps", "running-apps", "location-fine", "location-coarse", "wifi-info", "cell-info", "clipboard",
})
BEFORE_CONSENT = frozenset({"startup", "self-start"})
"""Reachability values that run before the user can answer a consent dialog."""
_WHEN = {"startup": "at start-up", "self-start": "at self-start"}


def check_unknown(ctx: AuditContext) -> Iterable[Finding]:
    """Ranked as the scan ranks them (personal-data call sites, components, classes); code that reaches
    personal data is raised to low, the rest stays at the rule's severity."""
    for pkg in ctx.scan.unknown_packages:
        if pkg.class_count < ctx.config.unknown_package_min_classes and not pkg.data_access_sites:
            continue
        does = [f"{pkg.class_count} classes"]
        if pkg.components:
            does.append(f"{len(pkg.components)} manifest components")
        if pkg.data_access_sites:
            does.append(f"{pkg.data_access_sites} personal-data call sites")
        who = (f"; probably {pkg.likely_vendor}, not in the catalog (confidence {pkg.confidence:.2f}: "
               + ", ".join(sorted({e.signal.value for e in pkg.evidence
                                   if (e.vendor_id or e.vendor) == (pkg.likely_vendor_id or pkg.likely_vendor)}))
               + ")") if pkg.likely_vendor else "; vendor unknown"
        yield ctx.finding(CODE_UNKNOWN_THIRD_PARTY, pkg.package,
                          f"{pkg.package}: {', '.join(does)} of third-party code no catalog SDK claims{who}",
                          [Location("build", f, f"e.g. {pkg.example}") for f in pkg.dex_files[:3]],
                          severity=Severity.LOW if pkg.data_access_sites else None)


def _owner_label(ctx: AuditContext, owner: str) -> str:
    if owner == "app":
        return "the app itself"
    entry = ctx.catalog.get(owner)
    return entry.name if entry else "unknown third-party code"


def disclosed_data_types(policy: PolicyView, knowledge: PermissionKnowledge) -> set[str]:
    """Data types the policy discloses: named anywhere, or exposed by a permission it discloses."""
    return set(policy.data_types) | knowledge.exposes(policy.permissions)


def check_data_undisclosed(ctx: AuditContext) -> Iterable[Finding]:
    assert ctx.policy is not None
    disclosed = disclosed_data_types(ctx.policy, ctx.knowledge)
    by_type: dict[str, list[DataAccess]] = {}
    for access in ctx.scan.data_access:
        if access.reachability != "dead":
            by_type.setdefault(access.data_type, []).append(access)
    for data_type, sites in sorted(by_type.items()):
        if data_type in disclosed:
            continue
        owners = sorted({_owner_label(ctx, s.owner) for s in sites})
        yield ctx.finding(DATA_UNDISCLOSED, data_type,
                          f"{data_type} is read by {', '.join(owners)} ({len(sites)} call sites) but the policy "
                          f"does not disclose it",
                          [Location("build", s.dex, f"{s.caller_class}.{s.caller_method} -> {s.api}")
                           for s in sites[:5]])


def _switch_notes(ctx: AuditContext, owner: str) -> str:
    notes = [f"{u.api.rsplit('.', 2)[-2]}: {u.verdict}" for u in ctx.scan.privacy_switches if u.sdk == owner]
    return ("; vendor switches: " + "; ".join(notes)) if notes else ""


def check_before_consent(ctx: AuditContext) -> Iterable[Finding]:
    grouped: dict[tuple[str, str], list[DataAccess]] = {}
    for access in ctx.scan.data_access:
        if access.reachability in BEFORE_CONSENT and access.data_type in BEFORE_CONSENT_TYPES:
            grouped.setdefault((access.owner, access.data_type), []).append(access)
    for (owner, data_type), sites in sorted(grouped.items()):
        first = min(sites, key=lambda s: (s.reachability != "startup", len(s.path)))
        path = " -> ".join(first.path) if first.path else ""
        why = f"; {first.gate}" if first.gate else ""
        yield ctx.finding(
            DATA_BEFORE_CONSENT, f"{owner}:{data_type}",
            f"{_owner_label(ctx, owner)} reads {data_type} {_WHEN[first.reachability]} ({first.api}"
            + (f", via {path}" if path else "") + why + ")" + _switch_notes(ctx, owner),
            [Location("build", s.dex, f"{s.caller_class}.{s.caller_method} -> {s.api}") for s in sites[:5]],
        )


def check_repeated(ctx: AuditContext) -> Iterable[Finding]:
    grouped: dict[tuple[str, str], list[DataAccess]] = {}
    for access in ctx.scan.data_access:
        if access.repeated and access.reachability != "dead":
            grouped.setdefault((access.owner, access.data_type), []).append(access)
    for (owner, data_type), sites in sorted(grouped.items()):
        periods = [s.period_ms for s in sites if s.period_ms is not None]
        fastest = min(periods) if periods else None
        early = [s for s in sites if s.reachability in BEFORE_CONSENT]
        severe = (fastest is not None and fastest < 1000) or bool(early)
        first = early[0] if early else sites[0]
        every = f"every {fastest} ms" if fastest is not None else "on a schedule whose period is not a constant"
        yield ctx.finding(
            DATA_REPEATED, f"{owner}:{data_type}",
            f"{_owner_label(ctx, owner)} reads {data_type} repeatedly, {every} ({first.api} in "
            f"{first.caller_class}.{first.caller_method.split('(')[0]}, {first.reachability})",
            [Location("build", s.dex, f"{s.caller_class}.{s.caller_method} -> {s.api}"
                      + (f" every {s.period_ms} ms" if s.period_ms is not None else "")) for s in sites[:5]],
            severity=Severity.HIGH if severe else None,
        )


RULES = (
    Rule(CODE_UNKNOWN_THIRD_PARTY, check_unknown),
    Rule(DATA_UNDISCLOSED, check_data_undisclosed),
    Rule(DATA_BEFORE_CONSENT, check_before_consent),
    Rule(DATA_REPEATED, check_repeated),
)
