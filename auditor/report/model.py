"""The report model: everything a reporter shows, computed once from the build, the policy and the findings.

Reporters (:mod:`auditor.report.interface`) only lay this out. Three things are decided here and nowhere
else:
- **coverage** (:mod:`auditor.report.coverage`): what the policy names, covers and misses, computed from
  the build and the policy themselves, never inferred from the absence of a finding (a disabled rule
  must not make an undisclosed SDK look disclosed);
- **the verdict**: only when a gate was given (``--fail-on`` or a diff gate); otherwise ``None`` and
  reporters print a neutral count;
- **groups and actions** (:mod:`auditor.report.actions`): findings and call sites by SDK product, and the
  few things to do first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from auditor.audit.model import AuditResult, Finding, Severity
from auditor.model import ScanResult
from auditor.report.facts import CatalogFacts

if TYPE_CHECKING:  # pragma: no cover
    from auditor.audit.config import AuditConfig
    from auditor.audit.knowledge import PermissionKnowledge
    from auditor.audit.policy_view import PolicyView
    from auditor.catalog.model import Catalog
    from auditor.report.actions import Action, SdkGroup
    from auditor.report.coverage import Coverage
    from auditor.report.sourceroot import SourceIndex


@dataclass(frozen=True)
class RuleView:
    """A registered rule as this run applied it (after ``--config`` overrides)."""

    id: str
    title: str
    help: str
    basis: str
    fix: str
    fix_in: str
    """``build`` or ``policy``: where the fix is made (see :class:`auditor.audit.rules.interface.RuleInfo`)."""
    precision: str
    default_severity: Severity
    severity: Severity
    """Effective severity: the config's override, or the default."""
    enabled: bool
    ran: bool
    """False when disabled, or when the rule needs a policy and none was given."""


@dataclass(frozen=True)
class Gate:
    """What would fail the run. ``None`` fields were not asked for."""

    fail_on: Severity | None = None
    new_sdk: bool = False
    new_permission: bool = False

    @property
    def given(self) -> bool:
        return self.fail_on is not None or self.new_sdk or self.new_permission

    def describe(self) -> str:
        parts = [f"--fail-on {self.fail_on.label}"] if self.fail_on is not None else []
        parts += ["--fail-on-new-sdk"] if self.new_sdk else []
        parts += ["--fail-on-new-permission"] if self.new_permission else []
        return ", ".join(parts)


@dataclass(frozen=True)
class Verdict:
    """The gate's outcome: only exists when a gate was given."""

    passed: bool
    gate: Gate
    reasons: tuple[str, ...]
    """Why it failed, one line per tripped gate (empty when it passed)."""
    failing: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class RuleCount:
    rule_id: str
    title: str
    severity: Severity
    """The most severe finding of the rule in this run."""
    count: int


@dataclass(frozen=True)
class ReportModel:
    """One scan, held against a policy, ready to lay out."""

    scan: ScanResult
    audit: AuditResult
    rules: tuple[RuleView, ...]
    facts: CatalogFacts
    verdict: Verdict | None
    rule_counts: tuple[RuleCount, ...]
    """Every rule with at least one active finding, most severe first."""
    groups: tuple[SdkGroup, ...]
    actions: tuple[Action, ...]
    coverage: Coverage | None
    """``None`` when no policy was given."""
    sources: SourceIndex | None = None
    """The app's source tree (``--source-root``), for locations a developer can open."""
    work_dir: str = ""
    """The working directory the user's relative paths are relative to (``%SRCROOT%`` without a source
    root)."""
    _rules_by_id: Mapping[str, RuleView] = field(default_factory=lambda: MappingProxyType({}), compare=False,
                                                 repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_rules_by_id", MappingProxyType({r.id: r for r in self.rules}))

    def rule(self, rule_id: str) -> RuleView | None:
        return self._rules_by_id.get(rule_id)

    @property
    def gate(self) -> Gate | None:
        return self.verdict.gate if self.verdict is not None else None


def rule_views(config: AuditConfig | None, policy_given: bool) -> tuple[RuleView, ...]:
    from auditor.audit.rules import all_rules

    out = []
    for rule in all_rules():
        info = rule.info
        override = config.severity.get(info.id) if config is not None else None
        enabled = config is None or info.id not in config.disabled
        out.append(RuleView(info.id, info.title, info.help, info.basis, info.fix, info.fix_in, info.precision,
                            info.severity, override if override is not None else info.severity, enabled,
                            enabled and (policy_given or not info.needs_policy)))
    return tuple(out)


def scan_verdict(audit: AuditResult, fail_on: Severity | None) -> Verdict | None:
    """PASS/FAIL for ``scan --fail-on``; ``None`` without a gate."""
    if fail_on is None:
        return None
    failing = audit.at_or_above(fail_on)
    reasons: tuple[str, ...] = ()
    if failing:
        n = len(failing)
        reasons = (f"{n} finding{'s' if n != 1 else ''} at or above {fail_on.label}",)
    return Verdict(not failing, Gate(fail_on=fail_on), reasons, failing)


def _rule_counts(audit: AuditResult, rules: tuple[RuleView, ...]) -> tuple[RuleCount, ...]:
    titles = {r.id: r.title for r in rules}
    worst: dict[str, Severity] = {}
    counts: dict[str, int] = {}
    for f in audit.findings:
        counts[f.rule_id] = counts.get(f.rule_id, 0) + 1
        worst[f.rule_id] = max(worst.get(f.rule_id, f.severity), f.severity)
    ordered = sorted(counts, key=lambda r: (-worst[r], -counts[r], r))
    return tuple(RuleCount(r, titles.get(r, r), worst[r], counts[r]) for r in ordered)


def build_model(scan: ScanResult, audit: AuditResult, catalog: Catalog, *,
                policy: PolicyView | None = None, knowledge: PermissionKnowledge | None = None,
                config: AuditConfig | None = None, fail_on: Severity | None = None,
                sources: SourceIndex | None = None, work_dir: str = "") -> ReportModel:
    """The report model of one scan. Pure: every input is a value (the CLI reads files)."""
    from auditor.audit.knowledge import PermissionKnowledge
    from auditor.report.actions import group_findings, top_actions
    from auditor.report.coverage import compute_coverage
    from auditor.report.facts import catalog_facts

    knowledge = knowledge or PermissionKnowledge.load()
    facts = catalog_facts(catalog, scan.sdks, policy.sdk_ids if policy is not None else ())
    rules = rule_views(config, policy is not None)
    coverage = compute_coverage(scan, policy, facts, knowledge) if policy is not None else None
    groups = group_findings(scan, audit, facts)
    return ReportModel(
        scan=scan, audit=audit, rules=rules, facts=facts, verdict=scan_verdict(audit, fail_on),
        rule_counts=_rule_counts(audit, rules), groups=groups,
        actions=top_actions(groups, {r.id: r for r in rules}, scan), coverage=coverage, sources=sources,
        work_dir=work_dir,
    )
