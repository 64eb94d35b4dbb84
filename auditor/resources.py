"""Run one unit of work (a scan of one build) under a memory cap and a time cap, and say which bound it hit.

:func:`run_bounded` forks a child process (``multiprocessing`` 'fork' context), lowers the child's
``RLIMIT_AS`` to its current address space plus :attr:`ResourceLimits.max_memory` (and ``RLIMIT_CPU`` as a
backstop), runs the function there and sends the result back through a pipe. The parent waits at most
:attr:`ResourceLimits.max_seconds`, then kills the child. Nothing is global: the limits are a value passed
in, and the calling process's own limits are never touched. A crash in a C parser (lief, lxml) also stays in
the child and comes back as a :class:`ResourceLimitError` instead of taking the CLI down.

Where ``fork`` does not exist (Windows) or both bounds are ``None``, the function runs in-process, unbounded.
"""

from __future__ import annotations

import errno
import math
import pickle
import signal
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from auditor.errors import AuditorError, BuildError, ExitCode

MiB = 1024 * 1024
T = TypeVar("T")
DEFAULT_MAX_SECONDS = 300.0
"""Default wall-clock bound of one build: the slowest real build of the corpus took 39 s on the shared 2-core
machine under load (``bench/bench_slowest.py``, see the README's "Resource bounds"); 300 s keeps a margin
of more than 7x while a hang fails a CI gate in five minutes, not fifteen."""


@dataclass(frozen=True)
class ResourceLimits:
    """Bounds for one scan. Passed in; never global."""

    max_memory: int | None = 1024 * MiB
    """Bytes the scan may add to its address space (``None``: no cap)."""
    max_seconds: float | None = DEFAULT_MAX_SECONDS
    """Wall-clock seconds for the scan (``None``: no cap)."""


class ResourceLimitError(BuildError):
    """A scan hit a resource bound (``bound`` is ``"memory"`` or ``"time"``) or its process died (``"crash"``)."""

    def __init__(self, bound: str, message: str) -> None:
        self.bound = bound
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.bound, str(self)))


class _RemoteError(AuditorError):
    """An :class:`AuditorError` from the child that does not survive pickling; keeps message and exit code."""

    def __init__(self, message: str, exit_code: int, kind: str) -> None:
        self.exit_code = ExitCode(exit_code)
        self.kind = kind
        super().__init__(message)


def fork_available() -> bool:
    import multiprocessing  # here, not at import: the CLI reads DEFAULT_MAX_SECONDS on every start

    return "fork" in multiprocessing.get_all_start_methods()


def run_bounded(fn: Callable[..., T], args: tuple[Any, ...] = (), limits: ResourceLimits | None = None,
                label: str = "scan") -> T:
    """``fn(*args)`` in a child process within ``limits``; its result, or the exception it raised.

    Raises :class:`ResourceLimitError` naming the bound when the child runs out of memory, out of time, or
    dies. Exceptions raised by ``fn`` are re-raised here with their type and message (an
    :class:`AuditorError` keeps its exit code even when its type cannot cross the process boundary).
    ``label`` starts every message (e.g. the build path). The result must be picklable.
    """
    limits = limits or ResourceLimits()
    if (limits.max_memory is None and limits.max_seconds is None) or not fork_available():
        return fn(*args)
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(sender, fn, args, limits), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(limits.max_seconds):
            raise ResourceLimitError("time", f"{label}: exceeded the time bound of {limits.max_seconds:g} s")
        try:
            kind, value = receiver.recv()
        except (EOFError, OSError):
            process.join(5)
            raise _died(process.exitcode, limits, label) from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
    if kind == "ok":
        return value  # type: ignore[no-any-return]
    if kind == "memory":
        raise ResourceLimitError("memory", f"{label}: exceeded the memory bound of {_mib(limits.max_memory)}")
    if kind == "cpu":
        raise ResourceLimitError("time", f"{label}: exceeded the time bound of {limits.max_seconds:g} s")
    if kind == "remote":
        message, code, type_name = value
        raise _RemoteError(message, code, type_name)
    raise value


def _died(exitcode: int | None, limits: ResourceLimits, label: str) -> ResourceLimitError:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if -exitcode == getattr(signal, "SIGXCPU", -1):
            return ResourceLimitError("time", f"{label}: exceeded the CPU time bound of {limits.max_seconds:g} s")
        return ResourceLimitError("crash", f"{label}: the scan process was killed by {name} (memory bound of "
                                           f"{_mib(limits.max_memory)} reached, or a parser crashed)")
    return ResourceLimitError("crash", f"{label}: the scan process exited without a result (code {exitcode})")


def _mib(value: int | None) -> str:
    return "none" if value is None else f"{value / MiB:g} MiB"


def _child(sender: Any, fn: Callable[..., Any], args: tuple[Any, ...], limits: ResourceLimits) -> None:
    payload: tuple[str, Any]
    try:
        _limit_self(limits)
        payload = ("ok", fn(*args))
    except MemoryError:
        payload = ("memory", None)
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
        payload = ("memory", None) if limits.max_memory is not None and _out_of_memory(exc) else _portable(exc)
    try:
        sender.send(payload)
    except MemoryError:
        sender.send(("memory", None))
    except Exception as exc:  # noqa: BLE001 - an unpicklable result
        sender.send(("error", RuntimeError(f"result cannot be sent back: {type(exc).__name__}: {exc}")))
    sender.close()


def _out_of_memory(exc: BaseException) -> bool:
    """An allocation refused under RLIMIT_AS that does not surface as MemoryError (mmap of a library...)."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOMEM:
        return True
    return isinstance(exc, (ImportError, OSError)) and any(
        text in str(exc) for text in ("failed to map segment", "Cannot allocate memory"))


def _limit_self(limits: ResourceLimits) -> None:
    import resource

    if limits.max_memory is not None:
        base = _address_space()
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = base + limits.max_memory
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    if limits.max_seconds is not None:
        _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
        used = resource.getrusage(resource.RUSAGE_SELF)
        cpu = int(used.ru_utime + used.ru_stime + math.ceil(limits.max_seconds)) + 2
        if hard != resource.RLIM_INFINITY:
            cpu = min(cpu, hard)
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, hard))


def _address_space() -> int:
    """Current virtual size of this process (``/proc/self/statm``; 0 where it is unavailable)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    import resource

    return pages * resource.getpagesize()


def _portable(exc: BaseException) -> tuple[str, Any]:
    """The exception as it will cross the pipe: itself when it pickles faithfully, else its essentials."""
    try:
        clone = pickle.loads(pickle.dumps(exc))
        if type(clone) is type(exc) and str(clone) == str(exc):
            return ("error", exc)
    except Exception:  # noqa: BLE001, S110 - unpicklable exception types: sent in essentials below
        pass
    if isinstance(exc, AuditorError):
        return ("remote", (str(exc), int(exc.exit_code), type(exc).__name__))
    return ("error", RuntimeError(f"{type(exc).__name__}: {exc}"))
