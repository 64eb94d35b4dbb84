#!/usr/bin/env python3
"""The slowest real build in the corpus: the measurement behind the default ``--max-seconds``.

Scans every build in the pinned corpus cache (APKs, AABs and split sets, including the ones the tests build
from real SDK jars) with the default ``auditor scan`` (code analysis and reachability on, no time cap), one
fresh process each, and prints wall time, CPU time (user + system, less sensitive to a shared machine's load)
and peak RSS, slowest first.

    python bench/bench_slowest.py                 # every cached build, 1 run each
    python bench/bench_slowest.py --repeat 3      # best of 3 (quiet machine)
    python bench/bench_slowest.py --json out.json
    python bench/bench_slowest.py --match Yosemite --repeat 3   # only builds whose path holds the text

The default ``--max-seconds`` must stay far above the slowest figure printed here, measured on the slowest
machine that runs the gate (see the README's "Resource bounds").
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SUFFIXES = (".apk", ".aab", ".apks", ".xapk", ".apkm")
SCAN = [sys.executable, "-m", "auditor", "scan", "--format", "json", "-o", os.devnull, "--max-seconds", "0",
        "--max-memory", "0"]


def builds(cache: Path) -> list[Path]:
    """Every build file in the corpus cache."""
    found = [p for p in cache.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()]
    return sorted(found)


def measure(path: Path) -> tuple[int, float, float, float]:
    """(exit code, wall seconds, CPU seconds, peak RSS MiB) of one default scan in a fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen([*SCAN, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _pid, status, usage = os.wait4(proc.pid, 0)
    return (os.waitstatus_to_exitcode(status), time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per build (best wall time kept)")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--match", default="", help="only builds whose cache path contains this text")
    args = parser.parse_args()
    from tests.corpus.fetch import cache_root

    rows = []
    for path in (p for p in builds(cache_root()) if args.match in str(p)):
        runs = [measure(path) for _ in range(args.repeat)]
        code = runs[0][0]
        rows.append({"build": str(path.relative_to(cache_root())), "size_mb": round(path.stat().st_size / 1e6, 1),
                     "exit": code, "seconds": round(min(r[1] for r in runs), 2),
                     "cpu_seconds": round(min(r[2] for r in runs), 2), "peak_mib": round(max(r[3] for r in runs))})
    rows.sort(key=lambda r: -r["seconds"])
    print(f"{'seconds':>8} {'cpu s':>7} {'MiB':>6} {'MB':>6} exit  build")
    for r in rows:
        print(f"{r['seconds']:>8.2f} {r['cpu_seconds']:>7.2f} {r['peak_mib']:>6} {r['size_mb']:>6.1f} {r['exit']:>4}  "
              f"{r['build']}")
    ok = [r for r in rows if r["exit"] in (0, 1)]
    if ok:
        print(f"slowest of {len(ok)} builds that scanned: {ok[0]['seconds']:.2f} s wall, {ok[0]['cpu_seconds']:.2f} s CPU "
              f"({ok[0]['build']}); load average {os.getloadavg()[0]:.1f} at the end")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
