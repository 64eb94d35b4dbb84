"""Audit configuration (``--config auditor.yaml``): severity overrides and disabled rules.

    severity:
      SDK-STALE: low
      CODE-UNKNOWN-THIRD-PARTY: info
    disable: [PERM-SCENE-UNDECLARED]
    unknown_package_min_classes: 5
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from auditor.audit.model import Severity
from auditor.inputs import Problems, load_yaml


@dataclass(frozen=True)
class AuditConfig:
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    """Rule id -> severity that replaces the rule's default."""
    disabled: frozenset[str] = frozenset()
    unknown_package_min_classes: int = 5
    """``CODE-UNKNOWN-THIRD-PARTY`` ignores unknown packages with fewer classes."""


MAX_CONFIG_FILE = 1024 * 1024
"""Largest config file accepted (a real one is a few hundred bytes)."""
_KEYS = ("severity", "disable", "unknown_package_min_classes")
_RULES = "a known rule id (unknown rule id; see the rules table in the README)"


def load_config(path: Path, known_rules: frozenset[str]) -> AuditConfig:
    """Read and validate a config file; one :class:`ConfigError` (exit 4) lists every problem."""
    raw = load_yaml(path, "config", MAX_CONFIG_FILE)
    check = Problems(path, "config")
    doc = check.mapping({} if raw is None else raw, "", _KEYS)
    rules = sorted(known_rules)
    overrides: dict[str, Severity] = {}
    for rule_id, level in check.mapping(doc.get("severity") or {}, "severity").items():
        rule = check.choice(rule_id, "severity", rules, _RULES)
        label = check.string(level, f"severity.{rule_id}")
        try:
            severity = Severity.parse(label) if label else None
        except ValueError as exc:
            check.add(f"severity.{rule_id}", str(exc))
            severity = None
        if rule and severity is not None:
            overrides[rule] = severity
    disabled = [check.choice(r, f"disable[{i}]", rules, _RULES)
                for i, r in enumerate(check.items_of(doc.get("disable") or [], "disable"))]
    min_classes = check.integer(doc.get("unknown_package_min_classes", 5), "unknown_package_min_classes",
                                minimum=0, maximum=1_000_000)
    check.raise_if_any()
    return AuditConfig(MappingProxyType(overrides), frozenset(r for r in disabled if r),
                       5 if min_classes is None else min_classes)
