"""Settle overlapping structures from different extractors.

**The rule.** Structures are taken in order of confidence, highest first; ties go to the extractor listed
first in the registry (:data:`auditor.policy.extractors.REGISTRY`), then to the larger region. A structure
is kept unless one of its lines belongs to a structure already kept. So a table owns its lines against a
list item or a sentence inside it, and a prose mention never invents a second row for a line a structured
extractor read. Rows keep the extractor that produced them (JSON ``extractor``). One exception comes first: a
structure of scenes only that stands wholly inside a table of :data:`MIN_TABLE_ROWS` SDK rows or more is read
from one of its cells (an SDK's permissions listed in its data cell), so the table is not lost to it.
"""

from __future__ import annotations

from collections.abc import Sequence

from auditor.policy.claims import ExtractorKind, Structure

MIN_TABLE_ROWS = 3
_TABLES = frozenset({ExtractorKind.HTML_TABLE, ExtractorKind.PIPE_TABLE, ExtractorKind.FLAT_TABLE})


def settle(structures: Sequence[Structure], order: Sequence[ExtractorKind]) -> list[Structure]:
    """The structures kept, in document order."""
    reach = _table_reach(structures)
    structures = [s for s in structures if s.sdks or not (0 <= s.first < len(reach) and reach[s.first] > s.last)]
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


def _table_reach(structures: Sequence[Structure]) -> list[int]:
    """Per line, the last line of the tables of :data:`MIN_TABLE_ROWS` SDK rows or more that open before it
    (-1 when none): a structure from line ``a`` to ``b`` stands wholly inside one when ``reach[a] > b``."""
    tables = [s for s in structures if s.extractor in _TABLES and len(s.sdks) >= MIN_TABLE_ROWS]
    if not tables:
        return []
    reach = [-1] * (max(t.last for t in tables) + 2)
    for t in tables:
        reach[t.first + 1] = max(reach[t.first + 1], t.last)
    for k in range(1, len(reach)):
        reach[k] = max(reach[k], reach[k - 1])
    return reach
