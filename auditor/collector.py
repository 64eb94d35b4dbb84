"""Python's cyclic garbage collector paused around a large, allocation-heavy step, or around what a
command-line process builds once and keeps until it exits.

The code analysis and the policy reader allocate ~10^6 short-lived objects (method keys, lines, claims, the
report's dicts) and no reference cycles worth collecting early; each automatic full pass of the collector
walks the whole heap (10-15 % of the time on a large build or a 5 MB policy). Reference counting still
frees everything that is not in a cycle; the collector is restored on the way out.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the ``with`` block (restored as it was, also on an exception)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def kept_until_exit() -> Iterator[None]:
    """For a block of a command-line process that builds what the process keeps until it exits (a
    command's modules, the loaded catalog and scanner): the collector is paused while the block runs, and
    everything alive at its end is moved out of later collections (``gc.freeze``). Otherwise each automatic
    pass walks those ~10^5 objects again for nothing (~0.1 s of a scan), and a forked scan child would touch
    their pages. Not for library code: freezing concerns the whole process."""
    with collector_paused():
        try:
            yield
        finally:
            gc.freeze()
