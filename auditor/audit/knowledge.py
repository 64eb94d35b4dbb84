"""Permission knowledge for privacy review, loaded from ``auditor/data/permission_groups.yaml``.

Display labels (English, Chinese), families a policy discloses as one, and the data types each permission
exposes. A value passed into the audit, never module state.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

from auditor.errors import ConfigError
from auditor.inputs import UniqueKeyLoader
from auditor.vocab import DATA_TYPE_IDS

_PREFIX = "android.permission."


def full_name(name: str) -> str:
    """``CAMERA`` -> ``android.permission.CAMERA``; full names are returned unchanged."""
    return name if "." in name else _PREFIX + name


def short_name(name: str) -> str:
    return name.removeprefix(_PREFIX)


@dataclass(frozen=True)
class PermissionKnowledge:
    labels: Mapping[str, tuple[str, str]]
    """Full permission name -> (English label, Chinese label)."""
    data: Mapping[str, tuple[str, ...]]
    """Full permission name -> data types it exposes."""
    family_of: Mapping[str, str]
    """Full permission name -> family id (``location``, ``storage``...)."""
    families: Mapping[str, tuple[str, ...]]
    sensitive_normal: frozenset[str]

    @classmethod
    def load(cls) -> PermissionKnowledge:
        text = resources.files("auditor").joinpath("data/permission_groups.yaml").read_text(encoding="utf-8")
        raw: dict[str, Any] = yaml.load(text, Loader=UniqueKeyLoader)
        labels: dict[str, tuple[str, str]] = {}
        data: dict[str, tuple[str, ...]] = {}
        for short, rec in raw["permissions"].items():
            name = full_name(short)
            labels[name] = (rec["en"], rec["zh"])
            bad = set(rec.get("data", [])) - DATA_TYPE_IDS
            if bad:
                raise ConfigError(f"permission_groups.yaml: {short}: unknown data types {sorted(bad)}")
            data[name] = tuple(rec.get("data", []))
        families = {fam: tuple(full_name(p) for p in members) for fam, members in raw["families"].items()}
        family_of = {p: fam for fam, members in families.items() for p in members}
        return cls(MappingProxyType(labels), MappingProxyType(data), MappingProxyType(family_of),
                   MappingProxyType(families), frozenset(full_name(p) for p in raw.get("sensitive_normal", [])))

    def label(self, name: str, lang: str = "en") -> str:
        pair = self.labels.get(name)
        if pair is None:
            return short_name(name)
        return pair[1] if lang == "zh" else pair[0]

    def same_family(self, name: str) -> tuple[str, ...]:
        """``name`` and every permission a policy discloses together with it."""
        family = self.family_of.get(name)
        return self.families[family] if family else (name,)

    def exposes(self, names: Any) -> set[str]:
        """Data types exposed by any of the permissions ``names``."""
        out: set[str] = set()
        for name in names:
            out.update(self.data.get(name, ()))
        return out
