"""Settle overlapping structures from different extractors.

**The rule.** Structures are taken in order of confidence, highest first (equal to six places: equal); ties go
first to a structure that claims something over one that claims nothing (labelled lines naming no SDK and no
scene), then to the extractor listed first in the registry (:data:`auditor.policy.extractors.REGISTRY`), then to
the larger region. A structure is kept unless one of its lines belongs to a structure already kept. So a table
owns its lines against a list item or a sentence inside it, and a prose mention never invents a second row for a
line a structured extractor read. Rows keep the extractor that produced them (JSON ``extractor``). One exception comes first: a
structure of scenes only that stands wholly inside a table of :data:`MIN_TABLE_ROWS` SDK rows or more is read
from one of its cells (an SDK's permissions listed in its data cell), so the table is not lost to it.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence

from auditor.policy.claims import ExtractorKind, Structure

MIN_TABLE_ROWS = 3
"""SDK rows a table needs to keep its lines against a structure of scenes only standing inside it."""
_TABLES = frozenset({ExtractorKind.HTML_TABLE, ExtractorKind.PIPE_TABLE, ExtractorKind.FLAT_TABLE})


def settle(structures: Sequence[Structure], order: Sequence[ExtractorKind]) -> list[Structure]:
    """The structures kept, in document order."""
    inside = _inside_tables(structures)
    structures = [s for s in structures if s.sdks or not inside(s)]
    rank = {kind: i for i, kind in enumerate(order)}
    ranked = sorted(structures, key=lambda s: (-round(s.confidence, 6), not (s.sdks or s.scenes),
                                              rank.get(s.extractor, len(rank)), -(s.last - s.first), s.first))
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


def _inside_tables(structures: Sequence[Structure]) -> Callable[[Structure], bool]:
    """Whether a structure stands wholly inside a table of :data:`MIN_TABLE_ROWS` SDK rows or more: some table
    opened before its first line (the tables by first line, the furthest last line reached so far) ends after
    its last."""
    tables = sorted((s.first, s.last) for s in structures if s.extractor in _TABLES and len(s.sdks) >= MIN_TABLE_ROWS)
    firsts = [first for first, _ in tables]
    reach = list(itertools.accumulate((last for _, last in tables), max))

    def inside(s: Structure) -> bool:
        k = bisect.bisect_left(firsts, s.first)  # the tables opened before s.first
        return k > 0 and reach[k - 1] > s.last

    return inside
