#!/usr/bin/env python3
"""Compare the call-site analysis of two source trees (e.g. the networkx engine and the array engine) on
the same builds: call sites, owners, reachability and path lengths must be identical.

    python bench/compare_engines.py OLD_TREE [BUILD...]     # default: every corpus APK + the built APKs
    python bench/compare_engines.py --full OLD_TREE         # whole scan results (speed-only changes)
    python bench/compare_engines.py --full --save old.json OLD_TREE   # keep the old side ...
    python bench/compare_engines.py --full old.json                   # ... and compare against it later

Each tree runs in a fresh process with ``PYTHONPATH=TREE``; the rows are compared as sets of
``(caller class, caller method, api, via reflection, owner, reachability, path length)``. Paths may differ
between equally short alternatives; their lengths may not. ``--full`` compares, exactly, everything a
default scan finds in the code and the build: every ``data_access`` row with all its fields (path, gate,
repeated, period, source position), the vendor privacy switches, the unknown packages with their vendor
evidence and hosts, SDKs and libraries (for changes that must not change any result). Prints one line per
build and exits 1 on any difference.
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


_DUMP_FULL = (
    "import json, sys\n"
    "from pathlib import Path\n"
    "from auditor.catalog import load_catalog\n"
    "from auditor.scan import Scanner\n"
    "scanner = Scanner.create(load_catalog())\n"
    "for p in sys.argv[1:]:\n"
    "    try:\n"
    "        r = scanner.scan(Path(p))\n"
    "        out = [[repr(x).replace(str(Path.cwd()), '<tree>') for x in part] for part in\n"
    "               (r.data_access, r.privacy_switches, r.unknown_packages, r.sdks, r.libraries)]\n"
    "    except Exception as exc:\n"
    "        out = 'error: ' + type(exc).__name__ + ': ' + str(exc)\n"
    "    print(json.dumps([p, out]), flush=True)\n"
)


def dump(tree: Path, builds: list[str], full: bool = False) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    proc = subprocess.run([sys.executable, "-c", _DUMP_FULL if full else _DUMP, *builds], capture_output=True, text=True, env=env,
                          cwd=tree, check=True)
    return {p: rows for p, rows in (json.loads(line) for line in proc.stdout.splitlines())}


def default_builds() -> list[str]:
    from tests.corpus.build import SPECS, build_apk
    from tests.corpus.fetch import corpus_entries, fetch_entry

    out = [str(fetch_entry(e)) for e in corpus_entries() if e.inner.endswith(".apk")]
    out += [str(build_apk(spec)) for spec in SPECS]
    return out


def main(argv: list[str]) -> int:
    full = "--full" in argv
    argv = [a for a in argv if a != "--full"]
    save = None
    if "--save" in argv:
        at = argv.index("--save")
        save = Path(argv[at + 1])
        del argv[at:at + 2]
    old = Path(argv[0]).resolve()
    if old.is_file():  # a saved old side
        before = json.loads(old.read_text(encoding="utf-8"))
        builds = argv[1:] or list(before)
    else:
        builds = argv[1:] or default_builds()
        before = dump(old, builds, full)
    if save is not None:
        save.write_text(json.dumps(before), encoding="utf-8")
        return 0
    after = dump(ROOT, builds, full)
    differ = 0
    for build in builds:
        a, b = before[build], after[build]
        same = a == b
        differ += not same
        count = len(b[0] if full else b) if isinstance(b, list) else b
        print(f"{'same' if same else 'DIFFERENT'}  {Path(build).name}: {count} call sites", flush=True)
        if full and not same and isinstance(a, list) and isinstance(b, list):
            for part, (x, y) in zip(("data_access", "switches", "unknown", "sdks", "libraries"), zip(a, b)):
                for row in sorted(set(x) ^ set(y))[:5]:
                    print("   ", part, "old" if row in x else "new", row[:300])
        elif not same and isinstance(a, list) and isinstance(b, list):
            for row in sorted(set(map(tuple, a)) ^ set(map(tuple, b)))[:10]:
                print("   ", "old" if list(row) in a else "new", row)
    print(f"{len(builds) - differ} of {len(builds)} builds identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
