#!/usr/bin/env python3
"""Benchmark: ``auditor scan`` against androguard's ``AnalyzeAPK`` on the same real APKs, in one run.

Each measurement is a fresh process (wall time from fork to exit, peak RSS from ``wait4``), so imports and
start-up count for both sides, as they do for a user. Real APKs come from the pinned corpus
(``tests/corpus``: fetched by version and sha256 into a cache outside the tree).

    python bench/bench_scan.py                  # default set, 1 repetition each
    python bench/bench_scan.py --repeat 3 Yosemite.apk settings_apk-debug.apk
    python bench/bench_scan.py --no-androguard  # auditor only (fast)

Columns: the default scan (call sites, reachability, consent and frequency analysis), ``--no-code``
(manifest, SDKs, permissions), and AnalyzeAPK; wall time, CPU time (user + system: the figure to compare on
a shared, loaded machine) and peak RSS. Prints the ratios androguard/auditor, and the least-squares slope of
the default scan's wall time, CPU time and memory against the builds' dex size (cost linear in dex size);
``--json FILE`` saves the numbers. ``--synthetic N`` (default 4; 0: none) adds a multidex build of N times
the first APK's DEX files (:mod:`synthetic`: renamed copies, built into a temporary directory; no AnalyzeAPK
for it). Ends with the table for the README's performance section (Markdown).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

DEFAULT_APKS = ("Yosemite.apk", "appium-uiautomator2-server-v10.6.6.apk", "settings_apk-debug.apk",
                "ApiDemos-debug.apk")

AUDITOR = [sys.executable, "-m", "auditor", "scan", "--format", "json", "-o", os.devnull]
AUDITOR_NO_CODE = AUDITOR + ["--no-code"]
ANDROGUARD = [sys.executable, "-c",
              "import sys\n"
              "from loguru import logger\n"
              "logger.remove()\n"
              "from androguard.misc import AnalyzeAPK\n"
              "a, d, dx = AnalyzeAPK(sys.argv[1])\n"
              "print(len(list(dx.get_classes())))\n"]


def measure(cmd: list[str]) -> tuple[float, float, float]:
    """(wall seconds, peak RSS MiB, CPU seconds) of one fresh process and the children it waited for (the
    scan runs its work in a child under the resource caps); raises if it fails. CPU time (user + system)
    stays meaningful on a shared, loaded machine where wall time does not."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}... failed: {stderr.strip()[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, usage.ru_maxrss / 1024.0, cpu  # wait4 reports the child's peak, its own children's included


def best(cmd: list[str], repeat: int) -> tuple[float, float, float]:
    runs = [measure(cmd) for _ in range(repeat)]
    return min(r[0] for r in runs), statistics.median(r[1] for r in runs), min(r[2] for r in runs)


def dex_megabytes(path: Path) -> float:
    """Uncompressed size of the build's root ``classes*.dex`` files."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return sum(i.file_size for i in archive.infolist() if re.fullmatch(r"classes\d*\.dex", i.filename)) / 1e6


def slope(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Least-squares line through ``(x, y)`` points: (slope, intercept)."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    var = sum((x - mx) ** 2 for x, _ in points) or 1.0
    k = sum((x - mx) * (y - my) for x, y in points) / var
    return k, my - k * mx


def load_note() -> str:
    """The machine's load while measuring (``os.getloadavg``): wall times on a shared machine need it."""
    one, five, _fifteen = os.getloadavg()
    return f"{os.cpu_count()} CPUs, load average {one:.1f} (1 min) / {five:.1f} (5 min) at the end of the run"


