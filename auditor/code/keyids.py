"""Method keys as integers: the class, the name and the prototype of every method node, each numbered
across the whole build (one table of strings per part), read from the DEX ``method_ids`` tables without a
Python object per method; and two sort-based array helpers.

The numbers follow the order the strings are first met (DEX files in build order); they identify, they
do not order (see :mod:`auditor.code.hierarchy` for the one place where an order of keys matters).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.int64]
Column = tuple[Array, list[str]]
"""Per method id: position of its value in the list of distinct strings; those strings."""


def distinct(values: Array) -> Array:
    """The distinct values, ascending (sort-based: numpy 2's hash-based ``unique`` is ~50x slower on
    large integer keys)."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def member(values: Array, ordered: Array) -> npt.NDArray[np.bool_]:
    """Whether each value is in ``ordered`` (ascending, distinct); sort-based like :func:`distinct`."""
    if not len(ordered):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(ordered, values), len(ordered) - 1)
    return ordered[at] == values  # type: ignore[no-any-return]


def column(values: Array, table: list[str] | None, resolve: Callable[[int], str]) -> Column:
    """One part of the method ids (class type, name string or proto indices): each distinct index
    resolved once, from ``table`` when it covers them, else by ``resolve``."""
    found = distinct(values)
    indices = found.tolist()
    if table is not None and (not indices or indices[-1] < len(table)):
        names = [table[i] for i in indices]
    else:
        names = [resolve(i) for i in indices]
    return np.searchsorted(found, values), names


@dataclass
class KeyIds:
    """Node -> class, name and prototype number (-1 where a node was not read from a DEX table)."""

    tables: tuple[dict[str, int], dict[str, int], dict[str, int]] = field(default_factory=lambda: ({}, {}, {}))
    columns: list[Array] = field(default_factory=lambda: [np.zeros(0, dtype=np.int64) for _ in range(3)])

    def number(self, part: int, names: list[str]) -> Array:
        """The numbers of strings of one part (class 0, name 1, prototype 2), new ones numbered on."""
        table = self.tables[part]
        return np.array([table.setdefault(name, len(table)) for name in names], dtype=np.int64)

    def add(self, nodes: Array, parts: tuple[Column, Column, Column]) -> None:
        """Record the method ids of one DEX file (``nodes``: their node numbers)."""
        if not len(nodes):
            return
        size = int(nodes.max()) + 1
        for part, (at, names) in enumerate(parts):
            col = self.columns[part]
            if len(col) < size:
                col = self.columns[part] = np.concatenate([col, np.full(size - len(col), -1, dtype=np.int64)])
            col[nodes] = self.number(part, names)[at]

    def strings(self, part: int) -> list[str]:
        """The strings of one part, by number."""
        return list(self.tables[part])


__all__ = ["Column", "KeyIds", "column", "distinct", "member"]
