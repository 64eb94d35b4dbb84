#!/usr/bin/env python3
"""Real class and ``.so`` names from the pinned corpus binaries, to give catalog entries honest examples.

An example must be a name seen in a real binary (or the vendor's docs), never a signature string. This
tool lists every class and native library in the corpus (``tests/corpus``: real SDK jars, aars and APKs
fetched by version and sha256 into the cache outside the work tree) and, per catalog entry:

    python tools/catalog/real_names.py check      # examples found in / missing from the corpus
    python tools/catalog/real_names.py suggest    # real names each entry claims, for entries without examples
    python tools/catalog/real_names.py write      # add those as examples, with a ``corpus`` provenance item

``write`` edits the YAML files in place (appends ``examples`` and one provenance line per corpus file);
run ``python tools/catalog/compile_catalog.py`` afterwards. ``tests/corpus/test_catalog_examples.py``
checks that every example a ``corpus`` provenance item vouches for is really in that file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from auditor.catalog import load_catalog
from auditor.catalog.model import SdkEntry
from auditor.detect.matcher import Matcher
from tests.corpus.names import corpus_label, names_in

_MAX_EXAMPLES = 2
_PUBLIC_CLASS = re.compile(r"^(?:[a-z_][\w]*\.)+[A-Z][A-Za-z0-9]{2,}$")


def corpus_index(cache: Path | None = None) -> dict[str, tuple[set[str], set[str]]]:
    """corpus label -> (class names, .so names), for every corpus binary (fetched into the cache).
    ``cache``: a JSON file to reuse between runs (written when absent)."""
    from tests.corpus.fetch import corpus_entries, fetch_entry

    if cache is not None and cache.is_file():
        return {k: (set(v[0]), set(v[1])) for k, v in json.loads(cache.read_text()).items()}
    out = {}
    for entry in corpus_entries():
        if not entry.inner.endswith((".jar", ".aar", ".apk", ".so", ".zip", ".dex")):
            continue
        path = fetch_entry(entry)
        out[corpus_label(entry.registry, entry.pkg, entry.ver, entry.inner)] = names_in(path.read_bytes(), entry.inner)
    if cache is not None:
        cache.write_text(json.dumps({k: [sorted(c), sorted(n)] for k, (c, n) in out.items()}))
    return out


def _rank(name: str) -> tuple[int, int, str]:
    """Prefer public-looking top-level classes, shallow packages, short names."""
    return (0 if _PUBLIC_CLASS.match(name) else 1, name.count("."), name)


def suggestions(entry: SdkEntry, matcher: Matcher, index: dict[str, tuple[set[str], set[str]]]) -> dict[str, list[str]]:
    """corpus label -> real names this entry claims in that file (never a signature string)."""
    found: dict[str, list[str]] = defaultdict(list)
    chosen: set[str] = set()
    for label, (classes, natives) in sorted(index.items()):
        mine = sorted((c for c in classes if "$" not in c and not entry.signatures.restates(c)
                       and (claim := matcher.claim_class(c)) is not None and claim.sdk_id == entry.id), key=_rank)
        mine += sorted(n for n in natives if not entry.signatures.restates(n)
                       and (claim := matcher.claim_native(n)) is not None and claim.sdk_id == entry.id)
        for name in mine:
            if len(chosen) >= _MAX_EXAMPLES:
                break
            if name not in chosen:
                chosen.add(name)
                found[label].append(name)
    return dict(found)


def _write(entry: SdkEntry, found: dict[str, list[str]]) -> None:
    path = Path(entry.path)
    text = path.read_text(encoding="utf-8")
    names = [n for names in found.values() for n in names]
    line = f"examples: {json.dumps(names, ensure_ascii=False)}\n"
    if re.search(r"^examples:", text, re.M):
        raise SystemExit(f"{path.name}: already has examples; edit by hand")
    head, sep, tail = text.partition("provenance:\n")
    prov = "".join(f"  - {{source: corpus, ref: {json.dumps(label, ensure_ascii=False)}, fields: [examples]}}\n"
                   for label in found)
    path.write_text(head + line + sep + tail.rstrip("\n") + "\n" + prov, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("check", "suggest", "write"))
    parser.add_argument("--catalog", type=Path, default=ROOT / "sdk_catalog")
    parser.add_argument("--index-cache", type=Path, default=None, help="JSON file caching the corpus index")
    args = parser.parse_args()
    catalog = load_catalog(args.catalog)
    matcher = Matcher.from_catalog(catalog)
    index = corpus_index(args.index_cache)
    every = set().union(*(c | n for c, n in index.values()))
    if args.mode == "check":
        seen = missing = 0
        for entry in catalog.entries:
            for example in entry.examples:
                if example in every:
                    seen += 1
                else:
                    missing += 1
                    print(f"{entry.id}: {example} is not in the corpus")
        print(f"{seen} examples seen in the corpus, {missing} not (vendor docs or other binaries)")
        return 0
    added = 0
    for entry in catalog.entries:
        if entry.examples:
            continue
        found = suggestions(entry, matcher, index)
        if not found:
            continue
        added += 1
        if args.mode == "suggest":
            print(f"{entry.id}: {found}")
        else:
            _write(entry, found)
    print(f"{added} entries {'would get' if args.mode == 'suggest' else 'got'} real examples from the corpus")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
