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
from auditor.errors import ConfigError
from auditor.inputs import load_yaml


@dataclass(frozen=True)
class AuditConfig:
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    """Rule id -> severity that replaces the rule's default."""
    disabled: frozenset[str] = frozenset()
    unknown_package_min_classes: int = 5
    """``CODE-UNKNOWN-THIRD-PARTY`` ignores unknown packages with fewer classes."""


def load_config(path: Path, known_rules: frozenset[str]) -> AuditConfig:
    raw = load_yaml(path, "config") or {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping")
    unknown = set(raw) - {"severity", "disable", "unknown_package_min_classes"}
    if unknown:
        raise ConfigError(f"{path}: unknown keys {sorted(unknown)}")
    overrides: dict[str, Severity] = {}
    for rule_id, level in (raw.get("severity") or {}).items():
        if rule_id not in known_rules:
            raise ConfigError(f"{path}: unknown rule id '{rule_id}'")
        try:
            overrides[rule_id] = Severity.parse(str(level))
        except ValueError as exc:
            raise ConfigError(f"{path}: {rule_id}: {exc}") from exc
    disabled = raw.get("disable") or []
    if not isinstance(disabled, list) or any(r not in known_rules for r in disabled):
        raise ConfigError(f"{path}: 'disable' must list known rule ids")
    min_classes = raw.get("unknown_package_min_classes", 5)
    if not isinstance(min_classes, int) or min_classes < 0:
        raise ConfigError(f"{path}: 'unknown_package_min_classes' must be a non-negative integer")
    return AuditConfig(MappingProxyType(overrides), frozenset(disabled), min_classes)
