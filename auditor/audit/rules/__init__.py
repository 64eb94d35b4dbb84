"""Audit rules, one module per family. :func:`all_rules` is the explicit registry."""

from __future__ import annotations

from auditor.audit.rules.interface import Rule


def all_rules() -> tuple[Rule, ...]:
    from auditor.audit.rules import code, permissions, sdks

    return sdks.RULES + permissions.RULES + code.RULES