def readme_table(rows: list[dict[str, object]], fit: str) -> str:
    """The rows as the README's performance table (Markdown)."""
    out = ["| APK | dex MB | default scan: wall s, CPU s, MiB | `--no-code`: wall s, CPU s, MiB "
           "| AnalyzeAPK: wall s, CPU s, MiB | AnalyzeAPK / default: wall, CPU |", "|---|---|---|---|---|---|"]
    for r in rows:
        guard = (f"{r['androguard_s']} s, {r['androguard_cpu_s']} s, {r['androguard_mib']} MiB"
                 if "androguard_s" in r else "not run")
        ratio = f"{r['time_ratio']}x, {r['cpu_ratio']}x" if "time_ratio" in r else "-"
        out.append(f"| {r['apk']} | {r['dex_mb']} | {r['auditor_s']} s, {r['auditor_cpu_s']} s, {r['auditor_mib']} MiB"
                   f" | {r['auditor_no_code_s']} s, {r['auditor_no_code_cpu_s']} s, {r['auditor_no_code_mib']} MiB"
                   f" | {guard} | {ratio} |")
    out.append("")
    out.append(f"Measured with `python bench/bench_scan.py` ({load_note()}). {fit}.")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("apks", nargs="*", default=list(DEFAULT_APKS),
                        help="corpus basenames or paths (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement (best time kept)")
    parser.add_argument("--no-androguard", action="store_true", help="skip the AnalyzeAPK baseline")
    parser.add_argument("--json", type=Path, default=None, help="write the numbers here")
    parser.add_argument("--synthetic", type=int, default=4, metavar="N",
                        help="also scan a multidex build of N x the first APK's dex (0: no; default 4)")
    args = parser.parse_args()

    from tests.corpus.fetch import corpus_file

    # byte-compile the tree first, as an installed package is (with PYTHONDONTWRITEBYTECODE set, every fresh
    # process would otherwise compile the auditor's modules from source: ~0.5 s that no user pays)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "auditor")], check=True,
                   stdout=subprocess.DEVNULL)
    rows = []
    header = (f"{'apk':<40} {'dex MB':>6} {'scan s':>7} {'cpu s':>6} {'MiB':>5} {'no-code s':>9} {'cpu s':>6}"
              f" {'MiB':>5}")
    header += "" if args.no_androguard else (f" {'AnalyzeAPK s':>12} {'cpu s':>6} {'MiB':>5} {'x wall':>6}"
                                             f" {'x cpu':>6} {'x mem':>6}")
    print(header)
    paths = [Path(name) if Path(name).exists() else corpus_file(name) for name in args.apks]
    tmp = tempfile.TemporaryDirectory(prefix="bench-scan-")
    if args.synthetic > 1:
        from synthetic import multiply

        source = paths[0]
        paths.append(multiply(source, args.synthetic, Path(tmp.name) / f"{source.stem}-x{args.synthetic}.apk"))
    for path in paths:
        synthetic = path.parent == Path(tmp.name)
        dex = dex_megabytes(path)
        a_wall, a_rss, a_cpu = best(AUDITOR + [str(path)], args.repeat)
        n_wall, n_rss, n_cpu = best(AUDITOR_NO_CODE + [str(path)], args.repeat)
        row = {"apk": path.name + (" (synthetic)" if synthetic else ""), "size_mb": round(path.stat().st_size / 1e6, 1),
               "dex_mb": round(dex, 1),
               "auditor_s": round(a_wall, 2), "auditor_cpu_s": round(a_cpu, 2), "auditor_mib": round(a_rss),
               "auditor_no_code_s": round(n_wall, 2), "auditor_no_code_cpu_s": round(n_cpu, 2),
               "auditor_no_code_mib": round(n_rss)}
        line = (f"{path.name[:40]:<40} {dex:>6.1f} {a_wall:>7.2f} {a_cpu:>6.2f} {a_rss:>5.0f} {n_wall:>9.2f}"
                f" {n_cpu:>6.2f} {n_rss:>5.0f}")
        if not args.no_androguard and not synthetic:
            g_wall, g_rss, g_cpu = best(ANDROGUARD + [str(path)], args.repeat)
            row.update({"androguard_s": round(g_wall, 2), "androguard_cpu_s": round(g_cpu, 2),
                        "androguard_mib": round(g_rss), "time_ratio": round(g_wall / a_wall, 1),
                        "cpu_ratio": round(g_cpu / a_cpu, 1), "mem_ratio": round(g_rss / a_rss, 1)})
            line += (f" {g_wall:>12.2f} {g_cpu:>6.2f} {g_rss:>5.0f} {g_wall / a_wall:>5.1f}x {g_cpu / a_cpu:>5.1f}x"
                     f" {g_rss / a_rss:>5.1f}x")
        print(line, flush=True)
        rows.append(row)
    tmp.cleanup()
    fit = ""
    if len(rows) > 1:
        k_wall, c_wall = slope([(r["dex_mb"], r["auditor_s"]) for r in rows])
        k_cpu, c_cpu = slope([(r["dex_mb"], r["auditor_cpu_s"]) for r in rows])
        k_mem, c_mem = slope([(r["dex_mb"], r["auditor_mib"]) for r in rows])
        fit = (f"default scan vs dex size (least squares over the {len(rows)} builds): {k_wall:.3f} s wall "
               f"({c_wall:+.2f} s), {k_cpu:.3f} CPU s ({c_cpu:+.2f} s) and {k_mem:.1f} MiB ({c_mem:+.0f} MiB) "
               f"per dex MB")
        print(fit)
    print()
    print(readme_table(rows, fit))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
