"""Coverage of the catalog's facts: for each field, how many entries state it, per kind of entry.

What ``auditor catalog stats`` prints. A field counts only when it is stated (absent = unknown); "with a
source" counts entries whose every stated fact is named by a provenance item (``Provenance.fields``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from auditor.catalog.model import Catalog, SdkEntry, SdkKind
from auditor.catalog.validate import entry_facts_without_source

FIELDS: tuple[tuple[str, Callable[[SdkEntry], bool]], ...] = (
    ("vendor", lambda e: e.vendor is not None),
    ("vendor legal name (en)", lambda e: bool(e.vendor and e.vendor.legal_name)),
    ("vendor legal name (zh)", lambda e: bool(e.vendor and e.vendor.legal_name_zh)),
    ("vendor country", lambda e: bool(e.vendor and e.vendor.country)),
    ("name_zh", lambda e: e.name_zh is not None),
    ("purpose", lambda e: e.purpose is not None),
    ("website", lambda e: e.website is not None or bool(e.vendor and e.vendor.website)),
    ("privacy policy url (own)", lambda e: e.privacy_policy_url is not None),
    ("privacy policy url (own or vendor's)", lambda e: e.policy_url() is not None),
    ("permissions", lambda e: e.permissions is not None),
    ("data_collected", lambda e: e.data_collected is not None),
    ("part_of", lambda e: bool(e.part_of)),
    ("real evidence (examples)", lambda e: bool(e.examples)),
    ("every stated fact has a source", lambda e: not entry_facts_without_source(e)),
)
"""(label, predicate) per reported field, in print order."""


@dataclass(frozen=True)
class FieldCoverage:
    field: str
    by_kind: tuple[int, ...]
    """Entries stating the field, one count per :class:`SdkKind` (declaration order)."""

    @property
    def total(self) -> int:
        return sum(self.by_kind)


@dataclass(frozen=True)
class CatalogStats:
    kinds: tuple[int, ...]
    """Entries per :class:`SdkKind` (declaration order)."""
    vendors: int
    fields: tuple[FieldCoverage, ...]

    @property
    def entries(self) -> int:
        return sum(self.kinds)

    def count(self, label: str) -> int:
        return next(f.total for f in self.fields if f.field == label)


def catalog_stats(catalog: Catalog) -> CatalogStats:
    kinds = list(SdkKind)
    per_kind = [sum(1 for e in catalog.entries if e.kind is k) for k in kinds]
    fields = tuple(
        FieldCoverage(label, tuple(sum(1 for e in catalog.entries if e.kind is k and test(e)) for k in kinds))
        for label, test in FIELDS
    )
    return CatalogStats(tuple(per_kind), len(catalog.vendors), fields)


def render_stats(stats: CatalogStats) -> str:
    kinds = ["products", "components", "libraries"]
    assert len(kinds) == len(SdkKind)
    head = f"{'field':<38}" + "".join(f"{k:>14}" for k in kinds) + f"{'all':>14}"
    lines = [head, f"{'entries':<38}" + "".join(f"{n:>14}" for n in stats.kinds) + f"{stats.entries:>14}"]
    for f in stats.fields:
        cells = [_cell(n, d) for n, d in zip(f.by_kind, stats.kinds, strict=True)]
        lines.append(f"{f.field:<38}" + "".join(f"{c:>14}" for c in cells) + f"{_cell(f.total, stats.entries):>14}")
    lines.append(f"{stats.vendors} vendor records; an absent field is unknown, never 'none'")
    return "\n".join(lines)


def _cell(n: int, d: int) -> str:
    return f"{n} ({n / d:.0%})" if d else "0"
