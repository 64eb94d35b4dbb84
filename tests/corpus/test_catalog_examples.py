"""Catalog examples are real: every example a ``corpus`` provenance item vouches for is in that binary.

The names are read from the fetched corpus file's bytes (jar entries, dex class_defs, ``.so`` members), never
from the catalog, so a made-up or mistyped example fails. Entries whose examples come (also) from another
source (vendor docs, LibChecker's component list) are checked for the examples that source cannot explain
only when no other source names ``examples``.
"""

from __future__ import annotations

from functools import cache

import pytest

from auditor.catalog.model import SdkEntry
from tests.corpus.fetch import fetch_entry
from tests.corpus.names import entry_for_label, names_in

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def _corpus_refs(entry: SdkEntry) -> list[str]:
    return [p.ref for p in entry.provenance if p.source == "corpus" and "examples" in p.fields]


@cache
def _names(label: str) -> frozenset[str]:
    corpus_entry = entry_for_label(label)
    assert corpus_entry is not None, f"{label!r} is not a pinned corpus file (tests/corpus/corpus.json)"
    classes, natives = names_in(fetch_entry(corpus_entry).read_bytes(), corpus_entry.inner)
    return frozenset(classes | natives)


def test_corpus_vouched_examples_are_in_the_binaries(bundled_catalog):
    vouched = [e for e in bundled_catalog.entries if _corpus_refs(e)]
    assert len(vouched) >= 60, f"only {len(vouched)} entries have examples from the corpus"
    problems = []
    for entry in vouched:
        seen = frozenset().union(*(_names(ref) for ref in _corpus_refs(entry)))
        other = any(p.source != "corpus" and "examples" in p.fields for p in entry.provenance)
        missing = [x for x in entry.examples if x not in seen]
        if missing and not other:
            problems.append(f"{entry.id}: {missing} not in {_corpus_refs(entry)}")
        if not (set(entry.examples) & seen):
            problems.append(f"{entry.id}: none of its examples is in the corpus files it names")
    assert problems == []


def test_a_made_up_example_would_fail(bundled_catalog):
    """The check reads the binary: a plausible but invented class of a vouched entry is not there."""
    entry = next(e for e in bundled_catalog.entries if _corpus_refs(e) and "jpush" in e.id)
    seen = frozenset().union(*(_names(ref) for ref in _corpus_refs(entry)))
    assert entry.examples[0] in seen or any(x in seen for x in entry.examples)
    assert "cn.jpush.android.api.JPushInterfaceThatDoesNotExist" not in seen
