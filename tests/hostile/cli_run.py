"""Run ``python -m auditor`` in a fresh process with a wall-clock limit, and measure it: exit code, output,
elapsed seconds, the peak RSS of the process tree (``wait4``: the largest of the process and the children
it waited for, i.e. the bounded scan child too), and whatever it left in its own temporary directory
(``TMPDIR``): a refused input must leave nothing behind.

``honour_permissions=True`` runs the CLI without root's permission override (``setpriv`` drops
CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH), so an unreadable file or a read-only directory behaves as it does
for every other user: CI often runs the tests as root."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMINGS = os.environ.get("AUDITOR_HOSTILE_TIMINGS")
"""When set: a file each run appends one JSON line to (test, exit code, seconds, peak MiB): the checklist."""
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
    leftovers: tuple[str, ...] = ()
    """Files the run left in its temporary directory."""

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


_DROP_DAC = "-dac_override,-dac_read_search"


def _unprivileged() -> list[str]:
    """A command prefix under which file permissions hold (empty when not root)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root ignores file permissions and setpriv (util-linux) is not installed to drop that")
    return [setpriv, f"--inh-caps={_DROP_DAC}", f"--bounding-set={_DROP_DAC}"]


def run_cli(*args: str | os.PathLike[str], timeout: float = 3 * TARGET_SECONDS, cwd: Path = ROOT,
            stdin: int | None = subprocess.DEVNULL, honour_permissions: bool = False) -> Run:
    """The CLI with ``args``; killed (and the test failed) past ``timeout`` seconds."""
    prefix = _unprivileged() if honour_permissions else []
    with tempfile.TemporaryDirectory(prefix="auditor-run-") as scratch:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1", "TMPDIR": scratch}
        env.pop("AUDITOR_DEBUG", None)
        run = _run([*prefix, sys.executable, "-m", "auditor", *map(os.fsdecode, args)], timeout, cwd, stdin, env)
        leftovers = tuple(sorted(os.listdir(scratch)))
    if TIMINGS:
        with open(TIMINGS, "a", encoding="utf-8") as log:
            log.write(json.dumps({"test": os.environ.get("PYTEST_CURRENT_TEST", "").split(" ")[0], "exit": run.code,
                                  "seconds": round(run.seconds, 2), "peak_mib": round(run.peak_mib)}) + "\n")
    return Run(run.code, run.stdout, run.stderr, run.seconds, run.peak_mib, leftovers)


def _run(command: list[str], timeout: float, cwd: Path, stdin: int | None, env: dict[str, str]) -> Run:
    start = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=stdin, cwd=cwd, env=env,
                            start_new_session=True)
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
            raise AssertionError(f"{' '.join(command)} still running after {timeout} s")
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
    assert run.leftovers == (), f"left behind in TMPDIR: {run.leftovers}"
