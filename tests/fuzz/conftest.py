"""Fuzz suite settings: how many examples per target, seeds from the real corpus, mutation operators, and the
case counts printed at the end of the run.

    pytest tests/fuzz                                  # CI: AUDITOR_FUZZ_EXAMPLES defaults to 40 per target
    AUDITOR_FUZZ_EXAMPLES=20000 AUDITOR_FUZZ_RANDOM=1 pytest tests/fuzz   # by hand: the long, random mode

By default the examples are derandomised (the same inputs on every run): a test suite that gates landings must
not pass or fail by luck, and a failure it shows is reproducible by re-running it. The long mode draws fresh
random inputs (``AUDITOR_FUZZ_RANDOM=1``); a failure there prints its reproduction blob.

Invariants held by every target: only :class:`auditor.errors.AuditorError` subclasses escape, each example
finishes within ``AUDITOR_FUZZ_EXAMPLE_SECONDS`` (default 10), and the process's peak RSS grows by less than
``AUDITOR_FUZZ_MAX_RSS_MB`` (default 512) over a whole target. No example database is written.
"""

from __future__ import annotations

import os
import resource
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from auditor.errors import AuditorError

EXAMPLES = int(os.environ.get("AUDITOR_FUZZ_EXAMPLES", "40"))
EXAMPLE_SECONDS = float(os.environ.get("AUDITOR_FUZZ_EXAMPLE_SECONDS", "10"))
MAX_RSS_MB = float(os.environ.get("AUDITOR_FUZZ_MAX_RSS_MB", "512"))
RANDOM = os.environ.get("AUDITOR_FUZZ_RANDOM", "") not in ("", "0")

FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, print_blob=True, derandomize=not RANDOM,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])

_INTERESTING_INTS = (0, 1, 2, 3, 4, 7, 8, 0x10, 0x1C, 0x70, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF,
                     0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF)


def _flip(data: bytearray, pos: int, arg: int) -> None:
    if data:
        data[pos % len(data)] ^= 1 << (arg % 8)


def _set_byte(data: bytearray, pos: int, arg: int) -> None:
    if data:
        data[pos % len(data)] = (0, 0xFF, 0x7F, 0x80, arg & 0xFF)[arg % 5]


def _set_int(data: bytearray, pos: int, arg: int) -> None:
    if len(data) >= 4:
        value = _INTERESTING_INTS[arg % len(_INTERESTING_INTS)]
        at = (pos % (len(data) - 3)) & ~(3 if arg % 2 else 0)
        data[at:at + 4] = value.to_bytes(4, "little")


def _set_short(data: bytearray, pos: int, arg: int) -> None:
    if len(data) >= 2:
        value = _INTERESTING_INTS[arg % len(_INTERESTING_INTS)] & 0xFFFF
        at = pos % (len(data) - 1)
        data[at:at + 2] = value.to_bytes(2, "little")


def _truncate(data: bytearray, pos: int, arg: int) -> None:
    if data:
        del data[pos % len(data):]


def _splice(data: bytearray, pos: int, arg: int) -> None:
    """Copy a slice of the input over another place (duplicates headers, tables, entries)."""
    if len(data) > 8:
        start = arg % len(data)
        size = 1 + (arg >> 8) % min(256, len(data) - start)
        chunk = data[start:start + size]
        at = pos % len(data)
        data[at:at + len(chunk)] = chunk


def _insert(data: bytearray, pos: int, arg: int) -> None:
    at = pos % (len(data) + 1)
    data[at:at] = bytes([arg & 0xFF]) * (1 + (arg >> 8) % 64)


def _delete(data: bytearray, pos: int, arg: int) -> None:
    if data:
        at = pos % len(data)
        del data[at:at + 1 + arg % 64]


MUTATORS: tuple[Callable[[bytearray, int, int], None], ...] = (
    _flip, _set_byte, _set_int, _set_short, _truncate, _splice, _insert, _delete, _flip, _set_int,
)


@st.composite
def mutated(draw: Any, seeds: list[bytes], max_mutations: int = 6) -> bytes:
    """One seed, then 0..max_mutations operators at drawn positions (0 mutations: the seed itself)."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(0, max_mutations))):
        op = draw(st.sampled_from(MUTATORS))
        op(data, draw(st.integers(0, 1 << 32)), draw(st.integers(0, 1 << 24)))
    return bytes(data)


class FuzzRun:
    """Counts examples per target and holds the invariants (typed errors only, time per example)."""

    def __init__(self, counts: Counter[str], target: str) -> None:
        self.counts = counts
        self.target = target
        self.rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    def check(self, fn: Callable[[], Any]) -> None:
        self.counts[self.target] += 1
        start = time.monotonic()
        try:
            fn()
        except AuditorError as exc:
            self.counts[self.target + " (typed error)"] += 1
            message = str(exc)
            assert message and "\n" not in message, repr(message)
        elapsed = time.monotonic() - start
        assert elapsed < EXAMPLE_SECONDS, f"{self.target}: one example took {elapsed:.1f} s"

    def finish(self) -> None:
        grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - self.rss_before) / 1024
        self.counts[self.target + " (peak RSS growth MB)"] = int(grown_mb)
        assert grown_mb < MAX_RSS_MB, f"{self.target}: peak RSS grew by {grown_mb:.0f} MB"


@pytest.fixture(scope="session")
def fuzz_counts(request: pytest.FixtureRequest) -> Counter[str]:
    counts: Counter[str] = Counter()
    request.config.stash[_COUNTS] = counts
    return counts


@pytest.fixture
def fuzz_run(request: pytest.FixtureRequest, fuzz_counts: Counter[str]) -> Any:
    run = FuzzRun(fuzz_counts, request.node.name)
    yield run
    run.finish()


_COUNTS = pytest.StashKey[Counter]()
_HOME = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    """Hypothesis keeps caches in ``.hypothesis/`` even without a database: keep them out of the work tree."""
    from hypothesis.configuration import set_hypothesis_home_dir

    home = tempfile.mkdtemp(prefix="auditor-hypothesis-")
    config.stash[_HOME] = home
    set_hypothesis_home_dir(home)


def pytest_unconfigure(config: pytest.Config) -> None:
    home = config.stash.get(_HOME, None)
    if home:
        shutil.rmtree(home, ignore_errors=True)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    counts = config.stash.get(_COUNTS, None)
    if not counts:
        return
    terminalreporter.section(f"fuzz cases (AUDITOR_FUZZ_EXAMPLES={EXAMPLES})")
    for name in sorted(counts):
        terminalreporter.write_line(f"{name}: {counts[name]}")
