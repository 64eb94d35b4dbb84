"""Reachability of call sites: breadth-first search from the entry points over the call graph."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # networkx is imported where the graph is built: a scan without reachability skips it
    import networkx as nx

from auditor.code.entrypoints import EntryPoints

STARTUP = "startup"
REACHABLE = "reachable"
DEAD = "dead"
_ROOT = -1


@dataclass(frozen=True)
class Reach:
    """How one method is reached."""

    status: str
    """:data:`STARTUP`, :data:`REACHABLE` or :data:`DEAD`."""
    path: tuple[int, ...] = ()
    """Node ids from an entry point to the method (shortest; empty when dead)."""


def _bfs_tree(graph: nx.DiGraph[int], roots: tuple[int, ...], blocked: frozenset[int] = frozenset()
              ) -> dict[int, int]:
    """Predecessor of every node reachable from ``roots`` without entering ``blocked`` nodes (roots map
    to the virtual root)."""
    if not roots:
        return {}
    graph.add_edges_from((_ROOT, r) for r in roots)
    try:
        import networkx as nx

        view = nx.restricted_view(graph, blocked, []) if blocked else graph
        return dict(nx.bfs_predecessors(view, _ROOT))
    finally:
        graph.remove_node(_ROOT)


def _path(tree: dict[int, int], node: int) -> tuple[int, ...]:
    path = [node]
    while True:
        parent = tree[path[-1]]
        if parent == _ROOT:
            break
        path.append(parent)
    return tuple(reversed(path))


def classify(graph: nx.DiGraph[int], entries: EntryPoints, nodes: set[int],
             not_at_startup: frozenset[int] = frozenset()) -> dict[int, Reach]:
    """Status and path of each node in ``nodes``: start-up first (a search that does not enter
    ``not_at_startup``), then any entry point, else dead."""
    startup = _bfs_tree(graph, entries.startup, not_at_startup - set(entries.startup))
    reachable = _bfs_tree(graph, entries.reachable)
    out: dict[int, Reach] = {}
    for node in nodes:
        if node in startup:
            out[node] = Reach(STARTUP, _path(startup, node))
        elif node in reachable:
            out[node] = Reach(REACHABLE, _path(reachable, node))
        else:
            out[node] = Reach(DEAD)
    return out
