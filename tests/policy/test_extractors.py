"""The pipeline's axes: every extractor kind has exactly one extractor; the coordinator's overlap rule."""

from __future__ import annotations

from auditor.policy.claims import ExtractorKind, RowFacts, SdkClaim, Structure
from auditor.policy.coordinator import settle
from auditor.policy.extractors import REGISTRY


def test_every_kind_has_exactly_one_extractor():
    kinds = [e.kind for e in REGISTRY]
    assert sorted(kinds) == sorted(ExtractorKind)
    assert len(set(kinds)) == len(kinds)


def test_every_kind_has_a_legacy_shape():
    assert {k.shape for k in ExtractorKind} == {"table", "key-value", "list", "prose"}


def _s(kind: ExtractorKind, first: int, last: int, confidence: float, name: str = "x") -> Structure:
    return Structure(kind, first, last, confidence, sdks=(SdkClaim(RowFacts(name), first, first),))


def test_higher_confidence_wins_overlapping_lines():
    table = _s(ExtractorKind.PIPE_TABLE, 10, 20, 0.85, "table")
    sentence = _s(ExtractorKind.PROSE, 12, 12, 0.3, "prose")
    elsewhere = _s(ExtractorKind.PROSE, 30, 31, 0.3, "later")
    kept = settle([sentence, elsewhere, table], [e.kind for e in REGISTRY])
    assert kept == [table, elsewhere]


def test_ties_go_to_the_extractor_listed_first_then_the_larger_region():
    order = [e.kind for e in REGISTRY]
    html = _s(ExtractorKind.HTML_TABLE, 5, 8, 0.8)
    pipe = _s(ExtractorKind.PIPE_TABLE, 5, 9, 0.8)
    assert settle([pipe, html], order) == [html]
    small = _s(ExtractorKind.KEY_VALUE, 1, 2, 0.8)
    large = _s(ExtractorKind.KEY_VALUE, 1, 4, 0.8)
    assert settle([small, large], order) == [large]
