"""What the rules need to know of a policy, indexed: the one place that reads the policy reader's model.

Built from a :class:`auditor.policy.model.Disclosure`; rules never touch the Disclosure directly, so the
policy reader can grow without touching the rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from auditor.audit.knowledge import full_name
from auditor.audit.model import Location
from auditor.audit.scenes import SceneSpec
from auditor.catalog.model import LocalText

if TYPE_CHECKING:  # the audit reads the policy model; it does not need the reader loaded
    from auditor.policy.model import Disclosure, Span


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
    vendor_only: bool = False
    """The row names only the vendor ("友盟SDK"); ``sdk_id`` is the vendor's best-known product."""


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


def _loc(path: str, evidence: Span, fallback: str) -> Location:
    return Location("policy", path, (evidence.text or fallback)[:160], evidence.line_start, evidence.line_end)


def from_disclosure(disclosure: Disclosure) -> PolicyView:
    path = disclosure.source
    rows = []
    perms: dict[str, list[Location]] = defaultdict(list)
    data: dict[str, list[Location]] = defaultdict(list)
    for sdk in disclosure.sdks:
        loc = _loc(path, sdk.evidence, sdk.name)
        row_perms = frozenset(full_name(p) for p in sdk.permissions)
        row_data = frozenset(sdk.data_types)
        rows.append(SdkRow(sdk.name, sdk.id, sdk.company, row_data, row_perms, tuple(sdk.candidates), loc,
                           sdk.resolved_by == "vendor-name"))
        for p in row_perms:
            perms[p].append(loc)
        for d in row_data:
            data[d].append(loc)
    for item in disclosure.permissions:
        perms[full_name(item.permission)].append(_loc(path, item.evidence, item.permission))
    for mention in disclosure.data_types:
        data[mention.data_type].append(_loc(path, mention.evidence, mention.data_type))
    scenes = tuple(
        SceneSpec(name=LocalText(scene.name), description=LocalText(scene.description) if scene.description else None,
                  permissions=tuple(full_name(p) for p in scene.permissions), source=path,
                  line_start=scene.evidence.line_start, line_end=scene.evidence.line_end)
        for scene in disclosure.scenes
    )
    return PolicyView(
        path=path,
        rows=tuple(rows),
        permissions=MappingProxyType({k: tuple(v) for k, v in perms.items()}),
        data_types=MappingProxyType({k: tuple(v) for k, v in data.items()}),
        scenes=scenes,
    )
