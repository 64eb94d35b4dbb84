#!/usr/bin/env python3
"""Benchmark: ``auditor batch`` throughput with 1 and 2 local workers on the same real APKs, in one run.

Both runs scan the same directory (real corpus APKs, fetched by pinned version and sha256; ``--copies``
repeats the set so the pool's start-up is amortised as in a real batch) into fresh output directories,
through the library (plan + local engine), timing ``execute`` end to end: pool start-up, every worker's
catalog load, scans, result and portfolio writes. Each worker records its own peak RSS (``ru_maxrss``) after
every build, so the memory column is the exact peak per worker process, to hold against the single-scan
bound of 1 GiB.

    python bench/bench_batch.py                          # default set, 2 copies
    python bench/bench_batch.py --copies 4 --no-code     # manifest + SDKs only
    python bench/bench_batch.py --json bench-batch.json Yosemite.apk ApiDemos-debug.apk

Prints builds/minute for 1 and 2 workers and the scaling efficiency (throughput ratio / 2), and the CPU time
(user + system, client and workers) of each run with builds per CPU-minute: the figure to compare on a shared,
loaded machine (on an idle one, 2 workers reach at most twice that per wall minute).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.batch.model import BuildRef, BuildResult
from auditor.batch.work import BatchSpec, run_build

DEFAULT_APKS = ("ApiDemos-debug.apk", "settings_apk-debug.apk", "XposedInstaller_3.1.5.apk", "ClipDump.apk",
                "SystemWebView-repack.apk", "org.dyndns.fules.ck_20.apk", "mobi.acpm.proxyon_v1_419b04.apk",
                "Droidmon.apk", "souch.smsbypass_9.apk", "com.politedroid_6.apk")
RSS_DIR_ENV = "AUDITOR_BENCH_RSS_DIR"
BOUND_MIB = 1024


def measuring_task(spec: BatchSpec, ref: BuildRef) -> BuildResult:
    """:func:`run_build`, then note this worker's peak RSS (MiB) in ``$AUDITOR_BENCH_RSS_DIR/<pid>``."""
    result = run_build(spec, ref)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    Path(os.environ[RSS_DIR_ENV], str(os.getpid())).write_text(f"{peak:.1f}\n")
    return result


def measure(builds: Path, out: Path, workers: int, code: bool) -> dict[str, float]:
    from auditor.batch import BatchRequest, execute, plan_batch
    from auditor.batch.engines.local import LocalEngine
    from auditor.collector import kept_until_exit
    from auditor.pipeline import AuditInputs

    rss_dir = Path(tempfile.mkdtemp(prefix="rss-"))
    os.environ[RSS_DIR_ENV] = str(rss_dir)
    with kept_until_exit():  # as the batch command does before its workers fork
        plan = plan_batch(BatchRequest(builds, out, AuditInputs(code=code)))
    start, cpu_before = time.perf_counter(), _cpu()
    summary = execute(plan, LocalEngine(jobs=workers, task=measuring_task))
    wall = time.perf_counter() - start
    cpu = _cpu() - cpu_before
    peaks = [float(p.read_text()) for p in rss_dir.iterdir()]
    shutil.rmtree(rss_dir)
    if summary.failed:
        raise RuntimeError(f"{summary.failed} builds failed; see {out / 'index.jsonl'}")
    return {"workers": workers, "builds": summary.scanned, "wall_s": round(wall, 2),
            "builds_per_min": round(60.0 * summary.scanned / wall, 1), "cpu_s": round(cpu, 2),
            "builds_per_cpu_min": round(60.0 * summary.scanned / cpu, 1),
            "peak_worker_mib": round(max(peaks), 1), "worker_processes": len(peaks)}


def _cpu() -> float:
    """CPU seconds (user + system) of this process and the worker processes it has reaped: on a shared,
    loaded machine the throughput per CPU-minute stays comparable where wall time does not."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("apks", nargs="*", default=list(DEFAULT_APKS), help="corpus basenames or paths")
    parser.add_argument("--copies", type=int, default=2, help="copies of the set in the batch (default 2)")
    parser.add_argument("--no-code", action="store_true", help="skip call-site analysis")
    parser.add_argument("--json", type=Path, default=None, help="write the numbers here")
    args = parser.parse_args()

    from tests.corpus.fetch import corpus_file

    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        builds = Path(tmp) / "builds"
        builds.mkdir()
        size = 0
        for name in args.apks:
            src = Path(name) if Path(name).exists() else corpus_file(name)
            for copy in range(args.copies):
                shutil.copyfile(src, builds / f"{copy}-{src.name}")
                size += src.stat().st_size
        print(f"{len(args.apks)} APKs x {args.copies} copies = {len(args.apks) * args.copies} builds, "
              f"{size / 1e6:.1f} MB, code analysis {'off' if args.no_code else 'on'}, "
              f"{os.cpu_count()} CPUs")
        print(f"{'workers':>7} {'builds':>6} {'wall s':>7} {'builds/min':>10} {'CPU s':>7} {'builds/CPU-min':>14} "
              f"{'peak MiB/worker':>15}")
        rows = []
        for workers in (1, 2):
            row = measure(builds, Path(tmp) / f"out-{workers}", workers, not args.no_code)
            rows.append(row)
            print(f"{row['workers']:>7} {row['builds']:>6} {row['wall_s']:>7.2f} {row['builds_per_min']:>10.1f} "
                  f"{row['cpu_s']:>7.2f} {row['builds_per_cpu_min']:>14.1f} {row['peak_worker_mib']:>15.0f}", flush=True)
    speedup = rows[1]["builds_per_min"] / rows[0]["builds_per_min"]
    worst = max(r["peak_worker_mib"] for r in rows)
    print(f"speed-up 2 vs 1 workers: {speedup:.2f}x; scaling efficiency: {speedup / 2:.2f}")
    print(f"peak RSS per worker: {worst:.0f} MiB ({'under' if worst < BOUND_MIB else 'OVER'} the "
          f"{BOUND_MIB} MiB single-scan bound)")
    if args.json:
        args.json.write_text(json.dumps({"runs": rows, "speedup": round(speedup, 3),
                                         "efficiency": round(speedup / 2, 3)}, indent=2) + "\n")
    return 0 if worst < BOUND_MIB else 1


if __name__ == "__main__":
    sys.exit(main())
