"""The reachable graph around personal-data call sites, for Gephi or yEd (``auditor scan --callgraph``).

Nodes are the methods on the reported paths (entry point first) and the personal-data APIs; edges are the
calls of those paths and the call sites themselves. Built from the scan's :class:`~auditor.model.DataAccess`
rows only (pure, no re-analysis); networkx is imported here and nowhere on the scan's hot path.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from itertools import pairwise

from auditor.model import DataAccess

_RANK = {"startup": 0, "self-start": 1, "gated": 2, "later": 3, "dead": 4}


def to_graphml(sites: Iterable[DataAccess]) -> str:
    """GraphML text: node attributes ``kind`` (entry, method, api), ``owner``, ``reachability`` (the
    earliest of the sites it leads to), ``data_type`` (APIs); edge attributes ``kind`` (call, site),
    ``gate``, ``period_ms`` (0: not repeated or not constant)."""
    import networkx as nx

    graph: nx.DiGraph[str] = nx.DiGraph()

    def mark(node: str, reach: str, **attrs: str) -> None:
        old = graph.nodes[node].get("reachability") if node in graph else None
        if old is None or _RANK.get(reach, 9) < _RANK.get(old, 9):
            attrs["reachability"] = reach
        if node in graph:
            graph.nodes[node].update(attrs)
        else:
            graph.add_node(node, **attrs)

    for site in sites:
        caller = f"{site.caller_class}.{site.caller_method.split('(')[0]}"
        chain = list(site.path) if site.path else [caller]
        for i, step in enumerate(chain):
            mark(step, site.reachability, kind="entry" if i == 0 and site.path else "method",
                 owner=site.owner if step == caller else graph.nodes[step].get("owner", "") if step in graph else "")
        for a, b in pairwise(chain):
            graph.add_edge(a, b, kind="call")
        mark(site.api, site.reachability, kind="api", data_type=site.data_type)
        graph.add_edge(chain[-1], site.api, kind="site", gate=site.gate, period_ms=site.period_ms or 0)
    out = io.BytesIO()
    nx.write_graphml(graph, out)
    return out.getvalue().decode("utf-8")


__all__ = ["to_graphml"]
