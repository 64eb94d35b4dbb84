"""What the rules need to know of a policy, indexed: the one place that reads the policy reader's model.

Built from a :class:`auditor.policy.model.Disclosure`; rules never touch the Disclosure directly, so the
policy reader can grow without touching the rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from auditor.audit.knowledge import full_name
from auditor.audit.model import Location
from auditor.audit.scenes import SceneSpec
from auditor.catalog.model import LocalText


@dataclass(frozen=True)
class SdkRow:
    """One SDK the policy names (a table row, a list item or a prose mention)."""

    name: str
    sdk_id: str | None
    company: str
    data_types: frozenset[str]
    permissions: frozenset[str]
    candidates: tuple[str, ...]
    location: Location


@dataclass(frozen=True)
class PolicyView:
    path: str
    rows: tuple[SdkRow, ...]
    permissions: Mapping[str, tuple[Location, ...]]
    """Every permission disclosed anywhere (scene table, lists, prose, SDK rows) -> where."""
    data_types: Mapping[str, tuple[Location, ...]]
    """Every data type disclosed anywhere (prose, SDK rows) -> where."""
    scenes: tuple[SceneSpec, ...]

    def rows_for(self, sdk_id: str) -> tuple[SdkRow, ...]:
        return tuple(r for r in self.rows if r.sdk_id == sdk_id)

    @property
    def sdk_ids(self) -> frozenset[str]:
        return frozenset(r.sdk_id for r in self.rows if r.sdk_id)


def _lines(evidence: Any) -> tuple[int | None, int | None, str]:
    """Read line numbers and text from the policy reader's evidence value (object or dict)."""
    if evidence is None:
        return None, None, ""
    if isinstance(evidence, (list, tuple)) and evidence and not isinstance(evidence[0], int):
        evidence = evidence[0]
    get = evidence.get if isinstance(evidence, dict) else lambda k, d=None: getattr(evidence, k, d)
    start = get("line_start") or get("start")
    end = get("line_end") or get("end") or start
    lines = get("lines")
    if start is None and isinstance(lines, (list, tuple)) and lines:
        start, end = lines[0], lines[-1]
    return start, end, str(get("text") or "")


def _loc(path: str, evidence: Any, fallback: str) -> Location:
    start, end, text = _lines(evidence)
    return Location("policy", path, (text or fallback)[:160], start, end)


def from_disclosure(disclosure: Any) -> PolicyView:
    path = str(getattr(disclosure, "source", "") or getattr(disclosure, "path", ""))
    rows = []
    perms: dict[str, list[Location]] = defaultdict(list)
    data: dict[str, list[Location]] = defaultdict(list)
    for sdk in disclosure.sdks:
        loc = _loc(path, getattr(sdk, "evidence", None), sdk.name)
        row_perms = frozenset(full_name(p) for p in getattr(sdk, "permissions", ()) or ())
        row_data = frozenset(getattr(sdk, "data_types", ()) or ())
        rows.append(SdkRow(sdk.name, getattr(sdk, "id", None) or getattr(sdk, "sdk_id", None),
                           getattr(sdk, "company", "") or "", row_data, row_perms,
                           tuple(getattr(sdk, "candidates", ()) or ()), loc))
        for p in row_perms:
            perms[p].append(loc)
        for d in row_data:
            data[d].append(loc)
    for item in disclosure.permissions:
        perms[full_name(item.permission)].append(_loc(path, getattr(item, "evidence", None), item.permission))
    for item in disclosure.data_types:
        dt = getattr(item, "data_type", None) or getattr(item, "id", None) or str(item)
        data[dt].append(_loc(path, getattr(item, "evidence", None), dt))
    scenes = []
    for scene in getattr(disclosure, "scenes", ()) or ():
        start, end, _ = _lines(getattr(scene, "evidence", None))
        desc = getattr(scene, "description", "") or ""
        scenes.append(SceneSpec(
            name=LocalText(str(scene.name)),
            description=LocalText(str(desc)) if desc else None,
            permissions=tuple(full_name(p) for p in getattr(scene, "permissions", ()) or ()),
            source=path, line_start=start, line_end=end,
        ))
    return PolicyView(
        path=path,
        rows=tuple(rows),
        permissions=MappingProxyType({k: tuple(v) for k, v in perms.items()}),
        data_types=MappingProxyType({k: tuple(v) for k, v in data.items()}),
        scenes=tuple(scenes),
    )
