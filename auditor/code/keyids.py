"""Method keys as integers: the class, the name and the prototype of every method node, each numbered
across the whole build (one table of strings per part), read from the DEX ``method_ids`` tables without a
Python object per method; and the array helpers the code analysis shares (sort-based :func:`distinct` and
:func:`member`, :func:`spans` of CSR rows).

The numbers follow the order the strings are first met (DEX files in build order); they identify, they
do not order (see :mod:`auditor.code.hierarchy` for the one place where an order of keys matters).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from auditor.build.dex import DexError

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


def spans(starts: Array, counts: Array) -> Array:
    """The positions ``starts[i] .. starts[i] + counts[i] - 1`` of every span, one span after another (the
    entries of CSR rows: ``flat[spans(ptr[rows], ptr[rows + 1] - ptr[rows])]``)."""
    return np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))  # type: ignore[no-any-return]


def column(values: Array, table: list[str] | None, resolve: Callable[[int], str]) -> Column:
    """One part of the method ids (class type, name string or proto indices): each distinct index
    resolved once, from ``table`` when it covers them, else by ``resolve``."""
    found = distinct(values)
    indices = found.tolist()
    if table is not None and (not indices or indices[-1] < len(table)):
        # indices below the table's length: each one's position by direct look-up (a binary search per
        # method id costs ~20x more)
        position = np.zeros(indices[-1] + 1 if indices else 0, dtype=np.intp)
        position[found] = np.arange(len(found))
        return position[values], [table[i] for i in indices]
    return np.searchsorted(found, values), [resolve(i) for i in indices]


_BITS = 21
LIMIT = 1 << _BITS
"""Distinct class names, method names and prototypes a build may have (each): keys pack into 63 bits."""
SIG = LIMIT * LIMIT
"""``key // SIG`` is the class number, ``key % SIG`` the signature (name number * LIMIT + prototype)."""


