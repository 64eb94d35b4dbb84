"""Run every registered rule over a scan (and a policy, and scenes) and order the findings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from auditor.audit.config import AuditConfig
from auditor.audit.knowledge import PermissionKnowledge
from auditor.audit.model import AuditResult, Finding
from auditor.audit.policy_view import PolicyView, from_disclosure
from auditor.audit.rules import all_rules
from auditor.audit.rules.interface import AuditContext
from auditor.audit.scenes import SceneSpec
from auditor.catalog.model import Catalog
from auditor.model import ScanResult

if TYPE_CHECKING:
    from auditor.policy.model import Disclosure


def run_audit(
    scan: ScanResult,
    catalog: Catalog,
    disclosure: Disclosure | None = None,
    scenes: Iterable[SceneSpec] = (),
    config: AuditConfig | None = None,
    knowledge: PermissionKnowledge | None = None,
) -> AuditResult:
    """Findings for ``scan``. Rules that need a policy run only when ``disclosure`` is given."""
    config = config or AuditConfig()
    policy: PolicyView | None = from_disclosure(disclosure) if disclosure is not None else None
    all_scenes = tuple(scenes) + (policy.scenes if policy else ())
    ctx = AuditContext(scan, catalog, policy, all_scenes, knowledge or PermissionKnowledge.load(), config)
    findings: dict[str, Finding] = {}
    for rule in all_rules():
        if rule.info.id in config.disabled or (rule.info.needs_policy and policy is None):
            continue
        override = config.severity.get(rule.info.id)
        for finding in rule.check(ctx):
            if override is not None:
                finding = Finding(finding.rule_id, override, finding.subject, finding.message,
                                  finding.evidence, finding.fingerprint)
            findings.setdefault(finding.fingerprint, finding)
    ordered = sorted(findings.values(), key=lambda f: (-f.severity, f.rule_id, f.subject))
    return AuditResult(tuple(ordered), policy_path=policy.path if policy else "")


def rule_ids() -> frozenset[str]:
    return frozenset(rule.info.id for rule in all_rules())
