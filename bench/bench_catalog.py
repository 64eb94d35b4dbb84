#!/usr/bin/env python3
"""Benchmark: how long loading the bundled SDK catalog takes (target: under 0.2 s).

Each repetition is a fresh process that imports the loader and times ``load_catalog()`` alone (the compiled
copy ``sdk_catalog/_compiled.json`` is used while it matches the YAML; ``--yaml`` times the full YAML
parse and validation instead, by pointing the loader at a copy without the compiled file).

    python bench/bench_catalog.py [--repeat 7] [--yaml]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CHILD = ("import sys, time\nsys.path.insert(0, {root!r})\nfrom auditor.catalog import load_catalog\n"
          "t = time.perf_counter(); c = load_catalog({path!r}); d = time.perf_counter() - t\n"
          "print(f'{{d:.4f}} {{len(c)}} {{len(c.vendors)}}')\n")


def run(path: str | None, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", _CHILD.format(root=str(ROOT), path=path)],
                             capture_output=True, text=True, check=True).stdout.split()
        times.append(float(out[0]))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--yaml", action="store_true", help="time the YAML parse (no compiled copy)")
    args = parser.parse_args()
    if args.yaml:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "catalog"
            shutil.copytree(ROOT / "sdk_catalog", copy)
            (copy / "_compiled.json").unlink()
            times = run(str(copy), args.repeat)
    else:
        times = run(None, args.repeat)
    print(f"load_catalog ({'YAML' if args.yaml else 'compiled'}): median {statistics.median(times):.3f} s, "
          f"min {min(times):.3f} s, max {max(times):.3f} s over {len(times)} fresh processes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
