"""Reachability of call sites: breadth-first search from the entry points over the call graph."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from auditor.code.entrypoints import EntryPoints
from auditor.code.graph import UNSEEN, CallGraph, bfs, path_to

STARTUP = "startup"
REACHABLE = "reachable"
DEAD = "dead"


@dataclass(frozen=True)
class Reach:
    """How one method is reached."""

    status: str
    """:data:`STARTUP`, :data:`REACHABLE` or :data:`DEAD`."""
    path: tuple[int, ...] = ()
    """Node ids from an entry point to the method (shortest; empty when dead)."""


def classify(graph: CallGraph, entries: EntryPoints, nodes: set[int],
             not_at_startup: npt.NDArray[np.bool_] | None = None) -> dict[int, Reach]:
    """Status and path of each node in ``nodes``: start-up first (a search that does not enter
    ``not_at_startup``), then any entry point, else dead."""
    startup = bfs(graph, entries.startup, not_at_startup)
    reachable = bfs(graph, entries.reachable)
    out: dict[int, Reach] = {}
    for node in nodes:
        if startup[node] != UNSEEN:
            out[node] = Reach(STARTUP, path_to(startup, node))
        elif reachable[node] != UNSEEN:
            out[node] = Reach(REACHABLE, path_to(reachable, node))
        else:
            out[node] = Reach(DEAD)
    return out
