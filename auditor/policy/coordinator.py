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
    taken: set[int] = set()
    for structure in ranked:
        lines = range(structure.first, structure.last + 1)
        if any(i in taken for i in lines):
            continue
        kept.append(structure)
        taken.update(lines)
    return sorted(kept, key=lambda s: (s.first, s.last))
