#!/usr/bin/env python3
"""How long ``auditor policy`` takes on a large policy (target: 5 MB in under 3 s).

    python bench/bench_policy.py [--mb 5] [--runs 3]

Builds policies of about ``--mb`` megabytes from our own samples (``samples/policies``: tables, key-value
blocks, lists, prose, Chinese and English), as plain text, Markdown and HTML, and times
``python -m auditor policy FILE --format json`` in a fresh process (wall time, best of ``--runs``; peak RSS).
Nothing here is a test: the figures go into the README.
"""

from __future__ import annotations

import argparse
import html
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


def build(target: Path, fmt: str, size: int) -> Path:
    parts = [(SAMPLES / name).read_text(encoding="utf-8") for name in TEXT_SAMPLES]
    chunks: list[str] = []
    total = 0
    i = 0
    while total < size:
        part = parts[i % len(parts)].replace("SDK", f"SDK{i % 97}")  # vary names so nothing is cached
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


def run(path: Path) -> tuple[float, float]:
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, "-m", "auditor", "policy", str(path), "--format", "json", "-o", "/dev/null"],
                   check=True, cwd=ROOT)
    wall = time.perf_counter() - start
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return wall, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'format':<10}{'size':>10}{'lines':>9}{'best wall':>12}{'peak RSS':>11}")
        for fmt in ("text", "markdown", "html"):
            path = build(Path(tmp), fmt, int(args.mb * 1024 * 1024))
            results = [run(path) for _ in range(args.runs)]
            wall = min(r[0] for r in results)
            peak = max(r[1] for r in results)
            lines = path.read_text(encoding="utf-8").count("\n")
            print(f"{fmt:<10}{path.stat().st_size / 1e6:>8.1f}MB{lines:>9}{wall:>10.2f} s{peak:>8.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
