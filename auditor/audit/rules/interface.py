"""The rule axis: every rule has a stable id (never reused), a default severity and a help text.

SARIF rule descriptors, the HTML help and the README table all come from :class:`RuleInfo`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from auditor.audit.config import AuditConfig
from auditor.audit.knowledge import PermissionKnowledge
from auditor.audit.model import Finding, Location, Severity
from auditor.audit.policy_view import PolicyView
from auditor.audit.scenes import SceneSpec
from auditor.catalog.model import Catalog
from auditor.model import ScanResult


@dataclass(frozen=True)
class RuleInfo:
    id: str
    """Stable, public: CI pipelines and baselines key on it."""
    title: str
    severity: Severity
    """Default severity (a config file may override it)."""
    help: str
    """What the rule checks and how to fix a finding (plain text, a few sentences)."""
    needs_policy: bool = True
    """Only runs when a policy is given."""
    precision: str = "medium"
    """SARIF ``precision`` (``very-high``, ``high``, ``medium``, ``low``): how sure a finding of this rule is."""
    basis: str = ""
    """How the rule knows (one sentence; SARIF and the HTML help show it next to the precision)."""
    fix: str = ""
    """The action a finding asks for, as a short imperative ("name it in the policy's SDK list")."""
    fix_in: str = "build"
    """Where that fix is made: ``build`` (the manifest, a dependency, the code) or ``policy`` (the policy or
    scenes text the finding quotes). SARIF places the result there."""


@dataclass(frozen=True)
class AuditContext:
    """Everything a rule may read."""

    scan: ScanResult
    catalog: Catalog
    policy: PolicyView | None
    scenes: tuple[SceneSpec, ...]
    """Scenes from scenes.yaml plus those read from the policy."""
    knowledge: PermissionKnowledge
    config: AuditConfig

    def finding(self, info: RuleInfo, subject: str, message: str, evidence: Iterable[Location] = (),
                severity: Severity | None = None) -> Finding:
        return Finding(
            rule_id=info.id,
            severity=severity if severity is not None else info.severity,
            subject=subject,
            message=message,
            evidence=tuple(evidence),
            fingerprint=Finding.make_fingerprint(info.id, self.scan.build.manifest.package, subject),
        )


@dataclass(frozen=True)
class Rule:
    info: RuleInfo
    check: Callable[[AuditContext], Iterable[Finding]]
