"""Settle overlapping structures from different extractors.

**The rule.** Structures are taken in order of confidence, highest first; ties go to the extractor listed
first in the registry (:data:`auditor.policy.extractors.REGISTRY`), then to the larger region. A structure
is kept unless one of its lines belongs to a structure already kept. So a table owns its lines against a
list item or a sentence inside it, and a prose mention never invents a second row for a line a structured
extractor read. Rows keep the extractor that produced them (JSON ``extractor``).
"""

from __future__ import annotations

from collections.abc import Sequence

from auditor.policy.claims import ExtractorKind, Structure


def settle(structures: Sequence[Structure], order: Sequence[ExtractorKind]) -> list[Structure]:
    """The structures kept, in document order."""
    rank = {kind: i for i, kind in enumerate(order)}
    ranked = sorted(structures, key=lambda s: (-s.confidence, rank.get(s.extractor, len(rank)),
                                              -(s.last - s.first), s.first))
    kept: list[Structure] = []
    taken = bytearray(max((s.last + 1 for s in structures), default=0))  # 1 where a kept structure owns the line
    for structure in ranked:
        first, end = structure.first, structure.last + 1
        if first < end:  # (line indexes are never negative)
            if taken.find(1, first, end) >= 0:
                continue
            taken[first:end] = b"\x01" * (end - first)
        kept.append(structure)
    return sorted(kept, key=lambda s: (s.first, s.last))
