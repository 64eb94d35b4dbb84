"""Run ``python -m auditor`` in a fresh process with a wall-clock limit, and measure it: exit code, output,
elapsed seconds and the peak RSS of the process tree (``wait4``: the largest of the process and the
children it waited for, i.e. the bounded scan child too)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOG = str(ROOT / "tests" / "data" / "catalog-mini")
DEMO = str(ROOT / "samples" / "demo-app.apk")
TARGET_SECONDS = 10.0
"""The issue's target: every hostile case ends within 10 s..."""
MEMORY_CAP_MIB = 1024
"""... and under the default memory cap (``--max-memory 1024``)."""


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mib: float

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


def run_cli(*args: str | os.PathLike[str], timeout: float = 3 * TARGET_SECONDS, cwd: Path = ROOT,
            stdin: int | None = subprocess.DEVNULL) -> Run:
    """The CLI with ``args``; killed (and the test failed) past ``timeout`` seconds."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("AUDITOR_DEBUG", None)
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "auditor", *map(os.fsdecode, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=stdin, cwd=cwd, env=env, start_new_session=True)
    chunks: dict[str, bytes] = {}
    readers = [threading.Thread(target=lambda n=n, s=s: chunks.__setitem__(n, s.read()))
               for n, s in (("out", proc.stdout), ("err", proc.stderr))]
    for reader in readers:
        reader.start()
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            os.wait4(proc.pid, 0)
            proc.returncode = -9
            raise AssertionError(f"auditor {' '.join(map(os.fsdecode, args))} still running after {timeout} s")
        time.sleep(0.02)
    seconds = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join(timeout)
    return Run(proc.returncode, chunks.get("out", b"").decode("utf-8"), chunks.get("err", b"").decode("utf-8"),
               seconds, usage.ru_maxrss / 1024)


def assert_refused(run: Run, code: int, *fragments: str) -> None:
    """Exit ``code`` with exactly one ``auditor: error:`` line holding ``fragments``, on time, under the cap."""
    assert run.code == code, (run.code, run.stderr[-2000:])
    assert len(run.lines) == 1 and run.lines[0].startswith("auditor: error: "), run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    for fragment in fragments:
        assert fragment in run.lines[0], run.lines[0]
    assert run.seconds < TARGET_SECONDS, f"took {run.seconds:.1f} s"
    assert run.peak_mib < MEMORY_CAP_MIB, f"peak RSS {run.peak_mib:.0f} MiB"