class KeyIds:
    """The method numbering of a program: node -> class, name and prototype numbers (each part's strings
    numbered in the order they are first met), and key -> node through one sorted array of packed keys
    ``class * SIG + name * LIMIT + prototype`` (nodes added one by one wait in a small dict)."""

    def __init__(self) -> None:
        self.tables: tuple[dict[str, int], dict[str, int], dict[str, int]] = ({}, {}, {})
        self.strings: tuple[list[str], list[str], list[str]] = ([], [], [])
        self._cols = [np.zeros(0, dtype=np.int64) for _ in range(3)]
        self.size = 0
        self._sorted = np.zeros(0, dtype=np.int64)
        self._nodes = np.zeros(0, dtype=np.int64)
        self._recent: dict[int, int] = {}

    def number(self, part: int, names: list[str]) -> Array:
        """The numbers of strings of one part (class 0, name 1, prototype 2), new ones numbered on."""
        self.add(part, names)
        return np.fromiter(map(self.tables[part].__getitem__, names), dtype=np.int64, count=len(names))

    def add(self, part: int, names: list[str]) -> None:
        """Number the strings of one part not numbered yet, in the order given (:meth:`number` without the
        numbers)."""
        table, strings = self.tables[part], self.strings[part]
        fresh = list(dict.fromkeys(name for name in names if name not in table))
        if fresh:
            if len(strings) + len(fresh) > LIMIT:
                raise DexError(f"the build has more than {LIMIT:,} distinct "
                               f"{('class names', 'method names', 'method prototypes')[part]}")
            table.update(zip(fresh, range(len(strings), len(strings) + len(fresh))))
            strings.extend(fresh)

    def _one(self, part: int, name: str) -> int:
        """:meth:`number` of one string."""
        table = self.tables[part]
        found = table.get(name)
        return found if found is not None else int(self.number(part, [name])[0])

    def column(self, part: int) -> Array:
        """Node -> number of one part (a view: do not keep across additions)."""
        return self._cols[part][:self.size]

    def key(self, node: int) -> tuple[str, str, str]:
        cols, strings = self._cols, self.strings
        if not 0 <= node < self.size:
            raise IndexError(node)
        return strings[0][cols[0][node]], strings[1][cols[1][node]], strings[2][cols[2][node]]

    def packed(self, nodes: Array) -> Array:
        cols = self._cols
        return cols[0][nodes] * SIG + cols[1][nodes] * LIMIT + cols[2][nodes]  # type: ignore[no-any-return]

    def find(self, keys: Array) -> Array:
        """The node of each packed key (-1: none)."""
        out = np.full(len(keys), -1, dtype=np.int64)
        if len(self._sorted):
            at = np.minimum(np.searchsorted(self._sorted, keys), len(self._sorted) - 1)
            hit = self._sorted[at] == keys
            out[hit] = self._nodes[at[hit]]
        if self._recent:
            recent = np.array(sorted(self._recent), dtype=np.int64)
            nodes = np.array([self._recent[k] for k in recent.tolist()], dtype=np.int64)
            at = np.minimum(np.searchsorted(recent, keys), len(recent) - 1)
            hit = recent[at] == keys
            out[hit] = nodes[at[hit]]
        return out

    def get(self, key: tuple[str, str, str]) -> int | None:
        parts = [table.get(value) for table, value in zip(self.tables, key)]
        if None in parts:
            return None
        packed = parts[0] * SIG + parts[1] * LIMIT + parts[2]  # type: ignore[operator]
        ordered = self._sorted
        at = int(ordered.searchsorted(packed))
        if at < len(ordered) and ordered[at] == packed:
            return int(self._nodes[at])
        return self._recent.get(packed)

    def _grow(self, extra: int) -> None:
        need = self.size + extra
        if need > len(self._cols[0]):
            capacity = max(need, 2 * len(self._cols[0]), 1024)
            self._cols = [np.concatenate([c[:self.size], np.zeros(capacity - self.size, dtype=np.int64)])
                          for c in self._cols]

    def extend(self, cls: Array, name: Array, proto: Array) -> Array:
        """New nodes for these (distinct, absent) keys, numbered on in the order given."""
        first = self.size
        self._grow(len(cls))
        for col, values in zip(self._cols, (cls, name, proto)):
            col[first:first + len(values)] = values
        self.size += len(cls)
        nodes = np.arange(first, self.size, dtype=np.int64)
        keys = np.concatenate([self._sorted, self.packed(nodes)])
        every = np.concatenate([self._nodes, nodes])
        order = np.argsort(keys, kind="stable")
        self._sorted, self._nodes = keys[order], every[order]
        return nodes

    def append(self, key: tuple[str, str, str]) -> int:
        """A new node for one absent key."""
        parts = [self._one(part, value) for part, value in enumerate(key)]
        node = self.size
        self._grow(1)
        for col, value in zip(self._cols, parts):
            col[node] = value
        self.size += 1
        self._recent[parts[0] * SIG + parts[1] * LIMIT + parts[2]] = node
        return node


class MethodKeys:
    """Node -> ``(class, name, prototype)`` of a :class:`KeyIds` (made when asked, not kept)."""

    def __init__(self, ids: KeyIds) -> None:
        self.ids = ids

    def __len__(self) -> int:
        return self.ids.size

    def __getitem__(self, node: int) -> tuple[str, str, str]:
        return self.ids.key(node)


class MethodIndex:
    """``(class, name, prototype)`` -> node of a :class:`KeyIds`."""

    def __init__(self, ids: KeyIds) -> None:
        self.ids = ids

    def get(self, key: tuple[str, str, str]) -> int | None:
        return self.ids.get(key)

    def __getitem__(self, key: tuple[str, str, str]) -> int:
        node = self.ids.get(key)
        if node is None:
            raise KeyError(key)
        return node

    def __contains__(self, key: object) -> bool:
        return isinstance(key, tuple) and len(key) == 3 and self.ids.get(key) is not None


__all__ = ["LIMIT", "SIG", "Column", "KeyIds", "MethodIndex", "MethodKeys", "column", "distinct", "member",
           "spans"]
