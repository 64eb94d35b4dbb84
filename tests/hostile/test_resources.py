"""run_bounded: memory and time caps in a forked child, the bound named in the error, errors carried back."""

from __future__ import annotations

import os
import signal
import time

import pytest

from auditor.errors import BuildError, CatalogError, ExitCode, PolicyError
from auditor.resources import ResourceLimitError, ResourceLimits, fork_available, run_bounded

pytestmark = pytest.mark.skipif(not fork_available(), reason="needs fork")
MiB = 1 << 20


def _allocate(n: int) -> int:
    return len(bytearray(n))


def _segfault_self() -> None:
    import faulthandler

    faulthandler.disable()  # pytest's faulthandler would dump the child's stack: expected, so keep it quiet
    os.kill(os.getpid(), signal.SIGSEGV)  # evaluated in the child: kills the child only


def _raise(exc: BaseException) -> None:
    raise exc


def test_result_comes_back():
    assert run_bounded(_allocate, (10 * MiB,), ResourceLimits(max_memory=256 * MiB)) == 10 * MiB


def test_memory_bound_is_named():
    with pytest.raises(ResourceLimitError, match="app.apk: exceeded the memory bound of 128 MiB") as info:
        run_bounded(_allocate, (1024 * MiB,), ResourceLimits(max_memory=128 * MiB), label="app.apk")
    assert info.value.bound == "memory" and info.value.exit_code == ExitCode.BAD_BUILD


def test_time_bound_is_named():
    start = time.monotonic()
    with pytest.raises(ResourceLimitError, match="exceeded the time bound of 0.5 s") as info:
        run_bounded(time.sleep, (30,), ResourceLimits(max_seconds=0.5))
    assert info.value.bound == "time" and time.monotonic() - start < 5


def test_crash_in_the_child_does_not_take_the_caller_down():
    with pytest.raises(ResourceLimitError, match="killed by SIGSEGV") as info:
        run_bounded(_segfault_self)
    assert info.value.bound == "crash"


@pytest.mark.parametrize("exc", [BuildError("x.apk: broken"), PolicyError("p.html: empty"),
                                 CatalogError(["a.yaml: bad", "b.yaml: bad"]), ValueError("plain")])
def test_errors_keep_their_message_and_exit_code(exc):
    with pytest.raises(Exception) as info:
        run_bounded(_raise, (exc,))
    assert str(info.value) == str(exc)
    assert getattr(info.value, "exit_code", None) == getattr(exc, "exit_code", None)


def test_no_bounds_runs_inline():
    assert run_bounded(os.getpid, (), ResourceLimits(max_memory=None, max_seconds=None)) == os.getpid()


def test_the_callers_limits_are_untouched():
    import resource

    before = resource.getrlimit(resource.RLIMIT_AS)
    run_bounded(_allocate, (MiB,), ResourceLimits(max_memory=64 * MiB))
    assert resource.getrlimit(resource.RLIMIT_AS) == before


def test_kept_until_exit_pauses_the_collector_then_freezes_what_was_built():
    import gc

    from auditor.collector import kept_until_exit

    was = gc.isenabled()
    frozen_before = gc.get_freeze_count()
    try:
        with kept_until_exit():
            assert not gc.isenabled()
            kept = [[i] for i in range(1000)]
        assert gc.isenabled() == was
        assert gc.get_freeze_count() >= frozen_before + len(kept)
    finally:
        gc.unfreeze()
