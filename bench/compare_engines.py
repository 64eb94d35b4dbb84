#!/usr/bin/env python3
"""Compare the call-site analysis of two source trees (e.g. the networkx engine and the array engine) on
the same builds: call sites, owners, reachability and path lengths must be identical.

    python bench/compare_engines.py OLD_TREE [BUILD...]     # default: every corpus APK + the built APKs

Each tree runs in a fresh process with ``PYTHONPATH=TREE``; the rows are compared as sets of
``(caller class, caller method, api, via reflection, owner, reachability, path length)``. Paths may differ
between equally short alternatives; their lengths may not. Prints one line per build and exits 1 on any
difference.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_DUMP = (
    "import json, sys\n"
    "from pathlib import Path\n"
    "from auditor.catalog import load_catalog\n"
    "from auditor.build.interface import read_build\n"
    "from auditor.detect.matcher import Matcher\n"
    "from auditor.code import analyze_data_access\n"
    "m = Matcher.from_catalog(load_catalog())\n"
    "for p in sys.argv[1:]:\n"
    "    try:\n"
    "        rows = analyze_data_access(read_build(Path(p)), m)\n"
    "        out = sorted([r.caller_class, r.caller_method, r.api, r.via_reflection, r.owner, r.reachability,\n"
    "                      len(r.path)] for r in rows)\n"
    "    except Exception as exc:\n"
    "        out = 'error: ' + type(exc).__name__\n"
    "    print(json.dumps([p, out]), flush=True)\n"
)


def dump(tree: Path, builds: list[str]) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    proc = subprocess.run([sys.executable, "-c", _DUMP, *builds], capture_output=True, text=True, env=env,
                          cwd=tree, check=True)
    return {p: rows for p, rows in (json.loads(line) for line in proc.stdout.splitlines())}


def default_builds() -> list[str]:
    from tests.corpus.build import SPECS, build_apk
    from tests.corpus.fetch import corpus_entries, fetch_entry

    out = [str(fetch_entry(e)) for e in corpus_entries() if e.inner.endswith(".apk")]
    out += [str(build_apk(spec)) for spec in SPECS]
    return out


def main(argv: list[str]) -> int:
    old = Path(argv[0]).resolve()
    builds = argv[1:] or default_builds()
    before, after = dump(old, builds), dump(ROOT, builds)
    differ = 0
    for build in builds:
        a, b = before[build], after[build]
        same = a == b
        differ += not same
        count = len(b) if isinstance(b, list) else b
        print(f"{'same' if same else 'DIFFERENT'}  {Path(build).name}: {count} call sites", flush=True)
        if not same and isinstance(a, list) and isinstance(b, list):
            for row in sorted(set(map(tuple, a)) ^ set(map(tuple, b)))[:10]:
                print("   ", "old" if list(row) in a else "new", row)
    print(f"{len(builds) - differ} of {len(builds)} builds identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
