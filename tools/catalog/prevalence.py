#!/usr/bin/env python3
"""Rank catalog entries by how often real apps ship them, as far as the shared sources can tell.

No source here counts apps, so the rank uses independent signals of prevalence, one point each:
every distinct public list that carries the SDK (Exodus, ETIP/AppManager, LibChecker, camille, LibRadar,
DCloud's store table, the observed CN privacy-URL list: each compiled from real apps), every real policy
of ``/work/shared/policies`` that names it, and the corpus (a real registry package ships it).

    python tools/catalog/prevalence.py [N]      # the top N (default 300) with their signals and fact coverage
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from auditor.catalog import load_catalog
from auditor.catalog.model import SdkEntry

LISTS = ("exodus-trackers-mobsf", "appmanager-android-libraries", "libchecker-rules", "camille", "libradar-tag-rules",
         "dcloud-uniapp-sdk-privacy", "cn-sdk-privacy-urls-observed", "corpus")


def signals(entry: SdkEntry) -> tuple[str, ...]:
    lists = {p.source for p in entry.provenance if p.source in LISTS}
    policies = {p.ref.split(":", 1)[0] for p in entry.provenance if p.source == "policy"}
    return tuple(sorted(lists)) + tuple(f"policy {p}" for p in sorted(policies))


def ranked(limit: int = 300) -> list[tuple[SdkEntry, tuple[str, ...]]]:
    catalog = load_catalog()
    scored = [(e, signals(e)) for e in catalog.entries if e.kind.value != "library"]
    scored.sort(key=lambda item: (-len(item[1]), item[0].id))
    return scored[:limit]


def main() -> int:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    top = ranked(limit)
    facts = ("vendor", "privacy", "data", "perms", "name_zh")
    counts = dict.fromkeys(facts, 0)
    for entry, sig in top:
        known = {"vendor": entry.vendor is not None, "privacy": entry.policy_url() is not None,
                 "data": entry.data_collected is not None, "perms": entry.permissions is not None,
                 "name_zh": entry.name_zh is not None}
        for k, v in known.items():
            counts[k] += v
        print(f"{len(sig):>2}  {entry.id:<34} {', '.join(sig)}")
    print(f"top {len(top)}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
