"""Permission metadata compiled from AOSP (``auditor/data/permissions.json``, see ``tools/build_permissions.py``).

``kind`` folds AOSP protection levels into what a privacy review needs:
``dangerous`` (runtime permission), ``special`` (app-op / special access the user grants in Settings, e.g.
``SYSTEM_ALERT_WINDOW``, ``MANAGE_EXTERNAL_STORAGE``), ``signature`` (not grantable to third-party apps),
``normal``, or ``unknown`` (not an AOSP permission: vendor- or app-defined).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

from auditor.model import PermissionInfo, UsesPermission


@dataclass(frozen=True)
class PermissionFacts:
    name: str
    protection_level: str
    group: str
    label: str
    description: str
    first_api: int
    last_api: int


def classify(protection_level: str) -> str:
    """Fold an AOSP protection level string into a kind (see module doc)."""
    flags = set(protection_level.split("|")) if protection_level else set()
    base = protection_level.split("|")[0] if protection_level else ""
    if base == "dangerous":
        return "dangerous"
    if "appop" in flags and base in ("signature", "normal", "internal", "signatureOrSystem"):
        return "special"
    if base in ("signature", "internal", "signatureOrSystem"):
        return "signature"
    if base == "normal":
        return "normal"
    return "unknown"


@dataclass(frozen=True)
class PermissionDb:
    """AOSP permission metadata, newest API level first."""

    newest_api: int
    facts: Mapping[str, PermissionFacts]

    @classmethod
    def load(cls) -> PermissionDb:
        raw: dict[str, Any] = json.loads(resources.files("auditor").joinpath("data/permissions.json")
                                         .read_text(encoding="utf-8"))
        facts = {
            name: PermissionFacts(name, rec["history"][-1][1], rec.get("group", ""), rec.get("label", ""),
                                  rec.get("description", ""), rec["first_api"], rec["last_api"])
            for name, rec in raw["permissions"].items()
        }
        return cls(newest_api=int(raw["newest_api"]), facts=MappingProxyType(facts))

    def get(self, name: str) -> PermissionFacts | None:
        return self.facts.get(name)

    def describe(self, requested: Iterable[UsesPermission]) -> tuple[PermissionInfo, ...]:
        """Enrich manifest requests with AOSP metadata, sorted by name."""
        out = []
        for req in sorted(requested, key=lambda r: r.name):
            facts = self.facts.get(req.name)
            if facts is None:
                out.append(PermissionInfo(req.name, "", "unknown", max_sdk_version=req.max_sdk_version,
                                          sdk23=req.sdk23, occurrences=req.occurrences, known=False))
                continue
            out.append(PermissionInfo(
                name=req.name,
                protection_level=facts.protection_level,
                kind=classify(facts.protection_level),
                label=facts.label,
                group=facts.group,
                max_sdk_version=req.max_sdk_version,
                sdk23=req.sdk23,
                occurrences=req.occurrences,
                removed_after_api=facts.last_api if facts.last_api < self.newest_api else None,
            ))
        return tuple(out)
