"""Each catalog entry against its own examples: the entry must claim each example, and nobody else may.

A class example is looked up as a class name; a ``*.so`` example as a native library name.
"""

from __future__ import annotations

from auditor.catalog.model import Catalog
from auditor.detect.matcher import Matcher


def example_owner(matcher: Matcher, example: str) -> str | None:
    """The id of the entry that claims ``example`` (a dotted class name or a ``.so`` file name)."""
    claim = matcher.claim_native(example) if example.endswith(".so") else matcher.claim_class(example)
    return claim.sdk_id if claim else None


def check_examples(catalog: Catalog, matcher: Matcher | None = None) -> list[str]:
    """Problems, one line each naming the file: examples not claimed, or claimed by another entry."""
    matcher = matcher or Matcher.from_catalog(catalog)
    problems = []
    for entry in catalog.entries:
        for example in entry.examples:
            owner = example_owner(matcher, example)
            if owner != entry.id:
                who = f"claimed by '{owner}'" if owner else "claimed by no entry"
                problems.append(f"{entry.id}.yaml: example '{example}' is {who}")
    return problems
