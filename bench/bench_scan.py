#!/usr/bin/env python3
"""Benchmark: ``auditor scan`` against androguard's ``AnalyzeAPK`` on the same real APKs, in one run.

Each measurement is a fresh process (wall time from fork to exit, peak RSS from ``wait4``), so imports and
start-up count for both sides, as they do for a user. Real APKs come from the pinned corpus
(``tests/corpus``: fetched by version and sha256 into a cache outside the tree).

    python bench/bench_scan.py                  # default set, 1 repetition each
    python bench/bench_scan.py --repeat 3 Yosemite.apk settings_apk-debug.apk
    python bench/bench_scan.py --no-androguard  # auditor only (fast)

Columns: the default scan (with call sites and reachability), ``--no-code`` (manifest, SDKs, permissions:
issue 2's scope), call sites without reachability (library call), and AnalyzeAPK. Prints the ratios
androguard/auditor for time and memory; ``--json FILE`` saves the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_APKS = ("Yosemite.apk", "appium-uiautomator2-server-v10.6.6.apk", "settings_apk-debug.apk",
                "ApiDemos-debug.apk")

AUDITOR = [sys.executable, "-m", "auditor", "scan", "--format", "json", "-o", os.devnull]
AUDITOR_NO_CODE = AUDITOR + ["--no-code"]
# call sites without reachability: the library entry point with reachability=False (not a CLI mode: the
# default scan always classifies reachability); measures the "call sites in <= 2 s" target
AUDITOR_SITES_ONLY = [sys.executable, "-c",
                      "import sys\n"
                      "from pathlib import Path\n"
                      "from auditor.catalog import load_catalog\n"
                      "from auditor.build.interface import read_build\n"
                      "from auditor.detect.matcher import Matcher\n"
                      "from auditor.code import analyze_data_access, load_api_table\n"
                      "c = load_catalog()\n"
                      "b = read_build(Path(sys.argv[1]))\n"
                      "print(len(analyze_data_access(b, Matcher.from_catalog(c), load_api_table(), reachability=False)))\n"]
ANDROGUARD = [sys.executable, "-c",
              "import sys\n"
              "from loguru import logger\n"
              "logger.remove()\n"
              "from androguard.misc import AnalyzeAPK\n"
              "a, d, dx = AnalyzeAPK(sys.argv[1])\n"
              "print(len(list(dx.get_classes())))\n"]


def measure(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one fresh process; raises if it fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}... failed: {stderr.strip()[-300:]}")
    return wall, usage.ru_maxrss / 1024.0


def best(cmd: list[str], repeat: int) -> tuple[float, float]:
    runs = [measure(cmd) for _ in range(repeat)]
    return min(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("apks", nargs="*", default=list(DEFAULT_APKS),
                        help="corpus basenames or paths (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement (best wall time kept)")
    parser.add_argument("--no-androguard", action="store_true", help="skip the AnalyzeAPK baseline")
    parser.add_argument("--json", type=Path, default=None, help="write the numbers here")
    args = parser.parse_args()

    from tests.corpus.fetch import corpus_file

    rows = []
    header = (f"{'apk':<42} {'MB':>6} {'auditor s':>9} {'MiB':>6} {'no-code s':>9} {'MiB':>6}"
              f" {'sites s':>8} {'MiB':>6}")
    header += "" if args.no_androguard else (f" {'AnalyzeAPK s':>12} {'MiB':>6} {'x time':>7} {'x mem':>6}"
                                             f" {'x nocode':>8} {'x mem':>6}")
    print(header)
    for name in args.apks:
        path = Path(name) if Path(name).exists() else corpus_file(name)
        size = path.stat().st_size / 1e6
        a_wall, a_rss = best(AUDITOR + [str(path)], args.repeat)
        n_wall, n_rss = best(AUDITOR_NO_CODE + [str(path)], args.repeat)
        s_wall, s_rss = best(AUDITOR_SITES_ONLY + [str(path)], args.repeat)
        row = {"apk": path.name, "size_mb": round(size, 1), "auditor_s": round(a_wall, 2),
               "auditor_mib": round(a_rss), "auditor_no_code_s": round(n_wall, 2),
               "auditor_no_code_mib": round(n_rss), "call_sites_only_s": round(s_wall, 2),
               "call_sites_only_mib": round(s_rss)}
        line = (f"{path.name[:42]:<42} {size:>6.1f} {a_wall:>9.2f} {a_rss:>6.0f} {n_wall:>9.2f} {n_rss:>6.0f}"
                f" {s_wall:>8.2f} {s_rss:>6.0f}")
        if not args.no_androguard:
            g_wall, g_rss = best(ANDROGUARD + [str(path)], args.repeat)
            row.update({"androguard_s": round(g_wall, 2), "androguard_mib": round(g_rss),
                        "time_ratio": round(g_wall / a_wall, 1), "mem_ratio": round(g_rss / a_rss, 1),
                        "time_ratio_no_code": round(g_wall / n_wall, 1),
                        "mem_ratio_no_code": round(g_rss / n_rss, 1)})
            line += (f" {g_wall:>12.2f} {g_rss:>6.0f} {g_wall / a_wall:>6.1f}x {g_rss / a_rss:>5.1f}x"
                     f" {g_wall / n_wall:>7.1f}x {g_rss / n_rss:>5.1f}x")
        print(line, flush=True)
        rows.append(row)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
