"""Python's cyclic garbage collector paused around a large, allocation-heavy step.

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
