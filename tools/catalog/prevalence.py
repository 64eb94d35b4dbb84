#!/usr/bin/env python3
"""Rank catalog entries by how often real apps ship them, as far as the shared sources can tell.

No source here counts apps, so the rank uses independent signals of prevalence, one point each:
every distinct public list that carries the SDK (Exodus, ETIP/AppManager, LibChecker, camille, LibRadar,
DCloud's store table, the observed CN privacy-URL list: each compiled from real apps), every real policy
named in the entry's provenance, and the corpus (a real registry package ships it). With ``--policies DIR``
(repeatable), every real policy in DIR whose SDK list names the entry (read by the policy reader, see
``policy_rows.py``) adds one point too.

    python tools/catalog/prevalence.py [N] [--policies DIR ...]   # the top N (default 300), signals, coverage
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from auditor.catalog import load_catalog
from auditor.catalog.model import SdkEntry

LISTS = ("exodus-trackers-mobsf", "appmanager-android-libraries", "libchecker-rules", "camille", "libradar-tag-rules",
         "dcloud-uniapp-sdk-privacy", "cn-sdk-privacy-urls-observed", "corpus")


def signals(entry: SdkEntry) -> tuple[str, ...]:
    lists = {p.source for p in entry.provenance if p.source in LISTS}
    policies = {p.ref.split(":", 1)[0] for p in entry.provenance if p.source == "policy"}
    return tuple(sorted(lists)) + tuple(f"policy {p}" for p in sorted(policies))


def ranked(limit: int = 300, policy_dirs: tuple[Path, ...] = ()) -> list[tuple[SdkEntry, tuple[str, ...]]]:
    catalog = load_catalog()
    named: dict[str, list[str]] = {}
    if policy_dirs:
        from policy_rows import policy_files, rows_by_sdk
        for sdk_id, rows in rows_by_sdk(policy_files(policy_dirs), catalog).items():
            named[sdk_id] = sorted({f"policy {name}" for name, _ in rows})
    scored = [(e, tuple(dict.fromkeys((*signals(e), *named.get(e.id, ()))))) for e in catalog.entries
              if e.kind.value != "library"]
    scored.sort(key=lambda item: (-len(item[1]), item[0].id))
    return scored[:limit]


def main() -> int:
    args = sys.argv[1:]
    dirs = tuple(Path(a) for i, a in enumerate(args) if i and args[i - 1] == "--policies")
    numbers = [a for a in args if a.isdigit()]
    limit = int(numbers[0]) if numbers else 300
    top = ranked(limit, dirs)
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
