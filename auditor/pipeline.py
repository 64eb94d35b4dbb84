"""The whole job for one build: scan, read the policy, load scenes, run the rules, apply a baseline.

This is what the CLI commands call; it is also the library entry point for other tools.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from auditor.audit.baseline import apply_baseline, load_baseline
from auditor.audit.config import AuditConfig, load_config
from auditor.audit.engine import rule_ids, run_audit
from auditor.audit.knowledge import PermissionKnowledge
from auditor.audit.model import AuditResult
from auditor.audit.scenes import SceneSpec, load_scenes
from auditor.catalog import load_catalog
from auditor.catalog.model import Catalog
from auditor.model import ScanResult
from auditor.scan import Scanner


@dataclass(frozen=True)
class AuditInputs:
    """What a user points the auditor at, besides the build."""

    policy: Path | None = None
    scenes: Path | None = None
    config: Path | None = None
    baseline: Path | None = None
    catalog: Path | None = None
    today: dt.date | None = None
    """The date baseline expiry is checked against (default: today)."""
    code: bool = True
    """Find personal-data call sites and their reachability (``--no-code`` turns it off)."""
    mapping: Path | None = None
    """ProGuard/R8 mapping applied to the build's class names (``--mapping``)."""


@dataclass(frozen=True)
class Job:
    """Loaded, validated inputs, reusable across builds."""

    scanner: Scanner
    catalog: Catalog
    config: AuditConfig
    scenes: tuple[SceneSpec, ...]
    knowledge: PermissionKnowledge
    disclosure: Any | None
    baseline: tuple[Any, ...] | None
    today: dt.date

    @classmethod
    def prepare(cls, inputs: AuditInputs) -> Job:
        """Load and validate everything before touching a build (bad inputs fail fast, exit 4)."""
        catalog = load_catalog(inputs.catalog)
        config = load_config(inputs.config, rule_ids()) if inputs.config else AuditConfig()
        baseline = load_baseline(inputs.baseline) if inputs.baseline else None
        job = cls(Scanner.create(catalog, code=inputs.code, mapping=inputs.mapping), catalog, config, (),
                  PermissionKnowledge.load(), None, baseline, inputs.today or dt.date.today())
        return job.with_policy(inputs.policy, inputs.scenes)

    def with_policy(self, policy: Path | None, scenes: Path | None) -> Job:
        """The same job (same catalog, config, scanner) held against another policy and scenes."""
        disclosure = None
        if policy is not None:  # the policy reader is only loaded when there is a policy to read
            from auditor.policy import read_policy

            disclosure = read_policy(policy, self.catalog)
        return replace(self, disclosure=disclosure, scenes=load_scenes(scenes) if scenes else ())

    def audit(self, scan: ScanResult) -> AuditResult:
        """Run the rules on a scan, then apply the baseline."""
        audit = run_audit(scan, self.catalog, self.disclosure, self.scenes, self.config, self.knowledge)
        if self.baseline is not None:
            audit = apply_baseline(audit, self.baseline, self.today)
        return audit

    def run(self, build: Path) -> tuple[ScanResult, AuditResult]:
        scan = self.scanner.scan(build)
        return scan, self.audit(scan)
