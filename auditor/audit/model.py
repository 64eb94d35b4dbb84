"""Findings: typed, frozen, with an ordered severity and a fingerprint that survives rebuilds."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import IntEnum


class Severity(IntEnum):
    """Ordered: ``Severity.HIGH > Severity.LOW``. JSON uses the lower-case names."""

    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity '{text}' (expected one of "
                             f"{', '.join(s.label for s in cls)})") from None


@dataclass(frozen=True)
class Location:
    """Where evidence for a finding sits: in the build or in the policy."""

    source: str
    """``build`` or ``policy``."""
    file: str
    """``AndroidManifest.xml``, ``classes2.dex``, ``lib/arm64-v8a/libx.so``, or the policy file path."""
    detail: str = ""
    """What is there: a class name, a permission, the policy text excerpt."""
    line_start: int | None = None
    """Policy line numbers (1-based), when the evidence is policy text."""
    line_end: int | None = None


@dataclass(frozen=True)
class Finding:
    """One problem the audit found."""

    rule_id: str
    """Stable rule id (public contract), e.g. ``SDK-UNDISCLOSED``."""
    severity: Severity
    subject: str
    """What the finding is about: an SDK id, a permission name, a data type, a package."""
    message: str
    evidence: tuple[Location, ...] = ()
    fingerprint: str = ""
    """Identity across rebuilds: rule, app package and subject only (no offsets, no line numbers)."""

    @staticmethod
    def make_fingerprint(rule_id: str, package: str, subject: str) -> str:
        return hashlib.sha256(f"{rule_id}\0{package}\0{subject}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class BaselineEntry:
    """An accepted finding: suppressed while not expired."""

    fingerprint: str
    rule_id: str = ""
    subject: str = ""
    justification: str = ""
    expires: str = ""
    """ISO date (``2027-03-31``) after which the entry no longer suppresses; empty: never expires."""


@dataclass(frozen=True)
class AuditResult:
    """Findings after severity overrides and the baseline."""

    findings: tuple[Finding, ...]
    """Active findings, most severe first."""
    suppressed: tuple[Finding, ...] = ()
    """Findings the baseline accepted."""
    expired_baseline: tuple[BaselineEntry, ...] = ()
    """Baseline entries past their expiry that matched a finding (it is active again)."""
    policy_path: str = ""
    """The policy the build was held against (empty when none)."""

    def at_or_above(self, threshold: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity >= threshold)

    def counts(self) -> dict[str, int]:
        return {s.label: sum(1 for f in self.findings if f.severity == s) for s in reversed(Severity)}
