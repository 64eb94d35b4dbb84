"""Hold a scan against a privacy policy and business scenes: findings, baselines, diffs.

Where a finding comes from: :mod:`auditor.audit.rules` (one module per family, each rule with a stable id,
default severity and help text); :func:`run_audit` runs every registered rule.
"""

from auditor.audit.engine import run_audit
from auditor.audit.model import AuditResult, Finding, Location, Severity

__all__ = ["AuditResult", "Finding", "Location", "Severity", "run_audit"]
