#!/usr/bin/env python3
"""How long ``auditor policy`` takes on a large policy (target: 5 MB in under 3 s).

    python bench/bench_policy.py [--mb 5] [--runs 3] [--distinct] [--unbounded]

Builds policies of about ``--mb`` megabytes from our own samples (``samples/policies``: tables, key-value
blocks, lists, prose, Chinese and English), as plain text, Markdown and HTML, and times
``python -m auditor policy FILE --format json`` in a fresh process (wall time, best of ``--runs``; peak RSS;
CPU time of the child). The samples repeat with their SDK names varied 97 ways; ``--distinct`` varies them
in every copy instead (far fewer repeated lines and names: the reader analyses each distinct line and
resolves each distinct name once). A policy over the loader's bounds (``auditor.policy.loader.MAX_POLICY_CHARS``
characters of text, ``auditor.policy.html_text.MAX_ELEMENTS`` HTML elements) is refused with exit 4; the
table says so and how long the refusal took. ``--unbounded`` lifts those two bounds in the child process
only, to time the reader itself on inputs of any size. Nothing here is a test: the figures go into the
README.
"""

from __future__ import annotations

import argparse
import html
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "policies"
TEXT_SAMPLES = ("kv_block_zh.txt", "pipe_table_zh.txt", "flat_cells_en.txt", "numbered_list_zh.txt",
                "prose_only_en.txt", "kv_block_en.txt", "pipe_cells_zh.txt")


def build(target: Path, fmt: str, size: int, distinct: bool = False) -> Path:
    parts = [(SAMPLES / name).read_text(encoding="utf-8") for name in TEXT_SAMPLES]
    chunks: list[str] = []
    total = 0
    i = 0
    while total < size:
        part = parts[i % len(parts)].replace("SDK", f"SDK{i if distinct else i % 97}")  # vary the names
        if fmt == "html":
            part = "".join(f"<p>{html.escape(line)}</p>\n" for line in part.splitlines())
        chunks.append(part)
        total += len(part.encode("utf-8"))
        i += 1
    body = "\n".join(chunks)
    if fmt == "html":
        table = (SAMPLES / "html_table_en.html").read_text(encoding="utf-8")
        body = f"<html><body>{body}\n{table}</body></html>"
    path = target / f"large.{ {'text': 'txt', 'markdown': 'md', 'html': 'html'}[fmt] }"
    path.write_text(body, encoding="utf-8")
    return path


_UNBOUNDED = ("import sys, auditor.policy.loader as L, auditor.policy.html_text as H; "
              "L.MAX_POLICY_CHARS = H.MAX_ELEMENTS = 10**9; from auditor.cli import main; "
              "sys.argv[0] = 'auditor'; main()")


def run(path: Path, unbounded: bool) -> tuple[float, float, float, str]:
    """Wall seconds, peak RSS (MiB), CPU seconds of the child, and "ok" or the one-line refusal."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    head = [sys.executable, "-c", _UNBOUNDED] if unbounded else [sys.executable, "-m", "auditor"]
    done = subprocess.run(head + ["policy", str(path), "--format", "json", "-o", "/dev/null"],
                          cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = max(before.ru_maxrss, after.ru_maxrss) / 1024
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode not in (0, 4):
        raise SystemExit(f"auditor policy failed ({done.returncode}): {done.stderr.strip()}")
    outcome = "ok" if done.returncode == 0 else "refused: " + done.stderr.strip().split(": ", 3)[-1]
    return wall, peak, cpu, outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--distinct", action="store_true", help="vary the SDK names in every copy of a sample")
    parser.add_argument("--unbounded", action="store_true",
                        help="lift the loader's text and HTML element bounds in the child (time the reader itself)")
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'format':<10}{'size':>10}{'chars':>10}{'lines':>9}{'best wall':>12}{'cpu':>9}{'peak RSS':>11}  outcome")
        for fmt in ("text", "markdown", "html"):
            path = build(Path(tmp), fmt, int(args.mb * 1024 * 1024), args.distinct)
            results = [run(path, args.unbounded) for _ in range(args.runs)]
            best = min(results, key=lambda r: r[0])
            peak = max(r[1] for r in results)
            text = path.read_text(encoding="utf-8")
            print(f"{fmt:<10}{path.stat().st_size / 1e6:>8.2f}MB{len(text):>10}{text.count(chr(10)):>9}"
                  f"{best[0]:>10.2f} s{best[2]:>7.2f} s{peak:>8.0f} MiB  {best[3]}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
