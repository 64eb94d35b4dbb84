#!/usr/bin/env python3
"""Self-test of the SDK catalog: every example must be attributed to its own entry and to no other.

Attribution rules (the same as the detector's):
- a dotted class example goes to the entry owning the LONGEST class prefix that matches it on package
  boundaries (``a.b`` matches ``a.b``, ``a.b.C``, ``a.b.c.D`` and ``a.b$X``, never ``a.bc``);
- a ``.so`` example goes to the entry whose ``native_libs`` pattern matches it (fnmatch); when several
  patterns match, the one with the most literal (non-wildcard) characters wins, and a tie is a violation.

Usage: python tools/catalog/check_examples.py [CATALOG_DIR]   (exit status 1 on any violation)
"""

from __future__ import annotations

import fnmatch
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from auditor.catalog import load_catalog
from auditor.detect.matcher import literal_weight
from auditor.errors import CatalogError


def prefix_matches(prefix: str, name: str) -> bool:
    """True when ``prefix`` matches class ``name`` on a package boundary."""
    if name == prefix:
        return True
    return name.startswith(prefix) and name[len(prefix)] in ".$"


def attribute_class(name: str, classes: list[tuple[str, str]]) -> list[str]:
    """Entry ids owning the longest matching prefix (normally one; several would be a conflict)."""
    best, owners = -1, []
    for prefix, sdk_id in classes:
        if prefix_matches(prefix, name):
            if len(prefix) > best:
                best, owners = len(prefix), [sdk_id]
            elif len(prefix) == best:
                owners.append(sdk_id)
    return owners


def attribute_native(name: str, natives: list[tuple[str, str]]) -> list[str]:
    best, owners = -1, []
    for pattern, sdk_id in natives:
        if fnmatch.fnmatchcase(name, pattern):
            score = literal_weight(pattern)
            if score > best:
                best, owners = score, [sdk_id]
            elif score == best and sdk_id not in owners:
                owners.append(sdk_id)
    return owners


def check(catalog_dir: str | None = None) -> list[str]:
    catalog = load_catalog(catalog_dir)
    classes = [(p, e.id) for e in catalog.entries for p in e.signatures.classes]
    natives = [(p, e.id) for e in catalog.entries for p in e.signatures.native_libs]
    violations: list[str] = []
    for entry in catalog.entries:
        if not entry.examples:
            violations.append(f"{entry.id}: no examples")
        for example in entry.examples:
            if example.endswith(".so"):
                owners = attribute_native(example, natives)
            else:
                owners = attribute_class(example, classes)
            if owners != [entry.id]:
                violations.append(f"{entry.id}: example '{example}' attributed to {owners or 'nothing'}")
    return violations


def main() -> int:
    try:
        violations = check(sys.argv[1] if len(sys.argv) > 1 else None)
    except CatalogError as exc:
        for problem in exc.problems:
            print("LOADER:", problem)
        return 1
    for v in violations:
        print("VIOLATION:", v)
    print(f"{len(violations)} violation(s)")
    return 1 if violations else 0


if __name__ == "__main__":
    raise SystemExit(main())
