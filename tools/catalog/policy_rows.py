#!/usr/bin/env python3
"""What real privacy policies say about each catalog SDK: their SDK rows, resolved by the policy reader.

A review aid for adding facts with ``source: policy`` provenance (company, link, data types, permissions of
a row), and a prevalence signal: how many distinct real policies name an SDK. Nothing here is written to
the catalog; a person reads the rows, checks them, and writes facts (never the policies' prose).

    python tools/catalog/policy_rows.py DIR [DIR...]            # rows per SDK id, most-named first
    python tools/catalog/policy_rows.py --counts DIR [DIR...]   # only "id<TAB>number of policies"
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from auditor.catalog import load_catalog
from auditor.catalog.model import Catalog
from auditor.errors import AuditorError
from auditor.policy import read_policy
from auditor.policy.model import SdkDisclosure

POLICY_SUFFIXES = (".txt", ".md", ".html", ".htm", ".vue", ".ts", ".mdx", ".pdf", ".docx")


def policy_files(dirs: Iterable[Path]) -> list[Path]:
    """Policy documents under ``dirs`` (README, SOURCES and truth files are not policies)."""
    out = []
    for d in dirs:
        out += [p for p in sorted(d.iterdir()) if p.is_file() and p.suffix in POLICY_SUFFIXES
                and p.stem.upper() not in ("README", "SOURCES") and not p.name.startswith("_")]
    return out


def rows_by_sdk(files: Iterable[Path], catalog: Catalog) -> dict[str, list[tuple[str, SdkDisclosure]]]:
    """Catalog id -> (policy file name, row) for every row the reader resolved; unreadable files skipped."""
    rows: dict[str, list[tuple[str, SdkDisclosure]]] = defaultdict(list)
    for path in files:
        try:
            disclosure = read_policy(path, catalog)
        except AuditorError:
            continue
        for row in disclosure.sdks:
            if row.id:
                rows[row.id].append((path.name, row))
    return dict(rows)


def policy_counts(rows: dict[str, list[tuple[str, SdkDisclosure]]]) -> dict[str, int]:
    """Catalog id -> number of distinct policies with a row for it."""
    return {sdk_id: len({name for name, _ in found}) for sdk_id, found in rows.items()}


def main(argv: list[str]) -> int:
    counts_only = "--counts" in argv
    dirs = [Path(a) for a in argv if a != "--counts"]
    catalog = load_catalog()
    rows = rows_by_sdk(policy_files(dirs), catalog)
    counts = policy_counts(rows)
    for sdk_id in sorted(rows, key=lambda i: (-counts[i], i)):
        print(f"{sdk_id}\t{counts[sdk_id]}")
        if counts_only:
            continue
        for name, row in rows[sdk_id]:
            print(f"    {name}: row {row.name!r} company={row.company!r} link={row.link!r} "
                  f"data={','.join(row.data_types)} perms={','.join(row.permissions)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
